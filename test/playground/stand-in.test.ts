/**
 * The Slack stand-in without a browser: the real @slack/web-api client against its Web API, and a recording
 * HTTP server in the app's place to check that what the page does arrives signed and shaped as Slack sends it.
 */
import { createHmac } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { WebClient } from "@slack/web-api";
import { afterEach, describe, expect, it } from "vitest";
import { generateDemoWorkspace } from "../../src/emulator/demo/generate.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.js";
import { createSilentLogger } from "../../src/logger.js";
import { pageFolder } from "../../src/playground/page-assets.js";
import { slackSignature } from "../../src/playground/request-signer.js";
import { type RunningPlayground, startPlayground } from "../../src/playground/start-playground.js";
import { type LocalServer, type RecordedRequest, sendJson, startLocalServer } from "../helpers/local-server.js";
import { makeTempDir } from "../helpers/temp-dir.js";

let playground: RunningPlayground | undefined;
let emulator: RunningEmulator | undefined;
let app: LocalServer | undefined;

afterEach(async () => {
  await playground?.close();
  await emulator?.close();
  await app?.close();
  playground = emulator = app = undefined;
});

/** A stand-in for the app: answers like Bolt (an ack body for commands, empty otherwise) and records requests. */
async function startFakeApp(ack: (request: RecordedRequest) => unknown = () => undefined): Promise<LocalServer> {
  return startLocalServer((request, response) => {
    const body = ack(request);
    if (body === undefined) response.writeHead(200).end();
    else sendJson(response, 200, body);
  });
}

async function start(options: { ack?: (request: RecordedRequest) => unknown; webhooks?: boolean } = {}) {
  app = await startFakeApp(options.ack);
  emulator = await startEmulator({ port: 0, conversations: 10, seed: 3, generate: generateDemoWorkspace });
  const running = emulator;
  playground = await startPlayground({ logger: createSilentLogger(), emulator: { url: running.url, token: running.token }, appUrl: app.baseUrl });
  const client = new WebClient(playground.botToken, { slackApiUrl: playground.slackApiUrl, retryConfig: { retries: 0 } });
  return { client, playground, app, emulator: running };
}

