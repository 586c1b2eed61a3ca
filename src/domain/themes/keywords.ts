/**
 * Names a theme with no model: its most distinctive terms by class-based TF-IDF (c-TF-IDF, as in BERTopic):
 * a term's frequency inside the theme, weighted by how rare it is across themes.
 */
import { contentWords, words } from "./tokenize.js";

export type TermWeights = Record<string, number>;

function themeTerms(text: string): string[] {
  const content = contentWords(words(text)).filter((w) => !/^\d+$/.test(w) && !["email", "card_", "phone", "number", "account_"].includes(w));
  const terms = [...content];
  for (let i = 0; i + 1 < content.length; i++) terms.push(`${content[i]} ${content[i + 1]}`);
  return terms;
}

/** For each group of texts, its terms weighted by c-TF-IDF, L2-normalised (the theme's "keyword centroid"). */
export function classTfidf(groups: string[][], keep = 40): TermWeights[] {
  const counts = groups.map((texts) => {
    const tf = new Map<string, number>();
    for (const text of texts) for (const term of new Set(themeTerms(text))) tf.set(term, (tf.get(term) ?? 0) + 1);
    return tf;
  });
  const total = new Map<string, number>();
  for (const tf of counts) for (const [term, c] of tf) total.set(term, (total.get(term) ?? 0) + c);
  const averageSize = Math.max(1, groups.reduce((s, g) => s + g.length, 0) / Math.max(1, groups.length));
  return counts.map((tf, g) => {
    const size = Math.max(1, groups[g].length);
    const scored = [...tf]
      .filter(([, c]) => c >= Math.min(2, size))
      .map(([term, c]) => [term, (c / size) * Math.log(1 + averageSize / total.get(term)!)] as const)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, keep);
    const norm = Math.sqrt(scored.reduce((s, [, w]) => s + w * w, 0)) || 1;
    return Object.fromEntries(scored.map(([term, w]) => [term, Number((w / norm).toFixed(5))]));
  });
}

/** The top terms, skipping a word already covered by a chosen pair ("top up" makes "top" and "up" redundant). */
export function topKeywords(weights: TermWeights, count = 3): string[] {
  const chosen: string[] = [];
  for (const term of Object.keys(weights)) {
    if (chosen.length >= count) break;
    const covered = chosen.some((c) => c.split(" ").includes(term) || term.split(" ").includes(c));
    if (covered && term.includes(" ")) {
      // A pair that contains a chosen single word replaces it: it says more.
      const index = chosen.findIndex((c) => term.split(" ").includes(c));
      if (index >= 0 && !chosen.some((c) => c.includes(" ") && c !== chosen[index])) {
        chosen[index] = term;
        continue;
      }
    }
    if (!covered) chosen.push(term);
  }
  return chosen;
}

export function cosine(a: TermWeights, b: TermWeights): number {
  let s = 0;
  for (const [term, w] of Object.entries(a)) s += w * (b[term] ?? 0);
  return s;
}
