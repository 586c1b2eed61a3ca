/** `/switchboard faq <question>` answers and the knowledge-gap note: text for teammates, escaped, with sources. */
import { withoutEmail } from "../../domain/faq/display-name.js";
import type { FaqAnswer } from "../../domain/faq/types.js";
import { slackLink, sourcesList } from "./faq-draft-card.js";
import { escapeMrkdwn, truncate } from "./mrkdwn.js";

type Block = Record<string, unknown>;

export function buildFaqAnswerBlocks(question: string, answer: FaqAnswer): { text: string; blocks: Block[] } {
  const blocks: Block[] = [];
  if (answer.sentences.length > 0) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: truncate(escapeMrkdwn(answer.sentences.join(" ")), 2990) } });
    blocks.push({ type: "section", text: { type: "mrkdwn", text: truncate(`*Sources:*\n${sourcesList(answer.citations)}`, 2990) } });
  } else {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `The help center has no confident answer to this (${escapeMrkdwn(answer.reason)}).` } });
  }
  for (const note of answer.internal) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: truncate(`:lock: Internal: *${escapeMrkdwn(note.title)}*: ${escapeMrkdwn(note.excerpt)}`, 2990) }],
    });
  }
  blocks.push({
    type: "context",
    elements: [{ type: "mrkdwn", text: `Confidence ${Math.round(answer.confidence * 100)}% · ${answeredBy(answer)}` }],
  });
  const text =
    answer.sentences.length > 0 ? `Answer to: ${escapeMrkdwn(truncate(question, 150))}` : `No confident answer to: ${escapeMrkdwn(truncate(question, 150))}`;
  return { text, blocks };
}

function answeredBy(answer: FaqAnswer): string {
  if (answer.by !== "model") return "answered from the knowledge base, no model";
  const removed = answer.dropped?.length ?? 0;
  return `written by the model from the sources, each sentence checked against them${removed ? ` (${removed} unsupported sentence${removed === 1 ? "" : "s"} removed)` : ""}`;
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
  const who = escapeMrkdwn(truncate(withoutEmail(customerName) ?? "A customer", 80));
  const best = answer.best;
  const link = best?.chunk.anchorUrl ?? best?.url;
  const headline = best
    ? `*Knowledge-base gap?* ${who} asked something no help-center article answers with confidence. No reply was sent.`
    : `*Knowledge-base gap*: ${who} asked something no help-center article matches. No reply was sent.`;
  const blocks: Block[] = [
    { type: "section", text: { type: "mrkdwn", text: headline } },
    { type: "section", text: { type: "mrkdwn", text: `>${escapeMrkdwn(truncate(question, 1500)).replace(/\n/g, "\n>")}` } },
  ];
  if (best && link)
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: `Closest article, not confident enough to send: ${slackLink(link, truncate(best.title, 150))}` },
    });
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(truncate(answer.reason, 300)) }] });
  const text = best
    ? `Knowledge-base gap? ${who} asked something no help-center article answers with confidence`
    : `Knowledge-base gap: ${who} asked something no help-center article matches`;
  return { text, blocks };
}
