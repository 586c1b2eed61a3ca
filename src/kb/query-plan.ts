/**
 * Which of a question's words the index is asked about. Each content word becomes a concept (the word or
 * its synonyms); the concepts are ordered rarest first and taken while the rows they would make FTS5 score
 * stay within a budget, because bm25 costs time per matching row and a very common word adds rows, not
 * meaning. Pure: document frequencies come in, an FTS5 expression goes out.
 */

export interface Concept {
  /** The question's own word. */
  term: string;
  /** The word and its synonyms. */
  members: string[];
  /** Rows that would match: the sum of the members' document frequencies (an upper bound). */
  rows: number;
  /**
   * What the concept counts next to a word the customer wrote in this question (1 when absent): less for a
   * word a phrase stands for, or a word of the earlier conversation.
   */
  weight?: number;
}

export interface PlanLimits {
  /** Rows FTS5 may score for one question (the rarest concept is always kept). */
  rowBudget: number;
  maxConcepts: number;
}

export const DEFAULT_PLAN_LIMITS: PlanLimits = { rowBudget: 700, maxConcepts: 6 };

/**
 * One concept per question word: the word and its synonyms. Forms with the same stem ("smoke", "smoking") stay
 * separate phrases, as they always were here: bm25 then counts that word twice, which the DSTC9 figures
 * showed to help (R@1 .565 with them merged, .59 kept). The row estimate counts each stem once.
 */
export function buildConcepts(
  terms: readonly string[],
  synonymsOf: (term: string) => readonly string[],
  stemOf: (word: string) => string,
  docsOf: (word: string) => number,
  weightOf: (term: string) => number = () => 1,
  usedWords: Set<string> = new Set(),
): Concept[] {
  const concepts: Concept[] = [];
  for (const term of terms) {
    const members = [term, ...synonymsOf(term)].filter((w) => !usedWords.has(w));
    if (members.length === 0) continue;
    for (const w of members) usedWords.add(w);
    const stems = new Map(members.map((w) => [stemOf(w), w]));
    const weight = weightOf(term);
    concepts.push({ term, members, rows: [...stems.values()].reduce((n, w) => n + docsOf(w), 0), ...(weight !== 1 ? { weight } : {}) });
  }
  return concepts;
}

/** What each concept member counts, in memberStems' order: its concept's weight. */
export function memberWeights(concepts: readonly Concept[]): number[] {
  const out: number[] = [];
  for (const concept of concepts) for (const member of concept.members) if (member.replace(/"/g, "")) out.push(concept.weight ?? 1);
  return out;
}

/**
 * The members as FTS5 expressions, one per weight: FTS5 cannot weight a phrase, but bm25 is a sum over phrases,
 * so each weight's expression scored apart, multiplied and added gives what the in-memory scoring gives.
 */
export function weightedExpressions(concepts: readonly Concept[]): { expression: string; weight: number }[] {
  const byWeight = new Map<number, Concept[]>();
  for (const concept of concepts) {
    const weight = concept.weight ?? 1;
    byWeight.set(weight, [...(byWeight.get(weight) ?? []), concept]);
  }
  const out: { expression: string; weight: number }[] = [];
  for (const [weight, group] of byWeight) {
    const expression = conceptExpression(group);
    if (expression) out.push({ expression, weight });
  }
  return out;
}

/** Rarest first within the budget; concepts the index never uses match nothing and cost nothing. */
export function chooseConcepts(concepts: readonly Concept[], limits: PlanLimits = DEFAULT_PLAN_LIMITS): Concept[] {
  const present = concepts.filter((c) => c.rows > 0);
  const sorted = [...present].sort((a, b) => a.rows - b.rows);
  const chosen: Concept[] = [];
  let rows = 0;
  for (const concept of sorted) {
    if (chosen.length >= limits.maxConcepts) break;
    if (chosen.length > 0 && rows + concept.rows > limits.rowBudget) continue;
    chosen.push(concept);
    rows += concept.rows;
  }
  // Keep the question's word order: it reads better in logs and changes nothing in FTS5.
  return concepts.filter((c) => chosen.includes(c));
}

const quote = (word: string) => `"${word.replace(/"/g, "")}"`;

/** An FTS5 expression ORing the concepts; every word is quoted so none can act as FTS5 syntax. */
export function conceptExpression(concepts: readonly Concept[]): string | undefined {
  const parts = concepts
    .map((c) => c.members.map((w) => w.replace(/"/g, "")).filter(Boolean))
    .filter((m) => m.length > 0)
    .map((m) => (m.length === 1 ? quote(m[0] as string) : `(${m.map(quote).join(" OR ")})`));
  return parts.length > 0 ? parts.join(" OR ") : undefined;
}

/** Matches rows whose title carries this exact name (the index puts an article's entity in its title). */
export function titlePhrase(nameWords: readonly string[]): string | undefined {
  const clean = nameWords.map((w) => w.replace(/"/g, "")).filter(Boolean);
  return clean.length > 0 ? `title : "${clean.join(" ")}"` : undefined;
}

/**
 * How much the question says on its own: its known words' idf summed, in units of the idf of a word found in
 * one chunk only. "how do i do that on here" is 0; "how do I restore a deleted note" is about 2.
 */
export function informativeness(termWeights: readonly number[], termDocs: readonly number[], chunkCount: number): number {
  const rarest = Math.log(1 + Math.max(1, chunkCount));
  let sum = 0;
  termWeights.forEach((w, i) => {
    if ((termDocs[i] ?? 0) > 0) sum += w;
  });
  return sum / rarest;
}

/** Below this informativeness the earlier conversation's words join the question's query. */
export const CONTEXT_QUERY_BELOW = 0.8;
/** What a conversation word counts, at most (for a question that says nothing by itself). */
export const CONTEXT_QUERY_MAX = 0.5;

/**
 * What the conversation's words count in the query: nothing for a question that says enough by itself, and
 * more the less it says, so "where does it go?" is searched as much by "I deleted a note" as by itself.
 */
export function contextQueryShare(informative: number, below = CONTEXT_QUERY_BELOW, max = CONTEXT_QUERY_MAX): number {
  if (informative >= below) return 0;
  return max * (1 - Math.max(0, informative) / below);
}
