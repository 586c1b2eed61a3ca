import { describe, expect, it } from "vitest";
import { checkBriefing, MAX_BRIEFING_WORDS, templateBriefing, wordCount } from "../../src/domain/escalation/briefing.js";
import { type BriefingFacts, factsAsText } from "../../src/domain/escalation/briefing-facts.js";
import { writeBriefing } from "../../src/workflows/escalation/briefing-writer.js";
import { ScriptedChatModel, say } from "../fakes/scripted-model.js";

const FACTS: BriefingFacts = {
  conversationId: "215470",
  customerName: "Marta Silva",
  companyName: "Atlas Freight",
  plan: "Premium",
  monthlySpend: 4200,
  vip: true,
  ask: "You charged me twice for the same transfer.",
  teammateReplies: 0,
  botReplies: 2,
  waitedText: "3 hours",
  reasons: [{ code: "payment_dispute", label: "Payment dispute", detail: '"charged me twice"' }],
  otherConversations: 2,
  tickets: 1,
  notes: [],
  tags: ["vip"],
  segments: [],
  gaps: [],
};

describe("escalation briefing", () => {
  it("the template is one paragraph of at most 120 words that passes its own check", () => {
    const text = templateBriefing(FACTS);
    expect(text).toContain("Marta Silva, at Atlas Freight, on the Premium plan, worth 4200 a month, (VIP),");
    expect(text).toContain("Only the bot has answered (2 replies).");
    expect(wordCount(text)).toBeLessThanOrEqual(MAX_BRIEFING_WORDS);
    expect(checkBriefing(text, FACTS)).toEqual({ ok: true, problems: [] });
  });

  it("uses a model's paragraph when every name and number is in the facts", async () => {
    const good =
      "Marta Silva of Atlas Freight (Premium, 4200 a month) was charged twice and has waited 3 hours; only the bot answered. Take it now and check the duplicate charge.";
    const model = new ScriptedChatModel([say(good)]);
    const written = await writeBriefing(FACTS, model);
    expect(written).toEqual({ text: good, by: "model" });
    expect(JSON.stringify(model.calls[0]?.messages)).toContain(factsAsText(FACTS).split("\n")[0]);
  });

  it("falls back to the template when the model invents a name, a number or a date", async () => {
    for (const invented of [
      "Marta Silva was promised a refund by Jonas last week.",
      "Marta Silva has 7 open tickets and spends 9000 a month.",
      "Marta Silva wrote on 2025-10-02 about conversation 215470.",
    ]) {
      const written = await writeBriefing(FACTS, new ScriptedChatModel([say(invented)]));
      expect(written.by, invented).toBe("template");
      expect(written.text).toBe(templateBriefing(FACTS));
      expect(written.rejected?.length).toBeGreaterThan(0);
    }
  });

  it("falls back to the template when the model is too long or fails", async () => {
    const long = Array.from({ length: 130 }, () => "Marta").join(" ");
    expect((await writeBriefing(FACTS, new ScriptedChatModel([say(long)]))).by).toBe("template");
    const failing = { invoke: async () => Promise.reject(new Error("model down")) };
    expect(await writeBriefing(FACTS, failing)).toMatchObject({ by: "template", rejected: ["the model failed: model down"] });
  });
});
