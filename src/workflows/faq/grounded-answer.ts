/**
 * The model's answer, behind one small interface: it writes from the retrieved chunks only, every sentence
 * is checked against the chunk it cites (src/domain/faq/grounding.ts), and whatever fails is dropped, or the
 * whole answer when too little survives. The retrieval's own decision gates it: a question the knowledge base
 * cannot answer confidently never reaches the model, and a model that fails leaves the extractive answer.
 */
import { checkGrounding, GROUNDED_INSTRUCTIONS, type GroundingSource, groundedRequest, parseGroundedAnswer } from "../../domain/faq/grounding.js";
import type { Citation, FaqAnswer } from "../../domain/faq/types.js";
import type { SearchHit } from "../../kb/types.js";
import type { Logger } from "../../logger.js";

/** Any chat model with `invoke` (a LangChain chat model fits). */
export interface FaqModel {
  invoke(messages: { role: "system" | "user"; content: string }[]): Promise<{ content: unknown }>;
}

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

export function createGroundedComposer(model: FaqModel, logger?: Pick<Logger, "info" | "warn">): FaqComposer {
  return {
    async compose({ question, context, hits, extractive }) {
      if (extractive.decision === "abstain") return extractive;
      const sources = groundingSources(hits);
      let text: string;
      try {
        const reply = await model.invoke([
          { role: "system", content: GROUNDED_INSTRUCTIONS },
          { role: "user", content: groundedRequest(question, context, sources) },
        ]);
        text = contentText(reply.content);
      } catch (error) {
        logger?.warn({ error: (error as Error).message }, "FAQ: the model failed; the extractive answer is used");
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
      const check = checkGrounding(parsed, sources, { audience: "customer" });
      if (check.refused) {
        logger?.info({ refused: check.refused, dropped: check.dropped.length }, "FAQ: the model's answer was not used");
        return abstain(`the model's answer was not used: ${check.refused}`, check.dropped);
      }
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
      const decision = extractive.decision === "auto_resolve" && check.dropped.length === 0 ? "auto_resolve" : "draft";
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
