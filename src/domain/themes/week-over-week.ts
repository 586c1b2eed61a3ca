/**
 * Compares this week's themes with last week's stored snapshot: each theme is matched to the most similar
 * theme of last week (cosine of keyword centroids, one-to-one, greedy by similarity), so a theme can grow,
 * shrink or be new. Top movers come first.
 */
import { cosine, type TermWeights } from "./keywords.js";

export interface StoredTheme {
  theme: number;
  name: string;
  keywords: string[];
  centroid: TermWeights;
  size: number;
}

export interface ThemeChange {
  theme: number;
  previous?: StoredTheme;
  /** Size last week (0 when new). */
  previousSize: number;
  change: number;
  isNew: boolean;
  similarity: number;
}

export function matchWeeks(
  current: { id: number; centroid: TermWeights; size: number }[],
  previous: StoredTheme[],
  minSimilarity = 0.3,
): Map<number, ThemeChange> {
  const pairs: { c: number; p: number; s: number }[] = [];
  current.forEach((theme, c) => {
    previous.forEach((old, p) => {
      const s = cosine(theme.centroid, old.centroid);
      if (s >= minSimilarity) pairs.push({ c, p, s });
    });
  });
  pairs.sort((a, b) => b.s - a.s || a.c - b.c || a.p - b.p);
  const usedC = new Set<number>();
  const usedP = new Set<number>();
  const result = new Map<number, ThemeChange>();
  for (const { c, p, s } of pairs) {
    if (usedC.has(c) || usedP.has(p)) continue;
    usedC.add(c);
    usedP.add(p);
    const theme = current[c];
    result.set(theme.id, {
      theme: theme.id,
      previous: previous[p],
      previousSize: previous[p].size,
      change: theme.size - previous[p].size,
      isNew: false,
      similarity: s,
    });
  }
  for (const theme of current) {
    if (!result.has(theme.id)) result.set(theme.id, { theme: theme.id, previousSize: 0, change: theme.size, isNew: previous.length > 0, similarity: 0 });
  }
  return result;
}

/** Largest absolute change first; ties by size. */
export function topMovers<T extends { id: number; size: number }>(themes: T[], changes: Map<number, ThemeChange>): T[] {
  return [...themes].sort((a, b) => Math.abs(changes.get(b.id)?.change ?? 0) - Math.abs(changes.get(a.id)?.change ?? 0) || b.size - a.size || a.id - b.id);
}
