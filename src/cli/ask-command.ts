/**
 * `switchboard ask [--persona P] "text"`: one agent run from a terminal against the configured Intercom (the
 * built-in emulator when no token is set). Tool calls print as they happen; gated calls are put to the person
 * at the keyboard (approve / edit / reject), and refused when there is no terminal to ask. Ctrl-C at a prompt
 * stops the run: what is still open is rejected as cancelled, nothing more runs, and the command exits 130.
 */
import { userInfo } from "node:os";
import { createInterface, type Interface } from "node:readline/promises";
import type { Command } from "commander";
import { summarizeCall } from "../agent/call-summary.js";
import { auditApproval } from "../agent/run-audit.js";
import type { ApprovalDecision, Decider, PendingApproval, RunEngine, RunEvent, RunOutcome } from "../agent/run-types.js";
import { AppError, isAppError } from "../errors.js";
import type { ApprovalRecord } from "../store/approvals.js";
import type { Stores } from "../store/stores.js";
import type { CliContext } from "./context.js";

export interface AskIO {
  out: (line: string) => void;
  err: (line: string) => void;
  /**
   * Undefined when stdin is not a terminal: gated calls are then refused. Rejects with AskCancelled when the
   * person presses Ctrl-C, and with an AbortError when the input ends (Ctrl-D).
   */
  prompt?: (question: string) => Promise<string>;
}

/** The person pressed Ctrl-C at a prompt: stop the run, do not decide on their behalf. */
export class AskCancelled extends Error {
  constructor() {
    super("Cancelled at the terminal");
    this.name = "AskCancelled";
  }
}

/** The reason stored on approvals the person cancelled, so the audit log and a restart read it plainly. */
export const CANCELLED_REASON = "cancelled at the terminal";

/** What `runAsk` ends with: the engine's outcome, or the run stopped by Ctrl-C. */
export type AskOutcome = RunOutcome | { status: "cancelled"; runId: string; message: string };

/** Ends a paused run the person cancelled: its open approvals are rejected and audited, the run is finished. */
export type CancelRun = (runId: string, decider: Decider) => ApprovalRecord[];

export function formatEvent(event: RunEvent): string {
  switch (event.type) {
    case "tool_started":
      return `→ ${event.title} ${JSON.stringify(event.args)}`;
    case "tool_finished":
      return `${event.ok ? "✓" : "✗"} ${event.title}: ${event.summary}`;
    case "tool_refused":
      return `⊘ ${event.title}: ${event.reason}`;
  }
}

/** Fields that hold the words a tool sends or stores, in the order a person most likely means to change. */
const MAIN_TEXT_FIELDS = ["body", "message", "note", "text", "content", "description", "name", "subject"];

/** The field an edit in plain words changes, when the call has one. */
export function mainTextField(args: Record<string, unknown>): string | undefined {
  return MAIN_TEXT_FIELDS.find((field) => typeof args[field] === "string");
}

/**
 * Reads one edit: plain words replace the main text field; a line starting with `{` (or any line, for a call
 * with no text field) is a JSON object of changed fields. Undefined when the answer changes nothing usable.
 */
export function parseEdit(answer: string, field: string | undefined): { changes: Record<string, unknown> } | { problem: string } {
  const text = answer.trim();
  if (!text) return { problem: "Nothing was changed." };
  if (field && !text.startsWith("{")) return { changes: { [field]: text } };
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return { changes: parsed as Record<string, unknown> };
  } catch {
    // fall through to the message below
  }
  return { problem: 'That is not a JSON object of changed fields (for example {"assignee_id":"123"}); try again.' };
}

async function askEdit(approval: PendingApproval, prompt: (q: string) => Promise<string>, io: AskIO): Promise<Record<string, unknown> | undefined> {
  const field = mainTextField(approval.args);
  const question = field
    ? `  new ${field} (plain text; start with { to change other fields as JSON): `
    : '  changed fields as JSON, e.g. {"assignee_id":"123"}: ';
  const edit = parseEdit(await prompt(question), field);
  if ("problem" in edit) {
    io.err(`  ${edit.problem}`);
    return undefined;
  }
  // The person sees the whole call as it would run before anything is sent.
  const merged = { ...approval.args, ...edit.changes };
  io.out(`  edited call: ${summarizeCall(approval.title, merged)}`);
  io.out(`  arguments: ${JSON.stringify(merged)}`);
  for (;;) {
    const confirm = (await prompt("  run this edited call? [y/n] ")).trim().toLowerCase();
    if (confirm === "y" || confirm === "yes") return edit.changes;
    if (confirm === "n" || confirm === "no") {
      io.out("  Not run; choose again.");
      return undefined;
    }
  }
}

