/**
 * The support check on the real FAQ path: a conversation from the emulator's demo workspace goes through the
 * inbox handler with a scripted model; the card lands in the fake Slack and any reply in the emulator. A
 * sentence the check rejects never reaches either, and an answer that lost one is a draft for a person, even
 * where the persona would have let it go out on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Persona } from "../../src/agent/personas.js";
import { FAQ_ACTIONS } from "../../src/slack/blocks/faq-draft-card.js";
import type { InboxItem } from "../../src/workflows/contracts.js";
import { createFaqInboxHandler } from "../../src/workflows/faq/handle-inbound.js";
import { type ScriptContext, ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { adminReplies, type FaqWorld, startFaqWorld } from "./support.js";

type Conversation = { id: string; source: { id: string } };
const item = (payload: unknown, id: string): InboxItem => ({ id, source: "intercom", topic: "conversation.user.created", payload, receivedAt: 0, attempt: 1 });
const keyOf = (c: Conversation) => `conversation:${c.id}:${c.source.id}`;

/** The number the generation prompt gave the chunk that contains `fragment` (the last "[n] Title" line before it). */
const numberWithText = (c: ScriptContext, fragment: string): string => {
  const text = c.messages.map((m) => String(m.content)).join("\n");
  const at = text.indexOf(fragment);
  const n = at < 0 ? undefined : [...text.slice(0, at).matchAll(/^\[(\d+)\]/gm)].at(-1)?.[1];
  if (!n) throw new Error(`no source with "${fragment}" in the prompt`);
  return n;
};

type CheckRequest = { sentences: { id: number; sentence: string }[] };
/** A scripted support check: each sentence supported unless `rejects` gives a reason it is not. */
const check = (rejects: (sentence: string) => string | undefined) => (c: ScriptContext) => {
  const request = JSON.parse(String(c.messages.at(-1)?.content)) as CheckRequest;
  return say(
    JSON.stringify({
      verdicts: request.sentences.map((s) => {
        const why = rejects(s.sentence);
        return { id: s.id, supported: why === undefined, why: why ?? "stated" };
      }),
    }),
  );
};

describe("the support check on the inbox path", () => {
  const temp = makeTempDir();
  let world: FaqWorld;
  const logs: { obj: Record<string, unknown>; msg: string }[] = [];
  beforeAll(async () => {
    world = await startFaqWorld(temp.dir, { defaultAdminId: true });
    // Replies on the persona's own policy: only the answer itself can make this a draft.
    world.deps.persona = {
      ...world.persona,
      approval: { ...world.persona.approval, tools: { ...world.persona.approval.tools, INTERCOM_REPLY_TO_CONVERSATION: "auto" } },
      faq: { auto_resolve: true, min_confidence: 0.5, gap_notes: false },
    } as Persona;
    world.deps.logger = { info: (obj: Record<string, unknown>, msg: string) => logs.push({ obj, msg }), warn: () => {} } as never;
  });
  afterAll(async () => {
    await world.close();
    temp.cleanup();
  });

  const run = async (model: ScriptedChatModel, itemId: string) => {
    const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as Conversation;
    await createFaqInboxHandler({ ...world.deps, model })(item(conversation, itemId));
    return { conversation, draft: world.deps.drafts.byMessageKey(keyOf(conversation)) };
  };

  it("sends the model's answer on its own when the check supports every sentence", async () => {
    const model = new ScriptedChatModel([
      (c) => {
        const n = numberWithText(c, "view your PIN");
        return say(`You can view your PIN in the app at any time [${n}]. You can change it at most cash machines in the PIN services menu [${n}].`);
      },
      check(() => undefined),
    ]);
    const { conversation, draft } = await run(model, "ok-1");
    expect(model.remaining).toBe(0);
    expect(draft?.decision).toBe("auto_resolve");
    const replies = adminReplies(world, conversation.id);
    expect(replies).toHaveLength(1);
    expect(String(replies[0]?.body)).toContain("You can change it at most cash machines in the PIN services menu.");
  });

  it("leaves a rejected sentence out of the card and Intercom, and makes the answer a draft", async () => {
    const model = new ScriptedChatModel([
      (c) => {
        const n = numberWithText(c, "view your PIN");
        return say(
          `You can view your PIN in the app at any time [${n}]. You can change it at most cash machines in the PIN services menu [${n}]. You cannot view your PIN in the app [${n}].`,
        );
      },
      check((sentence) => (sentence.includes("cannot") ? "the source says you can view it in the app" : undefined)),
    ]);
    const { conversation, draft } = await run(model, "reject-1");
    expect(model.remaining).toBe(0);
    expect(draft?.decision).toBe("draft");
    expect(draft?.status).toBe("pending");
    expect(draft?.answerText).toContain("You can view your PIN in the app at any time.");
    expect(draft?.answerText).not.toContain("cannot");
    expect(adminReplies(world, conversation.id)).toHaveLength(0);
    const card = JSON.stringify(world.slack.callsTo("chat.postMessage").at(-1)?.args.blocks ?? []);
    expect(card).toContain(FAQ_ACTIONS.send);
    expect(card).toContain("PIN services menu");
    expect(card).not.toContain("cannot view");
    expect(logs).toContainEqual({
      obj: { conversationId: conversation.id, checked: 3, droppedByCheck: 1, droppedByWords: 0 },
      msg: "FAQ: the support check dropped 1 of 3 sentence(s)",
    });
  });
});
