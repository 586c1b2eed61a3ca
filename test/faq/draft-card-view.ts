/** Reading Block Kit the way the tests of the FAQ card need: which texts Slack parses as mrkdwn, which it shows literally. */
type Doc = Record<string, unknown>;
export type RichElement = { type: string; text?: string; url?: string; user_id?: string; name?: string };

function walk(value: unknown, visit: (node: Doc) => void): void {
  if (Array.isArray(value)) for (const v of value) walk(v, visit);
  else if (value && typeof value === "object") {
    visit(value as Doc);
    for (const v of Object.values(value as Doc)) walk(v, visit);
  }
}

/** Every element inside a rich_text block's sections and quotes. */
export function richElementsOf(blocks: unknown): RichElement[] {
  const out: RichElement[] = [];
  walk(blocks, (node) => {
    if (node.type === "rich_text_section" || node.type === "rich_text_quote") out.push(...(node.elements as RichElement[]));
  });
  return out;
}

/** The texts Slack shows character for character: rich_text `text` elements. */
export const literalTexts = (blocks: unknown): string[] =>
  richElementsOf(blocks)
    .filter((e) => e.type === "text")
    .map((e) => String(e.text));

/** The texts Slack parses for formatting, mentions and links: every mrkdwn text object. */
export function formattedTexts(blocks: unknown): string[] {
  const out: string[] = [];
  walk(blocks, (node) => {
    if (node.type === "mrkdwn" && typeof node.text === "string") out.push(node.text);
  });
  return out;
}

const decode = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

const inline = (elements: RichElement[]) =>
  elements.map((e) => (e.type === "user" ? `<@${e.user_id}>` : e.type === "emoji" ? `:${e.name}:` : (e.text ?? ""))).join("");

/** A rich_text part as a reader sees it; an ordered list numbered the way Slack draws it. */
function richPart(part: Doc): string {
  if (part.type === "rich_text_list") {
    const items = (part.elements as Doc[]).map((item) => inline(item.elements as RichElement[]));
    return items.map((item, i) => (part.style === "ordered" ? `${i + 1}. ${item}` : `• ${item}`)).join("\n");
  }
  return inline(part.elements as RichElement[]);
}

/** Roughly what a reader sees, a line per block part: rich text as drawn, mrkdwn with its entities decoded, plain text. */
export function shownText(blocks: unknown): string {
  const lines: string[] = [];
  for (const block of blocks as Doc[]) {
    if (block.type === "rich_text") lines.push(...(block.elements as Doc[]).map(richPart));
    else
      walk(block, (node) => {
        if (node.type === "mrkdwn" && typeof node.text === "string") lines.push(decode(node.text));
        else if (node.type === "plain_text" && typeof node.text === "string") lines.push(node.text);
      });
  }
  return lines.join("\n");
}
