/**
 * Tool selection quality and cost on vendor/eval/tool-selection.dev.jsonl: recall@5/12/20 and MRR of the
 * lexical retriever over all 133 tools (the embedded default, no model), and the approximate size of the
 * function schemas one model request carries (find_tools + the top maxToolsPerRequest tools).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { convertToOpenAITool } from "@langchain/core/utils/function_calling";
import { createFindToolsTool } from "../src/agent/find-tools.js";
import { approxTokens, meanReciprocalRank, recallAt, type SelectionCase } from "../src/agent/selection-metrics.js";
import { ToolSelector } from "../src/agent/tool-selector.js";
import { allTools } from "../tools/index.js";
import { toOpenAIFunction } from "../tools/json-schema.js";

const here = dirname(fileURLToPath(import.meta.url));
const MAX_TOOLS = 12;

interface DevLine {
  id: string;
  request: string;
  expected: string[];
}

function readLines(file: string): DevLine[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevLine);
}

export async function run(): Promise<void> {
  console.log("dev set (vendor/eval/tool-selection.dev.jsonl, the set the retriever was developed against):");
  evaluate(readLines(join(here, "../vendor/eval/tool-selection.dev.jsonl")));
  // Written by someone else after the retriever was finished and never used to tune it, so it shows how the
  // retriever does on phrasings it has not seen.
  console.log("\nheld-out set (bench/data/tool-selection.holdout.jsonl, never used for tuning):");
  evaluate(readLines(join(here, "data/tool-selection.holdout.jsonl")));
}

function evaluate(lines: DevLine[]): void {
  const selector = new ToolSelector(allTools);
  const titleOf = new Map(allTools.map((t) => [t.name, t.title]));
  const schemaTokens = new Map(allTools.map((t) => [t.name, approxTokens(JSON.stringify(toOpenAIFunction(t)))]));
  const findToolsTokens = approxTokens(JSON.stringify(convertToOpenAITool(createFindToolsTool(selector, new Set())).function));

  const started = performance.now();
  const cases: SelectionCase[] = [];
  const perRequestTokens: number[] = [];
  const misses: string[] = [];
  for (const line of lines) {
    const ranked = selector.lexical(line.request).filter((r) => r.score > 0);
    const titles = ranked.map((r) => titleOf.get(r.name) as string);
    cases.push({ id: line.id, ranked: titles, expected: line.expected });
    perRequestTokens.push(findToolsTokens + ranked.slice(0, MAX_TOOLS - 1).reduce((sum, r) => sum + (schemaTokens.get(r.name) ?? 0), 0));
    const top = titles.slice(0, 12);
    if (!line.expected.every((e) => top.includes(e))) misses.push(`${line.id}: expected ${line.expected.join(" + ")}; top3 ${titles.slice(0, 3).join(" | ")}`);
  }
  const elapsed = performance.now() - started;
  const allTokens = [...schemaTokens.values()].reduce((a, b) => a + b, 0);
  const mean = perRequestTokens.reduce((a, b) => a + b, 0) / perRequestTokens.length;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

  console.log(`requests: ${cases.length}, tools: ${allTools.length}, retriever: lexical BM25 + synonyms (no model)`);
  console.log(`recall@5:  ${pct(recallAt(cases, 5))}`);
  console.log(`recall@12: ${pct(recallAt(cases, 12))}`);
  console.log(`recall@20: ${pct(recallAt(cases, 20))}`);
  console.log(`MRR:       ${meanReciprocalRank(cases).toFixed(3)}  (rank = position where the last expected tool appears)`);
  const firstHit = cases.map((c) => ({
    ...c,
    expected: [
      c.expected
        .map((e) => c.ranked.indexOf(e))
        .filter((i) => i >= 0)
        .sort((a, b) => a - b)[0] ?? -1,
    ].map((i) => c.ranked[i] ?? ""),
  }));
  console.log(`MRR (first expected tool): ${meanReciprocalRank(firstHit).toFixed(3)}`);
  console.log(
    `schema tokens per request: mean ${Math.round(mean)}, max ${Math.max(...perRequestTokens)} (find_tools + top ${MAX_TOOLS - 1}); all ${allTools.length} tools at once: ${allTokens}`,
  );
  console.log("  measured as characters/4 of JSON.stringify of each OpenAI function definition (name, description, parameters) LangChain sends");
  console.log(`ranking time: ${(elapsed / cases.length).toFixed(2)} ms per request`);
  console.log(`misses at 12 (${misses.length}):`);
  for (const miss of misses) console.log(`  ${miss}`);
}
