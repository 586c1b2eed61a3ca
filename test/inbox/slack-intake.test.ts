import { afterEach, describe, expect, it } from "vitest";
import { createInbox } from "../../src/inbox/inbox.js";
import { acceptSlackIntake, signedRequestKey, slackHttpIntake, slackSocketIntake } from "../../src/inbox/slack-intake.js";
import { SqliteInboxQueue } from "../../src/store/inbox-repo.js";
import { type TempDb, tempDb } from "./helpers.js";

let temp: TempDb | undefined;
afterEach(() => temp?.cleanup());

const json = { "content-type": "application/json", "x-slack-request-timestamp": "1764000000" };
const form = (ts: string) => ({ "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": ts });

const mention = (eventId: string, type = "app_mention") =>
  JSON.stringify({
    type: "event_callback",
    team_id: "T1",
    event_id: eventId,
    event: { type, channel: "C1", ts: "171.2", thread_ts: "170.1", text: "<@U0> hi" },
  });

describe("Slack requests into the inbox", () => {
  it("keys an event by its id and by team+channel+ts, ordered per thread", () => {
    const intake = slackHttpIntake(mention("Ev1"), json);
    expect(intake).toMatchObject({
      work: true,
      item: { source: "slack", topic: "slack.event", orderingKey: "slack:C1:170.1" },
      dedupeKeys: ["slack:event:Ev1", "slack:message:T1:C1:171.2"],
    });
  });

  it("starts one piece of work for a Slack retry, and for the mention and message events of one message", async () => {
    temp = tempDb();
    const inbox = createInbox({ queue: new SqliteInboxQueue(temp.db), maxAttempts: 3, timers: false });
    const first = await acceptSlackIntake(inbox, slackHttpIntake(mention("Ev1"), json));
    const retry = await acceptSlackIntake(
      inbox,
      slackHttpIntake(mention("Ev1"), { ...json, "x-slack-retry-num": "1", "x-slack-request-timestamp": "1764000009" }),
    );
    const messageEvent = await acceptSlackIntake(inbox, slackHttpIntake(mention("Ev2", "message"), json));
    expect(first).toEqual({ accepted: true, id: "1" });
    expect(retry).toEqual({ accepted: false, duplicateOf: "1" });
    expect(messageEvent).toEqual({ accepted: false, duplicateOf: "1" });

    // A slash command replayed byte for byte (same body, same signed timestamp) starts nothing; a new one does.
    const command = "command=%2Fswitchboard&text=ask+refunds&user_id=U1&channel_id=C1&trigger_id=t1";
    expect(await acceptSlackIntake(inbox, slackHttpIntake(command, form("1764000100")))).toEqual({ accepted: true, id: "2" });
    expect(await acceptSlackIntake(inbox, slackHttpIntake(command, form("1764000100")))).toEqual({ accepted: false, duplicateOf: "2" });
    expect(await acceptSlackIntake(inbox, slackHttpIntake(command, form("1764000200")))).toEqual({ accepted: true, id: "3" });
    expect(await acceptSlackIntake(inbox, slackHttpIntake(JSON.stringify({ type: "url_verification", challenge: "x" }), json))).toEqual({
      ignored: "url_verification is answered by the receiver",
    });
  });

  it("reads commands, button clicks and modal submissions with the right topic and ordering", () => {
    const command = slackHttpIntake("command=%2Fswitchboard&text=jobs&channel_id=C1", form("1"));
    expect(command).toMatchObject({ work: true, item: { topic: "slack.command", payload: { command: "/switchboard", text: "jobs" } } });
    expect(command.work && command.item.orderingKey).toBeUndefined();
    expect(command.work && command.dedupeKeys).toEqual([signedRequestKey("command=%2Fswitchboard&text=jobs&channel_id=C1", "1")]);

    const click = { type: "block_actions", channel: { id: "C1" }, message: { ts: "180.5", thread_ts: "170.1" }, actions: [{ action_id: "approve" }] };
    const clickBody = `payload=${encodeURIComponent(JSON.stringify(click))}`;
    expect(slackHttpIntake(clickBody, form("2"))).toMatchObject({ work: true, item: { topic: "slack.action", orderingKey: "slack:C1:170.1", payload: click } });
    const view = { type: "view_submission", view: { callback_id: "edit" } };
    expect(slackHttpIntake(`payload=${encodeURIComponent(JSON.stringify(view))}`, form("3"))).toMatchObject({ work: true, item: { topic: "slack.view" } });
    expect(slackHttpIntake("payload=%7Bbroken", form("4"))).toEqual({ work: false, reason: "the interaction payload is not valid JSON" });
  });

  it("keys Socket Mode envelopes by event id, and commands and clicks by envelope id", () => {
    expect(slackSocketIntake({ type: "events_api", envelope_id: "e1", payload: JSON.parse(mention("Ev9")) })).toMatchObject({
      dedupeKeys: ["slack:event:Ev9", "slack:message:T1:C1:171.2"],
    });
    expect(slackSocketIntake({ type: "slash_commands", envelope_id: "e2", payload: { command: "/switchboard" } })).toMatchObject({
      item: { topic: "slack.command" },
      dedupeKeys: ["slack:envelope:e2"],
    });
    expect(slackSocketIntake({ type: "hello", payload: {} })).toEqual({ work: false, reason: "nothing to do for a hello envelope" });
  });
});
