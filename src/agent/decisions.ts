/**
 * Checking and applying approval decisions. Everything is checked before anything changes (the approval
 * exists, belongs to the run, is still pending, the decider may decide, edited arguments pass the tool's
 * schema); then all decisions are written in one transaction of conditional UPDATEs, so a second decision
 * on the same approval changes nothing and is reported.
 */
import type { ToolDefinition } from "../../tools/define.js";
import { AppError } from "../errors.js";
import type { ApprovalRecord, ApprovalStore } from "../store/approvals.js";
import type { RunRecord, RunStore } from "../store/runs.js";
import type { Transaction } from "../store/stores.js";
import type { Persona } from "./personas.js";
import { mayDecide, whoMayDecide } from "./policy.js";
import type { ApprovalDecision, Decider } from "./run-types.js";

export interface CheckedDecision {
  decision: ApprovalDecision;
  record: ApprovalRecord;
  /** For edits: the original arguments with the edited fields merged over them, as the schema parsed them. */
  finalArgs?: Record<string, unknown>;
}

export type ResumeDecision =
  | { type: "approve" }
  | { type: "edit"; editedAction: { name: string; args: Record<string, unknown> } }
  | { type: "reject"; message: string };

export const deciderName = (decider: Decider): string => decider.slackUserId ?? decider.source;

function statusError(record: ApprovalRecord): AppError {
  if (record.status === "expired") {
    return new AppError("APPROVAL_EXPIRED", `The approval for "${record.summary}" expired before anyone decided; nothing was sent. Ask again to start over.`);
  }
  const who = record.decidedBy ? ` by ${record.decidedBy}` : "";
  return new AppError("APPROVAL_DECIDED", `"${record.summary}" was already ${record.status}${who}; this decision changed nothing.`);
}

export function validateDecisions(input: {
  run: RunRecord;
  persona: Persona;
  decisions: readonly ApprovalDecision[];
  decider: Decider;
  records: readonly ApprovalRecord[];
  catalog: ReadonlyMap<string, ToolDefinition>;
}): CheckedDecision[] {
  const { decisions, records } = input;
  if (decisions.length === 0) throw new AppError("USAGE", "No decision was given.");
  if (!mayDecide(input.persona, input.decider, input.run)) {
    const { users, groups } = input.persona.approvers;
    const own = users.length + groups.length === 0 && input.run.requesterUser === input.decider.slackUserId;
    const why = own
      ? "You asked for this write yourself, and it needs someone else to approve it"
      : `You are not one of the approvers for the ${input.persona.name} persona`;
    throw new AppError("APPROVAL_FORBIDDEN", `${why}, so this decision changed nothing. ${whoMayDecide(input.persona, input.run)}`);
  }
  const seen = new Set<string>();
  const checked: CheckedDecision[] = [];
  for (const decision of decisions) {
    if (seen.has(decision.approvalId)) throw new AppError("USAGE", `Approval ${decision.approvalId} appears twice in one set of decisions.`);
    seen.add(decision.approvalId);
    const record = records.find((r) => r.id === decision.approvalId);
    if (!record) throw new AppError("APPROVAL_NOT_FOUND", `Approval ${decision.approvalId} does not belong to run ${input.run.id}.`);
    if (record.status !== "pending") throw statusError(record);
    checked.push({ decision, record, finalArgs: decision.type === "edit" ? validateEdit(record, decision.args, input.catalog) : undefined });
  }
  const batches = new Set(checked.map((c) => c.record.batch));
  if (batches.size > 1) throw new AppError("USAGE", "These approvals belong to different steps of the run; decide them one step at a time.");
  return checked;
}

function validateEdit(record: ApprovalRecord, edited: Record<string, unknown>, catalog: ReadonlyMap<string, ToolDefinition>): Record<string, unknown> {
  const tool = catalog.get(record.tool);
  if (!tool) throw new AppError("TOOL_NOT_FOUND", `The tool ${record.tool} is no longer available, so the edit cannot be checked.`);
  if (edited === null || typeof edited !== "object" || Array.isArray(edited)) {
    throw new AppError("TOOL_INPUT_INVALID", `The edited arguments for ${tool.title} must be an object of field values.`);
  }
  const merged = { ...record.args, ...edited };
  const parsed = tool.input.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "arguments"}: ${issue.message}`).slice(0, 5);
    throw new AppError("TOOL_INPUT_INVALID", `The edit was refused and nothing ran; ${tool.title} needs valid arguments: ${problems.join("; ")}.`);
  }
  return parsed.data as Record<string, unknown>;
}

export interface DecideOutcome {
  decidedBy: string;
  batch: string;
  /** Decisions for every call of the paused step, in order, when this caller completed the step and may resume. */
  resume?: ResumeDecision[];
}

export function decideAtomically(input: {
  transaction: Transaction;
  runs: RunStore;
  approvals: ApprovalStore;
  run: RunRecord;
  checked: readonly CheckedDecision[];
  decider: Decider;
  now: number;
}): DecideOutcome {
  const decidedBy = deciderName(input.decider);
  const batch = (input.checked[0] as CheckedDecision).record.batch;
  return input.transaction((): DecideOutcome => {
    for (const { decision, record, finalArgs } of input.checked) {
      const changed = input.approvals.decide(
        {
          id: record.id,
          status: decision.type === "approve" ? "approved" : decision.type === "edit" ? "edited" : "rejected",
          finalArgs,
          reason: decision.type === "reject" ? decision.reason : undefined,
          decidedBy,
        },
        input.now,
      );
      // Someone else got there first (or it expired this instant): undo everything of this call.
      if (!changed) throw statusError(input.approvals.get(record.id) ?? record);
    }
    const step = input.approvals.batch(batch);
    if (step.some((a) => a.status === "pending")) return { decidedBy, batch };
    if (!input.runs.transition(input.run.id, "waiting", "running", input.now)) {
      throw new AppError("APPROVAL_DECIDED", "This run is no longer waiting for a decision; nothing changed.");
    }
    return { decidedBy, batch, resume: step.map(toResume) };
  });
}

function toResume(a: ApprovalRecord): ResumeDecision {
  if (a.status === "edited") return { type: "edit", editedAction: { name: a.tool, args: a.finalArgs ?? a.args } };
  if (a.status === "rejected") {
    const by = a.decidedBy ? ` (${a.decidedBy})` : "";
    return {
      type: "reject",
      message: `A person${by} rejected this call${a.reason ? `: ${a.reason}` : "."} Nothing was sent. Do not repeat it unchanged; say what you would do instead.`,
    };
  }
  return { type: "approve" };
}

/**
 * The step a run was resuming when its process died: the run is still marked running, its latest step is fully
 * decided and at least one approved call has not been carried out. Resuming it with these decisions continues
 * the run from its stored pause; the write ledger (approval:<id>) makes sure each approved call is sent at most
 * once, even if the first process got as far as sending it.
 */
export function interruptedStep(run: RunRecord, records: readonly ApprovalRecord[]): ResumeDecision[] | undefined {
  if (run.status !== "running" || records.length === 0) return undefined;
  const latest = records[records.length - 1] as ApprovalRecord;
  const step = records.filter((r) => r.batch === latest.batch);
  if (step.some((r) => r.status === "pending" || r.status === "expired")) return undefined;
  if (!step.some((r) => (r.status === "approved" || r.status === "edited") && !r.executedAt)) return undefined;
  return step.map(toResume);
}
