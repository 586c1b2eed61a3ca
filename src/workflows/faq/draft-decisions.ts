/**
 * A person's decision on a draft card: Send, Send & close, an edited Send, or Dismiss. The decision is
 * claimed atomically first (a second click changes nothing and learns who decided), the reply goes out as
 * the Intercom teammate matched to the clicking Slack user, through the gated writes, and the card then
 * shows the executor's outcome in plain words.
 */
import { customerHtml, customerText } from "../../domain/faq/customer-html.js";
import { buildFaqDraftCard, faqCardText } from "../../slack/blocks/faq-draft-card.js";
import { escapeMrkdwn } from "../../slack/blocks/mrkdwn.js";
import { draftCardInput } from "./card-input.js";
import { ownReplies, staleReason, staleWords } from "./draft-staleness.js";
import type { FaqDraft } from "./drafts-repo.js";
import type { FaqWorkflowDeps } from "./faq-deps.js";
import { closeAfterReplyWords, closeWords, goneWords, replyWords, uncheckedWords } from "./outcome-words.js";
import { closeArgs, replyArgs, replyTool } from "./write-args.js";

export type DecisionDeps = Pick<FaqWorkflowDeps, "drafts" | "slack" | "writes" | "teammates" | "persona" | "logger" | "reads">;

export interface DecideInput {
  draftId: string;
  action: "send" | "send_close" | "dismiss";
  slackUserId: string;
  /** From the Edit modal: the answer as the person rewrote it (the sources stay attached). */
  editedText?: string;
}

export type DecideResult =
  | { kind: "decided"; draft: FaqDraft }
  | { kind: "already"; draft: FaqDraft; message: string }
  | { kind: "missing"; message: string }
  | { kind: "no_teammate"; message: string }
  | { kind: "empty_edit"; message: string }
  /** Intercom showed the draft overtaken (a teammate replied, closed, gone): decided by this click, nothing sent. */
  | { kind: "not_sent"; draft: FaqDraft; message: string }
  /** Intercom could not be read: nothing was sent and the draft is still open. */
  | { kind: "unchecked"; message: string };

/** The "[1][2]" customerText puts after the last sentence: sending puts them back as links, so a kept copy doubled them. */
const TRAILING_MARKS = /\s*(\[\d+\]\s*)+$/;

/** The answer's own words without the source marks and numbered source lines (re-attached as links on send). */
export function editableAnswer(draft: Pick<FaqDraft, "answerText" | "citations">): string {
  const words = draft.answerText.split(/\n\n\[1\] /)[0] ?? draft.answerText;
  return draft.citations.length > 0 ? words.replace(TRAILING_MARKS, "") : words;
}

/** The answer as a person edited it, in paragraphs, without marks they kept or typed at the end (sending adds them). */
export function editedParagraphs(text: string, citations: FaqDraft["citations"]): string[] {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  const last = paragraphs.length - 1;
  if (citations.length > 0 && last >= 0) paragraphs[last] = (paragraphs[last] as string).replace(TRAILING_MARKS, "");
  return paragraphs.filter(Boolean);
}

export async function refreshCard(deps: Pick<FaqWorkflowDeps, "slack">, draft: FaqDraft): Promise<void> {
  if (!draft.channelId || !draft.messageTs) return;
  const card = draftCardInput(draft);
  await deps.slack.chat.update({ channel: draft.channelId, ts: draft.messageTs, text: faqCardText(card), blocks: buildFaqDraftCard(card) as never });
}

/**
 * Outcomes are stored as plain words (the card shows them as written) and may carry Intercom's or the gate's
 * reasons: escaped in a private answer, so none of it comes alive there as a mention or a link.
 */
export const alreadyMessage = (draft: FaqDraft) =>
  `This draft was already decided${draft.decidedBy ? ` by <@${draft.decidedBy}>` : ""}: ${draft.outcome !== undefined ? escapeMrkdwn(draft.outcome) : draft.status === "sending" ? "sending now" : draft.status}`;