async function askOne(approval: PendingApproval, prompt: (q: string) => Promise<string>, io: AskIO): Promise<ApprovalDecision> {
  io.out(`\nApproval needed (${approval.risk}): ${approval.summary}`);
  if (approval.why) io.out(`  why: ${approval.why}`);
  io.out(`  arguments: ${JSON.stringify(approval.args)}`);
  for (;;) {
    const answer = (await prompt("  [a]pprove, [e]dit, [r]eject? (Ctrl-C stops the run) ")).trim().toLowerCase();
    if (answer === "a" || answer === "approve") return { approvalId: approval.approvalId, type: "approve" };
    if (answer === "r" || answer === "reject") {
      const reason = (await prompt("  reason (optional): ")).trim();
      return { approvalId: approval.approvalId, type: "reject", reason: reason || undefined };
    }
    if (answer === "e" || answer === "edit") {
      const changes = await askEdit(approval, prompt, io);
      if (changes) return { approvalId: approval.approvalId, type: "edit", args: changes };
    }
  }
}

/**
 * Who "decides" a gated call when there is no terminal: not the person who ran the command (they were never
 * asked), so the audit log and the progress lines do not claim a person rejected it.
 */
export const NO_TERMINAL_DECIDER: Decider = { source: "cli:no-terminal" };

/** readline rejects a pending question with an AbortError when the input ends (Ctrl+D) or on Ctrl+C. */
const isPromptClosed = (error: unknown) =>
  (error as { name?: string; code?: string })?.name === "AbortError" || (error as { code?: string })?.code === "ABORT_ERR";

/**
 * Drives one run to its end, putting every pause to the person (or refusing it without a terminal). `cancel`
 * ends the run when the person presses Ctrl-C at a prompt (see cancelRunAtTerminal).
 */
export async function runAsk(engine: RunEngine, input: { persona: string; text: string; decider: Decider }, io: AskIO, cancel: CancelRun): Promise<AskOutcome> {
  const onEvent = (event: RunEvent) => io.out(formatEvent(event));
  let outcome = await engine.start(
    { persona: input.persona, requester: { source: input.decider.source }, text: input.text, threadId: `cli:${Date.now()}` },
    onEvent,
  );
  const decider = io.prompt ? input.decider : NO_TERMINAL_DECIDER;
  // Cleared when the person closes the prompt (Ctrl+D): what is still open is then refused, not left waiting.
  let prompt = io.prompt;
  while (outcome.status === "needs_approval") {
    const decisions: ApprovalDecision[] = [];
    for (const approval of outcome.approvals) {
      if (!io.prompt) {
        io.err(`⊘ ${approval.summary}: needs approval, and there is no terminal to ask; refused. Run the command in an interactive terminal to approve it.`);
        decisions.push({ approvalId: approval.approvalId, type: "reject", reason: "No person was at a terminal to approve this, so it was not run." });
        continue;
      }
      try {
        if (prompt) {
          decisions.push(await askOne(approval, prompt, io));
          continue;
        }
      } catch (error) {
        if (error instanceof AskCancelled) return cancelled(outcome.runId, input.decider, cancel, io);
        if (!isPromptClosed(error)) throw error;
        prompt = undefined;
        io.err("\n  The prompt was closed without a decision.");
      }
      io.err(`⊘ ${approval.summary}: not decided; refused.`);
      decisions.push({
        approvalId: approval.approvalId,
        type: "reject",
        reason: "The person at the terminal closed the prompt without deciding, so it was not run.",
      });
    }
    try {
      outcome = await engine.decide(outcome.runId, decisions, decider, onEvent);
    } catch (error) {
      if (isAppError(error, "TOOL_INPUT_INVALID") && prompt) {
        io.err(`  ${error.message}`);
        continue;
      }
      throw error;
    }
  }
  return outcome;
}

/**
 * Decisions already typed for other calls of the same step were never sent to the engine, so they are
 * rejected with the rest: the person asked to stop, and nothing of that step runs.
 */
function cancelled(runId: string, decider: Decider, cancel: CancelRun, io: AskIO): AskOutcome {
  const rejected = cancel(runId, decider);
  for (const approval of rejected) io.err(`⊘ ${approval.summary}: ${CANCELLED_REASON}; not run.`);
  const message = "Stopped at your request (Ctrl-C). Nothing waiting for your approval was sent, and the run is over.";
  io.err(`\n${message}`);
  return { status: "cancelled", runId, message };
}

/**
 * Rejects a paused run's open approvals as cancelled, finishes the run as failed and audits each rejection,
 * all in one transaction. Rejected rather than left pending: a pending approval would be listed in Slack's
 * App Home until it expired, where anyone allowed could approve it and resume the run the person stopped.
 * A finished run is one a restart leaves alone (only runs marked running are resumed).
 */
