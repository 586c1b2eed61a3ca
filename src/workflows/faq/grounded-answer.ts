/**
 * The model's answer, behind one small interface: it writes from the retrieved chunks only, then two checks
 * run before anything can be sent. First the lexical one (src/domain/faq/grounding.ts: citations, numbers,
 * words), then a second model call that judges each kept sentence against only the chunk text it cites
 * (src/domain/faq/support-check.ts). Whatever fails is dropped, or the whole answer when too little survives.
 * The retrieval's own decision gates it: a question the knowledge base cannot answer confidently never reaches
 * the model. A generation that fails, and a check that fails, times out or answers something unreadable, both
 * leave the extractive answer (the chunk's own sentences need no check): an unchecked answer is never sent.
 */
import { checkGrounding, GROUNDED_INSTRUCTIONS, type GroundingSource, groundedRequest, parseGroundedAnswer } from "../../domain/faq/grounding.js";
import { applySupportVerdicts, parseSupportVerdicts, SUPPORT_CHECK_INSTRUCTIONS, supportCheckRequest } from "../../domain/faq/support-check.js";
import type { Citation, FaqAnswer } from "../../domain/faq/types.js";
import type { SearchHit } from "../../kb/types.js";
import type { Logger } from "../../logger.js";

/** Any chat model with `invoke` (a LangChain chat model fits). */
export interface FaqModel {
  invoke(messages: { role: "system" | "user"; content: string }[], options?: { signal?: AbortSignal }): Promise<{ content: unknown }>;
}

export interface GroundedComposerOptions {
  /** For the log lines, when the answer is for a conversation. */
  conversationId?: string;
  /** How long the support check may take before the answer is treated as unchecked. */
  checkTimeoutMs?: number;
  /** How long writing the answer may take before the extractive answer is used instead. */
  generateTimeoutMs?: number;
}

export const DEFAULT_CHECK_TIMEOUT_MS = 30_000;
export const DEFAULT_GENERATE_TIMEOUT_MS = 60_000;

export interface FaqComposer {
  compose(input: ComposeInput): Promise<FaqAnswer>;
}

export interface ComposeInput {
  question: string;
  context: readonly string[];
  hits: readonly SearchHit[];
  /** The no-model answer for the same hits: its decision and confidence gate the model's. */
  extractive: FaqAnswer;
}

const MAX_PUBLIC = 4;
const MAX_INTERNAL = 2;

const contentText = (content: unknown): string =>
  typeof content === "string"
    ? content
    : Array.isArray(content)
      ? content.map((part) => (typeof part === "string" ? part : typeof part?.text === "string" ? part.text : "")).join("")
      : "";

export function groundingSources(hits: readonly SearchHit[]): GroundingSource[] {
  const usable = [
    ...hits.filter((h) => h.visibility === "public" && h.url).slice(0, MAX_PUBLIC),
    ...hits.filter((h) => h.visibility === "internal").slice(0, MAX_INTERNAL),
  ];
  return usable.map((h, i) => ({
    number: i + 1,
    articleId: h.articleId,
    title: h.title,
    heading: h.chunk.heading,
    text: h.chunk.text,
    url: h.chunk.anchorUrl ?? h.url,
    visibility: h.visibility,
  }));
}

/** The model's reply text, or a rejection after `ms` (the call is also asked to stop, for a model that listens). */
async function invokeWithin(model: FaqModel, messages: Parameters<FaqModel["invoke"]>[0], ms: number): Promise<string> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`no answer within ${ms} ms`);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    const reply = await Promise.race([model.invoke(messages, { signal: controller.signal }), deadline]);
    return contentText(reply.content);
  } finally {
    clearTimeout(timer);
  }
}

