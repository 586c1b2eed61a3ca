/**
 * What the customer receives: plain HTML Intercom renders, the answer's sentences with numbered citations
 * and the numbered sources as links. Nothing from Slack's mrkdwn, no ids, no internal articles (the caller
 * passes public citations only, and this refuses anything else).
 */
import type { Citation } from "./types.js";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const safeUrl = (url: string) => /^https?:\/\//i.test(url);

export function customerHtml(sentences: readonly string[], citations: readonly Citation[]): string {
  const usable = citations.filter((c) => safeUrl(c.url));
  const marks = usable.map((c) => `<a href="${escapeHtml(c.url)}">[${c.number}]</a>`).join(" ");
  const body = sentences.map((s, i) => `<p>${escapeHtml(s)}${i === sentences.length - 1 && marks ? ` ${marks}` : ""}</p>`).join("");
  if (usable.length === 0) return body;
  const sources = usable.map((c) => `<li><a href="${escapeHtml(c.url)}">${escapeHtml(c.title)}</a></li>`).join("");
  return `${body}<p>Sources:</p><ol>${sources}</ol>`;
}

/** The same answer as plain text, for the CLI and for a Slack preview (escaped there). */
export function customerText(sentences: readonly string[], citations: readonly Citation[]): string {
  const marks = citations.map((c) => `[${c.number}]`).join("");
  const body = sentences.join(" ") + (marks ? ` ${marks}` : "");
  const sources = citations.map((c) => `[${c.number}] ${c.title}: ${c.url}`).join("\n");
  return sources ? `${body}\n\n${sources}` : body;
}
