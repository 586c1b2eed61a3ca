/**
 * Writes dev2.jsonl from dev2-cases.ts. Run: node bin/run-ts.js bench/data/escalation/build-dev2.ts
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEV2_CASES } from "./dev2-cases.js";
import { buildConversation } from "./to-conversation.js";

const here = dirname(fileURLToPath(import.meta.url));
const ids = new Set<string>();
const lines = DEV2_CASES.map((c, index) => {
  if (ids.has(c.id)) throw new Error(`duplicate case id ${c.id}`);
  ids.add(c.id);
  // Conversation ids of their own, so they never collide with dev.jsonl's when sets are scored together.
  return JSON.stringify({ ...buildConversation(c, index), id: String(800000 + index) });
});
writeFileSync(join(here, "dev2.jsonl"), `${lines.join("\n")}\n`);
const positives = DEV2_CASES.filter((c) => c.escalate).length;
const langs = new Set(DEV2_CASES.map((c) => c.lang));
console.log(
  `${DEV2_CASES.length} cases (${positives} escalate, ${((positives / DEV2_CASES.length) * 100).toFixed(0)}%) in ${langs.size} languages: ${[...langs].sort().join(" ")}`,
);
