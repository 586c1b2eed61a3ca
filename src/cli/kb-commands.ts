/**
 * `switchboard kb sync [--full]`, `kb status`, `kb search "text" [--k 5]` over the app's knowledge base, and the
 * evaluation contract `kb search --articles FILE [--k 10]` (JSON lines on stdin, a temporary index from FILE).
 * Heavy modules load inside the actions so `--help` stays fast.
 */
import type { Command } from "commander";
import { AppError } from "../errors.js";
import type { EmbeddingsLike } from "../retrieval/embedding-cache.js";
import type { CliContext } from "./context.js";

const parseK = (value: string, fallback: number): number => {
  if (value === undefined) return fallback;
  const k = Number(value);
  if (!Number.isInteger(k) || k < 1 || k > 100) throw new AppError("USAGE", `--k expects a whole number from 1 to 100; got "${value}".`);
  return k;
};

export interface KbSearchFileOptions {
  articlesFile: string;
  k: number;
  input: NodeJS.ReadableStream;
  write: (line: string) => void;
  /** With OPENAI_EMBEDDING_MODEL: hybrid retrieval (every chunk of FILE embedded first). */
  embeddings?: { embeddings: EmbeddingsLike; model: string };
}

/** The evaluation contract; resolves to the number of failed lines. */
export async function kbSearchFile(options: KbSearchFileOptions): Promise<number> {
  const { readArticlesFile } = await import("../kb/article-file.js");
  const { buildTempKb, tempRetriever } = await import("../kb/temp-index.js");
  const { contextTurns, requireText, runJsonLines } = await import("../kb/jsonl-eval.js");
  const kb = buildTempKb(readArticlesFile(options.articlesFile));
  try {
    const retriever = await tempRetriever(kb, options.embeddings);
    const result = await runJsonLines(options.input as never, options.write, async (value) => {
      const { hits } = await retriever.rank({ text: requireText(value, "query"), context: contextTurns(value), k: options.k });
      return { articles: hits.map((h) => ({ id: h.articleId, score: h.score })) };
    });
    return result.failed;
  } finally {
    kb.close();
  }
}

export function registerKbCommands(program: Command, context: CliContext): void {
  const kb = program.command("kb").description("The knowledge base: sync it from Intercom, check it, search it");

  kb.command("sync")
    .description("Bring the knowledge base up to date with Intercom (help center, internal articles, Fin external pages)")
    .option("--full", "re-index every article, not only the changed ones")
    .action(async (options: { full?: boolean }) => {
      const { runKbSync } = await import("./kb-sync-action.js");
      await runKbSync(context.loadConfig(), { full: options.full === true, stream: process.stderr });
    });

  kb.command("status")
    .description("Counts by visibility and locale, the last sync and stale articles")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const { closeDeps, createDeps } = await import("../app.js");
      const { formatKbStatus, kbStatus } = await import("../kb/status.js");
      const deps = createDeps(context.loadConfig());
      try {
        const status = kbStatus(deps.db, Math.floor(Date.now() / 1000));
        console.log(options.json ? JSON.stringify(status, null, 2) : formatKbStatus(status));
      } finally {
        await closeDeps(deps);
      }
    });

  kb.command("search [text...]")
    .description('Search the knowledge base ("text"), or with --articles FILE answer JSON lines {"id","query","context"?} from stdin')
    .option("--k <n>", "how many articles (default 5, or 10 with --articles)")
    .option("--articles <file>", "build a temporary index from a .csv or .jsonl file instead of using the app database")
    .option("--json", "print JSON")
    .action(async (words: string[], options: { k?: string; articles?: string; json?: boolean }) => {
      if (options.articles) {
        const { modelsFromConfig } = await import("./faq-commands.js");
        const { embeddings } = await modelsFromConfig(context);
        const failed = await kbSearchFile({
          embeddings,
          articlesFile: options.articles,
          k: parseK(options.k as string, 10),
          input: process.stdin,
          write: (line) => process.stdout.write(`${line}\n`),
        });
        if (failed > 0) process.exitCode = 1;
        return;
      }
      const text = words.join(" ").trim();
      if (!text) throw new AppError("USAGE", 'Say what to search for, e.g. switchboard kb search "change my PIN", or pass --articles FILE.');
      const { closeDeps, createDeps } = await import("../app.js");
      const { createKnowledgeBase } = await import("../kb/knowledge-base.js");
      const { knowledgeBaseOptions } = await import("../kb/kb-from-config.js");
      const { formatHits } = await import("../kb/format-hits.js");
      const { articleCount } = await import("../kb/status.js");
      const config = context.loadConfig();
      const deps = createDeps(config);
      try {
        const k = parseK(options.k as string, 5);
        // "No article matches" about an index that holds nothing would send a person looking for a missing article.
        if (articleCount(deps.db) === 0) throw new AppError("USAGE", "The knowledge base is empty: run `switchboard kb sync` first.");
        const kb = createKnowledgeBase(deps.db, await knowledgeBaseOptions(config, deps.logger));
        const { hits } = await kb.retriever.rank({ text, k });
        console.log(options.json ? JSON.stringify(hits, null, 2) : formatHits(hits, text));
      } finally {
        await closeDeps(deps);
      }
    });
}