const ui = (pg: RunningPlayground, path: string, body: unknown) =>
  fetch(new URL(path, pg.url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

function verified(request: RecordedRequest, secret: string): boolean {
  const timestamp = Number(request.headers["x-slack-request-timestamp"]);
  return request.headers["x-slack-signature"] === slackSignature(secret, timestamp, request.rawBody) && Math.abs(Date.now() / 1000 - timestamp) < 300;
}

function tinyPng(): Buffer {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#4a154b"/></svg>';
  return Buffer.from(new Resvg(svg).render().asPng());
}

describe("the Slack Web API stand-in", () => {
  it("answers the methods the app calls the way Slack does, and refuses a wrong token", async () => {
    const { client, playground: pg } = await start();
    const auth = await client.auth.test();
    expect(auth).toMatchObject({ ok: true, user_id: pg.workspace.bot.id, team_id: pg.workspace.teamId, bot_id: pg.workspace.bot.botId });

    const posted = await client.chat.postMessage({
      channel: pg.workspace.supportChannel,
      text: "hello",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "*hi*" } }],
    });
    expect(posted.ts).toMatch(/^\d+\.\d{6}$/);
    const reply = await client.chat.postMessage({ channel: "#support", thread_ts: posted.ts!, text: "in the thread" });
    expect(reply.channel).toBe(pg.workspace.supportChannel);
    await client.chat.update({ channel: pg.workspace.supportChannel, ts: posted.ts!, text: "hello again", blocks: [] });
    await client.chat.postEphemeral({ channel: pg.workspace.supportChannel, user: pg.workspace.person.id, text: "psst" });
    const dm = await client.chat.postMessage({ channel: pg.workspace.person.id, text: "to the person" });
    expect(dm.channel).toBe(pg.workspace.dmChannel);

    const messages = pg.state.messages;
    expect(messages.map((m) => m.text)).toEqual(["hello again", "in the thread", "psst", "to the person"]);
    expect(messages[0].edited).toBe(true);
    expect(messages[1].threadTs).toBe(posted.ts);
    expect(messages[2].ephemeralTo).toBe(pg.workspace.person.id);
    const thread = await client.conversations.replies({ channel: pg.workspace.supportChannel, ts: posted.ts! });
    expect(thread.messages?.map((m) => m.text)).toEqual(["hello again", "in the thread"]);

    const user = await client.users.info({ user: pg.workspace.person.id });
    expect(user.user?.profile?.email).toBe(pg.workspace.person.email);
    await expect(client.chat.postMessage({ channel: "C0NOWHERE", text: "x" })).rejects.toMatchObject({ data: { error: "channel_not_found" } });
    await expect(
      client.views.open({ trigger_id: "made-up", view: { type: "modal", title: { type: "plain_text", text: "x" }, blocks: [] } }),
    ).rejects.toMatchObject({
      data: { error: "invalid_trigger_id" },
    });
    await expect(client.apiCall("chat.scheduleMessage", { channel: "C1" })).rejects.toMatchObject({ data: { error: "unknown_method" } });
    const stranger = new WebClient("xoxb-someone-else", { slackApiUrl: pg.slackApiUrl, retryConfig: { retries: 0 } });
    await expect(stranger.auth.test()).rejects.toMatchObject({ data: { error: "invalid_auth" } });
  });

  it("takes a PNG through files.uploadV2 (external upload) and serves the same bytes to the page", async () => {
    const { client, playground: pg } = await start();
    const png = tinyPng();
    const result = await client.filesUploadV2({
      channel_id: pg.workspace.productChannel,
      file: png,
      filename: "themes.png",
      title: "Themes this week",
      initial_comment: "The digest",
    });
    expect(result.ok).toBe(true);
    const message = pg.state.messages.find((m) => m.files?.length);
    expect(message).toMatchObject({ channel: pg.workspace.productChannel, text: "The digest" });
    const file = message!.files![0];
    expect(file).toMatchObject({ title: "Themes this week", mimetype: "image/png" });
    const served = await fetch(file.url);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  it("publishes a Home view per user and rejects a view of the wrong type", async () => {
    const { client, playground: pg } = await start();
    await client.views.publish({
      user_id: pg.workspace.person.id,
      view: { type: "home", blocks: [{ type: "header", text: { type: "plain_text", text: "Home" } }] },
    });
    await client.views.publish({
      user_id: pg.workspace.person.id,
      view: { type: "home", blocks: [{ type: "header", text: { type: "plain_text", text: "Home 2" } }] },
    });
    const homes = [...pg.state.views.values()].filter((v) => v.type === "home");
    expect(homes).toHaveLength(1);
    expect(JSON.stringify(homes[0].view)).toContain("Home 2");
    await expect(client.views.publish({ user_id: pg.workspace.person.id, view: { type: "modal" } as never })).rejects.toMatchObject({
      data: { error: "invalid_arguments" },
    });
  });
});

describe("what the page does reaches the app as Slack sends it", () => {
  it("a slash command is a signed form post; the ack's text shows as an ephemeral reply", async () => {
    const { playground: pg, app: fake } = await start({ ack: (r) => (r.rawBody.includes("command=") ? { text: "usage goes here" } : undefined) });
    const response = await ui(pg, "/ui/compose", { channel: pg.workspace.supportChannel, text: "/switchboard help" });
    expect(response.status).toBe(200);
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe("/slack/events");
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(verified(request, pg.signingSecret)).toBe(true);
    const form = new URLSearchParams(request.rawBody);
    expect(Object.fromEntries(form)).toMatchObject({
      command: "/switchboard",
      text: "help",
      channel_id: pg.workspace.supportChannel,
      channel_name: "support",
      user_id: pg.workspace.person.id,
      team_id: pg.workspace.teamId,
    });
    expect(form.get("response_url")).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/response\//);
    expect(pg.state.messages.at(-1)).toMatchObject({ text: "usage goes here", ephemeralTo: pg.workspace.person.id });

    // respond() later posts to the response_url; an in_channel answer is visible to everyone.
    await fetch(form.get("response_url")!, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ response_type: "in_channel", text: "for all" }),
    });
    expect(pg.state.messages.at(-1)?.text).toBe("for all");
    expect(pg.state.messages.at(-1)?.ephemeralTo).toBeUndefined();
  });

  it("@switchboard in a channel is a message event and an app_mention event, both signed JSON with the mention markup", async () => {
    const { playground: pg, app: fake } = await start();
    await ui(pg, "/ui/compose", { channel: pg.workspace.supportChannel, text: "@switchboard what is waiting longest?" });
    const events = fake.requests.map(
      (r) => r.body as { type: string; event: { type: string; text: string; channel_type?: string; ts: string }; event_id: string },
    );
    expect(events.map((e) => e.event.type).sort()).toEqual(["app_mention", "message"]);
    for (const request of fake.requests) expect(verified(request, pg.signingSecret)).toBe(true);
    expect(events[0].type).toBe("event_callback");
    expect(events[0].event.text).toBe(`<@${pg.workspace.bot.id}> what is waiting longest?`);
    expect(new Set(events.map((e) => e.event_id)).size).toBe(2);
    expect(events.find((e) => e.event.type === "message")?.event.channel_type).toBe("channel");
    expect(events[0].event.ts).toBe(pg.state.messages.at(-1)?.ts);

    fake.requests.length = 0;
    await ui(pg, "/ui/compose", { channel: pg.workspace.dmChannel, text: "hello" });
    expect(fake.requests.map((r) => (r.body as { event: { type: string; channel_type: string } }).event)).toEqual([
      expect.objectContaining({ type: "message", channel_type: "im" }),
    ]);
  });

  it("a button click is a block_actions form post carrying the message as the app posted it", async () => {
    const { client, playground: pg, app: fake } = await start();
    const posted = await client.chat.postMessage({
      channel: pg.workspace.supportChannel,
      text: "card",
      blocks: [
        {
          type: "actions",
          elements: [{ type: "button", action_id: "approval_approve", value: "ref-1", style: "primary", text: { type: "plain_text", text: "Approve" } }],
        },
      ],
    });
    const blockId = (pg.state.messages[0].blocks![0] as { block_id: string }).block_id;
    expect(blockId).toBeTruthy();
    await ui(pg, "/ui/action", { channel: pg.workspace.supportChannel, ts: posted.ts, blockId, actionId: "approval_approve" });
    const request = fake.requests.at(-1)!;
    expect(verified(request, pg.signingSecret)).toBe(true);
    const payload = JSON.parse(new URLSearchParams(request.rawBody).get("payload")!);
    expect(payload).toMatchObject({
      type: "block_actions",
      user: { id: pg.workspace.person.id },
      channel: { id: pg.workspace.supportChannel },
      container: { type: "message", message_ts: posted.ts },
      message: { ts: posted.ts, text: "card" },
      actions: [{ action_id: "approval_approve", value: "ref-1", block_id: blockId, type: "button" }],
    });
    expect(payload.trigger_id).toBeTruthy();

    const missing = await ui(pg, "/ui/action", { channel: pg.workspace.supportChannel, ts: posted.ts, blockId, actionId: "not-there" });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toBe("That button is no longer on the message.");
  });

  it("a modal opened from a click gets a view_submission with the typed values; response_action errors stay on the form", async () => {
    const submissions: RecordedRequest[] = [];
    const { client, playground: pg } = await start({
      ack: (r) => {
        const payload = new URLSearchParams(r.rawBody).get("payload");
        if (!payload?.includes("view_submission")) return undefined;
        submissions.push(r);
        return submissions.length === 1 ? { response_action: "errors", errors: { reason: "Say why" } } : undefined;
      },
    });
    const posted = await client.chat.postMessage({
      channel: pg.workspace.supportChannel,
      text: "x",
      blocks: [{ type: "actions", block_id: "a", elements: [{ type: "button", action_id: "go", text: { type: "plain_text", text: "Go" } }] }],
    });
    // Catch the trigger id the click carries, as an app would, and open a modal with it.
    await ui(pg, "/ui/action", { channel: pg.workspace.supportChannel, ts: posted.ts, blockId: "a", actionId: "go" });
    const trigger = JSON.parse(new URLSearchParams(app!.requests.at(-1)!.rawBody).get("payload")!).trigger_id as string;
    const opened = await client.views.open({
      trigger_id: trigger,
      view: {
        type: "modal",
        callback_id: "why",
        private_metadata: "meta",
        title: { type: "plain_text", text: "Why?" },
        submit: { type: "plain_text", text: "Send" },
        blocks: [
          { type: "input", block_id: "reason", label: { type: "plain_text", text: "Reason" }, element: { type: "plain_text_input", action_id: "value" } },
        ],
      },
    });
    const viewId = opened.view!.id!;
    const first = (await (await ui(pg, "/ui/view-submit", { viewId, values: { reason: { value: "" } } })).json()) as { errors?: Record<string, string> };
    expect(first.errors).toEqual({ reason: "Say why" });
    expect(pg.state.modalStacks.get(pg.workspace.person.id)).toEqual([viewId]);
    await ui(pg, "/ui/view-submit", { viewId, values: { reason: { value: "Wrong customer" } } });
    const payload = JSON.parse(new URLSearchParams(submissions[1].rawBody).get("payload")!);
    expect(payload).toMatchObject({
      type: "view_submission",
      view: {
        id: viewId,
        callback_id: "why",
        private_metadata: "meta",
        state: { values: { reason: { value: { type: "plain_text_input", value: "Wrong customer" } } } },
      },
    });
    expect(pg.state.modalStacks.get(pg.workspace.person.id)).toEqual([]);
  });

  it("the emulator's signed webhooks are passed on to the app unchanged", async () => {
    const { playground: pg, app: fake } = await start();
    const body = JSON.stringify({ type: "notification_event", topic: "ping", id: "notif_1" });
    const signature = `sha1=${createHmac("sha1", "secret").update(body).digest("hex")}`;
    const answer = await fetch(pg.webhookUrl, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature": signature }, body });
    expect(answer.status).toBe(200);
    const relayed = fake.requests.at(-1)!;
    expect(relayed.path).toBe("/intercom/webhooks");
    expect(relayed.rawBody).toBe(body);
    expect(relayed.headers["x-hub-signature"]).toBe(signature);
  });
});

