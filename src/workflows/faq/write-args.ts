/** The exact tool arguments of the FAQ flow's writes, in one place so cards and tests agree on them. */
import type { FaqDraft } from "./drafts-repo.js";

export const replyTool = (kind: FaqDraft["kind"]) => (kind === "ticket" ? "INTERCOM_REPLY_TO_TICKET" : "INTERCOM_REPLY_TO_CONVERSATION");

export function replyArgs(draft: Pick<FaqDraft, "kind" | "conversationId">, adminId: string, html: string): Record<string, unknown> {
  const target = draft.kind === "ticket" ? { ticket_id: draft.conversationId } : { conversation_id: draft.conversationId };
  return { ...target, message_type: "comment", type: "admin", admin_id: adminId, body: html };
}

export function closeArgs(draft: Pick<FaqDraft, "conversationId">, adminId: string): Record<string, unknown> {
  return { conversation_id: draft.conversationId, admin_id: adminId };
}
