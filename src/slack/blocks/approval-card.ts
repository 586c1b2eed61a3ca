/**
 * The approval card for one gated tool call: what will happen in plain words, the arguments, and
 * Approve / Edit / Reject. Once decided, the same card shows who decided and when, without buttons.
 */
import type { KnownBlock } from "@slack/types";
import type { PendingApproval } from "../../agent/run-types.js";
import { argsInWords, escapeMrkdwn, slackDate, truncate } from "./mrkdwn.js";

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
  | { kind: "decided"; decision: "approve" | "edit" | "reject"; by: string; at: number; reason?: string }
  | { kind: "closed"; note: string };

const RISK_WORDS: Record<PendingApproval["risk"], string> = {
  read: "reads data",
  write: "changes data in Intercom",
  destructive: "cannot be undone",
};

const who = (by: string) => (/^[UW][A-Z0-9]+$/.test(by) ? `<@${by}>` : escapeMrkdwn(by));

const STATE_BLOCK_ID = "approval_state";

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
      return {
        type: "context",
        block_id: STATE_BLOCK_ID,
        elements: [{ type: "mrkdwn", text: `${verb} by ${who(state.by)} on ${slackDate(state.at)}${reason}` }],
      };
    }
    case "closed":
      return { type: "context", block_id: STATE_BLOCK_ID, elements: [{ type: "mrkdwn", text: `:information_source: ${escapeMrkdwn(state.note)}` }] };
  }
}

export function approvalCard(approval: PendingApproval, state: CardState = { kind: "pending" }): { text: string; blocks: KnownBlock[] } {
  const ref = encodeApprovalRef({ approvalId: approval.approvalId, runId: approval.runId });
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `:raised_hand: *Approval needed: ${escapeMrkdwn(approval.title)}*\n${escapeMrkdwn(truncate(approval.summary, 1500))}`,
      },
    },
    { type: "section", text: { type: "mrkdwn", text: truncate(argsInWords(approval.args), 2900) } },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `Tool \`${approval.tool}\` (${RISK_WORDS[approval.risk]}) · persona *${escapeMrkdwn(approval.persona)}* · expires ${slackDate(approval.expiresAt)}`,
        },
      ],
    },
  ];
  if (state.kind === "pending") {
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
  return { text: `Approval needed: ${truncate(approval.summary, 200)}`, blocks };
}

/**
 * Re-renders a card from the blocks of the message that was clicked (so it works for any card, even one
 * posted before a restart): buttons and any earlier state line are dropped, the new state line is added.
 */
export function settleCard(blocks: readonly KnownBlock[], state: CardState): KnownBlock[] {
  const kept = blocks.filter((b) => b.type !== "actions" && b.block_id !== STATE_BLOCK_ID);
  const extra = stateBlock(state);
  return extra ? [...kept, extra] : kept;
}
