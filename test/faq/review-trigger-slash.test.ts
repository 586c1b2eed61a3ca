/**
 * `/switchboard faq` through the real app (Bolt's HTTP receiver, signed requests, the fake Slack Web API, the
 * emulator) with the support persona limited to one channel: no question gets usage help, a question in another
 * channel gets a plain refusal and nothing posted there, and in the persona's channel the answer is threaded and
 * cites the article as a link.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPersonas, type Persona } from "../../src/agent/personas.js";
import { slashCommand } from "../fakes/signed-request.js";
import { type Harness, startHarness } from "../slack/harness.js";

const SUPPORT = "C0SUPPORT1";
const ELSEWHERE = "C0GENERAL1";
let h: Harness;
beforeAll(async () => {
  const personas = loadPersonas(join(import.meta.dirname, "../../data/personas.yml")).map(
    (p): Persona => (p.name === "support" ? { ...p, channels: [SUPPORT] } : p),
  );
  h = await startHarness({ env: { SWITCHBOARD_SUPPORT_CHANNEL: SUPPORT }, personas });
  await h.app.jobs.run("kb-sync");
});
afterAll(async () => {
  await h?.close();
});

const ask = (text: string, channel: string) => h.send(slashCommand({ text, user_id: "U0ASKER001", channel_id: channel }, `${h.slack.baseUrl}/response`));
const postsIn = (channel: string) => h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === channel);

describe("/switchboard faq", () => {
  it("with no question, answers with usage help", async () => {
    const res = await ask("faq", SUPPORT);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("/switchboard faq");
  });

  it("in a channel the persona does not answer in, says so and posts nothing there", async () => {
    const res = await ask("faq how do I change my PIN?", ELSEWHERE);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("does not answer in this channel");
    await h.idle();
    expect(postsIn(ELSEWHERE)).toHaveLength(0);
  });

  it("in the persona's channel, answers in a thread with the article as a link", async () => {
    const res = await ask("faq how do I change my PIN?", SUPPORT);
    expect(res.status).toBe(200);
    await h.idle();
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postMessage" && c.args.channel === SUPPORT && c.args.thread_ts !== undefined));
    const answer = postsIn(SUPPORT).find((c) => c.args.thread_ts !== undefined);
    const links = JSON.stringify(answer?.args.blocks).match(/\{"type":"link","url":"https:\/\/help\.[^"]+","text":"[^"]*PIN[^"]*"\}/g);
    expect(links).toHaveLength(1);
  });
});
