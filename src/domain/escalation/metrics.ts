/** Precision, recall and F1 of escalate and of each reason over a labelled set. */
import { REASON_CODES, type ReasonCode } from "./reasons.js";

export interface LabelledOutcome {
  id: string;
  expected: { escalate: boolean; reasons: readonly string[] };
  actual: { escalate: boolean; reasons: readonly string[] };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function counts(tp: number, fp: number, fn: number): Counts {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export function escalateMetrics(outcomes: readonly LabelledOutcome[]): Counts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const o of outcomes) {
    if (o.actual.escalate && o.expected.escalate) tp++;
    else if (o.actual.escalate) fp++;
    else if (o.expected.escalate) fn++;
  }
  return counts(tp, fp, fn);
}

export function reasonMetrics(outcomes: readonly LabelledOutcome[]): Record<ReasonCode, Counts & { support: number }> {
  const out = {} as Record<ReasonCode, Counts & { support: number }>;
  for (const reason of REASON_CODES) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const o of outcomes) {
      const want = o.expected.reasons.includes(reason);
      const got = o.actual.reasons.includes(reason);
      if (want && got) tp++;
      else if (got) fp++;
      else if (want) fn++;
    }
    out[reason] = { ...counts(tp, fp, fn), support: tp + fn };
  }
  return out;
}
