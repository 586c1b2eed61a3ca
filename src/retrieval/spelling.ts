/**
 * Typo tolerance for lexical retrieval: a query word the index has never seen is matched to the known words
 * one edit away (two for long words), counting a swap of neighbouring letters as one edit ("segmnet" →
 * "segment", "recnt" → "recent"); two words typed apart are joined when the joined word is known ("news
 * letter" → "newsletter"). Pure: a vocabulary in, corrections out.
 */

export interface Speller {
  /** Known words closest to `word`, or [] when it is known already, too short to guess at, or nothing is near. */
  correct(word: string): string[];
  /** `a` and `b` written as one word, when that word is known. */
  join(a: string, b: string): string | undefined;
  has(word: string): boolean;
}

// Short words have too many neighbours one edit away ("tag" → "tab", "tap") to guess safely; four-letter
// words are only corrected by swapping two neighbouring letters ("bakc" → "back"), never "paul" → "paus".
const MIN_LENGTH = 4;
const SWAP_ONLY_BELOW = 5;
const LONG_WORD = 8;

const sorted = (word: string) => [...word].sort().join("");

/** `ignore`: words that are never corrected nor offered (stop words): they carry no meaning to correct towards. */
export function createSpeller(vocabulary: Iterable<string>, ignore: (word: string) => boolean = () => false): Speller {
  const known = new Set<string>();
  for (const word of vocabulary) if (/^[a-z]+$/.test(word) && !ignore(word)) known.add(word);
  const byLength = new Map<number, string[]>();
  for (const word of known) {
    const list = byLength.get(word.length) ?? [];
    list.push(word);
    byLength.set(word.length, list);
  }
  const cache = new Map<string, string[]>();

  return {
    has: (word) => known.has(word),
    join: (a, b) => (known.has(`${a}${b}`) ? `${a}${b}` : undefined),
    correct(word: string): string[] {
      if (known.has(word) || ignore(word) || word.length < MIN_LENGTH || !/^[a-z]+$/.test(word)) return [];
      const hit = cache.get(word);
      if (hit) return hit;
      const limit = word.length >= LONG_WORD ? 2 : 1;
      let best = limit + 1;
      let found: string[] = [];
      for (let length = word.length - limit; length <= word.length + limit; length++) {
        for (const candidate of byLength.get(length) ?? []) {
          // The first letter is rarely the mistyped one; requiring it keeps the guesses few and plausible.
          if (candidate[0] !== word[0]) continue;
          if (word.length < SWAP_ONLY_BELOW && (candidate.length !== word.length || sorted(candidate) !== sorted(word))) continue;
          const d = editDistance(word, candidate, best);
          if (d < best) {
            best = d;
            found = [candidate];
          } else if (d === best) found.push(candidate);
        }
      }
      const result = best <= limit ? found.slice(0, 3) : [];
      cache.set(word, result);
      return result;
    },
  };
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps); stops early once it exceeds `cap`. */
export function editDistance(a: string, b: string, cap = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (prevPrev[j - 2] as number) + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > cap) return cap + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] as number;
}
