/**
 * The escalation scorer with no model (rules and lexicons) on the labelled set in bench/data/escalation:
 * precision and recall of escalate, F1 per reason, on the dev split and on the held-out split that was kept
 * unseen until the scorer was final, and on a third set (unseen.jsonl) written by a different hand, without
 * reading the lexicons, after the scorer was final. Goal: precision ≥ 0.90, recall ≥ 0.80.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { escalateMetrics, type LabelledOutcome, reasonMetrics } from "../src/domain/escalation/metrics.js";
import { REASON_CODES } from "../src/domain/escalation/reasons.js";
import { scoreConversation } from "../src/domain/escalation/score.js";

const here = dirname(fileURLToPath(import.meta.url));
const SETTINGS = { longWaitHours: 30, vipWaitMinutes: 60, vipAttribute: "vip" };

interface Line {
  id: string;
  contact?: unknown;
  now: number;
  label: { escalate: boolean; reasons: string[]; kind: string; case: string };
}

function evaluate(name: string, file: string, showErrors: boolean): void {
  const lines = readFileSync(join(here, "data/escalation", file), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
  const started = performance.now();
  const outcomes: LabelledOutcome[] = lines.map((line) => {
    const result = scoreConversation({ conversation: line, contact: line.contact, now: line.now }, SETTINGS);
    return { id: line.label.case, expected: line.label, actual: result };
  });
  const ms = performance.now() - started;
  const e = escalateMetrics(outcomes);
  const positives = lines.filter((l) => l.label.escalate).length;
  console.log(`${name} (${file}): ${lines.length} conversations, ${positives} escalate; scored in ${ms.toFixed(1)} ms`);
  console.log(`  escalate: precision ${e.precision.toFixed(3)}  recall ${e.recall.toFixed(3)}  F1 ${e.f1.toFixed(3)}  (tp ${e.tp}, fp ${e.fp}, fn ${e.fn})`);
  const perReason = reasonMetrics(outcomes);
  for (const reason of REASON_CODES) {
    const r = perReason[reason];
    console.log(
      `  ${reason.padEnd(26)} F1 ${r.f1.toFixed(3)}  P ${r.precision.toFixed(2)}  R ${r.recall.toFixed(2)}  support ${r.support}  (fp ${r.fp}, fn ${r.fn})`,
    );
  }
  if (!showErrors) return;
  for (const o of outcomes) {
    const missing = o.expected.reasons.filter((r) => !o.actual.reasons.includes(r));
    const extra = o.actual.reasons.filter((r) => !o.expected.reasons.includes(r));
    if (missing.length || extra.length) console.log(`  ✗ ${o.id}: missing [${missing.join(", ")}] extra [${extra.join(", ")}]`);
  }
}

export async function run(): Promise<void> {
  evaluate("dev", "dev.jsonl", true);
  console.log("");
  evaluate("held-out", "heldout.jsonl", true);
  console.log("");
  evaluate("unseen, written by a different hand after the scorer was final", "unseen.jsonl", true);
}
