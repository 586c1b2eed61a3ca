/**
 * The support check's pure half: what the checking model is shown (the kept sentences and the text of the
 * chunks each cites, nothing else), how strictly its verdicts are read, and how they remove sentences or the
 * whole answer without ever bringing one back.
 */
import { describe, expect, it } from "vitest";
import { type GroundedSentence, type GroundingCheck, type GroundingSource, settleCheck } from "../../src/domain/faq/grounding.js";
import { applySupportVerdicts, parseSupportVerdicts, SUPPORT_CHECK_INSTRUCTIONS, supportCheckRequest } from "../../src/domain/faq/support-check.js";

const sources: GroundingSource[] = [
  { number: 1, articleId: "undo", title: "Deleting a project", heading: "Undo", text: "You cannot undo a deleted project.", visibility: "public" },
  { number: 2, articleId: "plans", title: "Plans", heading: "", text: "Exports are on the Team plan only.", visibility: "public" },
  { number: 3, articleId: "other", title: "Invoices", heading: "", text: "Invoices are sent on the first of the month.", visibility: "public" },
];

const s = (text: string, ...cites: number[]): GroundedSentence => ({ text, cites });
const written = [
  s("You can undo a deleted project.", 1),
  s("Exports are on the Free plan.", 2),
  s("Deleting a project removes its files, boards and comments for everyone on the team.", 1),
];
const lexical: GroundingCheck = { kept: written, dropped: [] };
const verdictsJson = (...supported: boolean[]) =>
  JSON.stringify({ verdicts: supported.map((ok, i) => ({ id: i + 1, supported: ok, why: ok ? "stated" : "the source says otherwise" })) });

describe("what the checking model is shown", () => {
  it("each sentence with the full text of only the chunks it cites, as JSON, and the instruction to judge against that alone", () => {
    const request = JSON.parse(supportCheckRequest([s("You can undo a deleted project.", 1), s("Exports are on the Team plan.", 2, 1)], sources));
    expect(request).toEqual({
      sentences: [
        { id: 1, sentence: "You can undo a deleted project.", cited_text: ["Deleting a project › Undo\nYou cannot undo a deleted project."] },
        {
          id: 2,
          sentence: "Exports are on the Team plan.",
          cited_text: ["Plans\nExports are on the Team plan only.", "Deleting a project › Undo\nYou cannot undo a deleted project."],
        },
      ],
    });
    expect(JSON.stringify(request)).not.toContain("Invoices");
    expect(SUPPORT_CHECK_INSTRUCTIONS).toContain("ONLY against its own cited text");
    expect(SUPPORT_CHECK_INSTRUCTIONS).toContain('{"verdicts":[{"id":1,"supported":true,"why":"a few words"}]}');
  });
});

describe("reading the verdicts", () => {
  it("reads strict JSON, also inside a code fence, and cleans the reasons", () => {
    const long = "x".repeat(400);
    const parsed = parseSupportVerdicts(
      `\`\`\`json\n{"verdicts":[{"id":2,"supported":false,"why":"  says Free,\\n the source says Team  "},{"id":1,"supported":true},{"id":3,"supported":false,"why":"${long}"}]}\n\`\`\``,
      3,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.verdicts.map((v) => [v.id, v.supported, v.why.slice(0, 40)])).toEqual([
      [1, true, "supported"],
      [2, false, "says Free, the source says Team"],
      [3, false, "x".repeat(40)],
    ]);
    expect(parsed.verdicts[2]?.why).toHaveLength(160);
    expect(parsed.verdicts[2]?.why.endsWith("…")).toBe(true);
  });

  it("refuses the whole answer as unusable when it is not exactly one verdict per sentence of the right shape", () => {
    const problems = [
      ["All supported!", "not JSON"],
      ['{"verdicts": [ {"id": 1, "supported": true', "not JSON"],
      ['{"verdicts":[{"id":1,"supported":"yes"},{"id":2,"supported":true}]}', "shape"],
      ['{"results":[{"id":1,"supported":true},{"id":2,"supported":true}]}', "shape"],
      ['{"verdicts":[{"id":1,"supported":true}]}', "sentence 2 unjudged"],
      ['{"verdicts":[{"id":1,"supported":true},{"id":1,"supported":false},{"id":2,"supported":true}]}', "sentence 1 twice"],
      ['{"verdicts":[{"id":1,"supported":true},{"id":2,"supported":true},{"id":3,"supported":true}]}', "sentence 3, which it was not given"],
    ] as const;
    for (const [answer, problem] of problems) {
      const parsed = parseSupportVerdicts(answer, 2);
      expect(parsed.ok, answer).toBe(false);
      if (!parsed.ok) expect(parsed.problem, answer).toContain(problem);
    }
  });
});