export function cancelRunAtTerminal(stores: Pick<Stores, "runs" | "approvals" | "audit" | "transaction">, now: () => number = Date.now): CancelRun {
  return (runId, decider) =>
    stores.transaction(() => {
      const at = now();
      const open = stores.approvals.forRun(runId).filter((a) => a.status === "pending");
      const rejected: ApprovalRecord[] = [];
      for (const approval of open) {
        if (!stores.approvals.decide({ id: approval.id, status: "rejected", reason: CANCELLED_REASON, decidedBy: decider.source }, at)) continue;
        rejected.push(stores.approvals.get(approval.id) ?? approval);
      }
      if (stores.runs.transition(runId, "waiting", "failed", at)) {
        stores.runs.finish(runId, "failed", at, "Cancelled at the terminal (Ctrl-C); nothing waiting for approval was sent.");
      }
      const run = stores.runs.get(runId);
      for (const approval of rejected) {
        auditApproval(stores.audit, run, approval, at, {
          decision: "rejected",
          status: "rejected",
          approver: decider.source,
          result: `Rejected: ${CANCELLED_REASON} (Ctrl-C); the run was stopped and nothing was sent.`,
        });
      }
      return rejected;
    });
}

/** Exit status of `switchboard ask`: 130 is what a shell expects after Ctrl-C. */
export function askExitCode(outcome: AskOutcome): number {
  if (outcome.status === "cancelled") return 130;
  return outcome.status === "failed" ? 1 : 0;
}

/**
 * A prompt over a readline interface that tells Ctrl-C from Ctrl-D: Ctrl-C while a question is open rejects
 * it with AskCancelled; Ctrl-C while the agent is working calls `onInterruptWhileWorking` (nothing is waiting
 * for the person then, so the command simply stops, as Ctrl-C does anywhere else).
 */
export function terminalPrompt(rl: Interface, onInterruptWhileWorking: () => void): (question: string) => Promise<string> {
  let asking: AbortController | undefined;
  let interrupted = false;
  // With a SIGINT listener, readline reports Ctrl-C here instead of closing the interface like Ctrl-D.
  rl.on("SIGINT", () => {
    if (!asking) return onInterruptWhileWorking();
    interrupted = true;
    asking.abort();
  });
  return async (question) => {
    if (interrupted) throw new AskCancelled();
    const controller = new AbortController();
    asking = controller;
    try {
      return await rl.question(question, { signal: controller.signal });
    } catch (error) {
      if (interrupted) throw new AskCancelled();
      throw error;
    } finally {
      asking = undefined;
    }
  };
}

/**
 * The terminal already prints every tool call as it happens, so info-level log lines would only repeat them
 * between the prompts; warnings and errors still show, and `debug` shows everything.
 */
export const askLogLevel = (configured: string): string => (configured === "info" ? "warn" : configured);

export function registerAskCommand(program: Command, context: CliContext): void {
  program
    .command("ask")
    .description("Ask the agent one question from the terminal; writes wait for your approval")
    .argument("<text...>", "what you want, in plain words")
    .option("-p, --persona <name>", "the persona to answer as (default: SWITCHBOARD_DEFAULT_PERSONA)")
    .action(async (words: string[], options: { persona?: string }) => {
      const config = context.loadConfig();
      // LangChain is loaded only when a command needs it, so the rest of the CLI starts fast.
      const { MODEL_SETUP_HELP } = await import("../agent/chat-model.js");
      if (!config.model.configured) throw new AppError("MODEL_NOT_CONFIGURED", MODEL_SETUP_HELP);
      const [{ createRunEngineFromConfig }, { closeDeps, createDeps }, { createLogger }] = await Promise.all([
        import("../agent/engine-from-config.js"),
        import("../app.js"),
        import("../logger.js"),
      ]);
      const deps = createDeps(config, { logger: createLogger({ ...config.log, level: askLogLevel(config.log.level) }) });
      const rl: Interface | undefined = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
      const io: AskIO = {
        out: (line) => process.stdout.write(`${line}\n`),
        err: (line) => process.stderr.write(`${line}\n`),
        prompt: rl
          ? terminalPrompt(rl, () => {
              // Nothing waits for the person while the agent works; stop the way Ctrl-C stops any command.
              process.stderr.write("\nStopped (Ctrl-C).\n");
              rl.close();
              process.exit(130);
            })
          : undefined,
      };
      if (deps.transport.usesEmulator()) io.err("No Intercom token is set, so this runs against the built-in emulator's demo workspace.");
      try {
        const engine = createRunEngineFromConfig({ config, db: deps.db, transport: deps.transport, logger: deps.logger });
        const outcome = await runAsk(
          engine,
          { persona: options.persona ?? config.defaultPersona, text: words.join(" "), decider: { source: `cli:${userInfo().username}` } },
          io,
          cancelRunAtTerminal(deps.stores, deps.clock),
        );
        if (outcome.status === "answered") io.out(`\n${outcome.text}`);
        else if (outcome.status === "failed") io.err(outcome.error);
        process.exitCode = askExitCode(outcome);
      } finally {
        rl?.close();
        await closeDeps(deps);
      }
    });
}
