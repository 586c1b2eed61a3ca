/** Recall@k and mean reciprocal rank over ranked id lists: pure, shared by the benchmarks and tests. */

export interface RankedCase {
  gold: string;
  ranked: readonly string[];
}

export function recallAt(cases: readonly RankedCase[], k: number): number {
  if (cases.length === 0) return 0;
  return cases.filter((c) => c.ranked.slice(0, k).includes(c.gold)).length / cases.length;
}

export function meanReciprocalRank(cases: readonly RankedCase[], cutoff = 10): number {
  if (cases.length === 0) return 0;
  let total = 0;
  for (const c of cases) {
    const at = c.ranked.slice(0, cutoff).indexOf(c.gold);
    if (at >= 0) total += 1 / (at + 1);
  }
  return total / cases.length;
}

/** "U: hi || S: hello" → ["hi", "hello"]: the evaluation format's context string as turns. */
export function splitContext(context: string | undefined): string[] {
  if (!context) return [];
  return context
    .split(" || ")
    .map((turn) => turn.replace(/^\s*[US]:\s*/, "").trim())
    .filter(Boolean);
}
