/**
 * The `switchboard` command as a user runs it: whole processes of the compiled CLI (built once before these
 * tests), the emulator over loopback HTTP, a fake Slack for `start`. Every wait is for a condition (a line
 * printed, a process exit), never for a fixed time. Most tests start dist/src/cli.js itself, so a source edited
 * meanwhile (the tree is shared) cannot make each process rebuild first; the help and version tests go through
 * bin/switchboard.js, the launcher a user runs.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeDeps, createDeps } from "../../src/app.js";
import { EMULATOR_CLI_DEFAULTS } from "../../src/cli/emulator-commands.js";
import { buildCli, COMMAND_GROUPS, requestedGroup } from "../../src/cli.js";
import { loadConfig } from "../../src/config.js";
import { DEFAULT_CONVERSATIONS, DEFAULT_SEED, DEFAULT_TOKEN, MAX_CONVERSATIONS } from "../../src/emulator/emulator.js";
import { SIMULATE_KINDS } from "../../src/emulator/simulate.js";
import { createSilentLogger } from "../../src/logger.js";
import { type FakeSlackServer, startFakeSlack } from "../fakes/fake-slack-server.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const ROOT = resolve(import.meta.dirname, "../..");
const LAUNCHER = join(ROOT, "bin/switchboard.js");
const COMPILED = join(ROOT, "dist/src/cli.js");
/** A test that starts several processes one after another, on a machine that may be busy. */
const PROCESSES_TIMEOUT_MS = 90_000;
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

interface Finished {
  code: number | null;
  out: string;
  err: string;
}

const children: ChildProcess[] = [];
const cleanups: (() => void | Promise<void>)[] = [];

/** A clean environment: nothing from the developer's shell (tokens, a model key) leaks into the child. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, SWITCHBOARD_LOG_LEVEL: "warn", ...extra };
}

interface StartOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Through the launcher (which rebuilds dist/ when a source is newer) instead of the compiled CLI itself. */
  launcher?: boolean;
}

