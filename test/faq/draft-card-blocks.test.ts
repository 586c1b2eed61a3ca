/**
 * The FAQ draft card, the gap note and the /faq answer as a support lead reads them: the customer's and the help
 * center's words exactly as written (never formatting, a mention or a disguised link), each source once as a
 * numbered link, and what the card says about confidence, internal articles and tickets true and plain.
 */
import { describe, expect, it } from "vitest";
import { customerText } from "../../src/domain/faq/customer-html.js";
import type { Citation, FaqAnswer } from "../../src/domain/faq/types.js";
import type { SearchHit } from "../../src/kb/types.js";
import { buildFaqAnswerBlocks, buildGapNote } from "../../src/slack/blocks/faq-answer-blocks.js";
import { buildFaqDraftCard, FAQ_ACTIONS } from "../../src/slack/blocks/faq-draft-card.js";
import { draftCardInput } from "../../src/workflows/faq/card-input.js";
import type { FaqDraft } from "../../src/workflows/faq/drafts-repo.js";
import { searchHit } from "../helpers/search-hit.js";
import { formattedTexts, literalTexts, richElementsOf, shownText } from "./draft-card-view.js";

const HOSTILE = "Hi *this* and _that_ ~x~ `code` <!channel> <!here> <@U123> <https://evil.example|bank.com> & co";
const HOSTILE_NAME = "<!here> *Jane* _Doe_";
const HOSTILE_COMPANY = "<@U999> ~Acme~ & Sons";
const HOSTILE_BITS = ["*this*", "_that_", "~x~", "`code`", "<!channel>", "<!here>", "<@U123>", "<https://evil", "bank.com", "*Jane*", "<@U999>", "~Acme~"];

const citations: Citation[] = [
  { number: 1, articleId: "a1", title: "Changing your *PIN* <b>now</b>", url: "https://help.example.com/articles/1-pin" },
  { number: 2, articleId: "a2", title: "Card settings", url: "https://help.example.com/articles/2-card" },
];

const draft = (over: Partial<FaqDraft> = {}): FaqDraft => ({
  id: "d1",
  conversationId: "c1",
  messageKey: "conversation:c1:p1",
  persona: "support",
  kind: "conversation",
  customerName: HOSTILE_NAME,
  companyName: HOSTILE_COMPANY,
  question: HOSTILE,
  answerHtml: "<p>x</p>",
  answerText: customerText(["Open Cards, then *PIN*.", "It takes effect at once."], citations),
  citations,
  internal: [],
  confidence: 0.62,
  decision: "draft",
  status: "pending",
  uncertain: false,
  createdAt: 0,
  ...over,
});
const card = (over: Partial<FaqDraft> = {}, internal: FaqDraft["internal"] = []) => buildFaqDraftCard(draftCardInput(draft({ internal, ...over })));
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe("the FAQ draft card shows untrusted words as written", () => {
  it("the customer's message, name and company appear verbatim, and nowhere as mrkdwn", () => {
    const blocks = card();
    const literal = literalTexts(blocks);
    expect(literal).toContain(HOSTILE);
    expect(literal.join("")).toContain("<!here> *Jane* _Doe_");
    expect(literal.join("")).toContain("<@U999> ~Acme~ & Sons");
    const formatted = formattedTexts(blocks).join("\n");
    for (const bit of HOSTILE_BITS) expect(formatted).not.toContain(bit);
    expect(formatted).not.toContain("&lt;!channel&gt;");
  });

  it("makes no mention and no link but the sources' own", () => {
    const elements = richElementsOf(card());
    expect(elements.filter((e) => e.type === "user" || e.type === "broadcast" || e.type === "usergroup" || e.type === "channel")).toEqual([]);
    expect(elements.filter((e) => e.type === "link").map((e) => e.url)).toEqual(citations.map((c) => c.url));
  });

  it("shows the proposed answer and an article title as the help center wrote them", () => {
    const literal = literalTexts(card()).join("");
    expect(literal).toContain("Open Cards, then *PIN*. It takes effect at once.");
    const links = richElementsOf(card()).filter((e) => e.type === "link");
    expect(links[0]?.text).toBe("Changing your *PIN* <b>now</b>");
  });

  it("internal articles are marked as teammates-only, their title and excerpt as written", () => {
    const blocks = card({}, [{ title: "Refunds *goodwill*", excerpt: "Agents may refund <@U1> 50." }]);
    const shown = shownText(blocks);
    expect(shown).toContain("Internal article, for teammates only: never sent to the customer");
    expect(literalTexts(blocks)).toEqual(expect.arrayContaining(["Refunds *goodwill*", "Agents may refund <@U1> 50."]));
    expect(formattedTexts(blocks).join("")).not.toContain("goodwill");
  });
});

