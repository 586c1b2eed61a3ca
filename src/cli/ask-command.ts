/**
 * `switchboard ask [--persona P] "text"`: one agent run from a terminal against the configured Intercom (the
 * built-in emulator when no token is set). Tool calls print as they happen; gated calls are put to the person
 * at the keyboard (approve / edit / reject), and refused when there is no terminal to ask.
 */
import { userInfo } from "node:os";
import { createInterface, type Interface } from "node:readline/promises";
import type { Command } from "commander";
import type { ApprovalDecision, Decider, PendingApproval, RunEngine, RunEvent, RunOutcome } from "../agent/run-types.js";
import { AppError, isAppError } from "../errors.js";
import type { CliContext } from "./context.js";

export interface AskIO {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Undefined when stdin is not a terminal: gated calls are then refused. */
  prompt?: (question: string) => Promise<string>;
}

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

async function askOne(approval: PendingApproval, prompt: (q: string) => Promise<string>, io: AskIO): Promise<ApprovalDecision> {
  io.out(`\nApproval needed (${approval.risk}): ${approval.summary}`);
  io.out(`  arguments: ${JSON.stringify(approval.args)}`);
  for (;;) {
    const answer = (await prompt("  [a]pprove, [e]dit, [r]eject? ")).trim().toLowerCase();
    if (answer === "a" || answer === "approve") return { approvalId: approval.approvalId, type: "approve" };
    if (answer === "r" || answer === "reject") {
      const reason = (await prompt("  reason (optional): ")).trim();
      return { approvalId: approval.approvalId, type: "reject", reason: reason || undefined };
    }
    if (answer === "e" || answer === "edit") {
      const text = await prompt('  changed fields as JSON, e.g. {"body":"new text"}: ');
      try {
        const args = JSON.parse(text) as unknown;
        if (args && typeof args === "object" && !Array.isArray(args))
          return { approvalId: approval.approvalId, type: "edit", args: args as Record<string, unknown> };
      } catch {
        // fall through to the message below
      }
      io.err("  That is not a JSON object; try again.");
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

/** Drives one run to its end, putting every pause to the person (or refusing it without a terminal). */
export async function runAsk(engine: RunEngine, input: { persona: string; text: string; decider: Decider }, io: AskIO): Promise<RunOutcome> {
  const onEvent = (event: RunEvent) => io.out(formatEvent(event));
  let outcome = await engine.start(
    { persona: input.persona, requester: { source: input.decider.source }, text: input.text, threadId: `cli:${Date.now()}` },
    onEvent,
  );
  const decider = io.prompt ? input.decider : NO_TERMINAL_DECIDER;
  // Cleared when the person closes the prompt (Ctrl+D, Ctrl+C): what is still open is then refused, not left waiting.
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
        prompt: rl ? (q) => rl.question(q) : undefined,
      };
      if (deps.transport.usesEmulator()) io.err("No Intercom token is set, so this runs against the built-in emulator's demo workspace.");
      try {
        const engine = createRunEngineFromConfig({ config, db: deps.db, transport: deps.transport, logger: deps.logger });
        const outcome = await runAsk(
          engine,
          { persona: options.persona ?? config.defaultPersona, text: words.join(" "), decider: { source: `cli:${userInfo().username}` } },
          io,
        );
        if (outcome.status === "answered") io.out(`\n${outcome.text}`);
        else if (outcome.status === "failed") {
          io.err(outcome.error);
          process.exitCode = 1;
        }
      } finally {
        rl?.close();
        await closeDeps(deps);
      }
    });
}
