/**
 * Sparse × dense products on both cores: one helper thread takes the second half of the rows (split by
 * non-zeros), the calling thread the first, over SharedArrayBuffers. Every output row is computed by the
 * same sequence of operations on one thread, so the result is bit for bit the single-threaded one whatever
 * the split. The caller blocks (Atomics.wait) while the helper finishes, which keeps the pipeline synchronous.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { accumulateRows, type SparseRows } from "./sparse.js";

export interface RowPool {
  /** out = A·M, or out = M + A·M with `addSelf` (A square); `out` must not be M. */
  multiply(a: SparseRows, m: Float64Array, width: number, options?: { addSelf?: boolean; out?: Float64Array }): Float64Array;
  /** A Float64Array both threads can see (zero-filled): pass outputs and operands made here to avoid copies. */
  alloc(length: number): Float64Array;
  close(): void;
  /** How many output rows the helper thread has computed so far (0 on one thread). */
  helperRows(): number;
}

// The helper's copy of accumulateRows (sparse.ts): the same operations in the same order, as plain JavaScript
// so that the thread needs no TypeScript loader. The pool's tests check the two agree bit for bit.
const HELPER_SOURCE = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", (task) => {
  const control = new Int32Array(task.control);
  try {
    const out = new Float64Array(task.out);
    const m = new Float64Array(task.m);
    const values = new Float64Array(task.values);
    const indices = new Int32Array(task.indices);
    const indptr = new Int32Array(task.indptr);
    const width = task.width;
    for (let r = task.from; r < task.to; r++) {
      const base = r * width;
      if (task.addSelf) for (let j = 0; j < width; j++) out[base + j] = m[base + j];
      else for (let j = 0; j < width; j++) out[base + j] = 0;
      const to = indptr[r + 1];
      let p = indptr[r];
      for (; p + 3 < to; p += 4) {
        const v0 = values[p], v1 = values[p + 1], v2 = values[p + 2], v3 = values[p + 3];
        const b0 = indices[p] * width, b1 = indices[p + 1] * width, b2 = indices[p + 2] * width, b3 = indices[p + 3] * width;
        for (let j = 0; j < width; j++) {
          let o = out[base + j];
          o += v0 * m[b0 + j];
          o += v1 * m[b1 + j];
          o += v2 * m[b2 + j];
          o += v3 * m[b3 + j];
          out[base + j] = o;
        }
      }
      for (; p < to; p++) {
        const v = values[p];
        const b = indices[p] * width;
        for (let j = 0; j < width; j++) out[base + j] += v * m[b + j];
      }
    }
    Atomics.store(control, 0, 1);
  } catch {
    Atomics.store(control, 0, 2);
  }
  Atomics.notify(control, 0);
});
`;

// Below this many multiply-adds a product is not worth a round trip to the helper.
const MIN_PARALLEL_WORK = 2_000_000;
// The helper answers in microseconds; this long a silence means it is gone, and the caller redoes its half.
const HELPER_TIMEOUT_MS = 60_000;

interface SharedSparse {
  values: SharedArrayBuffer;
  indices: SharedArrayBuffer;
  indptr: SharedArrayBuffer;
  split: number;
}

function isShared(array: Float64Array | Int32Array): boolean {
  return array.buffer instanceof SharedArrayBuffer;
}

function sharedCopy<T extends Float64Array | Int32Array>(array: T): SharedArrayBuffer {
  if (isShared(array) && array.byteOffset === 0 && array.byteLength === array.buffer.byteLength) return array.buffer as SharedArrayBuffer;
  const buffer = new SharedArrayBuffer(array.byteLength);
  new (array.constructor as { new (b: SharedArrayBuffer): T })(buffer).set(array);
  return buffer;
}

/** Zero-filled output rows, then the products, on this thread. */
function multiplyRows(a: SparseRows, m: Float64Array, width: number, out: Float64Array, from: number, to: number, addSelf: boolean): void {
  for (let r = from; r < to; r++) {
    const base = r * width;
    if (addSelf) for (let j = 0; j < width; j++) out[base + j] = m[base + j];
    else out.fill(0, base, base + width);
    accumulateRows(out, base, a.values, a.indices, a.indptr[r], a.indptr[r + 1], m, width);
  }
}

/** A pool on two or more cores; on one core (or with `threads: 1`) the same interface on this thread only. */
export function createRowPool(options: { threads?: number } = {}): RowPool {
  const threads = options.threads ?? availableParallelism();
  let worker: Worker | undefined;
  let broken = threads < 2;
  let helped = 0;
  const prepared = new WeakMap<SparseRows, SharedSparse>();
  const alloc = (length: number) => (broken ? new Float64Array(length) : new Float64Array(new SharedArrayBuffer(length * 8)));

  function prepare(a: SparseRows): SharedSparse {
    let shared = prepared.get(a);
    if (!shared) {
      // Split where half the non-zeros are behind: the work per row is proportional to them.
      const half = a.indptr[a.rows] / 2;
      let split = 0;
      while (split < a.rows && a.indptr[split] < half) split++;
      shared = { values: sharedCopy(a.values), indices: sharedCopy(a.indices), indptr: sharedCopy(a.indptr), split };
      prepared.set(a, shared);
    }
    return shared;
  }

  function helper(): Worker {
    if (!worker) {
      worker = new Worker(HELPER_SOURCE, { eval: true });
      worker.unref();
      worker.on("error", () => {
        broken = true;
      });
    }
    return worker;
  }

  return {
    alloc,
    multiply(a, m, width, opts = {}) {
      const addSelf = opts.addSelf === true;
      const out = opts.out ?? alloc(a.rows * width);
      if (broken || a.indptr[a.rows] * width < MIN_PARALLEL_WORK || !isShared(out)) {
        multiplyRows(a, m, width, out, 0, a.rows, addSelf);
        return out;
      }
      const shared = prepare(a);
      const mBuffer = sharedCopy(m);
      const mShared = new Float64Array(mBuffer);
      const control = new Int32Array(new SharedArrayBuffer(4));
      const task = { control: control.buffer, out: out.buffer, m: mBuffer, ...shared, width, from: shared.split, to: a.rows, addSelf };
      helper().postMessage(task);
      multiplyRows(a, mShared, width, out, 0, shared.split, addSelf);
      const answer = Atomics.wait(control, 0, 0, HELPER_TIMEOUT_MS);
      if (answer === "timed-out" || Atomics.load(control, 0) !== 1) {
        // The helper failed or never started: stop using it and do its rows here.
        broken = true;
        void worker?.terminate();
        worker = undefined;
        const fresh = new Float64Array(a.rows * width);
        multiplyRows(a, m, width, fresh, 0, a.rows, addSelf);
        return fresh;
      }
      helped += a.rows - shared.split;
      return out;
    },
    helperRows: () => helped,
    close() {
      void worker?.terminate();
      worker = undefined;
    },
  };
}
