/**
 * HTML to plain text, in one place, through the maintained `html-to-text` package: Intercom bodies (replies,
 * notes, articles) arrive as HTML, and people, the model and the search all read them as text. Lists keep
 * their markers, headings stay on their own lines, links keep where they point, scripts and images go.
 */
import { compile } from "html-to-text";

export interface HtmlToTextOptions {
  /** Everything on one line (search text, titles, CSV cells). */
  singleLine?: boolean;
}

const heading = { options: { uppercase: false, leadingLineBreaks: 1, trailingLineBreaks: 1 } };

// Compiled once: building the converter costs far more than running it.
const convert = compile({
  wordwrap: false,
  selectors: [
    { selector: "a", options: { hideLinkHrefIfSameAsText: true, linkBrackets: ["(", ")"] } },
    { selector: "img", format: "skip" },
    { selector: "ul", options: { itemPrefix: "- " } },
    { selector: "p", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, ...heading })),
  ],
});

export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const text = convert(html)
    .replace(/^[ \t]+|[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return options.singleLine ? text.replace(/\s+/g, " ") : text;
}
