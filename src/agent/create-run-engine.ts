/**
 * The run engine: starts agent runs, pauses them durably when a gated tool needs a person, and resumes them
 * when decisions arrive, possibly in another process. Runs, approvals and the LangGraph checkpoints all live
 * in the same SQLite file, so a restart loses nothing.
 */
import { randomUUID } from "node:crypto";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { type BaseCheckpointSaver, Command } from "@langchain/langgraph";
import { AIMessage, type BaseMessage, type HITLRequest, HumanMessage } from "langchain";
import type { ToolDefinition } from "../../tools/define.js";
import { AppError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { ApprovalRecord } from "../store/approvals.js";
import type { AuditLog } from "../store/audit-log.js";
import type { RunRecord } from "../store/runs.js";
import type { Stores } from "../store/stores.js";
import type { TeammateDirectory } from "../workflows/contracts.js";
import type { RunWriteOutcome, WriteOnce } from "../writes/write-once.js";
import { ARGUMENT_CHECK_DECIDER, argumentProblem, MAX_MALFORMED_ROUNDS } from "./argument-check.js";
import { buildAgent, gatedToolNames } from "./build-agent.js";
import { lookUpTargets } from "./call-target.js";
import { MODEL_SETUP_HELP } from "./chat-model.js";
import { decideAtomically, deciderName, interruptedStep, type ResumeDecision, validateDecisions } from "./decisions.js";
import type { GuardContext, ToolExecutorLike } from "./guard-middleware.js";
import { toPendingApproval } from "./pending-approval.js";
import { answersIn, type Persona } from "./personas.js";
import { mayDecide } from "./policy.js";
import { pausedCalls, storePause } from "./record-pause.js";
import { auditApproval } from "./run-audit.js";
import { describeRunError } from "./run-errors.js";
import type { ApprovalDecision, Decider, PendingApproval, RunEngine, RunEvent, RunOutcome, StartRunInput } from "./run-types.js";
import type { ToolSelector } from "./tool-selector.js";

/** The stores a run engine writes: runs, approvals and the audit log, and a transaction over all three. */
export type RunEngineStores = Pick<Stores, "runs" | "approvals" | "audit" | "transaction">;

export interface RunEngineOptions {
  stores: RunEngineStores;
  /** Where LangGraph keeps paused runs (the SQLite checkpointer on the same file, so a pause survives a restart). */
  checkpointer: BaseCheckpointSaver;
  /** Runs the tools: tools/execute.ts over the Intercom transport, or a recorder in tests. */
  executor: ToolExecutorLike;
  /** Picks the few tools offered to the model on each request. */
  selector: ToolSelector;
  tools: readonly ToolDefinition[];
  personas: readonly Persona[];
  /** Undefined when no model is configured: runs then fail at once with setup instructions. */
  chatModel?: BaseChatModel;
  logger?: Logger;
  /** SWITCHBOARD_MAX_TOOLS (its default lives in src/config.ts). */
  maxToolsPerRequest: number;
  /** SWITCHBOARD_APPROVAL_TTL_MINUTES (its default lives in src/config.ts). */
  approvalTtlMinutes: number;
  /** Milliseconds since the epoch. */
  now?: () => number;
  /** Called with the tool names sent on each model request (for tests and diagnostics). */
  onToolsSelected?: (names: string[]) => void;
  /** Upper bound on graph steps per invocation; stops a model that loops. */
  recursionLimit?: number;
  /** How long to spend looking up who a gated call is about before showing the approval anyway (default 3 s). */
  targetLookupMs?: number;
  /**
   * The write ledger (src/writes/write-once.ts): every write the engine runs is recorded before it is sent and
   * settled after, so a crash is reconciled (src/writes/reconcile.ts) and a resumed run never sends twice.
   */
  writes?: WriteOnce;
  /** When given, approved writes go out as the approver's Intercom teammate (matched by email, else the default admin). */
  teammates?: TeammateDirectory;
}

/** The engine plus what the Slack app shows around it. */
export interface SwitchboardRunEngine extends RunEngine {
  readonly audit: AuditLog;
  readonly personas: readonly Persona[];
  readonly selector: ToolSelector;
  /** Marks approvals past their time as expired (and their runs); returns how many expired. The expiry job calls it. */
  expireStale(): number;
  getRun(runId: string): RunRecord | undefined;
  /** Each write of the run, in order, with its outcome as the executor (or reconciliation) reported it; [] without a ledger. */
  writeOutcomes(runId: string): RunWriteOutcome[];
  /**
   * Continues a run a dead process left `running` after its approvals were decided but before an approved call
   * was carried out (see interruptedStep); undefined when the run is not in that state or this process is
   * already driving it.
   */
  resumeInterrupted(runId: string, onEvent?: (event: RunEvent) => void): Promise<RunOutcome | undefined>;
  /** True while this process is driving the run (a fresh start, a decision or a resume in flight). */
  isDriving(runId: string): boolean;
}

function messageText(message: BaseMessage | undefined): string {
  if (!message) return "";
  if (typeof message.content === "string") return message.content;
  return message.text;
}

export function createRunEngine(options: RunEngineOptions): SwitchboardRunEngine {
  const { runs, approvals, audit, transaction } = options.stores;
  const { checkpointer, executor, selector } = options;
  const now = options.now ?? Date.now;
  const maxTools = options.maxToolsPerRequest;
  const ttlMs = options.approvalTtlMinutes * 60_000;
  const catalog = new Map(options.tools.map((t) => [t.name, t]));
  const personaNamed = (name: string) => options.personas.find((p) => p.name === name);
  // Runs this process is driving now: a run marked running but not in here was left by a process that died.
  const driving = new Set<string>();
  const tracked = async <T>(runId: string, work: () => Promise<T>): Promise<T> => {
    driving.add(runId);
    try {
      return await work();
    } finally {
      driving.delete(runId);
    }
  };

  const guardFor = (run: RunRecord, persona: Persona, onEvent?: (e: RunEvent) => void): GuardContext => ({
    run,
    persona,
    catalog,
    approvals,
    audit,
    executor,
    now,
    onEvent,
    logger: options.logger,
    writes: options.writes,
    teammates: options.teammates,
  });

  // A finished run never resumes (callers pass earlier turns as history), so its checkpoints can go.
  const forget = async (runId: string) => {
    try {
      await checkpointer.deleteThread(runId);
    } catch (error) {
      options.logger?.warn({ err: error, runId }, "could not delete the checkpoints of a finished run");
    }
  };

  const runFields = (run: RunRecord) => ({ runId: run.id, persona: run.persona, slackUser: run.requesterUser, source: run.requesterSource });

  const fail = async (run: RunRecord, message: string, logged = false): Promise<RunOutcome> => {
    if (!logged) options.logger?.warn({ ...runFields(run), reason: message }, "agent run failed");
    runs.finish(run.id, "failed", now(), message);
    await forget(run.id);
    return { status: "failed", runId: run.id, error: message };
  };

  /**
   * A step whose gated calls all have arguments their tool would refuse is sent straight back to the model
   * with the problems, instead of asking a person to approve something that cannot run (a few rounds at most).
   */
  const refuseMalformedStep = async (
    run: RunRecord,
    persona: Persona,
    outcome: RunOutcome,
    onEvent: ((e: RunEvent) => void) | undefined,
    round: number,
  ): Promise<RunOutcome> => {
    if (outcome.status !== "needs_approval" || round >= MAX_MALFORMED_ROUNDS) return outcome;
    const problems = outcome.approvals.map((a) => argumentProblem(catalog.get(a.tool), a.args));
    if (problems.some((p) => p === undefined)) return outcome;
    const records = approvals.forRun(run.id);
    const checked = outcome.approvals.map((a, i) => ({
      decision: { approvalId: a.approvalId, type: "reject" as const, reason: problems[i] as string },
      record: records.find((r) => r.id === a.approvalId) as ApprovalRecord,
    }));
    const decided = decideAtomically({ transaction, runs, approvals, run, checked, decider: ARGUMENT_CHECK_DECIDER, now: now() });
    for (const { decision, record } of checked) {
      auditApproval(audit, run, record, now(), { decision: "refused", status: "refused", approver: decided.decidedBy, result: decision.reason });
      onEvent?.({ type: "tool_refused", tool: record.tool, title: record.title, reason: decision.reason });
    }
    options.logger?.info({ ...runFields(run), tools: checked.map((c) => c.record.tool) }, "gated calls with invalid arguments sent back to the model");
    if (!decided.resume) return outcome;
    return drive(run, persona, new Command({ resume: { decisions: decided.resume satisfies ResumeDecision[] } }), onEvent, round + 1);
  };

  /** Invokes the graph once (a fresh start or a resume) and records what came of it. */
  const drive = async (run: RunRecord, persona: Persona, input: unknown, onEvent?: (e: RunEvent) => void, round = 0): Promise<RunOutcome> => {
    if (!options.chatModel) return fail(run, MODEL_SETUP_HELP);
    const guard = guardFor(run, persona, onEvent);
    const agent = buildAgent({ model: options.chatModel, checkpointer, selector, maxTools, guard, onSelect: options.onToolsSelected });
    let result: { messages: BaseMessage[]; __interrupt__?: { value?: unknown }[] };
    try {
      result = (await agent.invoke(input as never, {
        configurable: { thread_id: run.id },
        recursionLimit: options.recursionLimit ?? 40,
      })) as unknown as typeof result;
    } catch (error) {
      const { message, known } = describeRunError(error, run.id);
      const fields = runFields(run);
      // A known condition (model down, key refused, too many steps) needs no stack trace to act on.
      if (known) options.logger?.warn({ ...fields, reason: message }, "agent run failed");
      else options.logger?.error({ ...fields, err: error }, "agent run failed");
      return fail(run, message, true);
    }
    const pause = result.__interrupt__?.[0]?.value as HITLRequest | undefined;
    if (pause) {
      let paused: RunOutcome;
      try {
        paused = await recordPause(run, persona, pause, result.messages);
      } catch (error) {
        options.logger?.error({ err: error, runId: run.id }, "could not record the approvals of a paused run");
        return fail(run, "The run paused for approval but the approval could not be stored; nothing was changed. Try again.");
      }
      return refuseMalformedStep(run, persona, paused, onEvent, round);
    }
    const last = [...result.messages].reverse().find((m) => AIMessage.isInstance(m));
    const text = messageText(last).trim() || "(The agent finished without a written answer.)";
    runs.finish(run.id, "answered", now(), text);
    options.logger?.info({ ...runFields(run), elapsedMs: now() - run.createdAt }, "agent run answered");
    await forget(run.id);
    return { status: "answered", runId: run.id, text };
  };

  const recordPause = async (run: RunRecord, persona: Persona, pause: HITLRequest, messages: BaseMessage[]): Promise<RunOutcome> => {
    const calls = pausedCalls(pause, messages, new Set(gatedToolNames({ persona }, options.tools)));
    if (!calls) return fail(run, "The run paused for approval in a way Switchboard could not match to its tool calls; nothing was changed.");
    // Best effort: a card that says whose conversation it is beats an id, but a failed lookup must not block the pause.
    const targets = await lookUpTargets({ calls, catalog, executor, timeoutMs: options.targetLookupMs }).catch((error: unknown) => {
      options.logger?.warn({ err: error, runId: run.id }, "could not look up what a gated call is about");
      return new Map<string, string>();
    });
    const stored = storePause({ transaction, approvals, runs, catalog, run, persona: persona.name, calls, now: now(), ttlMs, targets });
    options.logger?.info(
      { ...runFields(run), approvals: stored.map((a) => ({ approvalId: a.id, tool: a.tool })), elapsedMs: now() - run.createdAt },
      "agent run waiting for approval",
    );
    return { status: "needs_approval", runId: run.id, approvals: stored.map(toPendingApproval) };
  };

  const expireStale = (runId?: string): number => {
    const expired = approvals.expire(now(), runId);
    for (const a of expired) {
      if (runs.transition(a.runId, "waiting", "expired", now())) void forget(a.runId);
      auditApproval(audit, runs.get(a.runId), a, now(), {
        decision: "expired",
        status: "expired",
        result: "No one decided before the approval expired; nothing was sent.",
      });
    }
    return expired.length;
  };

  return {
    audit,
    personas: options.personas,
    selector,
    expireStale: () => expireStale(),
    getRun: (runId) => runs.get(runId),
    writeOutcomes: (runId) => options.writes?.forRun(runId) ?? [],
    isDriving: (runId) => driving.has(runId),

    async resumeInterrupted(runId: string, onEvent?: (event: RunEvent) => void): Promise<RunOutcome | undefined> {
      const run = runs.get(runId);
      if (!run || driving.has(runId)) return undefined;
      const resume = interruptedStep(run, approvals.forRun(runId));
      const persona = personaNamed(run.persona);
      if (!resume || !persona) return undefined;
      options.logger?.warn({ ...runFields(run) }, "resuming a run a stopped process left after its approval");
      return tracked(runId, () => drive(run, persona, new Command({ resume: { decisions: resume } }), onEvent));
    },

    async start(input: StartRunInput, onEvent?: (event: RunEvent) => void): Promise<RunOutcome> {
      const run = runs.create(
        {
          id: `run_${randomUUID().replace(/-/g, "").slice(0, 20)}`,
          threadId: input.threadId,
          persona: input.persona,
          requesterUser: input.requester.slackUserId,
          requesterSource: input.requester.source,
          teamId: input.requester.teamId,
          channelId: input.channelId,
          prompt: input.text,
        },
        now(),
      );
      options.logger?.info({ ...runFields(run), channel: input.channelId, threadId: input.threadId }, "agent run started");
      const persona = personaNamed(input.persona);
      if (!persona) return fail(run, `There is no persona named "${input.persona}". Known personas: ${options.personas.map((p) => p.name).join(", ")}.`);
      if (!answersIn(persona, input.channelId)) return fail(run, `The ${persona.name} persona does not answer in this channel.`);
      if (!options.chatModel) return fail(run, MODEL_SETUP_HELP);
      const history: BaseMessage[] = (input.history ?? []).map((turn) => (turn.role === "user" ? new HumanMessage(turn.text) : new AIMessage(turn.text)));
      return tracked(run.id, () => drive(run, persona, { messages: [...history, new HumanMessage(input.text)] }, onEvent));
    },

    async decide(runId: string, decisions: ApprovalDecision[], decider: Decider, onEvent?: (event: RunEvent) => void): Promise<RunOutcome> {
      const run = runs.get(runId);
      if (!run) throw new AppError("APPROVAL_NOT_FOUND", `There is no run ${runId}.`);
      const persona = personaNamed(run.persona);
      if (!persona) throw new AppError("PERSONA_NOT_FOUND", `The run's persona "${run.persona}" is no longer configured, so it cannot be resumed.`);
      // The same click delivered again after a crash (Slack's retry, the inbox's replay): the decision stands and
      // the run continues from its pause, instead of "already decided" while the approved write never went out.
      if (!driving.has(runId) && decisions.length > 0) {
        const records = approvals.forRun(runId);
        const same = decisions.every((d) => {
          const record = records.find((r) => r.id === d.approvalId);
          // Only the person's own decision, delivered again: anyone else is told it was already decided.
          return (
            record?.decidedBy === deciderName(decider) && record.status === (d.type === "approve" ? "approved" : d.type === "edit" ? "edited" : "rejected")
          );
        });
        const resume = same && mayDecide(persona, decider, run) ? interruptedStep(run, records) : undefined;
        if (resume) {
          options.logger?.warn({ ...runFields(run) }, "a repeated decision resumes a run a stopped process left after its approval");
          return tracked(runId, () => drive(run, persona, new Command({ resume: { decisions: resume } }), onEvent));
        }
      }
      expireStale(runId);
      const checked = validateDecisions({ run, persona, decisions, decider, records: approvals.forRun(runId), catalog });
      const outcome = decideAtomically({ transaction, runs, approvals, run, checked, decider, now: now() });
      options.logger?.info(
        {
          ...runFields(run),
          decisions: checked.map((c) => ({ approvalId: c.record.id, tool: c.record.tool, decision: c.decision.type })),
          decidedBy: outcome.decidedBy,
        },
        "approval decided",
      );
      for (const rejected of checked.filter((c) => c.decision.type === "reject")) {
        const reason = rejected.decision.type === "reject" ? rejected.decision.reason : undefined;
        auditApproval(audit, run, rejected.record, now(), {
          decision: "rejected",
          status: "rejected",
          approver: outcome.decidedBy,
          result: reason ? `Rejected: ${reason}` : "Rejected",
        });
        onEvent?.({
          type: "tool_refused",
          tool: rejected.record.tool,
          title: rejected.record.title,
          reason: `rejected by ${outcome.decidedBy}${reason ? `: ${reason}` : ""}`,
        });
      }
      if (!outcome.resume) return { status: "needs_approval", runId, approvals: approvals.pending({ runId }).map(toPendingApproval) };
      const resumeWith = outcome.resume;
      const result = await tracked(runId, () => drive(run, persona, new Command({ resume: { decisions: resumeWith satisfies ResumeDecision[] } }), onEvent));
      // With a rejection in the same pause, LangChain drops that turn's approved calls; say so in the audit.
      for (const skipped of approvals.batch(outcome.batch).filter((a) => (a.status === "approved" || a.status === "edited") && !a.executedAt)) {
        auditApproval(audit, run, skipped, now(), {
          decision: skipped.status === "edited" ? "edited" : "approved",
          status: "skipped",
          approver: skipped.decidedBy,
          result: "Not run: another call in the same step was rejected, so the agent reconsidered the whole step.",
        });
      }
      return result;
    },

    // A read: approvals past their time are left out, and only the expiry job (or a late decision) marks them.
    pendingApprovals(filter?: { runId?: string }): PendingApproval[] {
      const at = now();
      return approvals
        .pending(filter ?? {})
        .filter((a) => a.expiresAt > at)
        .map(toPendingApproval);
    },
  };
}