describe("the demo buttons", () => {
  it("a customer writes: the emulator gets a new conversation; bad input gets a plain answer", async () => {
    const { playground: pg, emulator: emu } = await start();
    const before = emu.state.count("conversations");
    const ok = await ui(pg, "/ui/demo/customer", { topic: "pin" });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { summary: string }).summary).toMatch(/conversation \d+.*PIN/);
    expect(emu.state.count("conversations")).toBe(before + 1);
    const note = pg.state.messages.at(-1)!;
    expect(note).toMatchObject({ channel: pg.workspace.supportChannel, author: "Playground", ephemeralTo: pg.workspace.person.id });

    await ui(pg, "/ui/demo/customer", { body: "<!channel> look at <https://evil.example|my bank>" });
    expect(pg.state.messages.at(-1)?.text).toContain("“&lt;!channel&gt; look at &lt;https://evil.example|my bank&gt;”");

    const angry = await ui(pg, "/ui/demo/angry", {});
    expect(((await angry.json()) as { summary: string }).summary).toContain("UNACCEPTABLE");

    const bad = await ui(pg, "/ui/demo/customer", { topic: "nope" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'There is no demo topic "nope".' });
    const empty = await ui(pg, "/ui/demo/customer", { body: "  " });
    expect(await empty.json()).toEqual({ error: "Write what the customer says, or pick a demo topic." });
    const notJson = await fetch(new URL("/ui/demo/reset", pg.url), { method: "POST", body: "x" });
    expect(notJson.status).toBe(415);
  });

  it("the page gets live updates over server-sent events", async () => {
    const { client, playground: pg } = await start();
    const controller = new AbortController();
    const stream = await fetch(new URL("/events", pg.url), { signal: controller.signal });
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let seen = "";
    const first = await reader.read();
    seen += decoder.decode(first.value);
    expect(seen).toContain("event: state");
    await client.chat.postMessage({ channel: pg.workspace.productChannel, text: "live!" });
    while (!seen.includes("live!")) seen += decoder.decode((await reader.read()).value);
    controller.abort();
  });
});

describe("the page files", () => {
  it("are found beside the module, or in the sources when running compiled from dist/src/playground", () => {
    const sources = join(import.meta.dirname, "../../src/playground");
    expect(pageFolder(sources)).toBe(join(sources, "page"));
    const temp = makeTempDir("switchboard-page-");
    try {
      mkdirSync(join(temp.dir, "src/playground/page"), { recursive: true });
      writeFileSync(join(temp.dir, "src/playground/page/index.html"), "<!doctype html>");
      mkdirSync(join(temp.dir, "dist/src/playground"), { recursive: true });
      expect(pageFolder(join(temp.dir, "dist/src/playground"))).toBe(join(temp.dir, "src/playground/page"));
    } finally {
      temp.cleanup();
    }
    const empty = makeTempDir("switchboard-nopage-");
    try {
      expect(() => pageFolder(join(empty.dir, "dist/src/playground"))).toThrow(/page files are missing/);
    } finally {
      empty.cleanup();
    }
  });
});
