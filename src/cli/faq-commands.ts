/**
 * `switchboard faq answer --articles FILE`: the FAQ evaluation contract. JSON lines {"id","message","context"?}
 * on stdin, one {"id","decision","confidence","citations","answer"} per line on stdout, a bad line answered
 * with {"id","error"}; exit 1 at the end if any line failed. With no model it answers extractively.
 */
import type { Command } from "commander";
import { AppError } from "../errors.js";
import type { CliContext } from "./context.js";

export interface FaqAnswerFileOptions {
  articlesFile: string;
  input: NodeJS.ReadableStream;
  write: (line: string) => void;
  /** Allow auto_resolve (the evaluation measures it); the app takes this from the persona. */
  autoResolve?: boolean;
}

export async function faqAnswerFile(options: FaqAnswerFileOptions): Promise<number> {
  const { readArticlesFile } = await import("../kb/article-file.js");
  const { buildTempKb } = await import("../kb/temp-index.js");
  const { contextTurns, requireText, runJsonLines } = await import("../kb/jsonl-eval.js");
  const { answerQuestion } = await import("../workflows/faq/answer-question.js");
  const { customerText } = await import("../domain/faq/customer-html.js");
  const { DEFAULT_FAQ_POLICY } = await import("../domain/faq/types.js");
  const kb = buildTempKb(readArticlesFile(options.articlesFile));
  const policy = { ...DEFAULT_FAQ_POLICY, autoResolve: options.autoResolve ?? true };
  try {
    const result = await runJsonLines(options.input as never, options.write, (value) => {
      const answer = answerQuestion(kb.searcher, { message: requireText(value, "message"), context: contextTurns(value), policy });
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

export function registerFaqCommands(program: Command, _context: CliContext): void {
  const faq = program.command("faq").description("FAQ answers with citations");
  faq
    .command("answer")
    .description('Answer JSON lines {"id","message","context"?} from stdin against the articles in FILE')
    .requiredOption("--articles <file>", "a .csv or .jsonl file of articles (article_id|id, title, body, url, …)")
    .option("--no-auto-resolve", "never decide auto_resolve (drafts and abstentions only)")
    .action(async (options: { articles: string; autoResolve: boolean }) => {
      if (!options.articles) throw new AppError("USAGE", "--articles FILE is required.");
      const failed = await faqAnswerFile({
        articlesFile: options.articles,
        input: process.stdin,
        write: (line) => process.stdout.write(`${line}\n`),
        autoResolve: options.autoResolve,
      });
      if (failed > 0) process.exitCode = 1;
    });
}
