/**
 * The contract of the run engine (src/agent) as seen by its callers: the Slack listeners, the terminal
 * `ask` command and the scheduled workflows. No Slack in here.
 */

export interface RunRequester {
  /** Slack user id (U123...) when a person asked; absent for jobs. */
  slackUserId?: string;
  /** Name of the job or command when no person asked (e.g. "cli", "job:weekly-themes"). */
  source: string;
  teamId?: string;
}

export interface StartRunInput {
  persona: string;
  requester: RunRequester;
  text: string;
  /** Stable id of the conversation thread this run belongs to (e.g. slack:T1:C1:1712345678.000100). */
  threadId: string;
  /** Earlier turns of the same thread, oldest first, from the caller's own stored copy. */
  history?: { role: "user" | "assistant"; text: string }[];
  channelId?: string;
}

/** Progress while a run works, so a caller can update a message or print a line. */
export type RunEvent =
  | { type: "tool_started"; tool: string; title: string; args: unknown }
  | { type: "tool_finished"; tool: string; title: string; ok: boolean; summary: string }
  | { type: "tool_refused"; tool: string; title: string; reason: string };

export interface PendingApproval {
  approvalId: string;
  runId: string;
  tool: string;
  title: string;
  risk: "read" | "write" | "destructive";
  args: Record<string, unknown>;
  /** A one-line plain-words description of what will happen, e.g. "Close conversation 123 (Jane Doe)". */
  summary: string;
  persona: string;
  expiresAt: number;
  /**
   * Why a call the persona would run on its own waits for a person, in one short line (a value came from
   * customer-written text); absent for calls the persona always asks about. Not stored: it is known when the
   * run pauses, which is when the card is posted.
   */
  why?: string;
}

export type RunOutcome =
  | { status: "answered"; runId: string; text: string }
  | { status: "needs_approval"; runId: string; approvals: PendingApproval[] }
  | { status: "failed"; runId: string; error: string };

export type ApprovalDecision =
  | { approvalId: string; type: "approve" }
  /**
   * `args` holds the changed fields; they are merged over the original arguments and the result is validated
   * again with the tool's schema. An invalid edit throws AppError TOOL_INPUT_INVALID and changes nothing.
   */
  | { approvalId: string; type: "edit"; args: Record<string, unknown> }
  | { approvalId: string; type: "reject"; reason?: string };

export interface Decider {
  slackUserId?: string;
  /** For the terminal: "cli:<os user>". */
  source: string;
  /** Slack user-group ids the decider belongs to, for personas that name groups as approvers. */
  groupIds?: string[];
}

export interface RunEngine {
  start(input: StartRunInput, onEvent?: (event: RunEvent) => void): Promise<RunOutcome>;
  /**
   * Applies decisions to a paused run and continues it. Deciding is atomic: an approval already decided,
   * expired, or not permitted for this decider is reported (AppError APPROVAL_DECIDED / APPROVAL_EXPIRED /
   * APPROVAL_FORBIDDEN) and changes nothing.
   */
  decide(runId: string, decisions: ApprovalDecision[], decider: Decider, onEvent?: (event: RunEvent) => void): Promise<RunOutcome>;
  pendingApprovals(filter?: { runId?: string }): PendingApproval[];
}
