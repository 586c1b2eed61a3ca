/**
 * One line per write a run made, as a fact from the executor (or the write ledger), never from the model's
 * wording: sent, failed with the reason, outcome unknown, refused, or not run. The final thread message and
 * the approval card both show these, whatever the answer above them says.
 */
import type { KnownBlock } from "@slack/types";
import { escapeMrkdwn, truncate } from "./mrkdwn.js";

export type WriteStatus = "sent" | "failed" | "uncertain" | "refused" | "skipped" | "executing" | "waiting";

export interface WriteLine {
  tool: string;
  title: string;
  status: WriteStatus;
  /** Plain words: Intercom's answer for a sent write, the reason for the others. */
  detail?: string;
  /** Exactly what was sent (after any edit, with the teammate it went out as). */
  args?: Record<string, unknown>;
  approvalId?: string;
  /** "auto" when the persona's policy ran it on its own. */
  decision?: string;
}

const ICON: Record<WriteStatus, string> = {
  sent: ":white_check_mark:",
  failed: ":x:",
  uncertain: ":grey_question:",
  refused: ":no_entry:",
  skipped: ":heavy_minus_sign:",
  executing: ":hourglass_flowing_sand:",
  waiting: ":hourglass:",
};

const WORDS: Record<WriteStatus, string> = {
  sent: "sent",
  failed: "failed",
  uncertain: "outcome unknown",
  refused: "refused, nothing sent",
  skipped: "not run",
  executing: "still running",
  waiting: "not sent yet",
};

export function writeLineText(line: WriteLine): string {
  const own = line.decision === "auto" ? " (run on its own by the persona's policy)" : "";
  const detail = line.detail ? ` — ${escapeMrkdwn(truncate(line.detail.replace(/\s+/g, " ").trim(), 300))}` : "";
  return `${ICON[line.status]} *${escapeMrkdwn(line.title)}*: ${WORDS[line.status]}${own}${detail}`;
}

/** Whether anything in the run did not go through as asked (no Close button then, and the answer is read with care). */
export const anyNotSent = (lines: readonly WriteLine[]) => lines.some((l) => l.status !== "sent");

/** The "what actually happened" block shown above the model's answer. */
export function writeLinesBlock(lines: readonly WriteLine[]): KnownBlock | undefined {
  if (lines.length === 0) return undefined;
  const heading = anyNotSent(lines) ? "*What happened in Intercom* (from Intercom's answers, not the agent's words):" : "*What happened in Intercom:*";
  return { type: "section", block_id: "write_outcomes", text: { type: "mrkdwn", text: truncate([heading, ...lines.map(writeLineText)].join("\n"), 2900) } };
}

/** The same facts for the notification text. */
export function writeLinesFallback(lines: readonly WriteLine[]): string {
  return lines.map((l) => `${l.title}: ${WORDS[l.status]}`).join("; ");
}
