/** Turns request bodies into lifecycle actions, applies them, and emits the matching webhook topics. */
import { ApiError, badRequest, notFound } from "../api-error.js";
import { type Actor, applyAction, type LifecycleAction } from "../conversation-lifecycle.js";
import { noteSnooze } from "../snooze-wake.js";
import type { EmulatorState } from "../state.js";
import type { Doc, WebhookSink } from "../types.js";
import { requireDoc, requireString, wrapParagraph } from "./common.js";
import { conversationView, findContactBy } from "./conversations.js";

export function actorFromAdmin(admin: Doc): Actor {
  return { type: "admin", id: String(admin.id), name: admin.name ?? null, email: admin.email ?? "" };
}

export function actorFromContact(contact: Doc): Actor {
  return { type: contact.role === "lead" ? "lead" : "user", id: contact.id, name: contact.name ?? null, email: contact.email ?? "" };
}

/** Applies one action, saves, and emits the matching webhook topic. */
export function act(state: EmulatorState, webhooks: WebhookSink, conversation: Doc, action: LifecycleAction, now: number): Doc {
  applyAction(conversation, action, now, state.nextId("part", "numeric", 9_000_000));
  state.save("conversations", conversation);
  if (action.kind === "snooze") noteSnooze(state, action.until);
  const customer = action.actor.type === "user" || action.actor.type === "lead";
  const topic =
    action.kind === "comment"
      ? customer
        ? "conversation.user.replied"
        : "conversation.admin.replied"
      : action.kind === "note"
        ? "conversation.admin.noted"
        : action.kind === "assignment"
          ? "conversation.admin.assigned"
          : action.kind === "close"
            ? "conversation.admin.closed"
            : action.kind === "open"
              ? "conversation.admin.opened"
              : "conversation.admin.snoozed";
  webhooks.emit(topic, conversationView(conversation));
  if (customer) {
    const contact = state.get("contacts", action.actor.id);
    if (contact) {
      contact.last_replied_at = now;
      state.save("contacts", contact);
    }
  } else if (action.kind === "comment") {
    for (const ref of conversation.contacts?.contacts ?? []) {
      const contact = state.get("contacts", ref.id);
      if (contact) {
        contact.last_contacted_at = now;
        state.save("contacts", contact);
      }
    }
  }
  return conversation;
}

export function replyAction(state: EmulatorState, body: Doc): LifecycleAction {
  const text = requireString(body, "body");
  const messageType = body.message_type ?? "comment";
  if (body.type === "admin") {
    const admin = requireDoc(state, "admins", requireString(body, "admin_id"), "Admin");
    if (messageType === "note") return { kind: "note", actor: actorFromAdmin(admin), body: wrapParagraph(text) };
    if (messageType !== "comment" && messageType !== "quick_reply")
      throw badRequest("message_type must be comment, note or quick_reply", "parameter_invalid", "message_type");
    return { kind: "comment", actor: actorFromAdmin(admin), body: wrapParagraph(text) };
  }
  if (body.type === "user" || body.type === "lead" || body.type === "contact") {
    if (messageType !== "comment") throw badRequest("A contact can only reply with message_type comment", "parameter_invalid", "message_type");
    const contact = findContactBy(state, body);
    if (!contact) throw notFound("User");
    return { kind: "comment", actor: actorFromContact(contact), body: wrapParagraph(text) };
  }
  throw badRequest("type must be admin or user", "parameter_invalid", "type");
}

export function manageAction(state: EmulatorState, body: Doc): LifecycleAction {
  const messageType = requireString(body, "message_type");
  if (messageType === "comment" || messageType === "note") return replyAction(state, { ...body, type: body.type ?? "admin" });
  const admin = requireDoc(state, "admins", requireString(body, "admin_id"), "Admin");
  const actor = actorFromAdmin(admin);
  switch (messageType) {
    case "close":
      return { kind: "close", actor, body: typeof body.body === "string" ? wrapParagraph(body.body) : undefined };
    case "open":
      return { kind: "open", actor };
    case "snoozed":
    case "snooze":
      if (typeof body.snoozed_until !== "number") throw new ApiError(400, "parameter_not_found", "snoozed_until is required", "snoozed_until");
      return { kind: "snooze", actor, until: body.snoozed_until };
    case "assignment": {
      const type = body.type === "team" ? "team" : "admin";
      const assigneeId = requireString(body, "assignee_id");
      if (type === "admin" && assigneeId !== "0") requireDoc(state, "admins", assigneeId, "Admin");
      if (type === "team" && assigneeId !== "0") requireDoc(state, "teams", assigneeId, "Team");
      return { kind: "assignment", actor, assignee: { type, id: assigneeId }, body: typeof body.body === "string" ? wrapParagraph(body.body) : undefined };
    }
    default:
      throw badRequest("message_type must be one of close, open, snoozed, assignment, comment, note", "parameter_invalid", "message_type");
  }
}
