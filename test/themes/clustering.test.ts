import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildThemes } from "../../src/domain/themes/build-themes.js";
import { clusterTexts } from "../../src/domain/themes/cluster-texts.js";
import type { ThemeDocument } from "../../src/domain/themes/documents.js";
import { nearest } from "../../src/domain/themes/kmeans.js";
import { upperGram } from "../../src/domain/themes/lsa.js";
import { ari, nmi } from "../../src/domain/themes/metrics.js";
import { createRng } from "../../src/domain/themes/prng.js";
import { createRowPool } from "../../src/domain/themes/row-pool.js";
import { multiplyDense, multiplyTransposeDense, type SparseRows, transpose } from "../../src/domain/themes/sparse.js";
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

/** A random sparse matrix with rows of 0 to 11 distinct columns, in increasing column order like the TF-IDF's. */
function randomSparse(rows: number, cols: number, seed: number): SparseRows {
  const rng = createRng(seed);
  const indptr = new Int32Array(rows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < rows; r++) {
    const picked = new Set<number>();
    const count = Math.floor(rng.next() * 12);
    while (picked.size < Math.min(count, cols)) picked.add(Math.floor(rng.next() * cols));
    for (const c of [...picked].sort((x, y) => x - y)) {
      indices.push(c);
      values.push(rng.gaussian());
    }
    indptr[r + 1] = indices.length;
  }
  return { rows, cols, indptr, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

function randomDense(length: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length }, () => rng.gaussian());
}

/** The plain loops the fast kernels replaced: they must give the same numbers, bit for bit. */
function plainProduct(a: SparseRows, m: Float64Array, width: number): Float64Array {
  const out = new Float64Array(a.rows * width);
  for (let r = 0; r < a.rows; r++)
    for (let p = a.indptr[r]; p < a.indptr[r + 1]; p++) for (let j = 0; j < width; j++) out[r * width + j] += a.values[p] * m[a.indices[p] * width + j];
  return out;
}

function plainTransposeProduct(a: SparseRows, m: Float64Array, width: number): Float64Array {
  const out = new Float64Array(a.cols * width);
  for (let r = 0; r < a.rows; r++)
    for (let p = a.indptr[r]; p < a.indptr[r + 1]; p++) for (let j = 0; j < width; j++) out[a.indices[p] * width + j] += a.values[p] * m[r * width + j];
  return out;
}

describe("clustering kernels", () => {
  const a = randomSparse(600, 230, 5);

  it("the blocked sparse products give exactly the plain loops' numbers", () => {
    const m = randomDense(a.cols * 13, 6);
    expect(Array.from(multiplyDense(a, m, 13))).toEqual(Array.from(plainProduct(a, m, 13)));
    const x = randomDense(a.rows * 7, 7);
    expect(Array.from(multiplyTransposeDense(a, x, 7))).toEqual(Array.from(plainTransposeProduct(a, x, 7)));
    expect(Array.from(multiplyTransposeDense(a, x, 7, transpose(a)))).toEqual(Array.from(plainTransposeProduct(a, x, 7)));
  });

  it("the blocked gram gives exactly the plain loop's upper triangle", () => {
    for (const width of [1, 6, 9]) {
      const m = randomDense(300 * width, width);
      const gram = upperGram(m, 300, width);
      for (let i = 0; i < width; i++)
        for (let j = 0; j < width; j++) {
          let s = 0;
          for (let r = 0; r < 300; r++) s += m[r * width + i] * m[r * width + j];
          expect(gram[i * width + j]).toBe(j >= i ? s : 0);
        }
    }
  });

  it("the nearest centroid is the first of equals, and the blocked dots are exact", () => {
    const dims = 5;
    const centroids = randomDense(11 * dims, 8);
    centroids.set(centroids.subarray(2 * dims, 3 * dims), 9 * dims);
    const point = centroids.slice(2 * dims, 3 * dims);
    const found = new Float64Array(1);
    expect(nearest(point, 0, centroids, 11, dims, found)).toBe(2);
    let s = 0;
    for (let d = 0; d < dims; d++) s += point[d] * point[d];
    expect(found[0]).toBe(s);
  });

  it("the two-thread products equal the one-thread ones bit for bit", () => {
    const big = randomSparse(40_000, 3_000, 9);
    const pool = createRowPool({ threads: 2 });
    try {
      const m = pool.alloc(big.cols * 16);
      m.set(randomDense(big.cols * 16, 10));
      expect(Array.from(pool.multiply(big, m, 16))).toEqual(Array.from(multiplyDense(big, m, 16)));
      // A square operator with the identity added, as the spectral step uses it.
      const square = randomSparse(40_000, 40_000, 11);
      const x = randomDense(square.rows * 12, 12);
      const withSelf = pool.multiply(square, x, 12, { addSelf: true });
      let same = 0;
      for (let i = 0; i < x.length; i++) if (Object.is(withSelf[i], plainSelf(square, x, 12, i))) same++;
      expect(same).toBe(x.length);
      // Both products were big enough to be split: the helper thread really did part of them.
      expect(pool.helperRows()).toBeGreaterThan(20_000);
    } finally {
      pool.close();
    }
  });

  it("gives the same themes on one thread and on two", () => {
    const all = rows.map((r) => r[0]);
    const one = clusterTexts(all, { k: "auto", threads: 1 });
    const two = clusterTexts(all, { k: "auto", threads: 2 });
    expect(two.k).toBe(one.k);
    expect(Array.from(two.assignments)).toEqual(Array.from(one.assignments));
    expect(Array.from(two.vectors)).toEqual(Array.from(one.vectors));
  });
});

/** Entry `at` of x + A·x computed the way the spectral step's plain loop did: x first, then each term in order. */
function plainSelf(a: SparseRows, x: Float64Array, width: number, at: number): number {
  const r = Math.floor(at / width);
  const j = at % width;
  let v = x[at];
  for (let p = a.indptr[r]; p < a.indptr[r + 1]; p++) v += a.values[p] * x[a.indices[p] * width + j];
  return v;
}
