/**
 * Words nobody here wrote (a customer's message, name or company, a help-center title or sentence) shown
 * exactly as written. Escaping &, < and > keeps mrkdwn from making mentions or links of them, but mrkdwn still
 * turns *this*, _that_, ~x~ and `code` into formatting, and Slack offers no escape for those. A rich_text
 * `text` element is never parsed at all: mentions and links exist there only as their own element types, so
 * its characters are shown as they are, with no entity escaping (an escaped "&lt;" would show as typed).
 */
import { truncate } from "./mrkdwn.js";

export type RichElement =
  | { type: "text"; text: string; style?: { bold?: boolean } }
  | { type: "link"; url: string; text: string }
  | { type: "emoji"; name: string };

export type RichPart =
  | { type: "rich_text_section" | "rich_text_quote"; elements: RichElement[] }
  | { type: "rich_text_list"; style: "ordered"; elements: { type: "rich_text_section"; elements: RichElement[] }[] };

// A type, not an interface: the builders' blocks are plain records, and only a type alias is assignable to one.
export type RichTextBlock = { type: "rich_text"; elements: RichPart[] };

/** Untrusted or not, shown literally. */
export const words = (text: string, max = 2900): RichElement => ({ type: "text", text: truncate(text, max) });
export const bold = (text: string): RichElement => ({ type: "text", text, style: { bold: true } });
export const emoji = (name: string): RichElement => ({ type: "emoji", name });

/** A link only to an http(s) address with nothing in it that could end or bend it; anything else is its label. */
export function linkOr(url: string | undefined, label: string, max = 150): RichElement {
  const text = truncate(label.trim() || (url ?? ""), max);
  return url && /^https?:\/\/[^\s<>|"]+$/i.test(url) ? { type: "link", url, text } : words(text);
}

// Slack refuses an empty text element, and a part with no elements.
const kept = (elements: RichElement[]) => elements.filter((e) => e.type !== "text" || e.text.length > 0);
export const section = (...elements: RichElement[]) => ({ type: "rich_text_section" as const, elements: kept(elements) });
export const quote = (...elements: RichElement[]): RichPart => ({ type: "rich_text_quote", elements: kept(elements) });

export function richText(...parts: RichPart[]): RichTextBlock {
  return { type: "rich_text", elements: parts.filter((p) => p.elements.length > 0) };
}

/**
 * An ordered list, one item a source with its title as the link: Slack numbers it 1, 2, … as the customer's own
 * copy numbers its sources (citations are numbered from 1 in order).
 */
export function numberedLinks(items: readonly { url: string; title: string }[]): RichPart {
  return { type: "rich_text_list", style: "ordered", elements: items.map((item) => section(linkOr(item.url, item.title))) };
}
