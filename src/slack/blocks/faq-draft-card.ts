/**
 * The FAQ draft card: which kind of Intercom item it answers, who asked (name and company, never an email), what
 * they asked, the proposed answer with each source once as a numbered link, the confidence, and Send / Edit /
 * Send & close / Dismiss while it is pending; once decided, who decided and what happened, in plain words. Every
 * word a customer or the help center wrote is a rich-text element, shown as written (see mrkdwn-escape.ts).
 */
import type { Citation } from "../../domain/faq/types.js";
import { escapeMrkdwn, truncate } from "./mrkdwn.js";
import { bold, emoji, numberedLinks, quote, type RichTextBlock, richText, section, words } from "./mrkdwn-escape.js";

export const FAQ_ACTIONS = { send: "faq_send", edit: "faq_edit", sendClose: "faq_send_close", dismiss: "faq_dismiss", close: "faq_close" } as const;

export interface FaqCardInput {
  draftId: string;
  /** What the reply goes to; a ticket is never closed from the card (default: conversation). */
  kind?: "conversation" | "ticket";
  customerName?: string;
  companyName?: string;
  question: string;
  /** The answer's own words, without the source marks and source lines (the card lists the sources once). */
  answerText: string;
  citations: readonly Citation[];
  internal?: readonly { title: string; excerpt: string }[];
  confidence: number;
  status: "pending" | "sending" | "sent" | "failed" | "dismissed" | "abstained";
  decidedBy?: string;
  outcome?: string;
  autoResolved?: boolean;
  /** The reply's outcome is unknown (it may or may not have reached the customer): no button may resend it. */
  uncertain?: boolean;
  /** Answered automatically and the conversation still open: closing is offered to a person. */
  closeOffered?: boolean;
}

type Block = Record<string, unknown>;

/** "Sources:" and one numbered link a line. */
export function sourcesBlock(citations: readonly Citation[]): RichTextBlock {
  return richText(section(bold("Sources:")), numberedLinks(citations));
}

/** An internal article that informed the answer, marked so no teammate mistakes it for part of the reply. */
export function internalNoteBlock(note: { title: string; excerpt: string }, marking: string): RichTextBlock {
  return richText(section(emoji("lock"), words(` ${marking}: `), bold(truncate(note.title, 150))), quote(words(note.excerpt, 1000)));
}

/**
 * The score is a weighted match between the message and the best article, on the same 0–1 scale as the persona's
 * thresholds; as a percentage it would read as the chance the answer is right, which it is not.
 */
export const confidenceWords = (confidence: number) =>
  `Confidence ${confidence.toFixed(2)}: how closely the best article matches the message, from 0 to 1; not a probability.`;

export function faqCardText(input: FaqCardInput): string {
  const who = escapeMrkdwn(truncate(input.customerName ?? "A customer", 80));
  return `FAQ draft for ${who}: ${escapeMrkdwn(truncate(input.question, 150))}`;
}

export function buildFaqDraftCard(input: FaqCardInput): Block[] {
  const kind = input.kind ?? "conversation";
  const title = input.autoResolved ? "FAQ answered automatically" : "FAQ draft";
  const company = input.companyName ? [words("  ·  "), bold("Company: "), words(truncate(input.companyName, 80))] : [];
  const blocks: Block[] = [
    richText(section(bold(title), words(` on a ${kind}`))),
    richText(section(bold("Customer: "), words(truncate(input.customerName ?? "unknown", 80)), ...company)),
    richText(section(bold("They asked:")), quote(words(input.question, 1200))),
    richText(section(bold("Proposed answer: "), words(input.answerText, 2400))),
  ];
  if (input.citations.length > 0) blocks.push(sourcesBlock(input.citations));
  const line = (text: string) => ({ type: "context", elements: [{ type: "mrkdwn", text: truncate(text, 2990) }] });
  blocks.push(line(confidenceWords(input.confidence)));
  for (const note of (input.internal ?? []).slice(0, 2))
    blocks.push(internalNoteBlock(note, "Internal article, for teammates only: never sent to the customer"));
  const button = (text: string, actionId: string, style?: "primary" | "danger") => ({
    type: "button",
    text: { type: "plain_text", text },
    action_id: actionId,
    value: input.draftId,
    ...(style ? { style } : {}),
  });
  if (input.status === "pending") {
    // A pending draft may carry why it was not sent automatically.
    if (input.outcome) blocks.push(line(escapeMrkdwn(input.outcome)));
    blocks.push({
      type: "actions",
      block_id: `faq:${input.draftId}`,
      elements: [
        button("Send", FAQ_ACTIONS.send, "primary"),
        button("Edit", FAQ_ACTIONS.edit),
        // Tickets are not closed from the card, so it does not offer to.
        ...(kind === "conversation" ? [button("Send & close", FAQ_ACTIONS.sendClose)] : []),
        button("Dismiss", FAQ_ACTIONS.dismiss, "danger"),
      ],
    });
    return blocks;
  }
  const by = input.decidedBy ? ` (decided by <@${escapeMrkdwn(input.decidedBy)}>)` : "";
  const what = input.status === "sending" && !input.uncertain ? "Sending…" : (input.outcome ?? input.status);
  blocks.push(line(`${input.uncertain ? ":warning: " : ""}${escapeMrkdwn(what)}${by}`));
  if (input.closeOffered)
    blocks.push({ type: "actions", block_id: `faq-close:${input.draftId}`, elements: [button("Close conversation", FAQ_ACTIONS.close, "primary")] });
  return blocks;
}