export async function decideDraft(deps: DecisionDeps, input: DecideInput): Promise<DecideResult> {
  const draft = deps.drafts.get(input.draftId);
  if (!draft) return { kind: "missing", message: "This draft no longer exists." };
  if (draft.status !== "pending") return { kind: "already", draft, message: alreadyMessage(draft) };
  if (input.action === "dismiss") {
    if (!deps.drafts.claim(draft.id, "dismiss", input.slackUserId)) {
      const now = deps.drafts.get(draft.id) as FaqDraft;
      return { kind: "already", draft: now, message: alreadyMessage(now) };
    }
    const dismissed = deps.drafts.get(draft.id) as FaqDraft;
    await refreshCard(deps, dismissed);
    return { kind: "decided", draft: dismissed };
  }
  const teammate = await deps.teammates.adminFor(input.slackUserId);
  if (!teammate)
    return {
      kind: "no_teammate",
      message:
        "Your Slack email could not be matched to an Intercom teammate and no default is set (INTERCOM_DEFAULT_ADMIN_ID), so this cannot be sent as anyone. Nothing was sent.",
    };
  const paragraphs = input.editedText !== undefined ? editedParagraphs(input.editedText, draft.citations) : [];
  // An edit with no words of its own must not fall back to sending the original answer.
  if (input.editedText !== undefined && paragraphs.length === 0)
    return { kind: "empty_edit", message: "The edited answer had no text of its own, so nothing was sent; the draft is still open." };
  const edited = paragraphs.length > 0 ? { html: customerHtml(paragraphs, draft.citations), text: customerText(paragraphs, draft.citations) } : undefined;
  // Before the claim only: after it, this draft's own reply would be in Intercom and a resumed send must not see it.
  const check = await stillCurrent(deps, draft);
  if (check.kind === "unchecked") return check;
  if (check.kind === "stale") {
    if (!deps.drafts.dismissStale(draft.id, input.slackUserId, check.words)) {
      const now = deps.drafts.get(draft.id) as FaqDraft;
      return { kind: "already", draft: now, message: alreadyMessage(now) };
    }
    const dismissed = deps.drafts.get(draft.id) as FaqDraft;
    await refreshCard(deps, dismissed);
    // Stored plain (the card shows it as written); told privately as mrkdwn, so Intercom's words are escaped.
    return { kind: "not_sent", draft: dismissed, message: escapeMrkdwn(check.words) };
  }
  if (!deps.drafts.claim(draft.id, input.action, input.slackUserId, edited)) {
    const now = deps.drafts.get(draft.id) as FaqDraft;
    return { kind: "already", draft: now, message: alreadyMessage(now) };
  }
  const claimed = deps.drafts.get(draft.id) as FaqDraft;
  await refreshCard(deps, claimed);
  return { kind: "decided", draft: await sendClaimed(deps, claimed, input.action, input.slackUserId, teammate) };
}

type Freshness = { kind: "current" } | { kind: "stale"; words: string } | { kind: "unchecked"; message: string };

/**
 * Reads the conversation or ticket as Intercom holds it now (an audited read) and says whether sending would talk
 * over a teammate or into a closed conversation. Without reads (some unit set-ups) it cannot tell, and sends.
 */
async function stillCurrent(deps: DecisionDeps, draft: FaqDraft): Promise<Freshness> {
  if (!deps.reads) return { kind: "current" };
  const prompt = "FAQ draft: has a teammate answered or closed it since?";
  const read = await (draft.kind === "ticket"
    ? deps.reads.read("INTERCOM_GET_TICKET", { ticket_id: draft.conversationId }, prompt)
    : deps.reads.read("INTERCOM_GET_CONVERSATION", { conversation_id: draft.conversationId }, prompt)
  ).catch((error: unknown) => ({ ok: false as const, message: (error as Error).message, status: undefined }));
  if (!read.ok) {
    if (read.status === 404) return { kind: "stale", words: goneWords(draft.kind) };
    deps.logger?.warn({ draftId: draft.id, conversationId: draft.conversationId, error: read.message }, "FAQ draft: could not check Intercom before sending");
    return { kind: "unchecked", message: escapeMrkdwn(uncheckedWords(draft.kind, read.message)) };
  }
  // A card of this conversation sent earlier is Switchboard's reply, not a teammate's (it answered another question).
  const reason = staleReason(read.raw, draft, ownReplies(deps.drafts.sentAnswers(draft.conversationId, draft.kind)));
  return reason ? { kind: "stale", words: staleWords(reason) } : { kind: "current" };
}

/**
 * A click a stopped process had claimed but not finished: the same writes under the same keys, so a reply that
 * already went out is found in the write ledger and not sent again, and one that never started is sent now.
 */
