/**
 * The approval card for one gated tool call, made to be judged in two seconds: a heading that says what kind
 * of change it is (a reply the customer reads and an internal note look different), what is touched with
 * names instead of ids, the words that will be sent and who the customer will see them from, and Approve /
 * Edit / Reject. Once decided, the card drops "Approval needed", says who decided and when, and what came of
 * the call (sent, failed with the reason, or not run), showing exactly what was sent.
 */
import type { KnownBlock } from "@slack/types";
import type { PendingApproval } from "../../agent/run-types.js";
import { argsInWords, escapeMrkdwn, fallbackText, slackDate, truncate } from "./mrkdwn.js";
import { type WriteLine, writeLineText } from "./write-lines.js";

export const APPROVE_ACTION = "approval_approve";
export const EDIT_ACTION = "approval_edit";
export const REJECT_ACTION = "approval_reject";

/** What a button carries: ids only (a button value holds at most 2,000 characters). */
export interface ApprovalRef {
  approvalId: string;
  runId: string;
}

export function encodeApprovalRef(ref: ApprovalRef): string {
  return JSON.stringify({ a: ref.approvalId, r: ref.runId });
}

export function decodeApprovalRef(value: string | undefined): ApprovalRef | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as { a?: unknown; r?: unknown };
    if (typeof parsed.a === "string" && typeof parsed.r === "string") return { approvalId: parsed.a, runId: parsed.r };
  } catch {
    // fall through: not a value we made
  }
  return undefined;
}

export type CardState =
  | { kind: "pending" }
  | { kind: "working"; by: string; decision: "approve" | "edit" | "reject" }
  | { kind: "decided"; decision: "approve" | "edit" | "reject"; by: string; at: number; reason?: string; outcome?: WriteLine }
  | { kind: "closed"; note: string };

/** What the card can say beyond the approval itself, looked up from Intercom (best effort). */
export interface CardFacts {
  /** Display names by `kind:id` ("admin:991", "team:4", "tag:77", "contact:abc"); see idRefs. */
  names?: ReadonlyMap<string, string>;
  /** Replies and notes go out as the approving teammate (matched by email) rather than the admin in the arguments. */
  sendsAsApprover?: { fallbackName?: string };
}

type Kind = "reply" | "note" | "change";

interface Look {
  kind: Kind;
  icon: string;
  heading: string;
}

/** A reply the customer reads and a note only teammates read must never look alike. */
export function lookOf(tool: string, title: string, args: Record<string, unknown>): Look {
  if (/REPLY_TO_(CONVERSATION|TICKET)/.test(tool)) {
    if (args.message_type === "note") return { kind: "note", icon: ":large_yellow_circle:", heading: "Internal note (teammates only)" };
    if (args.type === "user") return { kind: "reply", icon: ":large_blue_circle:", heading: "Message written as the customer" };
    return { kind: "reply", icon: ":large_blue_circle:", heading: "Reply to the customer" };
  }
  if (tool === "INTERCOM_CREATE_A_NOTE") return { kind: "note", icon: ":large_yellow_circle:", heading: "Internal note on a contact (teammates only)" };
  return { kind: "change", icon: ":large_purple_circle:", heading: title };
}

/** Only a few tools cannot be taken back; a closed conversation can be reopened, a tag removed. */
const IRREVERSIBLE = /DELETE|REDACT|MERGE|ARCHIVE|PERMANENT|BLOCK|CANCEL|EXPORT/;

export function riskWords(tool: string, risk: PendingApproval["risk"]): string {
  if (risk === "read") return "only reads";
  if (IRREVERSIBLE.test(tool)) return "cannot be undone";
  if (/CLOSE_CONVERSATION/.test(tool)) return "can be reopened later";
  if (/SNOOZE/.test(tool)) return "wakes up on its own or can be reopened";
  return "changes data in Intercom; can be changed back";
}

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;

/** Customers' email addresses stay out of channels: the card names people, it does not expose them. */
export function hideEmails(text: string): string {
  return text.replace(EMAIL, "(email hidden)");
}

