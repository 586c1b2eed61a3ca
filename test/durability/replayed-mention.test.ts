/**
 * A mention replayed after a crash, through the real app (createApp, the Bolt HTTP receiver, the inbox, the fake
 * Slack server, a SQLite file). The crash is reproduced by leaving the database as a SIGKILL at that moment
 * leaves it: the inbox item back to `running`, then a restart on the same file. The kill harness
 * (kill-harness.test.ts) does the same with real kills at spread-out moments.
 *   - killed after the answer was posted and recorded, before the item was marked done: the replay does not
 *     answer again (and does not even ask the model);
 *   - killed after the working message was posted, before the answer went out: the replay answers once, in that
 *     same working message, so nothing is left saying "Working on it…"; when the kill came while that post was
 *     in flight (Slack has it, its ts was never recorded), the replay finds it in the thread.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { SlackCall } from "../fakes/fake-slack-server.js";
import { ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { eventCallback } from "../fakes/signed-request.js";
import { type Harness, startHarness } from "../slack/harness.js";

const mention = (ts: string, text: string) => ({ type: "app_mention", user: "U0ASKER", text: `<@UBOT> ${text}`, ts, channel: "C1", event_ts: ts });

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** What a SIGKILL before the inbox marked the item done leaves: the item still `running`. Returns its id. */
function leaveLastItemRunning(h: Harness): number {
  const row = h.deps.db.prepare("SELECT id FROM inbox_items WHERE topic = 'slack.event' ORDER BY id DESC LIMIT 1").get() as { id: number };
  h.deps.db.prepare("UPDATE inbox_items SET status = 'running', finished_at = NULL WHERE id = ?").run(row.id);
  return row.id;
}

async function replayed(h: Harness, itemId: number): Promise<void> {
  await until("the replayed item to be done", () => {
    const row = h.deps.db.prepare("SELECT status FROM inbox_items WHERE id = ?").get(itemId) as { status: string };
    return row.status === "done";
  });
  await h.idle();
}

const text = (call: SlackCall) => JSON.stringify(call.args);
/** The last content Slack holds for each message of the thread, by ts. */
function threadMessages(calls: readonly SlackCall[], threadTs: string): Map<string, string> {
  const messages = new Map<string, string>();
  for (const call of calls) {
    if (call.method === "chat.postMessage" && call.args.thread_ts === threadTs) messages.set(String(call.result?.ts), text(call));
    if (call.method === "chat.update" && messages.has(String(call.args.ts))) messages.set(String(call.args.ts), text(call));
  }
  return messages;
}

describe("a mention replayed after a crash", () => {
  it("is not answered again when its answer was already posted", async () => {
    const second = new ScriptedChatModel([say("Answer B: should not be used.")]);
    harness = await startHarness({ model: (boot) => (boot === 0 ? new ScriptedChatModel([say("Answer A: 12 open.")]) : second) });
    const ts = "1700000300.000100";
    await harness.send(eventCallback(mention(ts, "how many are open?"), { eventId: "EvR1" }));
    await harness.idle();
    expect([...threadMessages(harness.slack.calls, ts).values()].filter((m) => m.includes("Answer A"))).toHaveLength(1);

    const itemId = leaveLastItemRunning(harness);
    const callsBefore = harness.slack.calls.length;
    await harness.restart();
    await replayed(harness, itemId);

    expect(second.calls).toHaveLength(0);
    const after = harness.slack.calls.slice(callsBefore).filter((c) => c.method === "chat.postMessage" || c.method === "chat.update");
    expect(after).toEqual([]);
    const history = harness.deps.db.prepare("SELECT role, text FROM thread_messages WHERE thread_ts = ? ORDER BY id").all(ts);
    expect(history).toEqual([
      { role: "user", text: "how many are open?" },
      { role: "assistant", text: "Answer A: 12 open." },
    ]);
  });

  it.each([
    ["its ts was recorded", false],
    ["it died before the post's answer (the ts) came back", true],
  ])("answers once, in the working message the stopped attempt left (%s), when the answer never went out", async (_, unrecorded) => {
    const second = new ScriptedChatModel([
      (context) => {
        // The question is asked once: the replay does not repeat it as history.
        const asked = context.messages.filter((m) => m.getType() === "human" && String(m.content).includes("how many are urgent?"));
        return say(`Answer B: 3 urgent (question seen ${asked.length} time).`);
      },
    ]);
    harness = await startHarness({ model: (boot) => (boot === 0 ? new ScriptedChatModel([say("Answer A: lost on the way.")]) : second) });
    const ts = unrecorded ? "1700000300.000300" : "1700000300.000200";
    // Every chat.update fails, so the first attempt's answer never reaches Slack (as if it died before posting it).
    harness.slack.rateLimit("chat.update", 1, 1000);
    await harness.send(eventCallback(mention(ts, "how many are urgent?"), { eventId: "EvR2" }));
    await harness.idle();
    const before = threadMessages(harness.slack.calls, ts);
    expect(before.size).toBe(1);
    expect([...before.values()][0]).toMatch(/Working on it/);
    const workingTs = [...before.keys()][0];

    const itemId = leaveLastItemRunning(harness);
    // Slack has the working message, but a process killed while the post was in flight never learned its ts.
    if (unrecorded) harness.deps.db.prepare("DELETE FROM processed_events WHERE key LIKE 'reply:%:working:%'").run();
    harness.slack.rateLimit("chat.update", 1, 0);
    await harness.restart();
    await replayed(harness, itemId);

    const messages = threadMessages(harness.slack.calls, ts);
    expect([...messages.keys()]).toEqual([workingTs]);
    expect(messages.get(workingTs)).toContain("Answer B: 3 urgent (question seen 1 time).");
    expect(harness.slack.calls.some((c) => c.method === "chat.update" && c.args.ts === workingTs && text(c).includes("working on it again"))).toBe(true);
    expect(harness.slack.callsTo("conversations.replies")).toHaveLength(unrecorded ? 1 : 0);
    const history = harness.deps.db.prepare("SELECT role, text FROM thread_messages WHERE thread_ts = ? ORDER BY id").all(ts);
    expect(history).toEqual([
      { role: "user", text: "how many are urgent?" },
      { role: "assistant", text: "Answer B: 3 urgent (question seen 1 time)." },
    ]);
  });
});