export async function resumeDecidedDraft(deps: DecisionDeps, draft: FaqDraft): Promise<FaqDraft> {
  const clicker = draft.decidedBy as string;
  const teammate = await deps.teammates.adminFor(clicker).catch(() => undefined);
  if (!teammate) {
    // Plain words: the card shows outcomes as written and names the clicker itself ("decided by").
    deps.drafts.markUncertain(
      draft.id,
      "A restart interrupted this send, and the person who clicked could not be matched to an Intercom teammate, so it was not resumed. It may or may not have reached the customer: check the conversation in Intercom before answering again.",
    );
  } else await sendClaimed(deps, draft, draft.action === "send_close" ? "send_close" : "send", clicker, teammate);
  const finished = deps.drafts.get(draft.id) as FaqDraft;
  await refreshCard(deps, finished);
  return finished;
}

async function sendClaimed(
  deps: DecisionDeps,
  claimed: FaqDraft,
  action: "send" | "send_close",
  slackUserId: string,
  teammate: { adminId: string; name: string },
): Promise<FaqDraft> {
  const input = { action, slackUserId };
  const common = {
    persona: deps.persona,
    authority: { kind: "person", slackUserId: input.slackUserId, source: "slack:faq-draft" } as const,
    requester: { slackUserId: input.slackUserId, source: "slack:faq-draft" },
    prompt: claimed.question,
  };
  const reply = await deps.writes.run({
    ...common,
    tool: replyTool(claimed.kind),
    args: replyArgs(claimed, teammate.adminId, claimed.answerHtml),
    idempotencyKey: `faq-draft:${claimed.id}:reply`,
  });
  let words = replyWords(reply, teammate.name);
  if (reply.status === "sent" && input.action === "send_close") {
    const close =
      claimed.kind === "conversation"
        ? await deps.writes.run({
            ...common,
            tool: "INTERCOM_CLOSE_CONVERSATION",
            args: closeArgs(claimed, teammate.adminId),
            idempotencyKey: `faq-draft:${claimed.id}:close`,
          })
        : "ticket";
    words += ` ${closeAfterReplyWords(close)}`;
  }
  if (reply.status === "uncertain") deps.drafts.markUncertain(claimed.id, words);
  else deps.drafts.finish(claimed.id, reply.status === "sent" ? "sent" : "failed", words);
  const finished = deps.drafts.get(claimed.id) as FaqDraft;
  await refreshCard(deps, finished);
  return finished;
}

/**
 * A person closes a conversation that was answered automatically. Closing is destructive, so it never runs on
 * the persona's policy: this click is the approval (GatedWrites checks the person may give it), claimed
 * atomically so a second click changes nothing and learns who closed it.
 */
export async function closeAnswered(deps: DecisionDeps, input: { draftId: string; slackUserId: string }): Promise<DecideResult> {
  const draft = deps.drafts.get(input.draftId);
  if (!draft) return { kind: "missing", message: "This draft no longer exists." };
  if (draft.status !== "sent" || draft.action !== "auto" || draft.kind !== "conversation")
    return {
      kind: "already",
      draft,
      message:
        draft.action === "auto_close"
          ? `${draft.decidedBy ? `<@${draft.decidedBy}>` : "Someone"} already took this close: ${escapeMrkdwn(draft.outcome ?? "")}`.trim()
          : "There is nothing to close on this card.",
    };
  const teammate = await deps.teammates.adminFor(input.slackUserId);
  if (!teammate)
    return {
      kind: "no_teammate",
      message:
        "Your Slack email could not be matched to an Intercom teammate and no default is set (INTERCOM_DEFAULT_ADMIN_ID), so this cannot be closed as anyone. Nothing changed.",
    };
  if (!deps.drafts.claimClose(draft.id, input.slackUserId)) {
    const now = deps.drafts.get(draft.id) as FaqDraft;
    return { kind: "already", draft: now, message: `${now.decidedBy ? `<@${now.decidedBy}>` : "Someone"} already took this close.` };
  }
  const close = await deps.writes.run({
    persona: deps.persona,
    authority: { kind: "person", slackUserId: input.slackUserId, source: "slack:faq-draft" },
    requester: { slackUserId: input.slackUserId, source: "slack:faq-draft" },
    prompt: draft.question,
    tool: "INTERCOM_CLOSE_CONVERSATION",
    args: closeArgs(draft, teammate.adminId),
    idempotencyKey: `faq-draft:${draft.id}:close`,
  });
  deps.drafts.setOutcome(draft.id, `Answered automatically. ${closeWords(close, teammate.name)}`);
  const finished = deps.drafts.get(draft.id) as FaqDraft;
  await refreshCard(deps, finished);
  return { kind: "decided", draft: finished };
}
