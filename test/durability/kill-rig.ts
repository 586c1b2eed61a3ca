/**
 * The SIGKILL harness: the real app as a child process (HTTP mode, signed requests), the Intercom emulator, the
 * fake Slack Web API and a request-driven scripted model in this process. A scenario starts work, kills the
 * child after a given delay, restarts it on the same database, replays Slack's retry (same body, same
 * signature timestamp, X-Slack-Retry-Num: 1), waits until the app's database says it is idle, and reports what
 * it finds, whatever moment the kill landed on. Shared by test/durability and bench/kill-harness.bench.ts.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { generateDemoWorkspace } from "../../src/emulator/demo/generate.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.js";
import { type FakeSlackServer, type SlackCall, startFakeSlack } from "../fakes/fake-slack-server.js";
import { buttonClick, eventCallback, type SlackRequest, signature } from "../fakes/signed-request.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { type ScriptedOpenAI, startScriptedOpenAI } from "./scripted-openai.js";

export const SIGNING_SECRET = "0d1f2e3c4b5a69788796a5b4c3d2e1f0";
export const APPROVER = "U0APPROVER";
export const ASKER = "U0ASKER";
const ROOT = resolve(import.meta.dirname, "../..");

export interface ApproveFindings {
  kind: "approve";
  mark: string;
  delayMs: number;
  /** How many times the reply is in the conversation, counted by the emulator. */
  sent: number;
  /** The ledger's final word on the write (undefined: the write never started). */
  ledger?: string;
  /** Runs of the scenario still running or waiting after recovery. */
  unfinishedRuns: number;
  auditRows: number;
  cardShowsOutcome: boolean;
  threadShowsOutcome: boolean;
  /** Told the person the outcome is uncertain (the only acceptable alternative to sent once). */
  reportedUncertain: boolean;
  /** How the write was settled: by the process that sent it, by reading Intercom back at start, or resent then. */
  settledBy?: "sender" | "read-back" | "resent";
}

export interface MentionFindings {
  kind: "mention";
  mark: string;
  delayMs: number;
  /** Messages in the thread whose final content is the answer (what the person sees). */
  answers: number;
  /** Times an answer was written (posted, or an update that put it in a message): above `answers` when a replay rewrote it. */
  answerWrites: number;
  /** Messages in the thread still showing a working message at the end. */
  staleWorking: number;
  unfinishedRuns: number;
  /** The thread was told to ask again (an honest alternative to an answer). */
  toldToAskAgain: boolean;
}

