/** Clustering quality against known labels: normalised mutual information (arithmetic mean) and adjusted Rand index. */

function contingency(a: ArrayLike<number | string>, b: ArrayLike<number | string>) {
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (let i = 0; i < a.length; i++) {
    const x = String(a[i]);
    const y = String(b[i]);
    const key = `${x}\u0000${y}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(y, (cols.get(y) ?? 0) + 1);
  }
  return { table, rows, cols, n: a.length };
}

const entropy = (counts: Iterable<number>, n: number) => {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
};

export function nmi(labels: ArrayLike<number | string>, clusters: ArrayLike<number | string>): number {
  const { table, rows, cols, n } = contingency(labels, clusters);
  let mi = 0;
  for (const [key, count] of table) {
    const [x, y] = key.split("\u0000");
    mi += (count / n) * Math.log((count * n) / (rows.get(x)! * cols.get(y)!));
  }
  const denominator = (entropy(rows.values(), n) + entropy(cols.values(), n)) / 2;
  return denominator === 0 ? 1 : mi / denominator;
}

export function ari(labels: ArrayLike<number | string>, clusters: ArrayLike<number | string>): number {
  const { table, rows, cols, n } = contingency(labels, clusters);
  const pairs = (x: number) => (x * (x - 1)) / 2;
  let index = 0;
  for (const c of table.values()) index += pairs(c);
  let rowPairs = 0;
  for (const c of rows.values()) rowPairs += pairs(c);
  let colPairs = 0;
  for (const c of cols.values()) colPairs += pairs(c);
  const expected = (rowPairs * colPairs) / pairs(n);
  const max = (rowPairs + colPairs) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
