/**
 * The FAQ draft card: who asked (name and company, never an email), what they asked, the proposed answer
 * with numbered source links, the confidence, and Send / Edit / Send & close / Dismiss while it is pending;
 * once decided, who decided and what happened, in plain words. Every customer-controlled text is escaped.
 */
import type { Citation } from "../../domain/faq/types.js";
import { escapeMrkdwn, truncate } from "./mrkdwn.js";

export const FAQ_ACTIONS = { send: "faq_send", edit: "faq_edit", sendClose: "faq_send_close", dismiss: "faq_dismiss", close: "faq_close" } as const;

export interface FaqCardInput {
  draftId: string;
  customerName?: string;
  companyName?: string;
  question: string;
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

/** A link Slack cannot misread: the URL must be http(s) and carry none of the characters that end a link. */
export function slackLink(url: string, label: string): string {
  const clean = /^https?:\/\/[^\s<>|]+$/i.test(url) ? url : undefined;
  return clean ? `<${clean}|${escapeMrkdwn(label).replace(/\|/g, "¦")}>` : escapeMrkdwn(label);
}

export function sourcesList(citations: readonly Citation[]): string {
  return citations.map((c) => `${c.number}. ${slackLink(c.url, c.title)}`).join("\n");
}

const quote = (text: string) => `>${escapeMrkdwn(truncate(text, 1200)).replace(/\n/g, "\n>")}`;

export function faqCardText(input: FaqCardInput): string {
  const who = escapeMrkdwn(truncate(input.customerName ?? "A customer", 80));
  return `FAQ draft for ${who}: ${escapeMrkdwn(truncate(input.question, 150))}`;
}

export function buildFaqDraftCard(input: FaqCardInput): Block[] {
  const who = [input.customerName, input.companyName].filter(Boolean).map((s) => escapeMrkdwn(truncate(s as string, 80)));
  const percent = Math.round(input.confidence * 100);
  const title = input.autoResolved ? "*FAQ answered automatically*" : "*FAQ draft*";
  const blocks: Block[] = [
    { type: "section", text: { type: "mrkdwn", text: `${title} for ${who.join(", ") || "a customer"} · confidence ${percent}%` } },
    { type: "section", text: { type: "mrkdwn", text: `*They asked:*\n${quote(input.question)}` } },
    { type: "section", text: { type: "mrkdwn", text: truncate(`*Proposed answer:*\n${escapeMrkdwn(truncate(input.answerText, 2400))}`, 2990) } },
  ];
  if (input.citations.length > 0)
    blocks.push({ type: "section", text: { type: "mrkdwn", text: truncate(`*Sources:*\n${sourcesList(input.citations)}`, 2990) } });
  for (const note of (input.internal ?? []).slice(0, 2)) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: truncate(`:lock: Internal, not sent: *${escapeMrkdwn(note.title)}*: ${escapeMrkdwn(note.excerpt)}`, 2990) }],
    });
  }
  const button = (text: string, actionId: string, style?: "primary" | "danger") => ({
    type: "button",
    text: { type: "plain_text", text },
    action_id: actionId,
    value: input.draftId,
    ...(style ? { style } : {}),
  });
  const line = (text: string) => ({ type: "context", elements: [{ type: "mrkdwn", text: truncate(text, 2990) }] });
  if (input.status === "pending") {
    // A pending draft may carry why it was not sent automatically.
    if (input.outcome) blocks.push(line(escapeMrkdwn(input.outcome)));
    blocks.push({
      type: "actions",
      block_id: `faq:${input.draftId}`,
      elements: [
        button("Send", FAQ_ACTIONS.send, "primary"),
        button("Edit", FAQ_ACTIONS.edit),
        button("Send & close", FAQ_ACTIONS.sendClose),
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
