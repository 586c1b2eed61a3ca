/**
 * `/switchboard themes [days]` through the real app (createApp, the Bolt HTTP receiver, signed requests), the
 * Intercom emulator and the fake Slack server: the command is acknowledged at once, a parent message appears in
 * the command's channel, the digest and its chart land in that message's thread, and the parent then says
 * what was posted. Bad input gets the usage, and nothing is posted.
 */
import { afterEach, describe, expect, it } from "vitest";
import { slashCommand } from "../fakes/signed-request.js";
import { type Harness, startHarness } from "../slack/harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function command(harness: Harness, words: string, channel = "C0PRODUCT") {
  const res = await harness.send(slashCommand({ text: words, user_id: "U0ASKER", channel_id: channel }, `${harness.slack.baseUrl}/response`));
  expect(res.status).toBe(200);
  const body = await res.text();
  return JSON.stringify(body ? JSON.parse(body) : {});
}

describe("/switchboard themes", () => {
  it("posts the digest and its chart in a thread of the command's channel, then says what it posted", async () => {
    h = await startHarness();
    // The harness workspace is small (30 conversations over six weeks), so the whole history is asked for.
    const ack = await command(h, "themes 42");
    expect(ack + JSON.stringify(h.slack.responses)).toContain("Building the themes digest of the last 42 days");
    await h.idle();

    const posts = h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === "C0PRODUCT");
    const parent = posts.find((c) => !c.args.thread_ts);
    expect(String(parent?.args.text)).toContain("Themes of the last 42 days, asked for by <@U0ASKER>");
    const parentTs = String(parent?.result?.ts ?? "");
    expect(parentTs).not.toBe("");
    const digest = posts.find((c) => c.args.thread_ts === parentTs);
    expect(digest, "the digest is posted in the parent's thread").toBeDefined();
    const blocks = digest!.args.blocks as unknown[];
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.length).toBeLessThanOrEqual(50);

    expect(h.slack.callsTo("files.getUploadURLExternal")).toHaveLength(1);
    const completed = h.slack.callsTo("files.completeUploadExternal");
    expect(completed).toHaveLength(1);
    expect(completed[0].args.channel_id).toBe("C0PRODUCT");
    expect(completed[0].args.thread_ts).toBe(parentTs);

    const update = h.slack.callsTo("chat.update").at(-1);
    expect(update?.args.ts).toBe(parentTs);
    expect(String(update?.args.text)).toMatch(/: posted \d+ themes from \d+ conversations and \d+ tickets to C0PRODUCT with the chart\.$/);
  });

  it("answers a bad number of days with the usage and posts nothing", async () => {
    h = await startHarness();
    const ack = await command(h, "themes lots");
    await h.idle();
    expect(ack + JSON.stringify(h.slack.responses)).toContain("`themes` takes a number of days from 1 to 90");
    expect(h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === "C0PRODUCT")).toHaveLength(0);
    expect(h.slack.callsTo("files.getUploadURLExternal")).toHaveLength(0);
  });
});
