/**
 * Issue 11's "Done when", walked as a newcomer walks it: `switchboard playground` (what `npm start` runs with no
 * Slack credentials) in one process, then, from a second one, the command its banner prints to play a customer.
 * The draft must reach the page's #support, a Send (the page's own HTTP action) must put exactly one reply with
 * the link in the emulator, and an unanswered question must get no reply and a gap note. Real processes, the
 * real emulator over loopback, waits on conditions only.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildConfig, envSchema } from "../../src/config.js";
import { createSilentLogger } from "../../src/logger.js";
import { type LaunchedPlayground, launchPlayground } from "../../src/playground/launch-playground.js";
import { playgroundBanner, simulateCommand } from "../../src/playground/run-playground.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const ROOT = resolve(import.meta.dirname, "../..");
const PROCESS_TIMEOUT_MS = 120_000;

interface Running {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** The CLI from its sources (no dist/ build, so a file another engineer is editing cannot start a rebuild). */
function cli(args: string[]): Running {
  const child = spawn(process.execPath, ["--import", "tsx/esm", "src/cli.ts", ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SWITCHBOARD_LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  let err = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
  return { child, out: () => out, err: () => err, exited };
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The words of a printed command line, with its one double-quoted argument kept whole. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

interface PageMessage {
  channel: string;
  ts: string;
  text: string;
  blocks?: { type: string; block_id?: string; elements?: { action_id?: string; value?: string }[] }[];
}

async function pageMessages(pageUrl: string): Promise<PageMessage[]> {
  const state = (await (await fetch(new URL("/state", pageUrl))).json()) as { messages: PageMessage[] };
  return state.messages;
}

async function conversationParts(emulatorUrl: string, token: string, id: string): Promise<{ part_type: string; author: { type: string }; body: string }[]> {
  const response = await fetch(new URL(`/conversations/${id}`, emulatorUrl), { headers: { Authorization: `Bearer ${token}` } });
  const conversation = (await response.json()) as {
    conversation_parts: { conversation_parts: { part_type: string; author: { type: string }; body: string }[] };
  };
  return conversation.conversation_parts.conversation_parts;
}

function holdPort(): Promise<{ server: Server; port: number }> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => done({ server, port: (server.address() as { port: number }).port }));
  });
}

