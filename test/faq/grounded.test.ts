/**
 * Grounded generation with a model (the scripted chat model, no network): the model sees only the retrieved
 * chunks, numbered; each sentence is checked against the chunk it cites; an invented fact is dropped, an
 * answer that is mostly invented or cites an internal article is not used at all, and a failing model leaves
 * the extractive answer.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { faqAnswerFile } from "../../src/cli/faq-commands.js";
import { customerHtml } from "../../src/domain/faq/customer-html.js";
import { checkGrounding, parseGroundedAnswer } from "../../src/domain/faq/grounding.js";
import { DEFAULT_FAQ_POLICY } from "../../src/domain/faq/types.js";
import { buildTempKb } from "../../src/kb/temp-index.js";
import type { SourceArticle } from "../../src/kb/types.js";
import { answerQuestion } from "../../src/workflows/faq/answer-question.js";
import { createGroundedComposer } from "../../src/workflows/faq/grounded-answer.js";
import { type ScriptContext, ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const article = (id: string, title: string, body: string, extra: Partial<SourceArticle> = {}): SourceArticle => ({
  id,
  source: "file",
  sourceId: id,
  title,
  url: `https://help.example.com/${id}`,
  collection: "Cards",
  visibility: "public",
  locale: "en",
  updatedAt: 0,
  body,
  ...extra,
});

const ARTICLES = [
  article(
    "pin",
    "Change your card PIN",
    "<p>You can change your card PIN in the app under Card settings. Changing your PIN is free and takes effect at once.</p>",
  ),
  article("pin-staff", "PIN resets for staff", "<p>Staff can force a PIN reset from the admin console at https://admin.internal.example/pin.</p>", {
    visibility: "internal",
    url: "https://admin.internal.example/pin",
  }),
  article("travel", "Using your card abroad", "<p>Your card works in every country that accepts Mastercard.</p>"),
  article("lounge", "Airport lounges", "<p>Lounge passes are sold at the desk near gate nine.</p>", { collection: "Travel" }),
];

const kb = buildTempKb(ARTICLES);
const temp = makeTempDir();
afterAll(() => {
  kb.close();
  temp.cleanup();
});

const QUESTION = "How do I change my card PIN?";
const prompt = (context: ScriptContext) => context.messages.map((m) => String(m.content)).join("\n");
/** The number the prompt gave an article, found by its title. */
const numberOf = (context: ScriptContext, title: string) => prompt(context).match(new RegExp(`\\[(\\d+)\\][^\\n]* ${title}`))?.[1];

const ask = (model: ScriptedChatModel, autoResolve = true) =>
  answerQuestion(kb.searcher, {
    message: QUESTION,
    policy: { ...DEFAULT_FAQ_POLICY, autoResolve, minConfidence: 0.5 },
    composer: createGroundedComposer(model),
  });

