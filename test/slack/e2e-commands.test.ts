/**
 * The slash commands a person judges things by, end to end through signed requests: `tools WORDS` lists only
 * what fits, `audit` says what each call touched and wrote, `persona` cannot hand a channel to more autonomy
 * without standing, and answers about the built-in demo workspace say so once per thread.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Persona } from "../../src/agent/personas.js";
import { callTool, ScriptedChatModel, type ScriptStep, say } from "../fakes/scripted-model.js";
import { buttonClick, eventCallback, slashCommand } from "../fakes/signed-request.js";
import { type Harness, startHarness } from "./harness.js";
import { APPROVER, approvalCards, OTHER, openConversation, testPersonas, text } from "./support.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function command(harness: Harness, words: string, user = APPROVER, channel = "C1") {
  const res = await harness.send(slashCommand({ text: words, user_id: user, channel_id: channel }, `${harness.slack.baseUrl}/response`));
  expect(res.status).toBe(200);
  const body = await res.text();
  return JSON.stringify(body ? JSON.parse(body) : {});
}

const conversation = { id: "", adminId: "" };
async function start(steps: ScriptStep[], personas: Persona[] = testPersonas()) {
  h = await startHarness({ personas, model: () => new ScriptedChatModel(steps) });
  Object.assign(conversation, openConversation(h.emulator!));
  return h;
}

describe("/switchboard tools WORDS", () => {
  it("says when nothing fits instead of listing unrelated tools", async () => {
    const harness = await start([]);
    const refund = await command(harness, "tools refund");
    expect(refund).toContain("No tool of the *support* persona fits “refund”");
    expect(refund).toContain("none is a good fit");
    const tag = await command(harness, "tools tag conversation");
    expect(tag).toContain("Tools that fit “tag conversation”");
    expect(tag).toContain("INTERCOM_ATTACH_TAG_TO_CONVERSATION");
    expect(tag).not.toContain("INTERCOM_REPLY_TO_TICKET");
  });
});

describe("/switchboard audit", () => {
  it("each line says what was affected and what was written", async () => {
    const harness = await start([
      () =>
        callTool("INTERCOM_REPLY_TO_CONVERSATION", {
          conversation_id: conversation.id,
          message_type: "comment",
          type: "admin",
          admin_id: conversation.adminId,
          body: "Your card is on its way.",
        }),
      say("Sent."),
    ]);
    const ts = "1700000600.000100";
    await harness.send(eventCallback({ type: "app_mention", user: APPROVER, text: `<@UBOT> reply to ${conversation.id}`, ts, channel: "C1" }));
    await harness.idle();
    const [card] = approvalCards(harness.slack.calls);
    await harness.send(
      buttonClick({ actionId: "approval_approve", value: card!.value, userId: APPROVER, messageTs: card!.ts!, threadTs: ts, blocks: card!.blocks }),
    );
    await harness.idle();
    const audit = await command(harness, "audit 5");
    expect(audit).toContain(`on conversation ${conversation.id} · wrote “Your card is on its way.”`);
  });
});

describe("/switchboard persona", () => {
  it("switching to a persona with more autonomy needs standing for the current persona too", async () => {
    const harness = await start([]);
    // triage lists no approvers, so anyone could approve for it; the channel's support persona lists APPROVER only.
    const refused = await command(harness, "persona triage", OTHER);
    expect(refused).toContain("Only the approvers of the support persona (the persona this channel uses now) can switch this channel to triage");
    expect(refused).toContain(`<@${APPROVER}>`);
    expect(await command(harness, "persona")).toContain("This channel uses *support*");
    expect(await command(harness, "persona triage", APPROVER)).toContain("now uses the triage persona");
  });
});

describe("the demo workspace notice", () => {
  it("an answer from the built-in emulator says so once per thread", async () => {
    h = await startHarness({ personas: testPersonas(), model: () => new ScriptedChatModel([say("First answer."), say("Second answer.")]), emulator: false });
    const ts = "1700000700.000100";
    await h.send(eventCallback({ type: "app_mention", user: APPROVER, text: "<@UBOT> what is waiting?", ts, channel: "C1" }));
    await h.idle();
    await h.send(eventCallback({ type: "message", user: APPROVER, text: "and then?", ts: "1700000700.000200", thread_ts: ts, channel: "C1" }));
    await h.idle();
    const answers = h.slack.callsTo("chat.update").filter((c) => /First answer|Second answer/.test(text(c)));
    const first = answers.filter((c) => text(c).includes("First answer")).at(-1);
    const second = answers.filter((c) => text(c).includes("Second answer")).at(-1);
    expect(text(first)).toContain("built-in demo workspace");
    expect(second).toBeDefined();
    expect(text(second)).not.toContain("built-in demo workspace");
  });
});