describe("issue 11's Done when, from a shell", () => {
  it("the playground's emulator takes the port `emulator simulate` calls, so the issue's command needs no --url", () => {
    expect(simulateCommand({ url: "http://127.0.0.1:4010", token: "emulator-token" }, "How do I change my PIN?")).toBe(
      'npx switchboard emulator simulate conversation --body "How do I change my PIN?"',
    );
    expect(simulateCommand({ url: "http://127.0.0.1:4321", token: "emulator-token" }, "Hi")).toBe(
      'npx switchboard emulator simulate conversation --url http://127.0.0.1:4321 --body "Hi"',
    );
  });

  it("a taken emulator port falls back to a free one, the banner names it, and a reset keeps it", async () => {
    const held = await holdPort();
    cleanups.push(() => new Promise((done) => held.server.close(() => done())));
    const temp = makeTempDir("switchboard-done-when-");
    cleanups.push(async () => temp.cleanup());
    const env = envSchema.parse({ SWITCHBOARD_LOG_LEVEL: "silent", SWITCHBOARD_PERSONAS_FILE: resolve(ROOT, "data/personas.yml"), PORT: "0" });
    const config = buildConfig(env, temp.dir);
    const playground: LaunchedPlayground = await launchPlayground({
      config,
      logger: createSilentLogger(),
      port: 0,
      emulatorPort: held.port,
      conversations: 40,
      seed: 7,
    });
    cleanups.unshift(() => playground.close());
    const first = playground.emulator().url;
    expect(new URL(first).port).not.toBe(String(held.port));
    const banner = playgroundBanner(playground.url, config, playground.emulator());
    expect(banner).toContain(`--url ${first} --body "How do I change my PIN?"`);
    // The page says the demo is bound to 127.0.0.1: the app behind it listens there too, not on every interface.
    expect(playground.app().host).toBe("127.0.0.1");
    const reset = await fetch(new URL("/ui/demo/reset", playground.url), { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(reset.status).toBe(200);
    expect(playground.emulator().url).toBe(first);
    expect(playground.app().host).toBe("127.0.0.1");
  });

  it(
    "the banner's command puts a draft citing the PIN article in #support; Send replies once; an unanswered question gets a gap note only",
    async () => {
      const playground = cli(["playground", "--port", "0"]);
      const banner = await until(
        "the playground's banner",
        () => {
          if (playground.child.exitCode !== null) throw new Error("the playground exited");
          return /A customer writes[^\n]*\n\s+(npx switchboard [^\n]+)/.test(playground.out()) ? playground.out() : undefined;
        },
        90_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; the playground printed:\n${playground.out()}\n${playground.err()}`);
      });
      const pageUrl = /Switchboard playground: (\S+)/.exec(banner)![1];
      const [, emulatorUrl, token] = /Intercom emulator: (\S+) \(token (\S+)\)/.exec(banner)!;
      const command = words(/A customer writes[^\n]*\n\s+(npx switchboard [^\n]+)/.exec(banner)![1]).slice(2);
      expect(command.slice(0, 3)).toEqual(["emulator", "simulate", "conversation"]);

      // The page's address is the one a newcomer tries first: a plain line, not a crash report.
      const wrongUrl = cli(["emulator", "simulate", "conversation", "--url", pageUrl, "--body", "hello"]);
      expect(await wrongUrl.exited).toBe(1);
      expect(wrongUrl.err()).toContain("is not an Intercom emulator");
      expect(wrongUrl.err()).not.toContain("Something went wrong");

      const simulated = cli(command);
      expect(await simulated.exited, simulated.err()).toBe(0);
      const conversationId = /Created conversation (\S+)/.exec(simulated.out())![1];

      const draft = await until("the draft in #support", async () =>
        (await pageMessages(pageUrl)).find((m) => m.channel === "C0SUPPORT1" && m.text.startsWith("FAQ draft") && m.text.includes("PIN")),
      );
      const card = JSON.stringify(draft.blocks);
      expect(card).toContain("unblocking-or-changing-your-pin");
      const actions = draft.blocks!.find((b) => b.type === "actions")!;
      const send = actions.elements!.find((e) => e.action_id === "faq_send")!;
      const click = await fetch(new URL("/ui/action", pageUrl), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel: draft.channel, ts: draft.ts, blockId: actions.block_id, actionId: "faq_send", value: send.value }),
      });
      expect(click.status).toBe(200);
      const replies = await until("the reply in Intercom", async () => {
        const parts = (await conversationParts(emulatorUrl, token, conversationId)).filter((p) => p.part_type === "comment" && p.author.type === "admin");
        return parts.length > 0 ? parts : undefined;
      });
      await until("the card's outcome", async () => {
        const card = (await pageMessages(pageUrl)).find((m) => m.ts === draft.ts);
        return card && JSON.stringify(card.blocks).includes("Sent to the customer") ? card : undefined;
      });
      expect(replies).toHaveLength(1);
      expect(replies[0].body).toContain('href="https://help.kestrel.example/en/articles/9800014-unblocking-or-changing-your-pin"');
      expect((await conversationParts(emulatorUrl, token, conversationId)).filter((p) => p.author.type === "admin")).toHaveLength(1);

      const unanswered = cli([
        ...command.filter((w, i, all) => w !== "--body" && all[i - 1] !== "--body"),
        "--body",
        "Do you sponsor the local football club?",
      ]);
      expect(await unanswered.exited, unanswered.err()).toBe(0);
      const unansweredId = /Created conversation (\S+)/.exec(unanswered.out())![1];
      const gap = await until("the gap note", async () =>
        (await pageMessages(pageUrl)).find(
          (m) => m.channel === "C0SUPPORT1" && m.text.startsWith("Knowledge-base gap") && JSON.stringify(m.blocks).includes("football"),
        ),
      );
      expect(JSON.stringify(gap.blocks)).toContain("No reply was sent.");
      expect(await conversationParts(emulatorUrl, token, unansweredId)).toEqual([]);

      playground.child.kill("SIGTERM");
      expect(await playground.exited).toBe(0);
    },
    PROCESS_TIMEOUT_MS,
  );
});
