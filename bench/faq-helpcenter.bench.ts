/**
 * FAQ decisions on the project's own help-center set (bench/data/helpcenter: a fictional product's 48 articles,
 * 363 customer messages in five parts, a quarter with no answer, some not in English), with no model, and again
 * with the configured model when there is one (grounded answers; hybrid retrieval with an embedding model),
 * since the goals are the product's at its best and the no-model path is the honest fallback. Goals: auto_resolve precision
 * >= .97, abstention on no-answer >= .80, answerable answered with the right first citation >= .75. The dev part
 * was used to calibrate; the held-out part was not looked at while tuning (but was printed a few times). dev2 and
 * unseen were written later, blind (by writers who had seen neither the code nor the other messages): dev2 was
 * tuned on in a second round, unseen never was, and was the check of that round. unseen2 was written the same way
 * at the start of the third round and sealed, but a review helper ran this bench early in that round; from then
 * on it was read as a tuning part, and unseen3, written blind right after, is the sealed check, run once at the end.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config.js";
import { type FaqCase, type FaqMetrics, faqMetrics } from "../src/domain/faq/faq-metrics.js";
import { DEFAULT_FAQ_POLICY } from "../src/domain/faq/types.js";
import { readArticlesFile } from "../src/kb/article-file.js";
import { buildTempKb, tempRetriever } from "../src/kb/temp-index.js";
import type { EmbeddingsLike } from "../src/retrieval/embedding-cache.js";
import { answerQuestion } from "../src/workflows/faq/answer-question.js";
import { createGroundedComposer, type FaqComposer, type FaqModel } from "../src/workflows/faq/grounded-answer.js";

const data = join(dirname(fileURLToPath(import.meta.url)), "data/helpcenter");

interface Message {
  id: string;
  message: string;
  gold: string | null;
  /** Earlier customer turns, joined by " || " as in the `faq answer` contract. */
  context?: string;
}

export type HelpCenterPart = "dev" | "holdout" | "dev2" | "unseen" | "unseen2" | "unseen3";

/** The decisions' figures, and how often the right article is the first (R@1) or among the first five (R@5) found. */
export type HelpCenterFigures = FaqMetrics & { recallAt1: number; recallAt5: number };

/** What the product has besides the knowledge base when a model is configured; nothing means the no-model path. */
export interface HelpCenterModels {
  /** Writes the answer with the chat model and checks each sentence (the app's grounded composer). */
  composer?: FaqComposer;
  /** Hybrid retrieval: every chunk embedded once, then lexical and embedding rankings fused. */
  embeddings?: { embeddings: EmbeddingsLike; model: string };
}

export async function evaluateHelpCenter(
  part: HelpCenterPart,
  policyOverride: Partial<typeof DEFAULT_FAQ_POLICY> = {},
  models: HelpCenterModels = {},
): Promise<HelpCenterFigures> {
  const kb = buildTempKb(readArticlesFile(join(data, "articles.jsonl")));
  const retriever = await tempRetriever(kb, models.embeddings);
  const messages = readFileSync(join(data, `messages.${part}.jsonl`), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Message);
  const policy = { ...DEFAULT_FAQ_POLICY, autoResolve: true, ...policyOverride };
  const cases: FaqCase[] = [];
  const ranks: number[] = [];
  try {
    for (const m of messages) {
      const context = m.context
        ?.split(" || ")
        .map((turn) => turn.trim())
        .filter(Boolean);
      const answer = await answerQuestion(retriever, { message: m.message, context, policy, composer: models.composer });
      cases.push({ gold: m.gold, decision: answer.decision, citations: answer.citations.map((c) => c.articleId) });
      if (m.gold !== null) ranks.push((await retriever.rank({ text: m.message, context, k: 5 })).hits.findIndex((hit) => hit.articleId === m.gold));
    }
  } finally {
    kb.close();
  }
  const share = (found: (rank: number) => boolean) => (ranks.length === 0 ? 1 : ranks.filter(found).length / ranks.length);
  return { ...faqMetrics(cases), recallAt1: share((rank) => rank === 0), recallAt5: share((rank) => rank >= 0) };
}

const line = (name: string, m: HelpCenterFigures) =>
  `${name.padEnd(8)} ${String(m.messages).padStart(3)} msgs  R@1 ${m.recallAt1.toFixed(3)}  R@5 ${m.recallAt5.toFixed(3)}  auto_resolve ${String(m.autoResolved).padStart(2)} (precision ${m.autoResolvePrecision.toFixed(3)})  ` +
  `abstain on no-answer ${m.abstentionOnNoAnswer.toFixed(3)}  right first citation ${m.answeredRightFirstCitation.toFixed(3)}  answer precision ${m.answerPrecision.toFixed(3)}`;

const PARTS: readonly { part: HelpCenterPart; name: string }[] = [
  { part: "dev", name: "dev" },
  { part: "holdout", name: "held-out" },
  { part: "dev2", name: "dev2" },
  { part: "unseen", name: "unseen" },
  { part: "unseen2", name: "unseen2" },
  { part: "unseen3", name: "unseen3" },
];

async function printParts(models: HelpCenterModels = {}): Promise<void> {
  for (const { part, name } of PARTS)
    if (existsSync(join(data, `messages.${part}.jsonl`))) console.log(`  ${line(name, await evaluateHelpCenter(part, {}, models))}`);
}

/** The configured chat model and embeddings, as the app builds them; undefined without a model endpoint. */
async function configuredModels(): Promise<{ models: HelpCenterModels; label: string } | undefined> {
  const config = loadConfig();
  if (!config.model.configured) return undefined;
  const { createChatModel, createEmbeddings } = await import("../src/agent/chat-model.js");
  const chat = createChatModel(config.model) as FaqModel | undefined;
  if (!chat) return undefined;
  const client = createEmbeddings(config.model);
  const embeddings = client && config.model.embeddingModel ? { embeddings: client, model: config.model.embeddingModel } : undefined;
  const label = `${config.model.chatModel}${embeddings ? `, hybrid retrieval with ${embeddings.model}` : ", lexical retrieval"}`;
  return { models: { composer: createGroundedComposer(chat), embeddings }, label };
}

export async function run(): Promise<void> {
  console.log("Help-center set (Quillpad, 48 articles), no model, auto-resolve allowed (R@k over answerable messages):");
  await printParts();
  console.log("  goals: auto_resolve precision >= .97, abstention on no-answer >= .80, right first citation >= .75");
  const configured = await configuredModels();
  if (!configured) {
    console.log(
      "With a model: not measured. No model endpoint is configured (OPENAI_API_KEY or OPENAI_BASE_URL, OPENAI_MODEL; OPENAI_EMBEDDING_MODEL for hybrid retrieval).",
    );
    return;
  }
  console.log(`With the model (${configured.label}), the same parts, grounded answers checked sentence by sentence:`);
  await printParts(configured.models);
}