describe("the sources on the draft card", () => {
  it("each source shows once, numbered, as a link, and the answer carries no copy of the list", () => {
    const json = JSON.stringify(card());
    for (const c of citations) expect(count(json, c.url)).toBe(1);
    const shown = shownText(card());
    expect(shown).toContain("1. Changing your *PIN* <b>now</b>");
    expect(shown).toContain("2. Card settings");
    expect(shown).not.toMatch(/\[\d\]/);
  });

  it("an edited answer (the same stored shape) shows its own words and the sources once", () => {
    const json = JSON.stringify(card({ answerText: customerText(["Tap Cards.", "Then PIN."], citations) }));
    expect(json).toContain("Tap Cards. Then PIN.");
    for (const c of citations) expect(count(json, c.url)).toBe(1);
  });

  it("a source whose address is not http(s) shows its title, unlinked", () => {
    const odd = [{ ...citations[0], url: "javascript:alert(1)" } as Citation];
    const elements = richElementsOf(card({ citations: odd, answerText: customerText(["Open Cards."], odd) }));
    expect(elements.filter((e) => e.type === "link")).toEqual([]);
    expect(JSON.stringify(elements)).not.toContain("javascript:");
  });
});

describe("what the card says", () => {
  it("gives the confidence as the 0–1 match score the persona's thresholds use, not a percentage", () => {
    const shown = shownText(card({ confidence: 0.62 }));
    expect(shown).toContain("Confidence 0.62");
    expect(shown).not.toContain("62%");
    expect(shown).toContain("not a probability");
  });

  it("names the customer and the company as such", () => {
    const shown = shownText(card({ customerName: "Jane Doe", companyName: "Acme" }));
    expect(shown).toContain("Customer: Jane Doe");
    expect(shown).toContain("Company: Acme");
    expect(shownText(card({ customerName: "Jane Doe", companyName: undefined }))).not.toContain("Company:");
    expect(shownText(card({ customerName: undefined, companyName: undefined }))).toContain("Customer: unknown");
  });

  it("says whether it answers a conversation or a ticket, and offers Send & close only where it closes", () => {
    const actionsOf = (blocks: Record<string, unknown>[]) =>
      blocks.filter((b) => b.type === "actions").flatMap((b) => (b.elements as { action_id: string }[]).map((e) => e.action_id));
    expect(shownText(card({ kind: "conversation" }))).toContain("conversation");
    expect(actionsOf(card({ kind: "conversation" }))).toEqual([FAQ_ACTIONS.send, FAQ_ACTIONS.edit, FAQ_ACTIONS.sendClose, FAQ_ACTIONS.dismiss]);
    expect(shownText(card({ kind: "ticket" }))).toContain("ticket");
    expect(actionsOf(card({ kind: "ticket" }))).toEqual([FAQ_ACTIONS.send, FAQ_ACTIONS.edit, FAQ_ACTIONS.dismiss]);
  });

  it("once decided, shows the outcome and who decided, with no buttons", () => {
    const blocks = card({ status: "sent", outcome: "Sent to the customer as Dana.", decidedBy: "U0CLICKER1", action: "send" });
    expect(shownText(blocks)).toContain("Sent to the customer as Dana.");
    expect(JSON.stringify(blocks)).toContain("<@U0CLICKER1>");
    expect(blocks.some((b) => b.type === "actions")).toBe(false);
  });
});

const hit = (over: Partial<SearchHit> = {}): SearchHit => searchHit({ title: "Changing your *PIN* <!here>", ...over });

describe("the knowledge-gap note shows untrusted words as written", () => {
  it("the customer's name and message, the article's title and the reason appear verbatim, never as mrkdwn", () => {
    const note = buildGapNote(HOSTILE_NAME, HOSTILE, { reason: "no article answers this confidently (best: Changing your *PIN* <!here>, 0.37)", best: hit() });
    const literal = literalTexts(note.blocks);
    expect(literal).toContain(HOSTILE);
    expect(literal.join("")).toContain(HOSTILE_NAME);
    expect(literal.join("")).toContain("(best: Changing your *PIN* <!here>, 0.37)");
    const formatted = formattedTexts(note.blocks).join("\n");
    for (const bit of [...HOSTILE_BITS, "*PIN*"]) expect(formatted).not.toContain(bit);
    const links = richElementsOf(note.blocks).filter((e) => e.type === "link");
    expect(links).toEqual([{ type: "link", url: "https://help.example.com/articles/1-pin#in-the-app", text: "Changing your *PIN* <!here>" }]);
    expect(shownText(note.blocks)).toContain("No reply was sent.");
    expect(note.text).not.toContain("<!here>");
  });
});

describe("the /faq answer shows the help center's words as written", () => {
  it("sentences, titles and internal notes verbatim, each source once as a numbered link", () => {
    const answer: FaqAnswer = {
      decision: "draft",
      confidence: 0.7,
      reason: "matched",
      sentences: ["Open *Cards*, then `PIN`."],
      citations,
      internal: [{ articleId: "i1", title: "Agents _only_", excerpt: "Check <@U1> first." }],
      by: "extractive",
    };
    const { blocks, text } = buildFaqAnswerBlocks("how do I *reset* <!channel>", answer);
    expect(literalTexts(blocks)).toEqual(expect.arrayContaining(["Open *Cards*, then `PIN`.", "Agents _only_", "Check <@U1> first."]));
    expect(formattedTexts(blocks).join("\n")).not.toMatch(/\*Cards\*|`PIN`|_only_|<@U1>/);
    const json = JSON.stringify(blocks);
    for (const c of citations) expect(count(json, c.url)).toBe(1);
    expect(shownText(blocks)).toContain("Confidence 0.70");
    expect(text).not.toContain("<!channel>");
  });
});
