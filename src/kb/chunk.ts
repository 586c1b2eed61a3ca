/**
 * Splits an article into chunks at its headings (HTML h1–h4 or Markdown #), so a citation can point at the
 * part of the page that answers, with the heading's anchor. Long stretches without headings are cut at
 * paragraph ends so no chunk buries its answer in unrelated text.
 */
import { htmlToPlainText } from "./html-text.js";
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
    current = { heading, anchor: id ?? slugifyHeading(heading), body: "" };
    last = (match.index ?? 0) + match[0].length;
  }
  current.body = html.slice(last);
  sections.push(current);
  return sections.map((s) => ({ ...s, body: htmlToPlainText(s.body) }));
}

function markdownSections(text: string): Section[] {
  const sections: Section[] = [];
  let current: Section = { heading: "", body: "" };
  for (const line of text.split(/\r?\n/)) {
    const heading = /^#{1,4}\s+(.+?)\s*#*$/.exec(line);
    if (heading) {
      sections.push(current);
      current = { heading: heading[1] ?? "", anchor: slugifyHeading(heading[1] ?? ""), body: "" };
    } else current.body += `${line}\n`;
  }
  sections.push(current);
  return sections;
}

/** Cuts text longer than the limit at paragraph (or sentence) ends. */
function splitLong(text: string): string[] {
  if (text.length <= MAX_CHUNK_CHARS) return [text];
  const pieces = text.split(/\n{2,}|(?<=[.!?])\s+(?=[A-Z])/);
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

export function chunkArticle(body: string, url?: string): Chunk[] {
  const isHtml = /<\/?[a-z][^>]*>/i.test(body);
  const sections = isHtml ? htmlSections(body) : markdownSections(body);
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