interface Child {
  process: ChildProcess;
  url: string;
  exited: Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, check: () => T | undefined | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

const callText = (call: SlackCall) => JSON.stringify(call.args);

/** The last content Slack holds for each message posted in the thread, by ts. */
function finalContents(calls: readonly SlackCall[], threadTs: string): Map<string, string> {
  const messages = new Map<string, string>();
  for (const call of calls) {
    if (call.method === "chat.postMessage" && call.args.thread_ts === threadTs) messages.set(String(call.result?.ts), callText(call));
    if (call.method === "chat.update" && messages.has(String(call.args.ts))) messages.set(String(call.args.ts), callText(call));
  }
  return messages;
}

/** Top-level entries modules read relative to themselves (new URL("../vendor/…", import.meta.url)). */
const LINKED = ["vendor", "data", "assets", "package.json", "manifest.yml"];

/**
 * Compiles the sources into a build of the harness's own (tsc, as scripts/build.js does, but not into the shared
 * dist/ that other processes rebuild): each app process then starts as plain JavaScript in about a second instead
 * of being transpiled at every start. Returns the child's entry file.
 */
function buildPrivateCopy(dir: string): string {
  const out = join(dir, "build");
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  const result = spawnSync(
    process.execPath,
    [tsc, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", join(out, "dist"), "--tsBuildInfoFile", join(out, "tsbuildinfo"), "--pretty", "false"],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (!existsSync(join(out, "dist/src/app.js")))
    throw new Error(`tsc wrote no app.js (exit ${result.status}): ${(result.stdout || result.stderr).slice(0, 2000)}`);
  for (const name of LINKED) if (existsSync(join(ROOT, name))) symlinkSync(join(ROOT, name), join(out, "dist", name));
  symlinkSync(join(ROOT, "node_modules"), join(out, "node_modules"), "dir");
  const entry = join(out, "dist/child-app.mjs");
  writeFileSync(entry, readFileSync(join(ROOT, "test/durability/child-app.mjs"), "utf8").replaceAll("../../dist/", "./"));
  return entry;
}

export class KillRig {
  private child: Child | undefined;
  private db: Database.Database | undefined;
  private readonly logPath: string;
  private scenario = 0;
  readonly startTimesMs: number[] = [];

  private constructor(
    private readonly temp: ReturnType<typeof makeTempDir>,
    readonly slack: FakeSlackServer,
    readonly emulator: RunningEmulator,
    readonly model: ScriptedOpenAI,
    private readonly env: Record<string, string>,
    private readonly entry: string,
  ) {
    this.logPath = join(temp.dir, "app.log");
  }

  static async start(): Promise<KillRig> {
    const temp = makeTempDir("switchboard-kill-");
    const entry = buildPrivateCopy(temp.dir);
    const slack = await startFakeSlack();
    const emulator = await startEmulator({ port: 0, conversations: 30, seed: 7, generate: generateDemoWorkspace });
    const model = await startScriptedOpenAI();
    // The shipped personas, with one approver for support (the asker may not approve their own write).
    const personas = readFileSync(join(ROOT, "data/personas.yml"), "utf8").replace("users: []", `users: [${APPROVER}]`);
    const personasFile = join(temp.dir, "personas.yml");
    writeFileSync(personasFile, personas);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: temp.dir,
      SLACK_BOT_TOKEN: "xoxb-kill-harness",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      INTERCOM_BASE_URL: emulator.url,
      INTERCOM_ACCESS_TOKEN: emulator.token,
      OPENAI_BASE_URL: model.baseUrl,
      OPENAI_API_KEY: "sk-kill-harness",
      SWITCHBOARD_DB_PATH: join(temp.dir, "switchboard.db"),
      SWITCHBOARD_SECRET_KEY: Buffer.alloc(32, 9).toString("base64"),
      SWITCHBOARD_PERSONAS_FILE: personasFile,
      SWITCHBOARD_LOG_LEVEL: "warn",
      SWITCHBOARD_LOG_FORMAT: "json",
      PORT: "0",
    };
    const rig = new KillRig(temp, slack, emulator, model, env, entry);
    await rig.boot();
    return rig;
  }

  private async boot(): Promise<void> {
    const started = Date.now();
    const child = spawn(process.execPath, [this.entry], {
      cwd: this.temp.dir,
      env: this.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      writeFileSync(this.logPath, stderr);
    });
    const port = await new Promise<number>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`the app did not start within 60 s:\n${stderr.slice(-2000)}`)), 60_000);
      child.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const match = /READY (\d+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the app exited (${code}) before it was ready:\n${stderr.slice(-2000)}`));
      });
    });
    this.startTimesMs.push(Date.now() - started);
    this.child = { process: child, url: `http://127.0.0.1:${port}/slack/events`, exited };
    this.db ??= new Database(this.env.SWITCHBOARD_DB_PATH as string, { readonly: true, fileMustExist: true });
  }

