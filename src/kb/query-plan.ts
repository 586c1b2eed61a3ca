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
): Concept[] {
  const concepts: Concept[] = [];
  const usedWords = new Set<string>();
  for (const term of terms) {
    const members = [term, ...synonymsOf(term)].filter((w) => !usedWords.has(w));
    if (members.length === 0) continue;
    for (const w of members) usedWords.add(w);
    const stems = new Map(members.map((w) => [stemOf(w), w]));
    concepts.push({ term, members, rows: [...stems.values()].reduce((n, w) => n + docsOf(w), 0) });
  }
  return concepts;
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
