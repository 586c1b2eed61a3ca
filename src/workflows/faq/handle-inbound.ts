/**
 * The FAQ flow for conversation.user.created, conversation.user.replied and ticket.created: answer from the
 * knowledge base, then abstain (no reply; a gap note if the persona asks), post a draft card, or, when the
 * persona allows and the answer is confident, reply on the persona's policy and offer the close to a person
 * (closing is destructive: a person's click approves it). Idempotent: a
 * redelivered item finds its draft by message key and only finishes what is missing.
 */
import { isClosingMessage } from "../../domain/escalation/score.js";
import { customerHtml, customerText } from "../../domain/faq/customer-html.js";
import { buildGapNote } from "../../slack/blocks/faq-answer-blocks.js";
import { buildFaqDraftCard, faqCardText } from "../../slack/blocks/faq-draft-card.js";
import type { InboxHandler, InboxItem, InboxTopics } from "../contracts.js";
import { answerQuestion } from "./answer-question.js";
import { draftCardInput } from "./card-input.js";
import { refreshCard } from "./draft-decisions.js";
import { ownReplies } from "./draft-staleness.js";
import type { FaqDraft } from "./drafts-repo.js";
import type { FaqWorkflowDeps } from "./faq-deps.js";
import { faqSettingsFor } from "./faq-policy.js";
import { createGroundedComposer } from "./grounded-answer.js";
import { type InboundMessage, parseInbound, withConversation } from "./inbound-message.js";
import { SUPERSEDED, SUPERSEDED_NEEDS_PERSON, UNCERTAIN_REPLY, WROTE_AGAIN } from "./outcome-words.js";
import { replyArgs, replyTool } from "./write-args.js";

export const FAQ_TOPICS = ["conversation.user.created", "conversation.user.replied", "ticket.created"] as const;

/**
 * The customer as the card shows them: their company, and their name when the notification did not carry it (a
 * ticket names its contact by id only). Read from Intercom; nothing when it cannot be read.
 */
async function customerOf(deps: FaqWorkflowDeps, contactId: string | undefined): Promise<{ name?: string; company?: string }> {
  if (!deps.reads || !contactId) return {};
  const result = await deps.reads.read<Record<string, unknown>>("INTERCOM_GET_A_CONTACT", { contact_id: contactId }, "FAQ draft: customer and company");
  if (!result.ok) return {};
  const name = typeof result.data.name === "string" && result.data.name.trim() ? result.data.name : undefined;
  const first = (result.data.companies as { data?: { id?: string; name?: string }[] } | undefined)?.data?.[0];
  if (!first?.id || first.name) return { name, company: first?.name || undefined };
  // A contact lists its companies by id only.
  const company = await deps.reads.read<{ name?: string }>(
    "INTERCOM_RETRIEVE_A_COMPANY_BY_ID",
    { company_id: String(first.id) },
    "FAQ draft: customer company",
  );
  return { name, company: company.ok ? company.data.name || undefined : undefined };
}

export async function postDraftCard(deps: FaqWorkflowDeps, draft: FaqDraft, channel: string): Promise<void> {
  const card = draftCardInput(draft);
  const posted = await deps.slack.chat.postMessage({ channel, text: faqCardText(card), blocks: buildFaqDraftCard(card) as never });
  if (posted.ts) deps.drafts.setMessage(draft.id, channel, posted.ts);
}

/**
 * A reply with the conversation as Intercom holds it now (the notification may carry only the newest parts), so
 * earlier messages count for retrieval and for the escalation gate. Undefined: the conversation is gone. A read
 * that fails otherwise throws, and the inbox tries again: answering without the earlier messages could miss a
 * threat made in them.
 */
async function withConversationSoFar(deps: FaqWorkflowDeps, topic: string, message: InboundMessage): Promise<InboundMessage | undefined> {
  if (topic !== "conversation.user.replied" || !deps.reads) return message;
  const read = await deps.reads.read<Record<string, unknown>>("INTERCOM_GET_CONVERSATION", { conversation_id: message.id }, "FAQ: the conversation so far");
  // An answer Switchboard sent after this message (to an earlier one, seconds apart) is not a teammate taking over.
  if (read.ok) return withConversation(message, read.raw, ownReplies(deps.drafts.sentAnswers(message.id, "conversation")));
  if (read.status === 404) return undefined;
  throw new Error(`could not read conversation ${message.id} for its earlier messages: ${read.message}`);
}

