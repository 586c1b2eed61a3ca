/**
 * Scoring a tool ranking against expected tools. A request counts as found at k only when every expected tool
 * is in the top k; its reciprocal rank uses the position where the last expected tool appears (0 if any is
 * missing from the ranking), so MRR and recall measure the same thing.
 */

export interface SelectionCase {
  id: string;
  ranked: readonly string[];
  expected: readonly string[];
}

export function fullCoverageRank(ranked: readonly string[], expected: readonly string[]): number | undefined {
  let worst = 0;
  for (const item of expected) {
    const at = ranked.indexOf(item);
    if (at < 0) return undefined;
    worst = Math.max(worst, at + 1);
  }
  return worst;
}

export function recallAt(cases: readonly SelectionCase[], k: number): number {
  if (cases.length === 0) return 0;
  const hits = cases.filter((c) => {
    const rank = fullCoverageRank(c.ranked, c.expected);
    return rank !== undefined && rank <= k;
  }).length;
  return hits / cases.length;
}

export function meanReciprocalRank(cases: readonly SelectionCase[]): number {
  if (cases.length === 0) return 0;
  return cases.reduce((sum, c) => sum + 1 / (fullCoverageRank(c.ranked, c.expected) ?? Number.POSITIVE_INFINITY), 0) / cases.length;
}

/** Rough token count of a JSON schema: characters / 4, the usual rule of thumb for English and JSON. */
export function approxTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
