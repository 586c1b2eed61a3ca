/**
 * HTML to plain text for the knowledge base. Unlike src/text/html-to-text.ts (which keeps where links point,
 * for people and the model) search text drops link targets: a URL's words are noise to bm25 and to quotes.
 */
import { compile } from "html-to-text";

// Compiled once: building the converter costs far more than running it (it dominated indexing time).
const convert = compile({
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
});

export function htmlToPlainText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  return convert(html).trim();
}
