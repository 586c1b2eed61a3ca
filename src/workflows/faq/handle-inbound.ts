/**
 * The FAQ flow for conversation.user.created, conversation.user.replied and ticket.created: answer from the
 * knowledge base, then abstain (no reply; a gap note if the persona asks), post a draft card, or, when the
 * persona allows and the answer is confident, reply and then close as two gated writes. Idempotent: a
 * redelivered item finds its draft by message key and only finishes what is missing.
 */
import { customerHtml, customerText } from "../../domain/faq/customer-html.js";
import { buildGapNote } from "../../slack/blocks/faq-answer-blocks.js";
import { buildFaqDraftCard, faqCardText } from "../../slack/blocks/faq-draft-card.js";
import type { InboxHandler, InboxItem, InboxTopics } from "../contracts.js";
import { answerQuestion } from "./answer-question.js";
import type { FaqDraft } from "./drafts-repo.js";
import type { FaqWorkflowDeps } from "./faq-deps.js";
import { faqSettingsFor } from "./faq-policy.js";
import { parseInbound } from "./inbound-message.js";
import { closeArgs, replyArgs, replyTool } from "./write-args.js";

export const FAQ_TOPICS = ["conversation.user.created", "conversation.user.replied", "ticket.created"] as const;

async function companyOf(deps: FaqWorkflowDeps, contactId: string | undefined): Promise<string | undefined> {
  if (!deps.reads || !contactId) return undefined;
  const result = await deps.reads.read<Record<string, unknown>>("INTERCOM_GET_A_CONTACT", { contact_id: contactId }, "FAQ draft: customer company");
  if (!result.ok) return undefined;
  const first = (result.data.companies as { data?: { id?: string; name?: string }[] } | undefined)?.data?.[0];
  if (!first?.id || first.name) return first?.name || undefined;
  // A contact lists its companies by id only.
  const company = await deps.reads.read<{ name?: string }>(
    "INTERCOM_RETRIEVE_A_COMPANY_BY_ID",
    { company_id: String(first.id) },
    "FAQ draft: customer company",
  );
  return company.ok ? company.data.name || undefined : undefined;
}

export async function postDraftCard(
  deps: FaqWorkflowDeps,
  draft: FaqDraft,
  channel: string,
  internal: { title: string; excerpt: string }[] = [],
): Promise<void> {
  const card = {
    draftId: draft.id,
    customerName: draft.customerName,
    companyName: draft.companyName,
    question: draft.question,
    answerText: draft.answerText,
    citations: draft.citations,
    internal,
    confidence: draft.confidence,
    status: draft.status,
    decidedBy: draft.decidedBy,
    outcome: draft.outcome,
    autoResolved: draft.decision === "auto_resolve",
  };
  const posted = await deps.slack.chat.postMessage({ channel, text: faqCardText(card), blocks: buildFaqDraftCard(card) as never });
  if (posted.ts) deps.drafts.setMessage(draft.id, channel, posted.ts);
}

export function createFaqInboxHandler(deps: FaqWorkflowDeps): InboxHandler {
  return async (item: InboxItem) => {
    const message = parseInbound(item.topic, item.payload);
    if (!message) return;
    const settings = faqSettingsFor(deps.persona, deps.supportChannel);
    const existing = deps.drafts.byMessageKey(message.messageKey);
    if (existing) {
      // Redelivered: only a card that never made it to Slack is still owed.
      if (existing.status === "pending" && !existing.messageTs && settings.channel) await postDraftCard(deps, existing, settings.channel);
      return;
    }
    const policy = { ...settings.policy, autoResolve: settings.policy.autoResolve && deps.defaultAdminId !== undefined };
    const answer = answerQuestion(deps.searcher, { message: message.text, context: message.context, policy, needsPerson: deps.needsPerson });
    const companyName = answer.decision === "abstain" ? undefined : await companyOf(deps, message.contactId);
    const { draft, created } = deps.drafts.createOnce({
      conversationId: message.id,
      messageKey: message.messageKey,
      persona: deps.persona.name,
      kind: message.kind,
      customerName: message.customerName,
      companyName,
      question: message.text,
      answerHtml: answer.decision === "abstain" ? "" : customerHtml(answer.sentences, answer.citations),
      answerText: answer.decision === "abstain" ? "" : customerText(answer.sentences, answer.citations),
      citations: answer.citations,
      confidence: answer.confidence,
      decision: answer.decision,
      status: answer.decision === "abstain" ? "abstained" : answer.decision === "auto_resolve" ? "sending" : "pending",
    });
    if (!created) return;
    deps.logger?.info({ conversationId: message.id, decision: answer.decision, confidence: answer.confidence }, `FAQ: ${answer.reason}`);
    if (answer.decision === "abstain") {
      if (settings.gapNotes && settings.channel && !answer.reason.startsWith("a person should")) {
        const note = buildGapNote(message.customerName, message.text, answer.reason);
        await deps.slack.chat.postMessage({ channel: settings.channel, text: note.text, blocks: note.blocks as never });
      }
      return;
    }
    if (answer.decision === "draft") {
      if (!settings.channel) {
        deps.logger?.warn({ draftId: draft.id }, "FAQ draft not posted: set SWITCHBOARD_SUPPORT_CHANNEL or the persona's faq.drafts_channel");
        return;
      }
      await postDraftCard(deps, draft, settings.channel, answer.internal);
      return;
    }
    await autoResolve(deps, draft, deps.defaultAdminId as string);
    const after = deps.drafts.get(draft.id) as FaqDraft;
    if (settings.channel) await postDraftCard(deps, after, settings.channel);
  };
}

/** Reply, and only once the reply was sent, close: two writes under the persona's own policy. */
async function autoResolve(deps: FaqWorkflowDeps, draft: FaqDraft, adminId: string): Promise<void> {
  const common = { persona: deps.persona, authority: { kind: "policy" } as const, requester: { source: "workflow:faq" }, prompt: draft.question };
  const reply = await deps.writes.run({
    ...common,
    tool: replyTool(draft.kind),
    args: replyArgs(draft, adminId, draft.answerHtml),
    idempotencyKey: `faq-draft:${draft.id}:reply`,
  });
  if (reply.status !== "sent") {
    deps.drafts.finish(draft.id, "failed", `Not sent automatically (${reply.status}): ${"reason" in reply ? reply.reason : ""}`.trim());
    return;
  }
  if (draft.kind === "ticket") {
    deps.drafts.finish(draft.id, "sent", "Answered the customer automatically.");
    return;
  }
  const close = await deps.writes.run({
    ...common,
    tool: "INTERCOM_CLOSE_CONVERSATION",
    args: closeArgs(draft, adminId),
    idempotencyKey: `faq-draft:${draft.id}:close`,
  });
  deps.drafts.finish(
    draft.id,
    "sent",
    close.status === "sent"
      ? "Answered the customer and closed the conversation automatically."
      : `Answered the customer automatically; the conversation was not closed (${close.status}: ${"reason" in close ? close.reason : ""}).`,
  );
}

export function registerFaqInbox(topics: InboxTopics, deps: FaqWorkflowDeps): void {
  const handler = createFaqInboxHandler(deps);
  for (const topic of FAQ_TOPICS) topics.on(topic, handler);
}
