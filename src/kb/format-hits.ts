/** Search results as a person reads them in a terminal. */
import type { SearchHit } from "./types.js";

export function formatHits(hits: readonly SearchHit[]): string {
  if (hits.length === 0) return "No article matches.";
  return hits
    .map((h, i) => {
      const where = [h.collection, h.chunk.heading].filter(Boolean).join(" › ");
      const tag = h.visibility === "internal" ? " [internal]" : "";
      const excerpt = h.chunk.text.replace(/\s+/g, " ").slice(0, 160);
      return `${i + 1}. ${h.title}${tag}  (score ${h.score.toFixed(2)}, ${h.articleId})\n   ${where ? `${where}\n   ` : ""}${h.chunk.anchorUrl ?? h.url ?? "no public link"}\n   ${excerpt}${h.chunk.text.length > 160 ? "…" : ""}`;
    })
    .join("\n");
}
