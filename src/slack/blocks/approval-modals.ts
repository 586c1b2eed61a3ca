/**
 * Modals behind the Edit and Reject buttons. Edit shows one field per argument (text as text, anything else
 * as JSON); what comes back is parsed here and then validated again by the run engine.
 */
import type { ModalView } from "@slack/types";
import type { PendingApproval } from "../../agent/run-types.js";
import { escapeMrkdwn, truncate } from "./mrkdwn.js";

export const EDIT_VIEW = "approval_edit_submit";
export const REJECT_VIEW = "approval_reject_submit";
const MAX_FIELDS = 40;

/** Carried in private_metadata (at most 3,000 characters): ids and where the card is, never the arguments. */
export interface ModalContext {
  approvalId: string;
  runId: string;
  channel: string;
  messageTs: string;
  threadTs: string;
  /** s = text field, j = JSON field, per argument name (edit only). */
  kinds?: Record<string, "s" | "j">;
}

export function encodeModalContext(context: ModalContext): string {
  return JSON.stringify(context);
}

export function decodeModalContext(raw: string | undefined): ModalContext | undefined {
  try {
    const parsed = JSON.parse(raw ?? "") as ModalContext;
    if (typeof parsed.approvalId === "string" && typeof parsed.runId === "string" && typeof parsed.channel === "string") return parsed;
  } catch {
    // not ours
  }
  return undefined;
}

export function editModal(approval: PendingApproval, where: { channel: string; messageTs: string; threadTs: string }): ModalView {
  const entries = Object.entries(approval.args).slice(0, MAX_FIELDS);
  const kinds: Record<string, "s" | "j"> = {};
  const blocks: ModalView["blocks"] = [
    { type: "section", text: { type: "mrkdwn", text: `*${escapeMrkdwn(approval.title)}*\n${escapeMrkdwn(truncate(approval.summary, 1000))}` } },
  ];
  for (const [key, value] of entries) {
    const isText = typeof value === "string";
    kinds[key] = isText ? "s" : "j";
    const initial = isText ? value : JSON.stringify(value, null, 1);
    blocks.push({
      type: "input",
      block_id: `arg:${key}`.slice(0, 255),
      optional: !isText,
      label: { type: "plain_text", text: truncate(`${key.replace(/_/g, " ")}${isText ? "" : " (JSON)"}`, 150) },
      element: {
        type: "plain_text_input",
        action_id: "value",
        multiline: !isText || initial.length > 80,
        ...(initial.length > 0 && initial.length <= 3000 ? { initial_value: initial } : {}),
      },
    });
  }
  blocks.push({
    type: "context",
    elements: [{ type: "mrkdwn", text: "Submitting approves the call with these values; they are checked again before anything runs." }],
  });
  return {
    type: "modal",
    callback_id: EDIT_VIEW,
    private_metadata: encodeModalContext({ approvalId: approval.approvalId, runId: approval.runId, ...where, kinds }),
    title: { type: "plain_text", text: "Edit and approve" },
    submit: { type: "plain_text", text: "Approve edited" },
    close: { type: "plain_text", text: "Cancel" },
    blocks,
  };
}

type StateValues = Record<string, Record<string, { value?: string | null }>>;

/** The edited arguments, or per-field errors to show in the modal (JSON that does not parse). */
export function parseEditValues(values: StateValues, kinds: Record<string, "s" | "j">): { args: Record<string, unknown> } | { errors: Record<string, string> } {
  const args: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [key, kind] of Object.entries(kinds)) {
    const blockId = `arg:${key}`.slice(0, 255);
    const raw = values[blockId]?.value?.value ?? "";
    if (kind === "s") {
      args[key] = raw;
      continue;
    }
    if (raw.trim() === "") continue;
    try {
      args[key] = JSON.parse(raw);
    } catch {
      errors[blockId] = "This must be JSON (a number, true/false, a quoted string, a list or an object).";
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { args };
}

export function rejectModal(approval: PendingApproval, where: { channel: string; messageTs: string; threadTs: string }): ModalView {
  return {
    type: "modal",
    callback_id: REJECT_VIEW,
    private_metadata: encodeModalContext({ approvalId: approval.approvalId, runId: approval.runId, ...where }),
    title: { type: "plain_text", text: "Reject" },
    submit: { type: "plain_text", text: "Reject" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `Reject *${escapeMrkdwn(approval.title)}*?\n${escapeMrkdwn(truncate(approval.summary, 1000))}` } },
      {
        type: "input",
        block_id: "reason",
        optional: true,
        label: { type: "plain_text", text: "Reason (optional; the agent reads it)" },
        element: { type: "plain_text_input", action_id: "value", multiline: true, max_length: 1000 },
      },
    ],
  };
}
