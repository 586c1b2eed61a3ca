/**
 * Writes dev.jsonl and heldout.jsonl from cases.ts. Run: node bin/run-ts.js bench/data/escalation/build-set.ts
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CASES } from "./cases.js";
import { buildConversation, isHeldOut } from "./to-conversation.js";

const here = dirname(fileURLToPath(import.meta.url));
const dev: string[] = [];
const heldOut: string[] = [];
const ids = new Set<string>();
CASES.forEach((c, index) => {
  if (ids.has(c.id)) throw new Error(`duplicate case id ${c.id}`);
  ids.add(c.id);
  (isHeldOut(index) ? heldOut : dev).push(JSON.stringify(buildConversation(c, index)));
});
writeFileSync(join(here, "dev.jsonl"), `${dev.join("\n")}\n`);
writeFileSync(join(here, "heldout.jsonl"), `${heldOut.join("\n")}\n`);
const positives = CASES.filter((c) => c.escalate).length;
console.log(`${CASES.length} cases (${positives} escalate, ${((positives / CASES.length) * 100).toFixed(0)}%): dev ${dev.length}, held-out ${heldOut.length}`);
