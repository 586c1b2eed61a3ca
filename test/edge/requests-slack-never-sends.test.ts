/**
 * Requests Slack never sends, correctly signed, through the real HTTP receiver of the whole app: each is
 * answered 4xx at once (no crash, no 500, no 3 s wait then 404, nothing failing later in the background), and
 * the app keeps serving the next ordinary request.
 */
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { buttonClick, eventCallback, type SlackRequest, slashCommand } from "../fakes/signed-request.js";
import { type Harness, startHarness } from "../slack/harness.js";

let h: Harness;
const lines: string[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      callback();
    },
  });
  h = await startHarness({ logger: createLogger({ level: "info", format: "json", destination: sink }) });
});
afterAll(async () => {
  await h?.close();
});

const form = (fields: Record<string, string>): SlackRequest => ({
  body: new URLSearchParams(fields).toString(),
  contentType: "application/x-www-form-urlencoded",
});
const payload = (value: unknown): SlackRequest => form({ payload: JSON.stringify(value) });
const json = (value: unknown): SlackRequest => ({ body: JSON.stringify(value), contentType: "application/json" });

/** The app still answers an ordinary command after whatever came before. */
async function stillServing(): Promise<void> {
  const res = await h.send(slashCommand({ text: "help" }));
  expect(res.status).toBe(200);
  expect(JSON.stringify(await res.json())).toContain("/switchboard");
}

describe("a signed body that is not an object", () => {
  it.each([
    ["payload=null", form({ payload: "null" })],
    ["payload=[]", form({ payload: "[]" })],
    ["payload=42", form({ payload: "42" })],
    ["payload that is not JSON", form({ payload: "{not json" })],
    ["a JSON body of null", json(null)],
  ])("%s is answered 400 and the app stays up", async (_name, request) => {
    const res = await h.send(request);
    expect(res.status).toBe(400);
    expect(res.headers.get("x-slack-no-retry")).toBe("1");
    await stillServing();
  });
});

describe("timestamps more than five minutes from now", () => {
  const now = () => Math.floor(Date.now() / 1000);
  it.each([
    ["10 minutes in the future", 600],
    ["a year in the future", 365 * 24 * 3600],
    ["10 minutes in the past", -600],
  ])("a correctly signed request %s is refused with 401", async (_name, offset) => {
    const res = await h.send(slashCommand({ text: "help" }), { timestamp: now() + offset });
    expect(res.status).toBe(401);
  });

  it("a request four minutes ahead (clock drift) is still served", async () => {
    const res = await h.send(slashCommand({ text: "help" }), { timestamp: now() + 240 });
    expect(res.status).toBe(200);
  });

  it("a bad signature is refused with 401, even for a malformed body", async () => {
    const res = await h.send(form({ payload: "null" }), { secret: "not-the-secret" });
    expect(res.status).toBe(401);
  });
});

describe("malformed interactive payloads", () => {
  const user = { id: "U1", team_id: "T1" };
  it.each([
    ["block_actions without actions", { type: "block_actions", user, team: { id: "T1" } }],
    ["an empty actions list", { type: "block_actions", user, actions: [] }],
    ["an action without action_id", { type: "block_actions", user, actions: [{ type: "button", value: "x" }] }],
    ["an action that is null", { type: "block_actions", user, actions: [null] }],
    ["no user", { type: "block_actions", actions: [{ action_id: "approval_approve", value: "x" }] }],
    ["a null user", { type: "block_actions", user: null, actions: [{ action_id: "approval_approve", value: "x" }] }],
    ["a channel without id", { type: "block_actions", user, channel: {}, actions: [{ action_id: "approval_approve", value: "x" }] }],
    ["a message without ts", { type: "block_actions", user, message: { text: "x" }, actions: [{ action_id: "approval_approve", value: "x" }] }],
    ["a view_submission without a view", { type: "view_submission", user }],
    ["a view_submission with a null view", { type: "view_submission", user, view: null }],
    ["an unknown type", { type: "something_else", user }],
    ["an empty object", {}],
  ])("%s is answered 400 at once", async (_name, body) => {
    const res = await h.send(payload(body));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/^Bad request: the request is malformed: /);
  });

  it("a slash command without a channel is answered 400", async () => {
    const request = slashCommand({ text: "help" });
    const fields = new URLSearchParams(request.body);
    fields.delete("channel_id");
    const res = await h.send(form(Object.fromEntries(fields)));
    expect(res.status).toBe(400);
    await stillServing();
  });
});

describe("events with null fields", () => {
  it.each([
    ["channel: null", { type: "app_mention", user: "U1", text: "<@UBOT> hi", ts: "1700000100.000100", channel: null }],
    ["ts: null", { type: "app_mention", user: "U1", text: "<@UBOT> hi", ts: null, channel: "C1" }],
    ["a message with channel: null", { type: "message", user: "U1", text: "hi", ts: "1700000100.000200", channel: null, channel_type: "im" }],
    ["a message with ts: null", { type: "message", user: "U1", text: "hi", ts: null, channel: "D1", channel_type: "im" }],
    ["an event that is null", null],
  ])("an event with %s is answered 400 and starts no work", async (_name, event) => {
    const before = h.slack.calls.length;
    const request = event === null ? json({ type: "event_callback", event_id: "EvNull", team_id: "T1", event: null }) : eventCallback(event);
    const res = await h.send(request);
    expect(res.status).toBe(400);
    await h.idle();
    expect(h.slack.calls.slice(before).filter((c) => c.method.startsWith("chat."))).toEqual([]);
  });

  it("a well-formed mention after them is answered in its thread", async () => {
    const res = await h.send(eventCallback({ type: "app_mention", user: "U1", text: "<@UBOT> hello", ts: "1700000100.000300", channel: "C1" }));
    expect(res.status).toBe(200);
    await h.idle();
    expect(h.slack.callsTo("chat.postMessage").some((c) => c.args.thread_ts === "1700000100.000300")).toBe(true);
  });
});

describe("an action no listener handles", () => {
  it("is acknowledged with 200, not a 404 after 3 s, and Bolt logs no 'not acknowledged' error", async () => {
    const res = await h.send(buttonClick({ actionId: "retired_button_from_an_old_message", value: "x", messageTs: "1700000200.000100" }));
    expect(res.status).toBe(200);
    await h.idle();
    expect(lines.some((l) => l.includes("No listener handles this Slack request") && l.includes("retired_button_from_an_old_message"))).toBe(true);
    expect(lines.some((l) => l.includes("not acknowledged"))).toBe(false);
  });

  it("a view submission nobody handles is acknowledged too", async () => {
    const res = await h.send(
      payload({
        type: "view_submission",
        team: { id: "T1" },
        user: { id: "U1", team_id: "T1" },
        view: { id: "V9", type: "modal", callback_id: "no_such_modal", state: { values: {} } },
      }),
    );
    expect(res.status).toBe(200);
  });

  it("known buttons still work exactly once: Approve on an unknown approval answers without a double ack", async () => {
    const res = await h.send(buttonClick({ actionId: "approval_approve", value: JSON.stringify({ a: "apr_x", r: "run_x" }), messageTs: "1700000200.000200" }));
    expect(res.status).toBe(200);
    await h.idle();
    expect(lines.some((l) => l.includes("multiple times"))).toBe(false);
  });
});
