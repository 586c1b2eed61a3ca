/**
 * What Slack cannot render becomes mrkdwn that reads well (tables, headings, nested lists), and
 * `/switchboard tools WORDS` lists only tools that fit the words, saying so when none does.
 */
import { describe, expect, it } from "vitest";
import { buildToolIndex, toRetrievable } from "../../src/agent/tool-retriever.js";
import { hideEmails, riskWords } from "../../src/slack/blocks/approval-card.js";
import { auditDetail } from "../../src/slack/blocks/audit-line.js";
import { markdownToMrkdwn } from "../../src/slack/blocks/mrkdwn.js";
import { toolMatches } from "../../src/slack/blocks/tool-matches.js";
import { allTools } from "../../tools/index.js";

describe("markdown into Slack mrkdwn", () => {
  it("a narrow table becomes aligned columns in a code block, with no raw pipes rows left in prose", () => {
    const out = markdownToMrkdwn("Open items:\n\n| Customer | Waiting |\n|---|---:|\n| Ann | 3 h |\n| Bartholomew | 12 min |\n\nThat is all.");
    expect(out).toContain("```\nCustomer    | Waiting\n------------+--------\nAnn         | 3 h\nBartholomew | 12 min\n```");
    expect(out).not.toMatch(/^\|/m);
    expect(out).toContain("That is all.");
  });

  it("a wide table becomes one line per row with the column names", () => {
    const long = "x".repeat(80);
    const out = markdownToMrkdwn(`| Name | Note |\n| --- | --- |\n| Ann | ${long} |`);
    expect(out).toBe(`• *Name*: Ann · *Note*: ${long}`);
  });

  it("headings turn bold, nested lists indent, bold and italics and links convert, code stays as typed", () => {
    const out = markdownToMrkdwn(
      "### Next steps\n- refund\n  - check **ledger**\n    - ask *finance*\n1. first\n   2. sub\nSee [docs](https://x.io) and `a **b**`.\n---",
    );
    expect(out).toBe(
      "*Next steps*\n• refund\n    ◦ check *ledger*\n        ▪ ask _finance_\n1. first\n    2. sub\nSee <https://x.io|docs> and `a **b**`.\n──────────",
    );
  });
});

describe("the tools a person's words fit", () => {
  const index = buildToolIndex(allTools.map(toRetrievable));

  it("“refund” fits no tool (it only reaches tickets through a synonym): nothing is listed as a fit", () => {
    const { fits, closest } = toolMatches(index, "refund");
    expect(fits).toEqual([]);
    expect(closest.length).toBeGreaterThan(0);
  });

  it("“tag a conversation” lists tag and conversation tools only, the attach tool among them", () => {
    const { fits } = toolMatches(index, "tag a conversation");
    expect(fits).toContain("INTERCOM_ATTACH_TAG_TO_CONVERSATION");
    expect(fits.slice(0, 3)).toContain("INTERCOM_ATTACH_TAG_TO_CONVERSATION");
    // Everything listed matches one of the words, not just a synonym of them.
    expect(fits.filter((name) => !/TAG|CONVERSATION/.test(name))).toEqual(["INTERCOM_GET_ENTITY_COUNTS"]);
  });

  it("words that match nothing say so", () => {
    expect(toolMatches(index, "zzzz weather")).toEqual({ fits: [], closest: [] });
  });
});

describe("small facts on cards and audit lines", () => {
  it("only irreversible tools say they cannot be undone", () => {
    expect(riskWords("INTERCOM_CLOSE_CONVERSATION", "destructive")).toBe("can be reopened later");
    expect(riskWords("INTERCOM_DELETE_A_CONTACT", "destructive")).toBe("cannot be undone");
  });

  it("emails are hidden from channel text", () => {
    expect(hideEmails("Jane (jane.doe+x@example.co.uk) wrote")).toBe("Jane ((email hidden)) wrote");
  });

  it("an audit line says what was affected and what was written", () => {
    expect(auditDetail("INTERCOM_REPLY_TO_CONVERSATION", { conversation_id: "42", body: "<p>Your refund is on its way, jane@example.com</p>" })).toBe(
      "on conversation 42 · wrote “Your refund is on its way, (email hidden)”",
    );
    expect(auditDetail("INTERCOM_ATTACH_TAG_TO_CONVERSATION", { conversation_id: "42", id: "7" })).toBe("on conversation 42, tag 7");
  });
});
