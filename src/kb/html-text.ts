/**
 * HTML to plain text in one place. A shared src/text/html-to-text.ts is on its way; until then this calls the
 * html-to-text package directly, so switching is a one-line change here.
 */
import { convert } from "html-to-text";

export function htmlToPlainText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
      { selector: "h4", options: { uppercase: false } },
      { selector: "table", options: { uppercaseHeaderCells: false } },
    ],
  }).trim();
}
