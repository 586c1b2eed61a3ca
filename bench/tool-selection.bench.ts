/**
 * Tool selection quality and cost of the lexical retriever over all 133 tools (the embedded default, no model):
 * recall@5/12/20 and MRR, and the approximate size of the function schemas one model request carries
 * (find_tools + the top maxToolsPerRequest tools). Four request sets:
 * - dev (vendor/eval/tool-selection.dev.jsonl): the set the retriever was first developed against;
 * - held-out (bench/data/tool-selection.holdout.jsonl): written later, never used for tuning;
 * - broad tuning (bench/data/tool-selection.broad-tuning.jsonl): several voices (terse, chatty, misspelled,
 *   non-native, multi-step), used while tuning synonyms, keywords and field weights;
 * - broad unseen (bench/data/tool-selection.broad-unseen.jsonl): the same voices, split off before tuning
 *   and never looked at while tuning. Together the two broad parts need each of the 133 tools at least once.
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

export interface SelectionLine {
  id: string;
  request: string;
  /** Tool titles (dev and held-out sets) or tool names (the broad sets: two tools share a title). */
  expected: string[];
  voice?: string;
}

export function readLines(file: string): SelectionLine[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SelectionLine);
}

export const SETS = {
  dev: join(here, "../vendor/eval/tool-selection.dev.jsonl"),
  holdout: join(here, "data/tool-selection.holdout.jsonl"),
  broadTuning: join(here, "data/tool-selection.broad-tuning.jsonl"),
  broadUnseen: join(here, "data/tool-selection.broad-unseen.jsonl"),
};

export interface SelectionFigures {
  requests: number;
  recall5: number;
  recall12: number;
  recall20: number;
  mrr: number;
  mrrFirst: number;
  meanTokens: number;
  maxTokens: number;
  allTokens: number;
  msPerRequest: number;
  misses: string[];
  /** recall@12 per voice, when the set labels its voices. */
  byVoice: Map<string, { n: number; recall12: number }>;
}

export function measure(lines: readonly SelectionLine[], selector = new ToolSelector(allTools)): SelectionFigures {
  const titleOf = new Map(allTools.map((t) => [t.name, t.title]));
  const byName = lines.every((l) => l.expected.every((e) => titleOf.has(e)));
  const label = (name: string) => (byName ? name : (titleOf.get(name) as string));
  const schemaTokens = new Map(allTools.map((t) => [t.name, approxTokens(JSON.stringify(toOpenAIFunction(t)))]));
  const findToolsTokens = approxTokens(JSON.stringify(convertToOpenAITool(createFindToolsTool(selector, new Set())).function));

  const started = performance.now();
  const cases: (SelectionCase & { voice?: string })[] = [];
  const perRequestTokens: number[] = [];
  const misses: string[] = [];
  for (const line of lines) {
    const ranked = selector.lexical(line.request).filter((r) => r.score > 0);
    const labels = ranked.map((r) => label(r.name));
    cases.push({ id: line.id, ranked: labels, expected: line.expected, voice: line.voice });
    perRequestTokens.push(findToolsTokens + ranked.slice(0, MAX_TOOLS - 1).reduce((sum, r) => sum + (schemaTokens.get(r.name) ?? 0), 0));
    const top = labels.slice(0, MAX_TOOLS);
    if (!line.expected.every((e) => top.includes(e))) {
      const ranks = line.expected.map((e) => `${e.replace(/^INTERCOM_/, "")}@${labels.indexOf(e) + 1 || "-"}`);
      misses.push(`${line.id}: ${line.request} | expected ${ranks.join(" + ")}; top3 ${labels.slice(0, 3).join(" | ")}`);
    }
  }
  const elapsed = performance.now() - started;
  const firstHit = cases.map((c) => ({
    ...c,
    expected: [
      c.expected
        .map((e) => c.ranked.indexOf(e))
        .filter((i) => i >= 0)
        .sort((a, b) => a - b)[0] ?? -1,
    ].map((i) => c.ranked[i] ?? ""),
  }));
  const byVoice = new Map<string, { n: number; recall12: number }>();
  for (const voice of new Set(cases.map((c) => c.voice).filter((v): v is string => v !== undefined))) {
    const mine = cases.filter((c) => c.voice === voice);
    byVoice.set(voice, { n: mine.length, recall12: recallAt(mine, MAX_TOOLS) });
  }
  return {
    requests: cases.length,
    recall5: recallAt(cases, 5),
    recall12: recallAt(cases, MAX_TOOLS),
    recall20: recallAt(cases, 20),
    mrr: meanReciprocalRank(cases),
    mrrFirst: meanReciprocalRank(firstHit),
    meanTokens: perRequestTokens.reduce((a, b) => a + b, 0) / Math.max(1, perRequestTokens.length),
    maxTokens: Math.max(...perRequestTokens),
    allTokens: [...schemaTokens.values()].reduce((a, b) => a + b, 0),
    msPerRequest: elapsed / Math.max(1, cases.length),
    misses,
    byVoice,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function print(title: string, figures: SelectionFigures): void {
  console.log(`\n${title}`);
  console.log(`requests: ${figures.requests}, tools: ${allTools.length}, retriever: lexical BM25 + synonyms (no model)`);
  console.log(`recall@5:  ${pct(figures.recall5)}`);
  console.log(`recall@12: ${pct(figures.recall12)}`);
  console.log(`recall@20: ${pct(figures.recall20)}`);
  console.log(`MRR:       ${figures.mrr.toFixed(3)}  (rank = position where the last expected tool appears)`);
  console.log(`MRR (first expected tool): ${figures.mrrFirst.toFixed(3)}`);
  if (figures.byVoice.size > 0) {
    console.log(`recall@12 by voice: ${[...figures.byVoice].map(([voice, v]) => `${voice} ${pct(v.recall12)} (${v.n})`).join(", ")}`);
  }
  console.log(
    `schema tokens per request: mean ${Math.round(figures.meanTokens)}, max ${figures.maxTokens} (find_tools + top ${MAX_TOOLS - 1}); all ${allTools.length} tools at once: ${figures.allTokens}`,
  );
  console.log("  measured as characters/4 of JSON.stringify of each OpenAI function definition (name, description, parameters) LangChain sends");
  console.log(`ranking time: ${figures.msPerRequest.toFixed(2)} ms per request`);
  console.log(`misses at ${MAX_TOOLS} (${figures.misses.length}):`);
  for (const miss of figures.misses) console.log(`  ${miss}`);
}

export async function run(): Promise<void> {
  const selector = new ToolSelector(allTools);
  print("dev set (vendor/eval/tool-selection.dev.jsonl, the set the retriever was developed against):", measure(readLines(SETS.dev), selector));
  print("held-out set (bench/data/tool-selection.holdout.jsonl, never used for tuning):", measure(readLines(SETS.holdout), selector));
  print("broad set, tuning part (bench/data/tool-selection.broad-tuning.jsonl):", measure(readLines(SETS.broadTuning), selector));
  print("broad set, unseen part (bench/data/tool-selection.broad-unseen.jsonl, not looked at while tuning):", measure(readLines(SETS.broadUnseen), selector));
}