/** Which id fields name what, for the names lookup: `[field, kind, id]`. */
export function idRefs(tool: string, args: Record<string, unknown>): [string, "admin" | "team" | "tag" | "contact", string][] {
  const refs: [string, "admin" | "team" | "tag" | "contact", string][] = [];
  const id = (value: unknown) => ((typeof value === "string" && value.length > 0) || typeof value === "number" ? String(value) : undefined);
  for (const [field, value] of Object.entries(args)) {
    const v = id(value);
    if (!v) continue;
    if (field === "admin_id") refs.push([field, "admin", v]);
    else if (field === "assignee_id" && v !== "0") refs.push([field, args.type === "team" ? "team" : "admin", v]);
    else if (field === "team_id" || field === "team_assignee_id") refs.push([field, "team", v]);
    else if (field === "contact_id" || field === "intercom_user_id") refs.push([field, "contact", v]);
    else if ((field === "tag_id" || (field === "id" && /TAG/.test(tool))) && !/DELETE_A_TAG/.test(tool)) refs.push([field, "tag", v]);
  }
  return refs;
}

/** The arguments with names next to ids ("assignee id: Jane Doe (admin 123)"), so nobody has to look ids up. */
function namedArgs(approval: Pick<PendingApproval, "tool" | "args">, names: ReadonlyMap<string, string> | undefined): Record<string, unknown> {
  if (!names || names.size === 0) return approval.args;
  const shown: Record<string, unknown> = { ...approval.args };
  for (const [field, kind, id] of idRefs(approval.tool, approval.args)) {
    const name = names.get(`${kind}:${id}`);
    if (name) shown[field] = `${name} (${kind} ${id})`;
  }
  return shown;
}

const TEXT_FIELDS = ["body", "message", "note"];

function wordsSent(args: Record<string, unknown>): string | undefined {
  const field = TEXT_FIELDS.find((f) => typeof args[f] === "string" && (args[f] as string).trim());
  return field ? (args[field] as string) : undefined;
}

function senderLine(look: Look, approval: Pick<PendingApproval, "tool" | "args">, facts: CardFacts, state: CardState): string | undefined {
  if (look.kind === "change") return undefined;
  const reader = look.kind === "reply" ? "The customer will see it from" : "Teammates will see it from";
  const adminId = typeof approval.args.admin_id === "string" || typeof approval.args.admin_id === "number" ? String(approval.args.admin_id) : undefined;
  const named = adminId ? (facts.names?.get(`admin:${adminId}`) ?? `admin ${adminId}`) : undefined;
  if (state.kind === "decided") {
    if (!named || state.decision === "reject") return undefined;
    // Only a write Intercom accepted was sent as anyone; otherwise say who it was meant to come from.
    const verb = state.outcome?.status === "sent" ? (look.kind === "reply" ? "Sent as" : "Written as") : "Meant to go out as";
    return `${verb} *${escapeMrkdwn(named)}*`;
  }
  if (facts.sendsAsApprover) {
    const fallback = facts.sendsAsApprover.fallbackName ? `; if none matches, *${escapeMrkdwn(facts.sendsAsApprover.fallbackName)}*` : "";
    return `${reader} the teammate who approves (their Intercom account, matched by email)${fallback}.`;
  }
  return named ? `${reader} *${escapeMrkdwn(named)}*.` : `${reader} the workspace's default admin.`;
}

const who = (by: string) => (/^[UW][A-Z0-9]+$/.test(by) ? `<@${by}>` : escapeMrkdwn(by));

const STATE_BLOCK_ID = "approval_state";
const HEAD_BLOCK_ID = "approval_head";

function stateBlock(state: CardState): KnownBlock | undefined {
  switch (state.kind) {
    case "pending":
      return undefined;
    case "working":
      return {
        type: "context",
        block_id: STATE_BLOCK_ID,
        elements: [{ type: "mrkdwn", text: `:hourglass_flowing_sand: ${who(state.by)} chose *${state.decision}*; working on it…` }],
      };
    case "decided": {
      const verb = state.decision === "approve" ? ":white_check_mark: Approved" : state.decision === "edit" ? ":pencil2: Edited and approved" : ":x: Rejected";
      const reason = state.reason ? ` — “${escapeMrkdwn(truncate(state.reason, 500))}”` : "";
      const lines = [`${verb} by ${who(state.by)} on ${slackDate(state.at)}${reason}`];
      if (state.outcome) lines.push(writeLineText(state.outcome));
      return { type: "context", block_id: STATE_BLOCK_ID, elements: [{ type: "mrkdwn", text: truncate(lines.join("\n"), 2900) }] };
    }
    case "closed":
      return { type: "context", block_id: STATE_BLOCK_ID, elements: [{ type: "mrkdwn", text: `:information_source: ${escapeMrkdwn(state.note)}` }] };
  }
}

