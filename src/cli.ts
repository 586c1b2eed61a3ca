/**
 * The `switchboard` command line. Each command loads the config, builds only what it needs through the
 * composition root, and reports failures in one plain line (exit 1) instead of a stack trace.
 *
 * Starting fast is a feature here (`switchboard --help` in well under half a second), so command groups load lazily:
 *
 *   1. A group lives in src/cli/<group>-commands.ts and exports `register<Group>Commands(program, context)`.
 *      At its top, import only `commander` types and light modules (no LangChain, Bolt, the emulator, the
 *      composition root); inside each `.action`, `await import(...)` what the command really needs.
 *   2. Add one entry to COMMAND_GROUPS below: the top-level command name, the one-line description the
 *      top-level help shows (the same words the group file gives its command; a test compares them), and `load`.
 *
 * Only the group named on the command line is imported (`switchboard tools list` imports the tools group and
 * nothing else); `switchboard --help` imports none and lists every group from this table.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Command } from "commander";
import type { CliContext } from "./cli/context.js";
import type { Config } from "./config.js";
import { isAppError, newErrorReference, toUserMessage } from "./errors.js";
import { redactString } from "./redact.js";

type Register = (program: Command, context: CliContext) => void;

export interface CommandGroup {
  /** The top-level command the group registers. */
  name: string;
  /** What `switchboard --help` shows for it without loading the group. */
  description: string;
  /** Imports the group's file and returns its register functions, in order. */
  load: () => Promise<Register[]>;
}

export const COMMAND_GROUPS: readonly CommandGroup[] = [
  {
    name: "start",
    description: "Start the Slack app (Socket Mode with SLACK_APP_TOKEN, otherwise HTTP on PORT)",
    load: async () => [(await import("./cli/start-command.js")).registerStartCommand],
  },
  {
    name: "emulator",
    description: 'Run a local Intercom API with a seeded demo workspace (bearer token "emulator-token" unless --token)',
    load: async () => [(await import("./cli/emulator-commands.js")).registerEmulatorCommands],
  },
  {
    name: "secrets",
    description: "Tokens stored encrypted in the database",
    load: async () => [(await import("./cli/secrets-commands.js")).registerSecretCommands],
  },
  {
    name: "tools",
    description: "The Intercom tools the agent can use",
    load: async () => {
      const [list, select] = await Promise.all([import("./cli/tools-commands.js"), import("./cli/tools-select-command.js")]);
      return [list.registerToolsCommands, select.registerToolsSelectCommand];
    },
  },
  {
    name: "ask",
    description: "Ask the agent one question from the terminal; writes wait for your approval",
    load: async () => [(await import("./cli/ask-command.js")).registerAskCommand],
  },
  {
    name: "audit",
    description: "Show the audit log of the agent's tool calls, newest first",
    load: async () => [(await import("./cli/audit-commands.js")).registerAuditCommands],
  },
  {
    name: "inbox",
    description: "List what arrived in the inbox (Slack requests, Intercom webhooks, polled changes) and what happened to it",
    load: async () => [(await import("./cli/inbox-commands.js")).registerInboxCommands],
  },
  {
    name: "jobs",
    description: "The scheduled jobs: list them with their last and next runs, or run one now",
    load: async () => [(await import("./cli/jobs-commands.js")).registerJobsCommands],
  },
  {
    name: "kb",
    description: "The knowledge base: sync it from Intercom, check it, search it",
    load: async () => [(await import("./cli/kb-commands.js")).registerKbCommands],
  },
  {
    name: "faq",
    description: "FAQ answers with citations",
    load: async () => [(await import("./cli/faq-commands.js")).registerFaqCommands],
  },
  {
    name: "escalation",
    description: "Smart escalation: score conversations for escalation",
    load: async () => [(await import("./cli/escalation-commands.js")).registerEscalationCommands],
  },
  {
    name: "themes",
    description: "Themes in customer messages: clustering and the weekly digest",
    load: async () => [(await import("./cli/themes-commands.js")).registerThemesCommands],
  },
  {
    name: "playground",
    description: "Run the local Slack-like demo page over the built-in Intercom emulator (no accounts needed)",
    load: async () => [(await import("./cli/playground-commands.js")).registerPlaygroundCommands],
  },
];

/** The group a command line asks for: the first word that is not an option (`help tools` means tools). */
export function requestedGroup(args: readonly string[], groups: readonly CommandGroup[] = COMMAND_GROUPS): CommandGroup | undefined {
  const words = args.filter((arg) => !arg.startsWith("-"));
  const name = words[0] === "help" ? words[1] : words[0];
  return groups.find((group) => group.name === name);
}

/** package.json's version, found by walking up from this file (it runs from src/ and from dist/src/ alike). */
export function packageVersion(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (manifest.name === "switchboard" && manifest.version) return manifest.version;
    }
    if (dirname(dir) === dir) return "unknown";
  }
}

/**
 * Builds the program for one command line: the requested group for real, every other group as a name and a
 * description only (enough for the help, "unknown command" and its suggestions). `all` loads every group.
 */
export async function buildCli(args: readonly string[] = [], options: { all?: boolean; groups?: readonly CommandGroup[] } = {}): Promise<Command> {
  const groups = options.groups ?? COMMAND_GROUPS;
  const program = new Command("switchboard")
    .description("An AI support agent for teams that work in Intercom and talk in Slack.")
    .version(packageVersion(), "-V, --version", "print the version")
    .showHelpAfterError("(run switchboard --help for the commands)")
    .configureOutput({ outputError: (text, write) => write(text) });
  // The config module (zod, node-cron) loads only when a command runs, never for the help.
  let configModule: typeof import("./config.js") | undefined;
  program.hook("preAction", async () => {
    configModule ??= await import("./config.js");
  });
  const context: CliContext = {
    loadConfig: (): Readonly<Config> => {
      if (!configModule) throw new Error("loadConfig() called before the command's action started");
      return configModule.loadConfig();
    },
  };
  const wanted = options.all ? undefined : requestedGroup(args.slice(2), groups);
  for (const group of groups) {
    if (options.all || group === wanted) for (const register of await group.load()) register(program, context);
    else program.command(group.name).description(group.description);
  }
  return program;
}

/**
 * `switchboard kb search --articles F < questions | head -1`: the reader has gone, so a command that only writes
 * for it stops quietly instead of dying on a stack trace. `start` keeps serving whatever happened to its log pipe.
 */
export function stopQuietlyWhenReaderLeaves(stream: NodeJS.WriteStream, keepRunning: boolean, exit: (code: number) => void = process.exit): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") process.stderr.write(`switchboard: cannot write the output: ${error.message}\n`);
    if (!keepRunning) exit(error.code === "EPIPE" ? (typeof process.exitCode === "number" ? process.exitCode : 0) : 1);
  });
}

export async function runCli(argv: string[]): Promise<number> {
  stopQuietlyWhenReaderLeaves(process.stdout, argv[2] === "start");
  try {
    await (await buildCli(argv)).parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (isAppError(error)) {
      process.stderr.write(`switchboard: ${error.message}\n`);
      return 1;
    }
    // An unexpected error is a bug: the plain line first, then what a bug report needs, secrets scrubbed.
    const reference = newErrorReference();
    process.stderr.write(`switchboard: ${toUserMessage(error, reference)}\n`);
    process.stderr.write(`details (reference ${reference}): ${redactString((error as Error)?.stack ?? String(error))}\n`);
    return 1;
  }
}

// bin/switchboard.js calls runCli; this also runs it when the file itself is started (`node dist/src/cli.js`),
// and not when a test imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await runCli(process.argv);
