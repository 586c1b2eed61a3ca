/**
 * The `switchboard kb ...` commands as the CLI registers them, run in-process: Intercom = the emulator over
 * loopback HTTP, the app's database = a SQLite file in a temp dir, stdout captured. Registers its own hooks.
 */
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, beforeEach, vi } from "vitest";
import { registerKbCommands } from "../../src/cli/kb-commands.js";
import { loadConfig } from "../../src/config.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.js";
import { smallWorkspace } from "../emulator/helpers.js";
import { makeTempDir } from "../helpers/temp-dir.js";

export interface KbCli {
  readonly emulator: RunningEmulator;
  readonly dir: string;
  /** The app's database file. */
  readonly dbPath: string;
  /** What the last command printed on stdout so far (also when it threw). */
  printed(): string;
  /** One command line; what it printed on stdout. Extra variables apply to this run only. */
  run(argv: string[], extraEnv?: Record<string, string>): Promise<string>;
}

/** Something a test runs beside the CLI (a fake model endpoint): its settings, and how to stop it. */
export interface KbCliExtra {
  env: Record<string, string>;
  close(): Promise<void>;
}

export function useKbCli(startExtra?: () => Promise<KbCliExtra>): KbCli {
  let temp: ReturnType<typeof makeTempDir>;
  let emulator: RunningEmulator;
  let extra: KbCliExtra | undefined;
  let env: Record<string, string>;
  const output: string[] = [];
  beforeEach(async () => {
    temp = makeTempDir();
    emulator = await startEmulator({ workspace: smallWorkspace() });
    extra = await startExtra?.();
    env = {
      SWITCHBOARD_DB_PATH: join(temp.dir, "switchboard.db"),
      SWITCHBOARD_SECRET_KEY: Buffer.alloc(32, 9).toString("base64"),
      SWITCHBOARD_LOG_LEVEL: "silent",
      INTERCOM_ACCESS_TOKEN: emulator.token,
      INTERCOM_BASE_URL: emulator.url,
      ...extra?.env,
    };
    output.length = 0;
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      output.push(args.join(" "));
    });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
    await extra?.close();
    await emulator.close();
    temp.cleanup();
  });
  return {
    get emulator() {
      return emulator;
    },
    get dir() {
      return temp.dir;
    },
    get dbPath() {
      return env.SWITCHBOARD_DB_PATH as string;
    },
    printed: () => output.join("\n"),
    async run(argv, extraEnv = {}) {
      const program = new Command("switchboard").exitOverride();
      registerKbCommands(program, { loadConfig: () => loadConfig({ env: { ...env, ...extraEnv }, envFile: false }) });
      output.length = 0;
      await program.parseAsync(argv, { from: "user" });
      return output.join("\n");
    },
  };
}
