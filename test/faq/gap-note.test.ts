/** The note to the team when no reply was sent: truthful about why, and useful to the teammate who takes over. */
import { describe, expect, it } from "vitest";
import { buildGapNote } from "../../src/slack/blocks/faq-answer-blocks.js";
import { searchHit } from "../helpers/search-hit.js";
import { formattedTexts, literalTexts, richElementsOf, shownText } from "./draft-card-view.js";

const hit = searchHit;
const all = (note: { blocks: unknown[] }) => JSON.stringify(note.blocks);

describe("knowledge-gap note", () => {
  it("for a weak match says no article answers with confidence, and links the closest one", () => {
    const note = buildGapNote("Ana", "how do i reset the code for my card", {
      reason: "no article answers this confidently (best: Changing your PIN, 0.37)",
      best: hit(),
    });
    expect(note.text).toBe("Knowledge-base gap? Ana asked something no help-center article answers with confidence");
    expect(shownText(note.blocks)).toContain("Closest article, not confident enough to send: Changing your PIN");
    expect(richElementsOf(note.blocks).filter((e) => e.type === "link")).toEqual([
      { type: "link", url: "https://help.example.com/articles/1-pin#in-the-app", text: "Changing your PIN" },
    ]);
    expect(all(note)).toContain("No reply was sent.");
    expect(all(note)).toContain("0.37");
  });

  it("with nothing matching says so and links nothing", () => {
    const note = buildGapNote(undefined, "can I open a joint mortgage", { reason: "no public article matches" });
    expect(note.text).toBe("Knowledge-base gap: A customer asked something no help-center article matches");
    expect(all(note)).not.toContain("Closest article");
  });

  it("names the customer without their email, even when Intercom's name is one", () => {
    expect(buildGapNote("jane.doe@example.com", "hi", { reason: "none" }).text).toContain("A customer asked");
    expect(all(buildGapNote("Jane Doe <jane.doe@example.com>", "hi", { reason: "none" }))).not.toContain("example.com");
  });

  it("shows what the customer wrote as plain words, never as mrkdwn, and links only http(s) addresses", () => {
    const note = buildGapNote("<!channel>", "<!here> *click* <https://evil.example|here>", {
      reason: "weak",
      best: hit({ title: "A|B <b>", url: "javascript:alert(1)", chunk: { ...hit().chunk, anchorUrl: undefined } }),
    });
    expect(literalTexts(note.blocks)).toContain("<!here> *click* <https://evil.example|here>");
    const parsed = [...formattedTexts(note.blocks), note.text].join("\n");
    for (const bit of ["<!channel>", "<!here>", "<https://evil.example|here>"]) expect(parsed).not.toContain(bit);
    expect(richElementsOf(note.blocks).some((e) => e.type === "link")).toBe(false);
    expect(all(note)).not.toContain("javascript:");
  });
});