  private async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.process.kill("SIGKILL");
    await child.exited;
    this.child = undefined;
  }

  private async restart(): Promise<void> {
    await this.kill();
    await this.boot();
  }

  /** Sends a signed request; the response is not awaited (the kill may come first). */
  private send(request: SlackRequest, timestamp: number, retryNum?: number): Promise<number> {
    const headers: Record<string, string> = {
      "content-type": request.contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature(SIGNING_SECRET, timestamp, request.body),
    };
    if (retryNum !== undefined) Object.assign(headers, { "x-slack-retry-num": String(retryNum), "x-slack-retry-reason": "http_timeout" });
    return fetch(this.child!.url, { method: "POST", body: request.body, headers }).then(
      (r) => r.status,
      () => 0,
    );
  }

  private count(sql: string, ...params: unknown[]): number {
    return (this.db!.prepare(sql).get(...params) as { n: number }).n;
  }

  /** Nothing left to do: no inbox item in line or running, no run running, no write executing. */
  async idle(timeoutMs = 60_000): Promise<void> {
    await until(
      "the app to be idle",
      () =>
        this.count("SELECT COUNT(*) AS n FROM inbox_items WHERE status IN ('pending','running')") +
          this.count("SELECT COUNT(*) AS n FROM runs WHERE status = 'running'") +
          this.count("SELECT COUNT(*) AS n FROM write_ledger WHERE status = 'executing'") ===
        0,
      timeoutMs,
    );
  }

  private mentionRequest(text: string, ts: string, eventId: string): SlackRequest {
    return eventCallback({ type: "app_mention", user: ASKER, text: `<@UBOT> ${text}`, ts, channel: "C1", event_ts: ts }, { eventId });
  }

  private nextMark(): { mark: string; ts: string } {
    const n = ++this.scenario;
    return { mark: `MARK-${n}`, ts: `${1_700_100_000 + n}.000100` };
  }

  private conversation(): { id: string; adminId: string } {
    const open = this.emulator.state.all("conversations").find((c) => c.state === "open");
    if (!open) throw new Error("the emulator has no open conversation");
    return { id: String(open.id), adminId: this.emulator.state.workspace.meAdminId };
  }

  private replyCount(conversationId: string, mark: string): number {
    const parts = (this.emulator.state.get("conversations", conversationId)?.conversation_parts?.conversation_parts ?? []) as { body?: unknown }[];
    return parts.filter((p) => String(p.body ?? "").includes(`Reply ${mark} `)).length;
  }

  /** A paused run's card, then Approve, killed `delayMs` after the click was sent. */
  async approveScenario(delayMs: number): Promise<ApproveFindings> {
    const { mark, ts } = this.nextMark();
    const conversation = this.conversation();
    const now = Math.floor(Date.now() / 1000);
    await this.send(this.mentionRequest(`reply ${mark} to conversation ${conversation.id} as admin ${conversation.adminId}`, ts, `Ev${mark}`), now);
    const card = await until(
      `the approval card of ${mark}`,
      () => this.slack.callsTo("chat.postMessage").find((c) => callText(c).includes("approval_approve") && callText(c).includes(mark)),
      60_000,
    );
    await this.idle();
    const blocks = card.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    const value = blocks.find((b) => b.type === "actions")?.elements?.find((e) => e.action_id === "approval_approve")?.value as string;
    const cardTs = String(card.result?.ts);
    const click = buttonClick({ actionId: "approval_approve", value, userId: APPROVER, messageTs: cardTs, threadTs: ts, blocks });
    const clickedAt = Math.floor(Date.now() / 1000);
    const callsBefore = this.slack.calls.length;
    void this.send(click, clickedAt);
    if (delayMs > 0) await sleep(delayMs);
    await this.restart();
    await this.send(click, clickedAt, 1);
    await this.idle();

    const ledger = this.db!.prepare("SELECT status, approval_id, reconciled_at FROM write_ledger WHERE prompt LIKE ? ORDER BY started_at DESC LIMIT 1").get(
      `%${mark}%`,
    ) as { status: string; approval_id: string; reconciled_at: number | null } | undefined;
    const resent =
      ledger !== undefined &&
      this.count("SELECT COUNT(*) AS n FROM audit_log WHERE approval_id = ? AND result LIKE '%resentAfterRestart%'", ledger.approval_id) > 0;
    const after = this.slack.calls.slice(callsBefore);
    const cardUpdates = after.filter((c) => c.method === "chat.update" && c.args.ts === cardTs);
    const threadTexts = after
      .filter((c) => (c.method === "chat.postMessage" && c.args.thread_ts === ts) || (c.method === "chat.update" && c.args.ts !== cardTs))
      .map(callText);
    return {
      kind: "approve",
      mark,
      delayMs,
      sent: this.replyCount(conversation.id, mark),
      ledger: ledger?.status,
      unfinishedRuns: this.count("SELECT COUNT(*) AS n FROM runs WHERE prompt LIKE ? AND status IN ('running','waiting')", `%${mark}%`),
      auditRows: ledger
        ? this.count("SELECT COUNT(*) AS n FROM audit_log WHERE approval_id = ? AND tool = 'INTERCOM_REPLY_TO_CONVERSATION'", ledger.approval_id)
        : 0,
      cardShowsOutcome: cardUpdates.some((c) => /Approved by/.test(callText(c))),
      threadShowsOutcome: threadTexts.some((t) => t.includes(`The reply for ${mark} is done`) || /restarted/.test(t) || /Reply to conversation/.test(t)),
      reportedUncertain: threadTexts.some((t) => /may or may not have been applied/.test(t)),
      settledBy: ledger ? (resent ? "resent" : ledger.reconciled_at !== null ? "read-back" : "sender") : undefined,
    };
  }

  /** An @-mention, killed `delayMs` after it was sent. */
  async mentionScenario(delayMs: number): Promise<MentionFindings> {
    const { mark, ts } = this.nextMark();
    const request = this.mentionRequest(`look up ${mark}`, ts, `Ev${mark}`);
    const sentAt = Math.floor(Date.now() / 1000);
    const callsBefore = this.slack.calls.length;
    void this.send(request, sentAt);
    if (delayMs > 0) await sleep(delayMs);
    await this.restart();
    await this.send(request, sentAt, 1);
    await this.idle();
    const calls = this.slack.calls.slice(callsBefore).filter((c) => c.method === "chat.update" || c.method === "chat.postMessage");
    const texts = calls.map(callText);
    const final = finalContents(calls, ts);
    return {
      kind: "mention",
      mark,
      delayMs,
      answers: [...final.values()].filter((t) => t.includes(`Answer ${mark}`)).length,
      answerWrites: texts.filter((t) => t.includes(`Answer ${mark}`)).length,
      staleWorking: [...final.values()].filter((t) => /Working on it|working on it again/.test(t)).length,
      unfinishedRuns: this.count("SELECT COUNT(*) AS n FROM runs WHERE prompt LIKE ? AND status IN ('running','waiting')", `%${mark}%`),
      toldToAskAgain: texts.some((t) => /restarted while working on this; please ask again/.test(t)),
    };
  }

  /** How long one undisturbed scenario takes from its trigger to idle (ms), to spread the kill points over. */
  async measure(kind: "approve" | "mention"): Promise<number> {
    const { mark, ts } = this.nextMark();
    if (kind === "mention") {
      const started = Date.now();
      await this.send(this.mentionRequest(`look up ${mark}`, ts, `Ev${mark}`), Math.floor(Date.now() / 1000));
      await this.idle();
      return Date.now() - started;
    }
    const conversation = this.conversation();
    await this.send(
      this.mentionRequest(`reply ${mark} to conversation ${conversation.id} as admin ${conversation.adminId}`, ts, `Ev${mark}`),
      Math.floor(Date.now() / 1000),
    );
    const card = await until(
      "a card",
      () => this.slack.callsTo("chat.postMessage").find((c) => callText(c).includes(mark) && callText(c).includes("approval_approve")),
      60_000,
    );
    await this.idle();
    const blocks = card.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    const value = blocks.find((b) => b.type === "actions")?.elements?.find((e) => e.action_id === "approval_approve")?.value as string;
    const started = Date.now();
    await this.send(
      buttonClick({ actionId: "approval_approve", value, userId: APPROVER, messageTs: String(card.result?.ts), threadTs: ts, blocks }),
      Math.floor(Date.now() / 1000),
    );
    await this.idle();
    return Date.now() - started;
  }

  appLog(): string {
    try {
      return readFileSync(this.logPath, "utf8");
    } catch {
      return "";
    }
  }

  async close(): Promise<void> {
    await this.kill();
    this.db?.close();
    await this.slack.close();
    await this.emulator.close();
    await this.model.close();
    this.temp.cleanup();
  }
}

