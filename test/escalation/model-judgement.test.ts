import { describe, expect, it } from "vitest";
import type { LabelledCase } from "../../bench/data/escalation/cases.js";
import { buildConversation, SET_NOW } from "../../bench/data/escalation/to-conversation.js";
import { customerMessagesSinceTeammate, parseJudgement } from "../../src/domain/escalation/model-judgement.js";
import { scoreConversation } from "../../src/domain/escalation/score.js";
import { createLogger } from "../../src/logger.js";
import { createModelTextJudge } from "../../src/workflows/escalation/text-judge.js";
import { ScriptedChatModel, say } from "../fakes/scripted-model.js";

const SETTINGS = { longWaitHours: 30, vipWaitMinutes: 60, vipAttribute: "vip" };

function scored(c: Omit<LabelledCase, "lang" | "escalate" | "reasons" | "kind">) {
  const conversation = buildConversation({ lang: "en", escalate: false, reasons: [], kind: "test", ...c }, 0);
  return { conversation, score: scoreConversation({ conversation, contact: conversation.contact, now: SET_NOW }, SETTINGS) };
}

const answer = (reasons: { code: string; quote: string }[]) => say(JSON.stringify({ reasons }));
const promptOf = (model: ScriptedChatModel) => model.calls[0]?.messages.map((m) => String(m.content)).join("\n") ?? "";

describe("the model judges text reasons; timing stays code", () => {
  it("adds a reason the rules missed, in a language they do not cover, quoting the customer", async () => {
    const { conversation, score } = scored({ id: "tr", parts: [["u", 2, "계좌를 해지하고 다른 은행으로 옮기겠습니다."]] });
    expect(score.reasons).toEqual([]);
    const model = new ScriptedChatModel([answer([{ code: "churn_risk", quote: "다른 은행으로 옮기겠습니다" }])]);
    const judged = await createModelTextJudge(model, SETTINGS).review({ conversation, score, now: SET_NOW });
    expect(judged.reasons).toEqual(["churn_risk"]);
    expect(judged.escalate).toBe(true);
    expect(judged.score).toBeGreaterThan(0);
    expect(judged.evidence[0]).toMatchObject({ reason: "churn_risk", model: "added", partId: "tr-source", detail: '"다른 은행으로 옮기겠습니다"' });
  });

  it("confirms a rule's finding, drops one it does not confirm, and keeps timing reasons whatever it says", async () => {
    const { conversation, score } = scored({
      id: "mix",
      parts: [["u", 40, "This is unacceptable. My landlord says late rent is unacceptable. I will dispute the charge with my bank."]],
    });
    expect(score.reasons).toEqual(expect.arrayContaining(["angry_customer", "long_wait"]));
    const model = new ScriptedChatModel([answer([{ code: "payment_dispute", quote: "I will dispute the charge with my bank" }])]);
    const judged = await createModelTextJudge(model, SETTINGS).review({ conversation, score, now: SET_NOW });
    expect(judged.reasons).toEqual(["long_wait", "payment_dispute"]);
    // The rules' findings are shown to the model as hints to confirm or reject.
    expect(promptOf(model)).toContain("angry_customer");
  });

  it("ignores quotes that are not the customer's words and codes it may not judge", () => {
    const { conversation } = scored({
      id: "q",
      parts: [
        ["u", 5, "My card is blocked."],
        ["a", 4, "Our lawyers say we can close accounts like yours."],
        ["u", 1, "ok, when will it work again?"],
      ],
    });
    const messages = customerMessagesSinceTeammate(conversation);
    expect(messages.map((m) => m.text)).toEqual(["ok, when will it work again?"]);
    const parsed = parseJudgement(
      JSON.stringify({
        reasons: [
          { code: "legal_threat", quote: "Our lawyers say" },
          { code: "long_wait", quote: "ok, when will it work again?" },
          { code: "angry_customer", quote: "" },
        ],
      }),
      messages,
    );
    expect(parsed).toEqual({
      ok: true,
      findings: [],
      ignored: [
        "legal_threat: the quote is not in the customer's messages",
        "long_wait: not a reason the model may judge",
        "angry_customer: the quote is not in the customer's messages",
      ],
    });
  });

  it("keeps the rules' result when the model answers nonsense or fails", async () => {
    const { conversation, score } = scored({ id: "bad", parts: [["u", 2, "This is unacceptable, fix my card."]] });
    const warnings: string[] = [];
    const logger = createLogger({ level: "warn", format: "json", destination: { write: (line: string) => void warnings.push(JSON.parse(line).msg) } });
    const nonsense = new ScriptedChatModel([say("I think the customer is upset.")]);
    expect(await createModelTextJudge(nonsense, SETTINGS, logger).review({ conversation, score, now: SET_NOW })).toEqual(score);
    const broken = new ScriptedChatModel([]);
    expect(await createModelTextJudge(broken, SETTINGS, logger).review({ conversation, score, now: SET_NOW })).toEqual(score);
    expect(warnings).toEqual(["escalation text judge: unusable answer; the rules decided", "escalation text judge: the model failed; the rules decided"]);
  });

  it("is not asked about a conversation that waits on nobody", async () => {
    const { conversation, score } = scored({
      id: "closed",
      parts: [
        ["u", 5, "You people are useless!!"],
        ["a", 4, "Fixed, sorry."],
        ["c", 4, ""],
      ],
    });
    const model = new ScriptedChatModel([]);
    expect(await createModelTextJudge(model, SETTINGS).review({ conversation, score, now: SET_NOW })).toBe(score);
    expect(model.calls).toHaveLength(0);
  });
});