export function createFaqInboxHandler(deps: FaqWorkflowDeps): InboxHandler {
  return async (item: InboxItem) => {
    const notified = parseInbound(item.topic, item.payload);
    if (!notified) return;
    const message = deps.drafts.byMessageKey(notified.messageKey) ? notified : await withConversationSoFar(deps, item.topic, notified);
    if (!message) {
      deps.logger?.info({ conversationId: notified.id }, "FAQ: not answered, the conversation is gone from Intercom");
      return { note: `FAQ: not answered, conversation ${notified.id} is gone from Intercom (404)` };
    }
    const settings = faqSettingsFor(deps.persona, deps.supportChannel);
    const existing = deps.drafts.byMessageKey(message.messageKey);
    if (existing) {
      // Redelivered: finish what a stopped process left (an automatic reply not yet settled, a card never posted).
      await finishRedelivered(deps, existing, settings.channel);
      return;
    }
    if (item.topic === "conversation.user.replied" && message.assigneeId) {
      // A teammate owns this conversation: a second answer from the knowledge base would talk over them.
      deps.logger?.info({ conversationId: message.id, assigneeId: message.assigneeId }, "FAQ: not answered, a teammate is assigned to this conversation");
      return { note: `FAQ: not answered, teammate ${message.assigneeId} is assigned to conversation ${message.id}` };
    }
    if (item.topic === "conversation.user.replied" && message.teammateReplied) {
      // A person already answered after this message (an unassigned conversation, or a backlog handled late).
      deps.logger?.info({ conversationId: message.id }, "FAQ: not answered, a teammate replied after this message");
      return { note: `FAQ: not answered, a teammate replied in conversation ${message.id} after this message` };
    }
    const policy = { ...settings.policy, autoResolve: settings.policy.autoResolve && deps.defaultAdminId !== undefined };
    const answer = await answerQuestion(deps.searcher, {
      message: message.text,
      context: message.context,
      policy,
      needsPerson: deps.needsPerson,
      composer: deps.model ? createGroundedComposer(deps.model, deps.logger, { conversationId: message.id }) : undefined,
    });
    const customer = answer.decision === "abstain" ? {} : await customerOf(deps, message.contactId);
    const { draft, created } = deps.drafts.createOnce({
      conversationId: message.id,
      messageKey: message.messageKey,
      persona: deps.persona.name,
      kind: message.kind,
      customerName: message.customerName ?? customer.name,
      companyName: customer.company,
      question: message.text,
      answerHtml: answer.decision === "abstain" ? "" : customerHtml(answer.sentences, answer.citations),
      answerText: answer.decision === "abstain" ? "" : customerText(answer.sentences, answer.citations),
      citations: answer.citations,
      // Kept with the draft, so a refreshed card (a decision, a newer message, a restart) still shows them.
      internal: answer.decision === "abstain" ? [] : answer.internal,
      confidence: answer.confidence,
      decision: answer.decision,
      status: answer.decision === "abstain" ? "abstained" : answer.decision === "auto_resolve" ? "sending" : "pending",
    });
    if (!created) return;
    await settleOlderDrafts(deps, draft, answer.reason.startsWith("a person should"));
    deps.logger?.info({ conversationId: message.id, decision: answer.decision, confidence: answer.confidence }, `FAQ: ${answer.reason}`);
    if (answer.decision === "abstain") {
      // "Thanks, that worked!" asks nothing, so no article missing it is a gap.
      if (settings.gapNotes && settings.channel && !answer.reason.startsWith("a person should") && !isClosingMessage(message.text)) {
        const note = buildGapNote(message.customerName, message.text, answer);
        await deps.slack.chat.postMessage({ channel: settings.channel, text: note.text, blocks: note.blocks as never });
      }
      return;
    }
    if (answer.decision === "draft") {
      if (!settings.channel) {
        deps.logger?.warn({ draftId: draft.id }, "FAQ draft not posted: set SWITCHBOARD_SUPPORT_CHANNEL or the persona's faq.drafts_channel");
        return;
      }
      await postDraftCard(deps, draft, settings.channel);
      return;
    }
    await autoResolve(deps, draft, deps.defaultAdminId as string);
    const after = deps.drafts.get(draft.id) as FaqDraft;
    if (settings.channel) await postDraftCard(deps, after, settings.channel);
  };
}