function headText(look: Look, title: string, pending: boolean): string {
  const heading = look.kind === "change" ? escapeMrkdwn(title) : `${escapeMrkdwn(look.heading)}`;
  return pending ? `:raised_hand: *Approval needed* · ${look.icon} *${heading}*` : `${look.icon} *${heading}*`;
}

export function approvalCard(approval: PendingApproval, state: CardState = { kind: "pending" }, facts: CardFacts = {}): { text: string; blocks: KnownBlock[] } {
  const ref = encodeApprovalRef({ approvalId: approval.approvalId, runId: approval.runId });
  const look = lookOf(approval.tool, approval.title, approval.args);
  const pending = state.kind === "pending";
  const words = look.kind === "change" ? undefined : wordsSent(approval.args);
  const summary = escapeMrkdwn(truncate(hideEmails(approval.summary), 1500));
  const blocks: KnownBlock[] = [
    { type: "section", block_id: HEAD_BLOCK_ID, text: { type: "mrkdwn", text: `${headText(look, approval.title, pending)}\n${summary}` } },
  ];
  if (words) {
    const quoted = escapeMrkdwn(truncate(words.trim(), 2000)).replace(/\n/g, "\n>");
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `>${quoted}` } });
  }
  const sender = senderLine(look, approval, facts, state);
  const shownArgs = namedArgs(approval, facts.names);
  blocks.push({ type: "section", text: { type: "mrkdwn", text: truncate(argsInWords(shownArgs), 2900) } });
  const context = [
    approval.why ? `:warning: ${escapeMrkdwn(truncate(approval.why, 300))}` : undefined,
    sender,
    `${escapeMrkdwn(approval.title)} · ${riskWords(approval.tool, approval.risk)} · persona *${escapeMrkdwn(approval.persona)}*${pending ? ` · expires ${slackDate(approval.expiresAt)}` : ""} · \`${approval.tool}\``,
  ].filter(Boolean);
  blocks.push({ type: "context", elements: context.map((text) => ({ type: "mrkdwn" as const, text: text as string })) });
  if (pending) {
    blocks.push({
      type: "actions",
      block_id: `approval:${approval.approvalId}`.slice(0, 255),
      elements: [
        { type: "button", action_id: APPROVE_ACTION, text: { type: "plain_text", text: "Approve" }, style: "primary", value: ref },
        { type: "button", action_id: EDIT_ACTION, text: { type: "plain_text", text: "Edit" }, value: ref },
        { type: "button", action_id: REJECT_ACTION, text: { type: "plain_text", text: "Reject" }, style: "danger", value: ref },
      ],
    });
  } else {
    const extra = stateBlock(state);
    if (extra) blocks.push(extra);
  }
  return { text: cardFallback(approval, look, state), blocks };
}

/** The notification line: escaped like every other text, since the summary carries customer-controlled words. */
function cardFallback(approval: PendingApproval, look: Look, state: CardState): string {
  const what = `${look.kind === "change" ? approval.title : look.heading}: ${hideEmails(approval.summary)}`;
  switch (state.kind) {
    case "pending":
      return fallbackText(`Approval needed: ${what}`, 300);
    case "closed":
      return fallbackText(`${state.note} ${what}`, 300);
    case "working":
      return fallbackText(`Working on it: ${what}`, 300);
    case "decided": {
      const verb = state.decision === "reject" ? "Rejected" : state.outcome ? `Decided (${state.outcome.status})` : "Decided";
      return fallbackText(`${verb}: ${what}`, 300);
    }
  }
}

/**
 * Re-renders a card from the blocks of the message that was clicked (so it works for any card, even one
 * posted before a restart): buttons and any earlier state line are dropped, the heading loses "Approval
 * needed", and the new state line is added.
 */
export function settleCard(blocks: readonly KnownBlock[], state: CardState): KnownBlock[] {
  const kept = blocks
    .filter((b) => b.type !== "actions" && b.block_id !== STATE_BLOCK_ID)
    .map((b, index) => {
      if (index !== 0 || b.type !== "section" || !b.text || b.text.type !== "mrkdwn") return b;
      const text = b.text.text.replace(/^:raised_hand: \*Approval needed\* · /, "").replace(/^:raised_hand: \*Approval needed: (.+?)\*/, "*$1*");
      return { ...b, text: { ...b.text, text } };
    });
  const extra = stateBlock(state);
  return extra ? [...kept, extra] : kept;
}
