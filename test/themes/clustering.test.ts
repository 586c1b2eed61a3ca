import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildThemes } from "../../src/domain/themes/build-themes.js";
import { clusterTexts } from "../../src/domain/themes/cluster-texts.js";
import type { ThemeDocument } from "../../src/domain/themes/documents.js";
import { ari, nmi } from "../../src/domain/themes/metrics.js";
import { parseCsv } from "../../src/emulator/demo/csv.js";

const rows = parseCsv(readFileSync(new URL("../../vendor/banking77/test.csv", import.meta.url), "utf8")).slice(1);
const pick = (intents: string[]) => rows.filter((r) => intents.includes(r[1]));
const INTENTS = ["card_arrival", "exchange_rate", "pin_blocked", "top_up_failed", "lost_or_stolen_phone", "cash_withdrawal_charge"];
const sample = pick(INTENTS);
const texts = sample.map((r) => r[0]);
const labels = sample.map((r) => r[1]);

/** Share of texts whose cluster's majority intent is their own. */
function purityOf(truth: string[], clusters: Int32Array): number {
  const counts = new Map<number, Map<string, number>>();
  truth.forEach((label, i) => {
    const inCluster = counts.get(clusters[i]) ?? new Map<string, number>();
    inCluster.set(label, (inCluster.get(label) ?? 0) + 1);
    counts.set(clusters[i], inCluster);
  });
  let majority = 0;
  for (const inCluster of counts.values()) majority += Math.max(...inCluster.values());
  return majority / truth.length;
}

describe("clustering with no model", () => {
  it("the metrics are right on known cases", () => {
    expect(nmi([0, 0, 1, 1], [5, 5, 7, 7])).toBeCloseTo(1);
    expect(ari([0, 0, 1, 1], [1, 1, 0, 0])).toBeCloseTo(1);
    expect(ari([0, 0, 0, 1, 1, 1], [0, 1, 0, 1, 0, 1])).toBeLessThan(0.1);
  });

  it("finds six banking intents at the true K", () => {
    const result = clusterTexts(texts, { k: 6 });
    expect(result.k).toBe(6);
    expect(nmi(labels, result.assignments)).toBeGreaterThan(0.7);
  });

  it("estimates K when it is not given: never fewer themes than intents, and pieces of whole intents", () => {
    const result = clusterTexts(texts, { k: "auto" });
    // Six big intents come out in pieces (see RESOLUTION in cluster-texts.ts); the pieces must not mix intents.
    expect(result.k).toBeGreaterThanOrEqual(6);
    expect(result.k).toBeLessThanOrEqual(30);
    expect(nmi(labels, result.assignments)).toBeGreaterThan(0.7);
    const purity = purityOf(labels, result.assignments);
    expect(purity).toBeGreaterThan(0.85);
  });

  it("is deterministic: the same input gives the same themes", () => {
    const a = clusterTexts(texts, { k: "auto" });
    const b = clusterTexts(texts, { k: "auto" });
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
  });

  it("puts unrelated one-off messages in other rather than in a theme", () => {
    const odd = ["zebra xylophone quantum", "my parrot sings opera at night", "recipe for lemon drizzle cake"];
    const all = [...texts, ...odd];
    const docs: ThemeDocument[] = all.map((text, i) => ({ key: String(i), kind: "conversation", id: String(i), createdAt: 0, text, opening: text }));
    const set = buildThemes(docs, clusterTexts(all, { k: "auto" }));
    const otherTexts = set.other.map((d) => d.text);
    expect(odd.filter((text) => otherTexts.includes(text))).toEqual(odd);
    expect(set.themes.length).toBeGreaterThanOrEqual(4);
    for (const theme of set.themes) {
      expect(theme.examples.length).toBe(3);
      expect(theme.keywords.length).toBeGreaterThan(0);
    }
  });

  it("uses embedding vectors instead of LSA when they are given", () => {
    // A fake embedding: one axis per intent plus a little per-message spread, so the clusters are obvious.
    const dims = INTENTS.length + 1;
    const vectors = new Float64Array(texts.length * dims);
    labels.forEach((label, i) => {
      vectors[i * dims + INTENTS.indexOf(label)] = 1;
      vectors[i * dims + dims - 1] = (i % 7) / 50;
    });
    const result = clusterTexts(texts, { k: 6, embeddings: { vectors, dims } });
    expect(nmi(labels, result.assignments)).toBeGreaterThan(0.9);
    expect(result.dims).toBe(dims);
  });

  it("copes with tiny inputs", () => {
    expect(clusterTexts([]).k).toBe(0);
    expect(clusterTexts(["only one"]).k).toBe(1);
    expect(clusterTexts(["a card", "a card", "top up"], { k: "auto" }).assignments.length).toBe(3);
  });
});
