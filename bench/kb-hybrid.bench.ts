/**
 * Hybrid retrieval (lexical + embeddings, reciprocal rank fusion) against the lexical retriever alone, on the
 * same sets: DSTC9 (2,900 articles, 200 questions with dialogue context) and the help-center set's answerable
 * messages (every part). It needs an embedding model (OPENAI_EMBEDDING_MODEL with a model endpoint, read by
 * src/config.ts); without one it says so and measures nothing, since no local embedding model is shipped
 * (notes/stack.md §5). Every chunk is embedded once per run (DSTC9: about 2,900 requests' worth in batches).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config.js";
import { readArticlesFile } from "../src/kb/article-file.js";
import type { KbRetriever } from "../src/kb/hybrid-search.js";
import { meanReciprocalRank, type RankedCase, recallAt } from "../src/kb/retrieval-metrics.js";
import { buildTempKb, tempRetriever } from "../src/kb/temp-index.js";
import { loadDstcQueries } from "./kb-dstc9.bench.js";

const here = dirname(fileURLToPath(import.meta.url));

interface Question {
  query: string;
  context: string[];
  gold: string;
}

async function ranked(retriever: KbRetriever, questions: readonly Question[]): Promise<{ cases: RankedCase[]; latencies: number[] }> {
  const cases: RankedCase[] = [];
  const latencies: number[] = [];
  for (const q of questions) {
    const started = performance.now();
    const result = await retriever.rank({ text: q.query, context: q.context, k: 10 });
    latencies.push(performance.now() - started);
    cases.push({ gold: q.gold, ranked: result.hits.map((h) => h.articleId) });
  }
  return { cases, latencies };
}

const figures = (name: string, run: { cases: RankedCase[]; latencies: number[] }) => {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  const p = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
  return `  ${name.padEnd(8)} R@1 ${recallAt(run.cases, 1).toFixed(3)}   R@5 ${recallAt(run.cases, 5).toFixed(3)}   MRR@10 ${meanReciprocalRank(run.cases).toFixed(3)}   (search p50 ${p(0.5)} ms, p99 ${p(0.99)} ms)`;
};

function helpCenterQuestions(): Question[] {
  const data = join(here, "data/helpcenter");
  return ["dev", "holdout", "dev2", "unseen", "unseen2"]
    .map((part) => join(data, `messages.${part}.jsonl`))
    .filter((file) => existsSync(file))
    .flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { message: string; gold: string | null; context?: string }),
    )
    .filter((m) => m.gold !== null)
    .map((m) => ({ query: m.message, context: m.context ? m.context.split(" || ") : [], gold: m.gold as string }));
}

export async function run(): Promise<void> {
  const config = loadConfig();
  if (!config.model.configured || !config.model.embeddingModel) {
    console.log("Hybrid retrieval: not measured. No embedding model is configured (set OPENAI_EMBEDDING_MODEL and a model endpoint).");
    console.log("  Without one the app uses the lexical retriever, whose figures are in kb-dstc9 and faq-helpcenter.");
    return;
  }
  const { createEmbeddings } = await import("../src/agent/chat-model.js");
  const client = createEmbeddings(config.model);
  if (!client) {
    console.log("Hybrid retrieval: not measured. The embedding client could not be built from the model settings.");
    return;
  }
  const embeddings = { embeddings: client, model: config.model.embeddingModel };
  const sets: { name: string; file: string; questions: Question[] }[] = [
    { name: "DSTC9 FAQ (2,900 articles, 200 questions)", file: "../vendor/dstc9_faq/articles.csv", questions: loadDstcQueries() },
    { name: "Help-center set, answerable messages (all parts)", file: "data/helpcenter/articles.jsonl", questions: helpCenterQuestions() },
  ];
  console.log(`Hybrid retrieval with ${config.model.embeddingModel}:`);
  for (const set of sets) {
    const kb = buildTempKb(readArticlesFile(join(here, set.file)));
    const started = performance.now();
    const hybrid = await tempRetriever(kb, embeddings);
    console.log(`${set.name}: chunks embedded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(figures("lexical", await ranked(kb.searcher, set.questions)));
    console.log(figures("hybrid", await ranked(hybrid, set.questions)));
    kb.close();
  }
}
