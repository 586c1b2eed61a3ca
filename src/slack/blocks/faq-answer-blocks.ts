/**
 * `/switchboard faq <question>` answers and the knowledge-gap note: text for teammates, with sources. The
 * customer's and the help center's words are rich-text elements, shown as written (see mrkdwn-escape.ts).
 */
import { withoutEmail } from "../../domain/faq/display-name.js";
import type { FaqAnswer } from "../../domain/faq/types.js";
import { confidenceWords, internalNoteBlock, sourcesBlock } from "./faq-draft-card.js";
import { escapeMrkdwn, truncate } from "./mrkdwn.js";
import { bold, linkOr, quote, richText, section, words } from "./mrkdwn-escape.js";

type Block = Record<string, unknown>;

export function buildFaqAnswerBlocks(question: string, answer: FaqAnswer): { text: string; blocks: Block[] } {
  const blocks: Block[] = [];
  if (answer.sentences.length > 0) {
    blocks.push(richText(section(words(answer.sentences.join(" "), 2900))));
    if (answer.citations.length > 0) blocks.push(sourcesBlock(answer.citations));
  } else {
    blocks.push(richText(section(words(`The help center has no confident answer to this (${truncate(answer.reason, 300)}).`))));
  }
  for (const note of answer.internal) blocks.push(internalNoteBlock(note, "Internal article, for teammates only"));
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `${confidenceWords(answer.confidence)} ${answeredBy(answer)}` }] });
  const text =
    answer.sentences.length > 0 ? `Answer to: ${escapeMrkdwn(truncate(question, 150))}` : `No confident answer to: ${escapeMrkdwn(truncate(question, 150))}`;
  return { text, blocks };
}

function answeredBy(answer: FaqAnswer): string {
  if (answer.by !== "model") return "Answered from the knowledge base, no model.";
  const removed = answer.dropped?.length ?? 0;
  return `Written by the model from the sources, each sentence checked against them${removed ? ` (${removed} unsupported sentence${removed === 1 ? "" : "s"} removed)` : ""}.`;
}

/**
 * The note to the team when no reply was sent. Abstaining does not prove the help center lacks the answer (the
 * match may only be weak), so the note says which it was and links the closest public article for the teammate
 * who picks the conversation up.
 */
export function buildGapNote(
  customerName: string | undefined,
  question: string,
  answer: Pick<FaqAnswer, "reason" | "best">,
): { text: string; blocks: Block[] } {
  const name = truncate(withoutEmail(customerName) ?? "A customer", 80);
  const best = answer.best;
  const link = best?.chunk.anchorUrl ?? best?.url;
  const headline = best
    ? section(bold("Knowledge-base gap?"), words(` ${name} asked something no help-center article answers with confidence. No reply was sent.`))
    : section(bold("Knowledge-base gap"), words(`: ${name} asked something no help-center article matches. No reply was sent.`));
  const blocks: Block[] = [richText(headline), richText(quote(words(question, 1500)))];
  if (best && link) blocks.push(richText(section(words("Closest article, not confident enough to send: "), linkOr(link, best.title))));
  blocks.push(richText(section(words(truncate(answer.reason, 300)))));
  const who = escapeMrkdwn(name);
  const text = best
    ? `Knowledge-base gap? ${who} asked something no help-center article answers with confidence`
    : `Knowledge-base gap: ${who} asked something no help-center article matches`;
  return { text, blocks };
}
