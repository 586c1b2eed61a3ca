/**
 * Splits an article into chunks at its headings (HTML h1–h4 or Markdown #), so a citation can point at the
 * part of the page that answers, with the heading's anchor. Long stretches without headings are cut at
 * paragraph ends so no chunk buries its answer in unrelated text.
 */
import { decodeEntities, htmlToPlainText } from "./html-text.js";
import type { Chunk } from "./types.js";

const MAX_CHUNK_CHARS = 1200;

export function slugifyHeading(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

interface Section {
  heading: string;
  anchor?: string;
  /** The anchor is the heading's own id in the HTML, not one made from its words. */
  explicit?: boolean;
  body: string;
}

function htmlSections(html: string): Section[] {
  const sections: Section[] = [];
  const pattern = /<h([1-4])([^>]*)>([\s\S]*?)<\/h\1>/gi;
  let last = 0;
  let current: Section = { heading: "", body: "" };
  for (const match of html.matchAll(pattern)) {
    current.body = html.slice(last, match.index);
    sections.push(current);
    const heading = htmlToPlainText(match[3] ?? "");
    const id = /\bid\s*=\s*["']([^"']+)["']/i.exec(match[2] ?? "")?.[1];
    current = { heading, anchor: id ?? slugifyHeading(heading), explicit: id !== undefined, body: "" };
    last = (match.index ?? 0) + match[0].length;
  }
  current.body = html.slice(last);
  sections.push(current);
  return sections.map((s) => ({ ...s, body: htmlToPlainText(s.body) }));
}

function markdownSections(text: string): Section[] {
  const sections: Section[] = [];
  let current: Section = { heading: "", body: "" };
  // Inside a fenced code block a "#" line is code (a shell comment, a Python one), not a heading.
  let fence: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence === undefined ? marker : undefined;
    const heading = fence === undefined && !marker ? /^#{1,4}\s+(.+?)\s*#*$/.exec(line) : null;
    if (heading) {
      sections.push(current);
      current = { heading: heading[1] ?? "", anchor: slugifyHeading(heading[1] ?? ""), body: "" };
    } else current.body += `${decodeEntities(line)}\n`;
  }
  sections.push(current);
  return sections;
}

/** Cuts a piece still longer than the limit at its last space before the limit (a word longer than it stays whole). */
function byWords(text: string): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > MAX_CHUNK_CHARS) {
    const cut = rest.lastIndexOf(" ", MAX_CHUNK_CHARS);
    const at = cut > 0 ? cut : rest.indexOf(" ", MAX_CHUNK_CHARS);
    if (at < 0) break;
    out.push(rest.slice(0, at));
    rest = rest.slice(at + 1).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

/**
 * Cuts text longer than the limit at paragraph (or sentence) ends; a piece still too long (a long list, text
 * without sentence ends) at line ends, then any sentence end, then between words.
 */
function splitLong(text: string): string[] {
  if (text.length <= MAX_CHUNK_CHARS) return [text];
  const finer = (pieces: string[], pattern: RegExp) => pieces.flatMap((p) => (p.length > MAX_CHUNK_CHARS ? p.split(pattern) : [p]));
  let pieces = text.split(/\n{2,}|(?<=[.!?])\s+(?=[A-Z])/);
  pieces = finer(pieces, /\n/);
  pieces = finer(pieces, /(?<=[.!?;。！？])\s+/);
  pieces = pieces.flatMap((p) => (p.length > MAX_CHUNK_CHARS ? byWords(p) : [p]));
  const out: string[] = [];
  let buffer = "";
  for (const piece of pieces) {
    if (buffer && buffer.length + piece.length + 1 > MAX_CHUNK_CHARS) {
      out.push(buffer.trim());
      buffer = "";
    }
    buffer += `${piece}\n`;
  }
  if (buffer.trim()) out.push(buffer.trim());
  return out;
}

/** One anchor per heading: a repeated heading's slug gets -1, -2… so each citation opens its own part. */
function distinctAnchors(sections: Section[]): Section[] {
  const used = new Set(sections.map((s) => s.explicit && s.anchor).filter(Boolean));
  return sections.map((s) => {
    if (!s.anchor || s.explicit) return s;
    let anchor = s.anchor;
    for (let n = 1; used.has(anchor); n++) anchor = `${s.anchor}-${n}`;
    used.add(anchor);
    return { ...s, anchor };
  });
}

export function chunkArticle(body: string, url?: string): Chunk[] {
  const isHtml = /<\/?[a-z][^>]*>/i.test(body);
  const sections = distinctAnchors(isHtml ? htmlSections(body) : markdownSections(body));
  const chunks: Chunk[] = [];
  for (const section of sections) {
    const text = section.body
      .replace(/[ \t]+/g, " ")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
    // A heading with nothing under it still names the topic: keep it as text so it can be found.
    if (!text && !section.heading) continue;
    for (const part of splitLong(text || section.heading)) {
      chunks.push({
        position: chunks.length,
        heading: section.heading,
        anchorUrl: url && section.anchor ? `${url}#${section.anchor}` : url,
        text: part,
      });
    }
  }
  if (chunks.length === 0) chunks.push({ position: 0, heading: "", anchorUrl: url, text: "" });
  return chunks;
}
