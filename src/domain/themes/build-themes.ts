/**
 * From documents and a clustering to themes: small clusters and messages far from their theme go to
 * "other"; each theme gets keywords, a name, its size and share, and three representative examples (the
 * messages closest to its centre).
 */
import type { Clustering } from "./cluster-texts.js";
import type { ThemeDocument } from "./documents.js";
import { classTfidf, type TermWeights, topKeywords } from "./keywords.js";

export interface Theme {
  /** Stable within one run: themes are numbered by size, largest first. */
  id: number;
  name: string;
  summary?: string;
  keywords: string[];
  /** The c-TF-IDF keyword weights: what is stored and compared week over week. */
  centroid: TermWeights;
  size: number;
  /** Share of all documents in the window, 0..1. */
  share: number;
  /** Up to three representative documents. */
  examples: ThemeDocument[];
  members: ThemeDocument[];
}

export interface ThemeSet {
  themes: Theme[];
  other: ThemeDocument[];
  total: number;
}

export interface BuildThemesOptions {
  /** Clusters smaller than this are not themes (default: max(3, 0.3% of documents)). */
  minSize?: number;
  /** A message whose similarity to its theme's centre is below this goes to "other". */
  minSimilarity?: number;
  /** ...or below this fraction of its theme's median similarity (default 0.55; 0 turns it off). */
  relativeCutoff?: number;
  /** Keep texts that share no word with any other in their cluster instead of sending them to "other". */
  keepStrays?: boolean;
}

const RELATIVE_CUTOFF = 0.55;

export function buildThemes(documents: ThemeDocument[], clustering: Clustering, options: BuildThemesOptions = {}): ThemeSet {
  const n = documents.length;
  const minSize = options.minSize ?? Math.max(3, Math.ceil(n * 0.003));
  const minSimilarity = options.minSimilarity ?? 0.15;
  const { vectors, dims } = clustering;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = clustering.assignments[i];
    if (!groups.has(c)) groups.set(c, []);
    groups.get(c)!.push(i);
  }
  const other: number[] = [];
  const kept: { members: number[]; similarity: Map<number, number> }[] = [];
  for (const members of groups.values()) {
    const centre = new Float64Array(dims);
    for (const i of members) for (let d = 0; d < dims; d++) centre[d] += vectors[i * dims + d];
    const norm = Math.sqrt(centre.reduce((s, v) => s + v * v, 0)) || 1;
    const similarity = new Map<number, number>();
    for (const i of members) {
      let s = 0;
      for (let d = 0; d < dims; d++) s += (vectors[i * dims + d] * centre[d]) / norm;
      similarity.set(i, s);
    }
    // A message far below its theme's typical closeness only shares stray character n-grams with it.
    const sorted = members.map((i) => similarity.get(i)!).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const cutoff = Math.max(minSimilarity, (options.relativeCutoff ?? RELATIVE_CUTOFF) * median);
    const fits = (i: number) => similarity.get(i)! >= cutoff && (options.keepStrays === true || clustering.strays?.[i] !== 1);
    const close = members.filter(fits);
    for (const i of members) if (!fits(i)) other.push(i);
    if (close.length < minSize) other.push(...close);
    else kept.push({ members: close, similarity });
  }
  kept.sort((a, b) => b.members.length - a.members.length || a.members[0] - b.members[0]);
  const weights = classTfidf(kept.map((group) => group.members.map((i) => documents[i].text)));
  const themes = kept.map((group, index): Theme => {
    const keywords = topKeywords(weights[index], 3);
    const byCloseness = [...group.members].sort((a, b) => group.similarity.get(b)! - group.similarity.get(a)! || a - b);
    const examples: ThemeDocument[] = [];
    const seen = new Set<string>();
    for (const i of byCloseness) {
      const text = documents[i].opening.toLowerCase();
      if (seen.has(text)) continue;
      seen.add(text);
      examples.push(documents[i]);
      if (examples.length === 3) break;
    }
    return {
      id: index + 1,
      name: keywords.length > 0 ? keywords.join(" · ") : `theme ${index + 1}`,
      keywords,
      centroid: weights[index],
      size: group.members.length,
      share: n === 0 ? 0 : group.members.length / n,
      examples,
      members: group.members.map((i) => documents[i]),
    };
  });
  return { themes, other: other.sort((a, b) => a - b).map((i) => documents[i]), total: n };
}
