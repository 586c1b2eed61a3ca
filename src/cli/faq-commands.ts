/**
 * `switchboard faq answer --articles FILE`: the FAQ evaluation contract. JSON lines {"id","message","context"?}
 * on stdin, one {"id","decision","confidence","citations","answer"} per line on stdout, a bad line answered
 * with {"id","error"}; exit 1 at the end if any line failed. With a configured model the answer is written by
 * it and checked against the chunks; with OPENAI_EMBEDDING_MODEL retrieval is hybrid; with neither it answers
 * extractively.
 */
import type { Command } from "commander";
import { AppError } from "../errors.js";
import type { EmbeddingsLike } from "../retrieval/embedding-cache.js";
import type { FaqModel } from "../workflows/faq/grounded-answer.js";
import type { CliContext } from "./context.js";

export interface FaqAnswerFileOptions {
  articlesFile: string;
  input: NodeJS.ReadableStream;
  write: (line: string) => void;
  /** Where a note about FILE goes (stderr from the command); nothing is said when absent. */
  note?: (line: string) => void;
  /** Allow auto_resolve (the evaluation measures it); the app takes this from the persona. */
  autoResolve?: boolean;
  model?: FaqModel;
  embeddings?: { embeddings: EmbeddingsLike; model: string };
}

export async function faqAnswerFile(options: FaqAnswerFileOptions): Promise<number> {
  const { readArticlesFile } = await import("../kb/article-file.js");
  const { buildTempKb, tempRetriever } = await import("../kb/temp-index.js");
  const { contextTurns, requireText, runJsonLines } = await import("../kb/jsonl-eval.js");
  const { answerQuestion } = await import("../workflows/faq/answer-question.js");
  const { createGroundedComposer } = await import("../workflows/faq/grounded-answer.js");
  const { customerText } = await import("../domain/faq/customer-html.js");
  const { DEFAULT_FAQ_POLICY } = await import("../domain/faq/types.js");
  const articles = readArticlesFile(options.articlesFile);
  // An answer only cites what a customer can open, so a public article without a url is never cited: say so,
  // or a file without a url column abstains on every line with no hint why.
  const publicCount = articles.filter((a) => a.visibility === "public").length;
  const linkless = articles.filter((a) => a.visibility === "public" && !a.url).length;
  if (linkless > 0)
    options.note?.(
      `${linkless} of ${publicCount} public articles in ${options.articlesFile} have no url; an answer cites only articles a customer can open, so questions only they answer get "abstain".`,
    );
  const kb = buildTempKb(articles);
  const policy = { ...DEFAULT_FAQ_POLICY, autoResolve: options.autoResolve ?? true };
  const composer = options.model ? createGroundedComposer(options.model) : undefined;
  try {
    const retriever = await tempRetriever(kb, options.embeddings);
    const result = await runJsonLines(options.input as never, options.write, async (value) => {
      const answer = await answerQuestion(retriever, { message: requireText(value, "message"), context: contextTurns(value), policy, composer });
      return {
        decision: answer.decision,
        confidence: answer.confidence,
        citations: answer.citations.map((c) => c.articleId),
        answer: answer.decision === "abstain" ? "" : customerText(answer.sentences, answer.citations),
      };
    });
    return result.failed;
  } finally {
    kb.close();
  }
}

/** The chat model and embeddings the configuration names, if any (loaded only when configured). */
export async function modelsFromConfig(context: CliContext): Promise<Pick<FaqAnswerFileOptions, "model" | "embeddings">> {
  const config = context.loadConfig();
  if (!config.model.configured) return {};
  const { createChatModel, createEmbeddings } = await import("../agent/chat-model.js");
  const embeddings = createEmbeddings(config.model);
  return {
    model: createChatModel(config.model) as FaqModel | undefined,
    embeddings: embeddings ? { embeddings, model: config.model.embeddingModel as string } : undefined,
  };
}

export function registerFaqCommands(program: Command, context: CliContext): void {
  const faq = program.command("faq").description("FAQ answers with citations");
  faq
    .command("answer")
    .description('Answer JSON lines {"id","message","context"?} from stdin against the articles in FILE')
    .requiredOption("--articles <file>", "a .csv or .jsonl file of articles (article_id|id, title, body, url, …)")
    .option("--no-auto-resolve", "never decide auto_resolve (drafts and abstentions only)")
    .option("--no-model", "answer extractively even when a model is configured")
    .action(async (options: { articles: string; autoResolve: boolean; model: boolean }) => {
      if (!options.articles) throw new AppError("USAGE", "--articles FILE is required.");
      const models = options.model ? await modelsFromConfig(context) : {};
      const failed = await faqAnswerFile({
        articlesFile: options.articles,
        input: process.stdin,
        write: (line) => process.stdout.write(`${line}\n`),
        note: (line) => process.stderr.write(`switchboard: ${line}\n`),
        autoResolve: options.autoResolve,
        ...models,
      });
      if (failed > 0) process.exitCode = 1;
    });
}