export function createGroundedComposer(model: FaqModel, logger?: Pick<Logger, "info" | "warn">, options: GroundedComposerOptions = {}): FaqComposer {
  const { conversationId } = options;
  const checkTimeoutMs = options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const generateTimeoutMs = options.generateTimeoutMs ?? DEFAULT_GENERATE_TIMEOUT_MS;
  return {
    async compose({ question, context, hits, extractive }) {
      if (extractive.decision === "abstain") return extractive;
      const sources = groundingSources(hits);
      let text: string;
      try {
        // A model that hangs must not hold the customer's message: after the limit the article's sentences go out.
        text = await invokeWithin(
          model,
          [
            { role: "system", content: GROUNDED_INSTRUCTIONS },
            { role: "user", content: groundedRequest(question, context, sources) },
          ],
          generateTimeoutMs,
        );
      } catch (error) {
        logger?.warn({ conversationId, error: (error as Error).message }, "FAQ: the model failed; the extractive answer is used");
        return { ...extractive, reason: `${extractive.reason} (the model failed, so the article's own sentences are quoted)` };
      }
      const abstain = (reason: string, dropped: FaqAnswer["dropped"] = []): FaqAnswer => ({
        ...extractive,
        decision: "abstain",
        sentences: [],
        citations: [],
        reason,
        by: "model",
        dropped,
      });
      const parsed = parseGroundedAnswer(text);
      if (parsed.noAnswer) return abstain("the model found no answer in the retrieved articles");
      const lexical = checkGrounding(parsed, sources, { audience: "customer" });
      if (lexical.refused) {
        logger?.info({ conversationId, refused: lexical.refused, dropped: lexical.dropped.length }, "FAQ: the model's answer was not used");
        return abstain(`the model's answer was not used: ${lexical.refused}`, lexical.dropped);
      }
      // Fail closed: an answer the check did not clear is never sent; the chunk's own sentences need no check.
      const unchecked = (why: string): FaqAnswer => {
        logger?.warn({ conversationId, problem: why }, "FAQ: the support check gave no usable verdict; the extractive answer is used");
        return { ...extractive, reason: `${extractive.reason} (the model's answer could not be checked, ${why}, so the article's own sentences are quoted)` };
      };
      let verdictText: string;
      try {
        // The check is shown the kept sentences and their cited chunks only, never the customer's message or
        // the conversation: customer text is untrusted, and a customer must not be able to argue for "supported".
        verdictText = await invokeWithin(
          model,
          [
            { role: "system", content: SUPPORT_CHECK_INSTRUCTIONS },
            { role: "user", content: supportCheckRequest(lexical.kept, sources) },
          ],
          checkTimeoutMs,
        );
      } catch (error) {
        return unchecked(`the check failed: ${(error as Error).message}`);
      }
      const verdicts = parseSupportVerdicts(verdictText, lexical.kept.length);
      if (!verdicts.ok) return unchecked(verdicts.problem);
      const check = applySupportVerdicts(parsed.sentences, lexical, verdicts.verdicts);
      const rejected = verdicts.verdicts.filter((v) => !v.supported).length;
      logger?.info(
        { conversationId, checked: lexical.kept.length, droppedByCheck: rejected, droppedByWords: lexical.dropped.length },
        `FAQ: the support check dropped ${rejected} of ${lexical.kept.length} sentence(s)`,
      );
      if (check.refused) return abstain(`the model's answer was not used: ${check.refused}`, check.dropped);
      const byNumber = new Map(sources.map((s) => [s.number, s]));
      const citations: Citation[] = [];
      const renumber = new Map<number, number>();
      for (const sentence of check.kept)
        for (const n of sentence.cites) {
          const source = byNumber.get(n);
          if (!source?.url || renumber.has(n)) continue;
          renumber.set(n, citations.length + 1);
          citations.push({ number: citations.length + 1, articleId: source.articleId, title: source.title, url: source.url });
        }
      // Only ever as sure as the retrieval was, and less when anything had to be removed: a verdict removes, never
      // promotes. The confidence is the best match's, so an answer that does not cite it is not covered by it.
      const citesBest = citations.some((c) => c.articleId === extractive.best?.articleId);
      const decision = extractive.decision === "auto_resolve" && check.dropped.length === 0 && citesBest ? "auto_resolve" : "draft";
      const first = citations[0];
      return {
        ...extractive,
        decision,
        sentences: check.kept.map((s) => s.text),
        citations,
        reason: `written by the model from ${first?.title ?? "the retrieved articles"}${check.dropped.length ? `; ${check.dropped.length} unsupported sentence(s) removed` : ""}`,
        by: "model",
        dropped: check.dropped,
      };
    },
  };
}