describe("applying the verdicts", () => {
  it("drops an unsupported sentence with the model's reason and keeps the rest", () => {
    const parsed = parseSupportVerdicts(verdictsJson(true, false, true), 3);
    if (!parsed.ok) throw new Error(parsed.problem);
    const check = applySupportVerdicts(written, lexical, parsed.verdicts);
    expect(check.refused).toBeUndefined();
    expect(check.kept.map((k) => k.text)).toEqual([
      "You can undo a deleted project.",
      "Deleting a project removes its files, boards and comments for everyone on the team.",
    ]);
    expect(check.dropped).toEqual([{ text: "Exports are on the Free plan.", why: "the support check: the source says otherwise" }]);
  });

  it("refuses the answer when under half of the sentences survive, though their words would be enough", () => {
    const parsed = parseSupportVerdicts(verdictsJson(false, false, true), 3);
    if (!parsed.ok) throw new Error(parsed.problem);
    const check = applySupportVerdicts(written, lexical, parsed.verdicts);
    expect(check.kept).toEqual([]);
    expect(check.refused).toContain("the support check found too little");
    expect(check.dropped.map((d) => d.why)).toEqual([
      "the support check: the source says otherwise",
      "the support check: the source says otherwise",
      "too little of the answer was supported",
    ]);
    // The words rule alone would have kept it: the long sentence holds half of the content words.
    expect(settleCheck(written, [written[2] as GroundedSentence], [], "words").refused).toBeUndefined();
  });

  it("counts what the words check already dropped, never brings it back, and leaves a refused answer refused", () => {
    const afterWords: GroundingCheck = { kept: [written[0] as GroundedSentence], dropped: [{ text: "Exports are on the Free plan.", why: "cites no source" }] };
    const two = written.slice(0, 2);
    const kept = applySupportVerdicts(two, afterWords, [{ id: 1, supported: true, why: "stated" }]);
    expect(kept.kept.map((k) => k.text)).toEqual(["You can undo a deleted project."]);
    expect(kept.dropped).toEqual(afterWords.dropped);
    const rejected = applySupportVerdicts(two, afterWords, [{ id: 1, supported: false, why: "reversed" }]);
    expect(rejected.kept).toEqual([]);
    expect(rejected.refused).toBeDefined();
    const refused: GroundingCheck = { kept: [], dropped: [], refused: "internal source" };
    expect(applySupportVerdicts(two, refused, [{ id: 1, supported: true, why: "" }])).toBe(refused);
  });

  it("removes a sentence it has no verdict for", () => {
    const check = applySupportVerdicts(written, lexical, [
      { id: 1, supported: true, why: "" },
      { id: 3, supported: true, why: "" },
    ]);
    expect(check.kept.map((k) => k.text)).toEqual([
      "You can undo a deleted project.",
      "Deleting a project removes its files, boards and comments for everyone on the team.",
    ]);
    expect(check.dropped).toEqual([{ text: "Exports are on the Free plan.", why: "the support check: not judged" }]);
  });
});
