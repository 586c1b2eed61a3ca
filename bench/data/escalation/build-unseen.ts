/**
 * Writes unseen.jsonl from unseen-cases.ts. Run: node bin/run-ts.js bench/data/escalation/build-unseen.ts
 * Ids start at 800000 so they never collide with the first set's 700000 range.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CASES } from "./cases.js";
import { buildConversation } from "./to-conversation.js";
import { UNSEEN_CASES } from "./unseen-cases.js";

const here = dirname(fileURLToPath(import.meta.url));
const ids = new Set(CASES.map((c) => c.id));
const lines = UNSEEN_CASES.map((c, index) => {
  if (ids.has(c.id)) throw new Error(`duplicate case id ${c.id}`);
  ids.add(c.id);
  if (c.escalate !== c.reasons.length > 0) throw new Error(`${c.id}: escalate must be true exactly when there are reasons`);
  return JSON.stringify({ ...buildConversation(c, index), id: String(800000 + index) });
});
writeFileSync(join(here, "unseen.jsonl"), `${lines.join("\n")}\n`);
const positives = UNSEEN_CASES.filter((c) => c.escalate).length;
const langs = new Set(UNSEEN_CASES.map((c) => c.lang));
console.log(
  `${UNSEEN_CASES.length} unseen cases (${positives} escalate, ${((positives / UNSEEN_CASES.length) * 100).toFixed(0)}%), languages: ${[...langs].join(", ")}`,
);