function start(args: string[], options: StartOptions = {}) {
  const entry = options.launcher ? LAUNCHER : COMPILED;
  const child = spawn(process.execPath, [entry, ...args], { cwd: options.cwd ?? ROOT, env: childEnv(options.env), stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const output = { out: "", err: "" };
  child.stdout!.on("data", (chunk: Buffer) => {
    output.out += chunk.toString();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    output.err += chunk.toString();
  });
  // Others may edit a source while this runs; the launcher then rebuilds first and says so in a line of its own.
  const withoutRebuildNote = (err: string) => err.replace(/^switchboard: sources changed, .*\n/m, "");
  const exited = new Promise<Finished>((done) => child.on("close", (code) => done({ code, out: output.out, err: withoutRebuildNote(output.err) })));
  /** Resolves with the first match of `pattern` on stdout; rejects if the process ends first. */
  const waitForOutput = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((found, fail) => {
      const check = () => {
        const match = pattern.exec(output.out);
        if (match) {
          child.stdout!.off("data", check);
          found(match);
        }
      };
      child.stdout!.on("data", check);
      check();
      void exited.then((end) => fail(new Error(`exited with ${end.code} before printing ${pattern}: ${end.out}${end.err}`)));
    });
  return { child, exited, waitForOutput };
}

const run = (args: string[], options?: StartOptions) => start(args, options).exited;

/** A port that something else is listening on. */
async function occupiedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  cleanups.push(() => new Promise<void>((closed) => server.close(() => closed())));
  return (server.address() as { port: number }).port;
}

beforeAll(async () => {
  // One build up front, so the processes below start from dist/ instead of each waiting for a build.
  const build = spawn(process.execPath, [join(ROOT, "scripts/build.js")], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let said = "";
  build.stdout!.on("data", (chunk: Buffer) => {
    said += chunk.toString();
  });
  const code = await new Promise<number | null>((done) => build.on("close", done));
  if (code !== 0) throw new Error(`the build failed: ${said}`);
}, 120_000);

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("switchboard emulator (CLI)", () => {
  it(
    "prints its URL once it listens, serves requests, and simulate creates a conversation",
    async () => {
      const emulator = start(["emulator", "--port", "0", "--conversations", "40", "--token", "cli-token"]);
      const url = (await emulator.waitForOutput(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1] as string;
      const me = await fetch(`${url}/me`, { headers: { Authorization: "Bearer cli-token" } });
      expect(me.status).toBe(200);

      const simulated = await run(["emulator", "simulate", "conversation", "--url", url, "--token", "cli-token", "--body", "From the CLI"]);
      expect(simulated.code).toBe(0);
      const id = /Created conversation (\d+)/.exec(simulated.out)?.[1];
      expect(id).toBeDefined();
      const conversation = (await (await fetch(`${url}/conversations/${id}`, { headers: { Authorization: "Bearer cli-token" } })).json()) as {
        source: { body: string };
      };
      expect(conversation.source.body).toContain("From the CLI");

      const faults = await run(["emulator", "faults", "--url", url, "--token", "cli-token", "--burst", "2", "--error-rate", "0.25", "--latency", "0"]);
      expect({ code: faults.code, out: faults.out }).toEqual({
        code: 0,
        out: "429 burst: 2 requests, 5xx rate: 0.25, added latency: 0 ms, rate limit: 1667 per 10 s\n",
      });
      const limited = await fetch(`${url}/me`, { headers: { Authorization: "Bearer cli-token" } });
      expect(limited.status).toBe(429);
      expect(limited.headers.get("x-ratelimit-reset")).toMatch(/^\d+$/);
      // The token given before the subcommand still works.
      const reset = await run(["emulator", "--token", "cli-token", "faults", "--url", url, "--reset", "--rate-limit", "50"]);
      expect(reset.out).toBe("429 burst: 0 requests, 5xx rate: 0, added latency: 0 ms, rate limit: 50 per 10 s\n");
      expect((await fetch(`${url}/me`, { headers: { Authorization: "Bearer cli-token" } })).headers.get("x-ratelimit-limit")).toBe("50");
      const bad = await run(["emulator", "faults", "--url", url, "--token", "cli-token", "--error-rate", "3"]);
      expect(bad.code).toBe(1);
      expect(bad.err).toBe("switchboard: --error-rate must be a number from 0 to 1, got 3\n");

      emulator.child.kill("SIGTERM");
      expect((await emulator.exited).code).toBe(0);
    },
    PROCESSES_TIMEOUT_MS,
  );

  it(
    "serves the same demo workspace, with the same ids, as npm start's built-in emulator",
    async () => {
      const emulator = start(["emulator", "--port", "0"]);
      const url = (await emulator.waitForOutput(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1] as string;
      const { dir, cleanup } = makeTempDir();
      cleanups.push(cleanup);
      const config = loadConfig({ env: { SWITCHBOARD_DB_PATH: join(dir, "sb.db"), SWITCHBOARD_LOG_LEVEL: "silent" }, envFile: false, cwd: dir });
      const deps = createDeps(config, { logger: createSilentLogger() });
      cleanups.push(() => closeDeps(deps));
      expect(deps.transport.usesEmulator()).toBe(true);
      const lists = { "/contacts": "data", "/conversations": "conversations", "/companies": "data" } as const;
      for (const [path, key] of Object.entries(lists)) {
        const ids = (page: unknown) => ((page as Record<string, { id: string }[]>)[key] ?? []).map((item) => item.id);
        const fromCli = await (await fetch(`${url}${path}?per_page=5`, { headers: { Authorization: "Bearer emulator-token" } })).json();
        const builtIn = (await deps.transport.request({ method: "GET", path, query: { per_page: 5 } })).data;
        expect(ids(fromCli), path).toHaveLength(5);
        expect(ids(fromCli), path).toEqual(ids(builtIn));
      }
    },
    PROCESSES_TIMEOUT_MS,
  );

  it(
    "says in one line that its port is taken, and exits 1",
    async () => {
      const port = await occupiedPort();
      const result = await run(["emulator", "--port", String(port)]);
      expect(result).toEqual({
        code: 1,
        out: "",
        err: `switchboard: Port ${port} is already in use; pass another --port (0 picks a free one) or stop the other process\n`,
      });
    },
    PROCESSES_TIMEOUT_MS,
  );

  it("repeats the emulator's own defaults in its help (kept light so control commands start fast)", () => {
    expect(EMULATOR_CLI_DEFAULTS).toEqual({
      token: DEFAULT_TOKEN,
      seed: DEFAULT_SEED,
      conversations: DEFAULT_CONVERSATIONS,
      maxConversations: MAX_CONVERSATIONS,
      simulateKinds: SIMULATE_KINDS,
    });
  });

  it(
    "faults --help lists every option the command accepts",
    async () => {
      const program = await buildCli([], { all: true });
      const faults = program.commands.find((c) => c.name() === "emulator")?.commands.find((c) => c.name() === "faults") as Command;
      const accepted = faults.options.map((option) => option.long as string);
      expect(accepted).toEqual(["--url", "--token", "--burst", "--error-rate", "--latency", "--rate-limit", "--reset"]);
      const help = await run(["emulator", "faults", "--help"]);
      expect(help.code).toBe(0);
      for (const flag of accepted) expect(help.out).toContain(flag);
    },
    PROCESSES_TIMEOUT_MS,
  );
});

describe("switchboard (CLI)", () => {
  let slack: FakeSlackServer;
  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(() => slack.close());

  it(
    "--help lists every command group and --version prints the package version",
    async () => {
      const help = await run(["--help"], { launcher: true });
      expect(help.code).toBe(0);
      for (const group of COMMAND_GROUPS) expect(help.out).toMatch(new RegExp(`^  ${group.name} `, "m"));
      expect(await run(["--version"], { launcher: true })).toEqual({ code: 0, out: `${VERSION}\n`, err: "" });
    },
    PROCESSES_TIMEOUT_MS,
  );

  it(
    "tools list prints all 133 tools from the compiled CLI (its data files resolve from dist/)",
    async () => {
      const list = await run(["tools", "list"]);
      expect(list.code).toBe(0);
      const lines = list.out.trimEnd().split("\n");
      expect(lines[0]).toMatch(/^NAME +RISK +METHOD +PATH +TITLE$/);
      expect(lines).toHaveLength(134);
    },
    PROCESSES_TIMEOUT_MS,
  );

  it(
    "shows a group's own help, and suggests a command for a typo",
    async () => {
      const tools = await run(["tools", "--help"]);
      expect(tools.out).toContain("list [options]");
      const typo = await run(["tols"]);
      expect(typo.code).toBe(1);
      expect(typo.err).toContain("unknown command 'tols'");
      expect(typo.err).toContain("(Did you mean tools?)");
    },
    PROCESSES_TIMEOUT_MS,
  );

  it("describes each group in the top-level help with the words the group itself uses", async () => {
    const program = await buildCli([], { all: true });
    for (const group of COMMAND_GROUPS) {
      expect(program.commands.find((c) => c.name() === group.name)?.description(), group.name).toBe(group.description);
    }
    expect(requestedGroup(["help", "tools"])?.name).toBe("tools");
    expect(requestedGroup(["--version"])).toBeUndefined();
  });

  it(
    "start says in one line that PORT is taken, and exits 1",
    async () => {
      const port = await occupiedPort();
      const { dir, cleanup } = makeTempDir();
      cleanups.push(cleanup);
      const result = await run(["start"], {
        cwd: dir,
        env: {
          PORT: String(port),
          SLACK_BOT_TOKEN: "xoxb-cli-test",
          SLACK_SIGNING_SECRET: "0123456789abcdef0123456789abcdef",
          SLACK_API_URL: slack.apiUrl,
          SWITCHBOARD_PERSONAS_FILE: join(ROOT, "data/personas.yml"),
          SWITCHBOARD_LOG_LEVEL: "silent",
        },
      });
      expect(result.err).toBe(`switchboard: PORT ${port} is already in use; set PORT or stop the other process\n`);
      expect(result.code).toBe(1);
    },
    PROCESSES_TIMEOUT_MS,
  );
});
