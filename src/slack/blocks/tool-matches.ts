/**
 * Which tools fit the words someone typed after `/switchboard tools`: a tool must match at least one of the
 * person's own words (not only a synonym the retriever adds), and score within reach of the best such match.
 * Below that floor a list only misleads ("refund" is not a tool), so the caller says nothing fits. Pure.
 */

import { rankTools, type ToolIndex } from "../../agent/tool-retriever.js";
import { scoreBm25 } from "../../retrieval/bm25.js";
import { analyze } from "../../retrieval/text-analysis.js";

/** A match scoring under this share of the best one is noise next to it. */
export const RELATIVE_FLOOR = 0.5;

export interface ToolMatches {
  /** Tools that fit, best first. */
  fits: string[];
  /** When nothing fits: the retriever's closest guesses, to show as such. */
  closest: string[];
}

export function toolMatches(index: ToolIndex, query: string, allowed?: ReadonlySet<string>): ToolMatches {
  const ranked = rankTools(index, query, allowed).filter((r) => r.score > 0);
  const own = [...new Set(analyze(query))].map((term) => ({ term, weight: 1 }));
  const direct = new Map(
    own.length > 0
      ? scoreBm25(index.bm25, own)
          .filter((s) => s.score > 0 && (!allowed || allowed.has(s.id)))
          .map((s) => [s.id, s.score] as const)
      : [],
  );
  const best = Math.max(0, ...direct.values());
  const fits = ranked.filter((r) => (direct.get(r.name) ?? 0) >= best * RELATIVE_FLOOR && direct.has(r.name)).map((r) => r.name);
  return { fits, closest: fits.length > 0 ? [] : ranked.slice(0, 3).map((r) => r.name) };
}