/**
 * The customer wrote again while older cards of the conversation wait for a click. An older card citing only what
 * the newer answer cites would send the same answer twice, and one written before a message that needs a person
 * would answer past it: those are closed. Any other is a different question still worth its answer, so it stays
 * sendable with a line saying the customer wrote since. Cards are refreshed on a best-effort basis: a card Slack
 * did not update still refuses a click, since the decision is in the database.
 */
export async function settleOlderDrafts(deps: FaqWorkflowDeps, newer: FaqDraft, needsPerson: boolean): Promise<void> {
  const cited = new Set(newer.citations.map((c) => c.articleId));
  for (const older of deps.drafts.olderPending(newer)) {
    // Every article the older card cites is in the newer answer: sending it too would repeat it. Sharing only some
    // would lose what the rest answered.
    const sameAnswer = newer.decision !== "abstain" && older.citations.length > 0 && older.citations.every((c) => cited.has(c.articleId));
    const changed = sameAnswer
      ? deps.drafts.supersede(older.id, SUPERSEDED)
      : needsPerson
        ? deps.drafts.supersede(older.id, SUPERSEDED_NEEDS_PERSON)
        : deps.drafts.notePending(older.id, WROTE_AGAIN);
    if (!changed) continue;
    await refreshCard(deps, deps.drafts.get(older.id) as FaqDraft).catch((error: unknown) =>
      deps.logger?.warn({ draftId: older.id, error: (error as Error).message }, "FAQ: could not update an older draft card"),
    );
  }
}

/**
 * The same item again (Intercom's retry, the poller, a restart's replay). An automatic reply still marked as
 * sending is run again under its key, so the write ledger sends it only if it never went out; then the card is
 * posted if it never reached Slack.
 */
export async function finishRedelivered(deps: FaqWorkflowDeps, existing: FaqDraft, channel: string | undefined): Promise<void> {
  // A stop between writing this draft and settling the older ones left them as they were. Why an abstention
  // abstained is not stored, so a redelivered one only marks them.
  await settleOlderDrafts(deps, existing, false);
  const interrupted = isInterruptedAuto(existing);
  if (interrupted) {
    if (deps.defaultAdminId) await autoResolve(deps, existing, deps.defaultAdminId);
    else
      deps.drafts.markUncertain(
        existing.id,
        `Answering automatically was interrupted and INTERCOM_DEFAULT_ADMIN_ID is no longer set. ${UNCERTAIN_REPLY}`,
        "auto",
      );
  }
  const current = deps.drafts.get(existing.id) as FaqDraft;
  if (current.messageTs) {
    if (interrupted) await refreshCard(deps, current);
    return;
  }
  if (current.status === "abstained" || current.status === "dismissed" || !channel) return;
  await postDraftCard(deps, current, channel);
}

/** Answered by policy, the reply not settled: no person decided it and no outcome was written. */
export const isInterruptedAuto = (draft: FaqDraft) =>
  draft.status === "sending" && draft.outcome === undefined && draft.decision === "auto_resolve" && draft.decidedBy === undefined;

/**
 * The reply goes out on the persona's own policy; the close does not. Closing is destructive, and destructive
 * tools always need a person, so the card offers it as a button whose click is that person's approval.
 */
export async function autoResolve(deps: FaqWorkflowDeps, draft: FaqDraft, adminId: string): Promise<void> {
  const reply = await deps.writes.run({
    persona: deps.persona,
    authority: { kind: "policy" },
    requester: { source: "workflow:faq" },
    prompt: draft.question,
    tool: replyTool(draft.kind),
    args: replyArgs(draft, adminId, draft.answerHtml),
    idempotencyKey: `faq-draft:${draft.id}:reply`,
  });
  if (reply.status === "sent") {
    const words = draft.kind === "ticket" ? "Answered automatically." : "Answered automatically; closing needs a person.";
    deps.drafts.finish(draft.id, "sent", words, "auto");
  } else if (reply.status === "uncertain") deps.drafts.markUncertain(draft.id, `Answering automatically did not confirm. ${UNCERTAIN_REPLY}`, "auto");
  else if (reply.status === "refused") deps.drafts.reopen(draft.id, `Not sent automatically: ${reply.reason}`);
  else deps.drafts.finish(draft.id, "failed", `Could not answer automatically: ${reply.reason}. Nothing reached the customer.`, "auto");
}

export function registerFaqInbox(topics: InboxTopics, deps: FaqWorkflowDeps): void {
  const handler = createFaqInboxHandler(deps);
  for (const topic of FAQ_TOPICS) topics.on(topic, handler);
}