/** Evenly spread kill delays from 0 to `spanMs` (both ends included). */
export function killPoints(count: number, spanMs: number): number[] {
  if (count <= 1) return [0];
  return Array.from({ length: count }, (_, i) => Math.round((i * spanMs) / (count - 1)));
}

/** The verdicts the harness asserts, as plain data (the test and the bench print the same). */
export function summarize(findings: readonly (ApproveFindings | MentionFindings)[]) {
  const approvals = findings.filter((f): f is ApproveFindings => f.kind === "approve");
  const mentions = findings.filter((f): f is MentionFindings => f.kind === "mention");
  return {
    approvals: approvals.length,
    approvalsLost: approvals.filter((f) => f.sent === 0 && !f.reportedUncertain).length,
    approvalsDuplicated: approvals.filter((f) => f.sent > 1).length,
    approvalsUncertain: approvals.filter((f) => f.sent === 0 && f.reportedUncertain).length,
    approvalRunsUnfinished: approvals.filter((f) => f.unfinishedRuns > 0).length,
    approvalsUnaudited: approvals.filter((f) => f.auditRows === 0).length,
    cardsWithoutOutcome: approvals.filter((f) => !f.cardShowsOutcome).length,
    threadsWithoutOutcome: approvals.filter((f) => !f.threadShowsOutcome).length,
    mentions: mentions.length,
    mentionsLost: mentions.filter((f) => f.answers === 0 && !f.toldToAskAgain).length,
    mentionsAnsweredTwice: mentions.filter((f) => f.answers > 1).length,
    mentionRunsUnfinished: mentions.filter((f) => f.unfinishedRuns > 0).length,
    mentionsWithStaleWorking: mentions.filter((f) => f.staleWorking > 0).length,
    /** Not a second answer: a replay rewrote the one answer message (the window described in DESIGN.md). */
    mentionsAnswerRewritten: mentions.filter((f) => f.answers === 1 && f.answerWrites > 1).length,
  };
}
