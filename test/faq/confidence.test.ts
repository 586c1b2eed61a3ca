import { describe, expect, it } from "vitest";
import { confidenceOf, confidenceParts, decisiveMissing } from "../../src/domain/faq/confidence.js";
import { creditedCoverage } from "../../src/domain/faq/extract.js";
import type { SearchHit } from "../../src/kb/types.js";

const hit = (title: string, text: string, score: number): SearchHit => ({
  articleId: title,
  title,
  url: `https://help.example.com/${title}`,
  visibility: "public",
  collection: "",
  entity: "",
  score,
  chunk: { id: 1, heading: "", text },
});

describe("coverage with the customer's own words and with synonyms", () => {
  const text = "Deleted notes stay in the trash for 30 days.";

  it("counts a word found only through a synonym for less than the customer's own word", () => {
    const own = creditedCoverage(["trash", "deleted"], text, undefined, 0.6);
    const bySynonym = creditedCoverage(["bin", "deleted"], text, undefined, 0.6);
    expect(own).toBe(1);
    expect(bySynonym).toBeCloseTo(0.8);
    expect(creditedCoverage(["bin", "deleted"], text, undefined, 1)).toBe(1);
  });

  it("makes the same retrieval less sure when it was reached through synonyms", () => {
    const hits = [hit("Recovering deleted notes from the trash", text, 12), hit("Deleting your account", "Delete the account.", 4)];
    const own = confidenceOf(confidenceParts(["trash", "deleted"], hits, [3, 2]));
    const bySynonym = confidenceOf(confidenceParts(["bin", "deleted"], hits, [3, 2]));
    expect(bySynonym).toBeLessThan(own);
  });
});

describe("the decisive word", () => {
  const slack = "Connect the Slack app to post notes into a channel.";

  it("measures the margin against the strongest other hit, whatever its place (hybrid puts embedding matches in between)", () => {
    const top = hit("Recovering deleted notes from the trash", "Deleted notes stay in the trash for 30 days.", 12);
    const lexicalOrder = confidenceParts(
      ["deleted", "notes"],
      [top, hit("Deleting your account", "Delete the account.", 9), hit("Embedding match", "Other.", 0)],
    );
    const hybridOrder = confidenceParts(
      ["deleted", "notes"],
      [top, hit("Embedding match", "Other.", 0), hit("Deleting your account", "Delete the account.", 9)],
    );
    expect(hybridOrder.margin).toBeCloseTo(lexicalOrder.margin, 10);
    expect(lexicalOrder.margin).toBeCloseTo(0.25, 10);
  });

  it("is missing when the question's most informative word the knowledge base knows is not in the best chunk", () => {
    expect(decisiveMissing(["connect", "microsoft", "teams"], slack, [3.4, 4.2, 1.7])).toBe(1);
    expect(decisiveMissing(["connect", "slack", "channel"], slack, [3.4, 4.2, 1.7])).toBe(0);
  });

  it("ignores words the knowledge base never uses (weight 1): they may be chatter", () => {
    expect(decisiveMissing(["slack", "mum"], slack, [3.8, 1])).toBe(0);
    expect(decisiveMissing(["slack", "mum"], slack)).toBe(0);
  });
});
