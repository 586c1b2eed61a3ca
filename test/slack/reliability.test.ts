import { WebClient } from "@slack/web-api";
import { afterEach, describe, expect, it } from "vitest";
import { createSilentLogger } from "../../src/logger.js";
import { ignoreReason, stripMention } from "../../src/slack/flows/incoming-message.js";
import { KeyedLock } from "../../src/slack/keyed-lock.js";
import { ChannelPostQueue } from "../../src/slack/post-queue.js";
import { SlackPoster } from "../../src/slack/slack-poster.js";
import { openDatabase } from "../../src/store/database.js";
import { OAuthStatesRepo } from "../../src/store/oauth-states-repo.js";
import { eventKey, messageKey, ProcessedEventsRepo } from "../../src/store/processed-events-repo.js";
import { SlackThreadsRepo } from "../../src/store/slack-threads-repo.js";
import { type FakeSlackServer, startFakeSlack } from "../fakes/fake-slack-server.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDb() {
  const t = makeTempDir();
  const db = openDatabase(`${t.dir}/s.db`);
  cleanups.push(
    () => t.cleanup(),
    () => db.close(),
  );
  return db;
}

describe("dedupe and thread memory in SQLite", () => {
  it("claims a key once, even across a reopen of the file", () => {
    const t = makeTempDir();
    cleanups.push(() => t.cleanup());
    const first = openDatabase(`${t.dir}/s.db`);
    const repo = new ProcessedEventsRepo(first);
    expect(repo.claim(eventKey("Ev1"))).toBe(true);
    expect(repo.claim(eventKey("Ev1"))).toBe(false);
    expect(repo.claim(messageKey("T1", "C1", "1.2"), eventKey("Ev1"))).toBe(false);
    first.close();
    const second = openDatabase(`${t.dir}/s.db`);
    cleanups.push(() => second.close());
    expect(new ProcessedEventsRepo(second).claim(messageKey("T1", "C1", "1.2"))).toBe(false);
  });

  it("prunes old keys", () => {
    let now = 1000;
    const repo = new ProcessedEventsRepo(tempDb(), () => now, 100);
    repo.claim("a");
    now = 2000;
    expect(repo.prune()).toBe(1);
    expect(repo.claim("a")).toBe(true);
  });

  it("keeps the bot's copy of a thread in order, newest N", () => {
    const repo = new SlackThreadsRepo(tempDb());
    repo.open({ channelId: "C1", threadTs: "1.0", persona: "support", owned: true });
    for (let i = 0; i < 5; i++) repo.append("C1", "1.0", { role: i % 2 ? "assistant" : "user", text: `m${i}` });
    expect(repo.history("C1", "1.0", 3).map((m) => m.text)).toEqual(["m2", "m3", "m4"]);
    repo.open({ channelId: "C1", threadTs: "1.0", persona: "analyst", owned: false });
    expect(repo.get("C1", "1.0")).toMatchObject({ persona: "support", owned: true });
  });

  it("an OAuth state works once, for its provider, before it expires", () => {
    let now = 100;
    const states = new OAuthStatesRepo(tempDb(), () => now);
    const a = states.issue("intercom", "U1", 60);
    expect(states.consume("slack", a.state)).toBeUndefined();
    const b = states.issue("intercom", "U1", 60);
    expect(states.consume("intercom", b.state)?.userId).toBe("U1");
    expect(states.consume("intercom", b.state)).toBeUndefined();
    const c = states.issue("intercom", undefined, 60);
    now = 200;
    expect(states.consume("intercom", c.state)).toBeUndefined();
  });
});

describe("message rules", () => {
  it("ignores bots, itself, edits and channel chatter; takes mentions, own threads and DMs", () => {
    const base = { channel: "C1", ts: "1.1", user: "U1", text: "hi", mention: false };
    expect(ignoreReason({ ...base, botId: "B2" }, "UBOT", true)).toBe("from a bot");
    expect(ignoreReason({ ...base, user: "UBOT", mention: true }, "UBOT", false)).toBe("no person");
    expect(ignoreReason({ ...base, subtype: "message_changed" }, "UBOT", true)).toContain("subtype");
    expect(ignoreReason(base, "UBOT", false)).toBe("not addressed to the bot");
    expect(ignoreReason({ ...base, mention: true }, "UBOT", false)).toBeUndefined();
    expect(ignoreReason(base, "UBOT", true)).toBeUndefined();
    expect(ignoreReason({ ...base, channelType: "im" }, "UBOT", false)).toBeUndefined();
    expect(stripMention("<@UBOT>  what is  open?", "UBOT")).toBe("what is open?");
  });
});

describe("posting to Slack", () => {
  let slack: FakeSlackServer;
  afterEach(() => slack?.close());

  it("honours a 429 Retry-After per channel and keeps one channel's posts in order", async () => {
    slack = await startFakeSlack();
    const waits: number[] = [];
    const queue = new ChannelPostQueue({ logger: createSilentLogger(), sleep: async (ms) => void waits.push(ms) });
    const client = new WebClient("xoxb-test", { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
    const poster = new SlackPoster(client, queue);
    slack.rateLimit("chat.postMessage", 7, 1);
    await Promise.all([poster.post("C1", { text: "one" }), poster.post("C1", { text: "two" }), poster.post("C1", { text: "three" })]);
    expect(waits).toEqual([7000]);
    expect(queue.rateLimitedWaits).toBe(1);
    expect(slack.calls.map((c) => `${c.method}:${c.args.text}`)).toEqual([
      "chat.postMessage (429):one",
      "chat.postMessage:one",
      "chat.postMessage:two",
      "chat.postMessage:three",
    ]);
    expect(queue.activeChannels).toBe(0);
  });

  it("gives up after the retry budget and reports the error", async () => {
    slack = await startFakeSlack();
    const queue = new ChannelPostQueue({ sleep: async () => {}, maxRateLimitRetries: 2 });
    const client = new WebClient("xoxb-test", { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
    slack.rateLimit("chat.update", 1, 5);
    await expect(new SlackPoster(client, queue).update("C1", "1.1", { text: "x" })).rejects.toMatchObject({ code: "slack_webapi_rate_limited_error" });
  });
});

describe("per-conversation lock", () => {
  it("runs tasks on one conversation one after another, others in parallel", async () => {
    const lock = new KeyedLock();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const reply = lock.run(["c1"], async () => {
      order.push("reply:start");
      await gate;
      order.push("reply:end");
    });
    const close = lock.run(["c1"], async () => void order.push("close"));
    const other = lock.run(["c2"], async () => void order.push("other"));
    await other;
    expect(order).toEqual(["reply:start", "other"]);
    release();
    await Promise.all([reply, close]);
    expect(order).toEqual(["reply:start", "other", "reply:end", "close"]);
    expect(lock.isBusy("c1")).toBe(false);
  });

  it("a failed task does not block the next", async () => {
    const lock = new KeyedLock();
    await expect(lock.run(["c"], async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(lock.run(["c"], async () => 2)).resolves.toBe(2);
  });
});
