/**
 * The help-center benchmark measures the product as configured: with no model, and with a model (the composer
 * writes the answer, embeddings make retrieval hybrid). The model path cannot be measured on this machine, so
 * this checks that what the bench is given is what answers: a composer's decisions and an embedding ranking
 * reach the figures. Only the dev part is read.
 */
import { describe, expect, it } from "vitest";
import { evaluateHelpCenter } from "../../bench/faq-helpcenter.bench.js";
import type { FaqComposer } from "../../src/workflows/faq/grounded-answer.js";

describe("help-center benchmark with a model configured", () => {
  it("scores the composer's answers, not the extractive ones", async () => {
    const plain = await evaluateHelpCenter("dev");
    let calls = 0;
    const same: FaqComposer = {
      compose: async (input) => {
        calls += 1;
        return input.extractive;
      },
    };
    expect(await evaluateHelpCenter("dev", {}, { composer: same })).toEqual(plain);
    expect(calls).toBeGreaterThan(0);

    const refuses: FaqComposer = { compose: async (input) => ({ ...input.extractive, decision: "abstain", sentences: [], citations: [] }) };
    const refused = await evaluateHelpCenter("dev", {}, { composer: refuses });
    expect(plain.answeredRightFirstCitation).toBeGreaterThan(0);
    expect(refused.answeredRightFirstCitation).toBe(0);
    expect(refused.abstentionOnNoAnswer).toBe(1);
    expect(refused.recallAt1).toBe(plain.recallAt1);
  });

  it("ranks with the embeddings when they are given", async () => {
    const plain = await evaluateHelpCenter("dev");
    let embedded = 0;
    // Every text gets the same vector, so the embedding ranking is arbitrary and fusion must move some results.
    const flat = async () => [1, 0, 0];
    const embeddings = {
      embedDocuments: async (texts: string[]) => {
        embedded += texts.length;
        return texts.map(() => [1, 0, 0]);
      },
      embedQuery: flat,
    };
    const hybrid = await evaluateHelpCenter("dev", {}, { embeddings: { embeddings, model: "test-flat" } });
    expect(embedded).toBeGreaterThan(0);
    expect(hybrid.recallAt1).not.toBe(plain.recallAt1);
  });
});