describe("grounded generation", () => {
  it("shows the model only the retrieved chunks, numbered, and keeps sentences their chunk supports", async () => {
    const model = new ScriptedChatModel([
      (c) =>
        say(
          `Open Card settings in the app to change your card PIN [${numberOf(c, "Change your card PIN")}]. Changing it is free [${numberOf(c, "Change your card PIN")}].`,
        ),
    ]);
    const answer = await ask(model);
    const seen = prompt({ messages: model.calls[0]?.messages ?? [], tools: [], call: 0 });
    expect(seen).toContain("You can change your card PIN in the app");
    expect(seen).toMatch(/\[\d\] \(INTERNAL, never cite\) PIN resets for staff/);
    expect(seen).not.toContain("Lounge passes");
    expect(answer.by).toBe("model");
    expect(answer.sentences).toEqual(["Open Card settings in the app to change your card PIN.", "Changing it is free."]);
    expect(answer.citations.map((c) => [c.number, c.articleId])).toEqual([[1, "pin"]]);
    expect(answer.decision).toBe("auto_resolve");
  });

  it("drops a sentence whose fact the cited chunk does not state, and then never auto-resolves", async () => {
    const model = new ScriptedChatModel([
      (c) => {
        const n = numberOf(c, "Change your card PIN");
        return say(
          `You can change your card PIN in the app under Card settings [${n}]. Changing your PIN is free [${n}]. The new PIN costs 5 dollars after the third change [${n}].`,
        );
      },
    ]);
    const answer = await ask(model);
    expect(answer.sentences.join(" ")).not.toContain("5 dollars");
    expect(answer.sentences).toHaveLength(2);
    expect(answer.dropped?.[0]?.why).toContain("number 5");
    expect(answer.decision).toBe("draft");
  });

  it("drops the whole answer when too little of it is supported", async () => {
    const model = new ScriptedChatModel([
      (c) =>
        say(
          `Visit any branch with your passport and a utility bill to request a new PIN by post [${numberOf(c, "Change your card PIN")}]. Your PIN arrives in ten days.`,
        ),
    ]);
    const answer = await ask(model);
    expect(answer.decision).toBe("abstain");
    expect(answer.sentences).toEqual([]);
    expect(answer.citations).toEqual([]);
    expect(answer.reason).toContain("too little");
  });

  it("refuses a customer answer that cites an internal article, so none of its text or link can be sent", async () => {
    const model = new ScriptedChatModel([
      (c) =>
        say(
          `You can change your card PIN in the app [${numberOf(c, "Change your card PIN")}]. Staff can also force a PIN reset from the admin console [${numberOf(c, "PIN resets for staff")}].`,
        ),
    ]);
    const answer = await ask(model);
    expect(answer.decision).toBe("abstain");
    expect(answer.reason).toContain("internal article");
    const html = customerHtml(answer.sentences, answer.citations);
    expect(html).not.toContain("admin console");
    expect(html).not.toContain("admin.internal.example");
  });

  it("never reaches the model for a question the knowledge base cannot answer, and quotes the article when the model fails", async () => {
    const unused = new ScriptedChatModel([say("Anything [1].")]);
    const none = await answerQuestion(kb.searcher, {
      message: "Can I open a joint mortgage in Portugal?",
      policy: DEFAULT_FAQ_POLICY,
      composer: createGroundedComposer(unused),
    });
    expect(none.decision).toBe("abstain");
    expect(unused.calls).toHaveLength(0);

    const failing = new ScriptedChatModel([]);
    const answer = await ask(failing);
    expect(answer.by).toBe("extractive");
    expect(answer.decision).not.toBe("abstain");
    expect(answer.reason).toContain("the model failed");
    expect(answer.sentences.join(" ")).toContain("Card settings");
  });

  it("`faq answer` uses the model when one is given", async () => {
    const file = join(temp.dir, "articles.jsonl");
    writeFileSync(file, ARTICLES.map((a) => JSON.stringify({ id: a.id, title: a.title, body: a.body, url: a.url, visibility: a.visibility })).join("\n"));
    const model = new ScriptedChatModel([(c) => say(`Change your card PIN under Card settings in the app [${numberOf(c, "Change your card PIN")}].`)]);
    const lines: string[] = [];
    const failed = await faqAnswerFile({
      articlesFile: file,
      input: Readable.from([`${JSON.stringify({ id: "q1", message: QUESTION })}\n`]),
      write: (l) => lines.push(l),
      model,
    });
    expect(failed).toBe(0);
    const out = JSON.parse(lines[0] as string);
    expect(out.citations).toEqual(["pin"]);
    expect(out.answer).toContain("Change your card PIN under Card settings in the app. [1]");
  });
});

describe("reading and checking a model's answer", () => {
  it("takes citations after the full stop, removes markdown and links, and reads NO_ANSWER", () => {
    expect(parseGroundedAnswer("**Open** Settings. [1] See https://x.example/a for more [2].").sentences).toEqual([
      { text: "Open Settings.", cites: [1] },
      { text: "See for more.", cites: [2] },
    ]);
    expect(parseGroundedAnswer(" NO_ANSWER ").noAnswer).toBe(true);
  });

  it("drops a sentence citing no source or a source that was not given", () => {
    const sources = [{ number: 1, articleId: "a", title: "Pets", heading: "", text: "Dogs are welcome in every room.", visibility: "public" as const }];
    const check = checkGrounding(
      {
        noAnswer: false,
        sentences: [
          { text: "Dogs are welcome in every room.", cites: [1] },
          { text: "Cats too.", cites: [] },
          { text: "Dogs welcome.", cites: [3] },
        ],
      },
      sources,
      { audience: "customer" },
    );
    expect(check.kept.map((s) => s.text)).toEqual(["Dogs are welcome in every room."]);
    expect(check.dropped.map((d) => d.why)).toEqual(["cites no source", "cites a source that was not given"]);
  });
});
