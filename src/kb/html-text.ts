/**
 * HTML to plain text for the knowledge base. Unlike src/text/html-to-text.ts (which keeps where links point,
 * for people and the model) search text drops link targets: a URL's words are noise to bm25 and to quotes.
 */
import { compile } from "html-to-text";

type Formatter = NonNullable<Parameters<typeof compile>[0]>["formatters"] extends Record<string, infer F> | undefined ? F : never;

/** An image says what it shows in its alt text ("the Card settings screen"); its address is noise. */
const altText: Formatter = (elem, _walk, builder) => {
  const alt = elem.attribs?.alt?.trim();
  if (alt) builder.addInline(alt);
};

const keepCase = { uppercase: false };

// Compiled once: building the converter costs far more than running it (it dominated indexing time).
const convert = compile({
  wordwrap: false,
  formatters: { altText },
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "altText" },
    { selector: "h1", options: keepCase },
    { selector: "h2", options: keepCase },
    { selector: "h3", options: keepCase },
    { selector: "h4", options: keepCase },
    { selector: "h5", options: keepCase },
    { selector: "h6", options: keepCase },
    // Laid out as rows: the default block layout glued the cells' words together ("BasicFreePremium").
    { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false, maxColumnWidth: 10_000 } },
  ],
});

export function htmlToPlainText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  return convert(html).trim();
}

/** Character references in text that is otherwise not HTML ("Fees &amp; charges"), decoded; the rest as is. */
export function decodeEntities(text: string): string {
  if (!/&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(text)) return text;
  const lead = /^\s*/.exec(text)?.[0] ?? "";
  return lead + convert(text.replace(/</g, "&lt;"));
}
