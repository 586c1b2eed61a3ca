/**
 * Which chunk of an article to quote and cite. bm25 alone favours short chunks that repeat the title's words
 * ("Your notes" in the subscriptions article); the chunk that covers the question's own words is the one that
 * answers it ("Cancel"), so coverage decides and bm25 only breaks ties. Pure.
 */
import { formsCoverage as coverage, type Stems, stemSet, termForms } from "../domain/faq/extract.js";

export interface CandidateChunk {
  heading: string;
  text: string;
  /** FTS5 bm25: lower is better. */
  rank: number;
}

/** `stemsOf` may serve a chunk's stem set from a cache; by default it is computed from the heading and text. */
export function bestChunkFirst<T extends CandidateChunk>(
  terms: readonly string[],
  chunks: readonly T[],
  weights?: readonly number[],
  stemsOf: (chunk: T) => Stems = (chunk) => stemSet(`${chunk.heading} ${chunk.text}`),
): T[] {
  if (chunks.length < 2 || terms.length === 0) return [...chunks].sort((a, b) => a.rank - b.rank);
  const forms = termForms(terms);
  const covered = chunks.map((chunk) => ({ chunk, coverage: coverage(forms, stemsOf(chunk), weights) }));
  covered.sort((a, b) => b.coverage - a.coverage || a.chunk.rank - b.chunk.rank);
  return covered.map((c) => c.chunk);
}
