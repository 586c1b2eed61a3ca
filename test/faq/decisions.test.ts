import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerFromHits } from "../../src/domain/faq/answer.js";
import { customerHtml } from "../../src/domain/faq/customer-html.js";
import { DEFAULT_FAQ_POLICY } from "../../src/domain/faq/types.js";
import type { SearchHit } from "../../src/kb/types.js";
import type { InboxItem } from "../../src/workflows/contracts.js";
import { decideDraft } from "../../src/workflows/faq/draft-decisions.js";
import { createFaqInboxHandler } from "../../src/workflows/faq/handle-inbound.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { adminReplies, type FaqWorld, startFaqWorld } from "./support.js";

const hit = (id: string, visibility: "public" | "internal", text: string): SearchHit => ({
  articleId: id,
  title: `Title ${id}`,
  url: visibility === "public" ? `https://help.example.com/${id}` : undefined,
  visibility,
  collection: "",
  entity: "",
  score: 10,
  chunk: { id: 1, heading: "", anchorUrl: visibility === "public" ? `https://help.example.com/${id}` : undefined, text },
});

describe("the answer a customer can receive", () => {
  it("never carries an internal article's text or link, and escapes the chunk's text", () => {
    const answer = answerFromHits({
      questionTerms: ["refund"],
      hits: [hit("secret", "internal", "Agents may refund 50 as goodwill."), hit("pub", "public", "Ask for a refund <b>in the app</b>.")],
      policy: DEFAULT_FAQ_POLICY,
      person: { needed: false },
    });
    expect(answer.citations.map((c) => c.articleId)).toEqual(["pub"]);
    expect(answer.internal.map((i) => i.articleId)).toEqual(["secret"]);
    const html = customerHtml(answer.sentences, answer.citations);
    expect(html).not.toContain("goodwill");
    expect(html).toContain("&lt;b&gt;");
    expect(html).toContain('<a href="https://help.example.com/pub">');
  });
});

describe("FAQ decisions against the emulator", () => {
  const temp = makeTempDir();
  let world: FaqWorld;
  beforeAll(async () => {
    world = await startFaqWorld(temp.dir, { defaultAdminId: true, persona: { faq: { auto_resolve: true, min_confidence: 0.5, gap_notes: false } } as never });
  });
  afterAll(async () => {
    await world.close();
    temp.cleanup();
  });
  const item = (payload: unknown, id: string): InboxItem => ({
    id,
    source: "intercom",
    topic: "conversation.user.created",
    payload,
    receivedAt: 0,
    attempt: 1,
  });

  it("auto-resolves as two gated writes: the reply first, the close only after it was sent", async () => {
    const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as { id: string };
    await createFaqInboxHandler(world.deps)(item(conversation, "a1"));
    const tools = world.writes.calls.map((c) => c.tool);
    expect(tools.slice(-2)).toEqual(["INTERCOM_REPLY_TO_CONVERSATION", "INTERCOM_CLOSE_CONVERSATION"]);
    expect(world.writes.calls.at(-1)?.authority).toEqual({ kind: "policy" });
    expect(adminReplies(world, conversation.id)).toHaveLength(1);
    expect((world.emulator.state.get("conversations", conversation.id) as { state: string }).state).toBe("closed");
  });

  it("does not close when the reply failed, and the card says so in plain words", async () => {
    const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as { id: string };
    world.emulator.setFaults({ serverErrorRate: 1 });
    const before = world.writes.calls.length;
    try {
      await createFaqInboxHandler(world.deps)(item(conversation, "a2"));
    } finally {
      world.emulator.resetFaults();
    }
    expect(world.writes.calls.slice(before).map((c) => c.tool)).toEqual(["INTERCOM_REPLY_TO_CONVERSATION"]);
    const card = world.slack.callsTo("chat.postMessage").at(-1);
    expect(JSON.stringify(card?.args.blocks)).toContain("Not sent automatically (failed)");
  });

  it("Dismiss is final: a later Send changes nothing and names who dismissed", async () => {
    world.deps.persona = { ...world.persona, faq: { auto_resolve: false, min_confidence: 0.9, gap_notes: false } } as never;
    const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as { id: string; source: { id: string } };
    await createFaqInboxHandler(world.deps)(item(conversation, "a3"));
    const draft = world.deps.drafts.byMessageKey(`conversation:${conversation.id}:${conversation.source.id}`);
    expect(draft?.status).toBe("pending");
    expect(await decideDraft(world.deps, { draftId: draft?.id as string, action: "dismiss", slackUserId: "U0DISMISS1" })).toMatchObject({ kind: "decided" });
    const late = await decideDraft(world.deps, { draftId: draft?.id as string, action: "send", slackUserId: "U0LATE0001" });
    expect(late).toMatchObject({ kind: "already" });
    expect((late as { message: string }).message).toContain("<@U0DISMISS1>");
    expect(adminReplies(world, conversation.id)).toHaveLength(0);
  });
});
