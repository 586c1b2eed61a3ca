/**
 * The escalation scorer with no model (rules and lexicons) on the labelled set in bench/data/escalation:
 * precision and recall of escalate, F1 per reason, on the dev split and on the held-out split that was kept
 * unseen until the scorer was final, and on a third set (unseen.jsonl) written by a different hand, without
 * reading the lexicons, after the scorer was final; and on dev2.jsonl, a broader tuning set (sarcasm, reported
 * speech, indirect security incidents, seventeen languages) written before the scorer's second round of tuning.
 * Goal: precision ≥ 0.90, recall ≥ 0.80.
 *
 * `npm run bench -- escalation-scorer --skip=unseen` (or `run({ skip: ["unseen"] })`) leaves a part out, so the
 * unseen set stays unseen while tuning. The unseen part prints figures only, never its cases, for the same reason.
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

export const PARTS = ["dev", "heldout", "dev2", "unseen"] as const;
export type BenchPart = (typeof PARTS)[number];

const PART_SETS: Record<BenchPart, { title: string; file: string; showErrors: boolean }> = {
  dev: { title: "dev", file: "dev.jsonl", showErrors: true },
  heldout: { title: "held-out", file: "heldout.jsonl", showErrors: true },
  dev2: { title: "dev2, the broader tuning set", file: "dev2.jsonl", showErrors: true },
  unseen: { title: "unseen, written by a different hand after the scorer was final", file: "unseen.jsonl", showErrors: false },
};

/** `--skip=unseen,dev` on the command line: the parts to leave out. */
export function skippedParts(argv: readonly string[]): BenchPart[] {
  const names = argv.filter((a) => a.startsWith("--skip=")).flatMap((a) => a.slice("--skip=".length).split(","));
  const unknown = names.filter((n) => !(PARTS as readonly string[]).includes(n));
  if (unknown.length) throw new Error(`unknown bench part ${unknown.join(", ")}; the parts are ${PARTS.join(", ")}`);
  return names as BenchPart[];
}

export async function run(options: { skip?: readonly BenchPart[] } = {}): Promise<void> {
  const skip = options.skip ?? skippedParts(process.argv.slice(2));
  const parts = PARTS.filter((part) => !skip.includes(part));
  parts.forEach((part, i) => {
    if (i > 0) console.log("");
    const { title, file, showErrors } = PART_SETS[part];
    evaluate(title, file, showErrors);
  });
  if (skip.length) console.log(`\n(skipped: ${skip.join(", ")})`);
}
