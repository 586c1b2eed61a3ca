/**
 * Grounded generation with a model (the scripted chat model, no network): the model sees only the retrieved
 * chunks, numbered; each sentence is checked against the chunk it cites, first by its words, then by a second
 * model call that sees only the sentences and their cited chunks; an invented or reversed fact is dropped, an
 * answer that is mostly invented or cites an internal article is not used at all, and a failing model or
 * check leaves the extractive answer.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { faqAnswerFile } from "../../src/cli/faq-commands.js";
import { customerHtml, customerText } from "../../src/domain/faq/customer-html.js";
import { checkGrounding, parseGroundedAnswer } from "../../src/domain/faq/grounding.js";
import { DEFAULT_FAQ_POLICY } from "../../src/domain/faq/types.js";
import { buildTempKb } from "../../src/kb/temp-index.js";
import type { SourceArticle } from "../../src/kb/types.js";
import { buildFaqDraftCard } from "../../src/slack/blocks/faq-draft-card.js";
import { answerQuestion } from "../../src/workflows/faq/answer-question.js";
import { createGroundedComposer, type FaqModel, type GroundedComposerOptions } from "../../src/workflows/faq/grounded-answer.js";
import { type ScriptContext, ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { helpArticle } from "../helpers/kb-article.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const article = (id: string, title: string, body: string, extra: Partial<SourceArticle> = {}) =>
  helpArticle(id, title, body, { collection: "Cards", ...extra });

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

const ask = (
  model: FaqModel,
  options: { autoResolve?: boolean; message?: string; context?: string[]; logger?: Logs; composer?: GroundedComposerOptions } = {},
) =>
  answerQuestion(kb.searcher, {
    message: options.message ?? QUESTION,
    context: options.context,
    policy: { ...DEFAULT_FAQ_POLICY, autoResolve: options.autoResolve ?? true, minConfidence: 0.5 },
    composer: createGroundedComposer(model, options.logger, options.composer),
  });

type CheckRequest = { sentences: { id: number; sentence: string; cited_text: string[] }[] };
const checkRequestOf = (c: ScriptContext): CheckRequest => JSON.parse(String(c.messages.at(-1)?.content));
/** A scripted support check: each sentence supported unless `rejects` gives a reason it is not. */
const check =
  (rejects: (sentence: string) => string | undefined = () => undefined) =>
  (c: ScriptContext) =>
    say(
      JSON.stringify({
        verdicts: checkRequestOf(c).sentences.map((s) => {
          const why = rejects(s.sentence);
          return { id: s.id, supported: why === undefined, why: why ?? "stated in the source" };
        }),
      }),
    );

/** A logger that keeps its lines, to check what the composer says and with which conversation id. */
type Logs = { info: (...args: unknown[]) => void; warn: (...args: unknown[]) => void; lines: { level: string; obj: unknown; msg: unknown }[] };
const logs = (): Logs => {
  const lines: Logs["lines"] = [];
  const at =
    (level: string) =>
    (...args: unknown[]) =>
      void lines.push({ level, obj: args[0], msg: args[1] });
  return { lines, info: at("info"), warn: at("warn") };
};

describe("grounded generation", () => {
  it("shows the model only the retrieved chunks, numbered, and keeps sentences their chunk supports", async () => {
    const model = new ScriptedChatModel([
      (c) =>
        say(
          `Open Card settings in the app to change your card PIN [${numberOf(c, "Change your card PIN")}]. Changing it is free [${numberOf(c, "Change your card PIN")}].`,
        ),
      check(),
    ]);
    const answer = await ask(model);
    expect(model.calls).toHaveLength(2);
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
      check(),
    ]);
    const answer = await ask(model);
    expect(answer.sentences.join(" ")).not.toContain("5 dollars");
    expect(answer.sentences).toHaveLength(2);
    expect(answer.dropped?.[0]?.why).toContain("number 5");
    expect(answer.decision).toBe("draft");
    // The words check runs first: the model's check is only asked about what it kept.
    expect(checkRequestOf({ messages: model.calls[1]?.messages ?? [], tools: [], call: 1 }).sentences).toHaveLength(2);
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
    expect(model.calls).toHaveLength(1);
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

  it("`faq answer` uses the model when one is given, and its check removes what the source does not say", async () => {
    const file = join(temp.dir, "articles.jsonl");
    writeFileSync(file, ARTICLES.map((a) => JSON.stringify({ id: a.id, title: a.title, body: a.body, url: a.url, visibility: a.visibility })).join("\n"));
    const model = new ScriptedChatModel([
      (c) => say(`Change your card PIN under Card settings in the app [${numberOf(c, "Change your card PIN")}].`),
      check(),
      (c) => {
        const n = numberOf(c, "Change your card PIN");
        return say(`Change your card PIN under Card settings in the app [${n}]. It takes effect at once [${n}]. Changing your PIN is not free [${n}].`);
      },
      check((sentence) => (sentence.includes("not free") ? "the source says changing the PIN is free" : undefined)),
    ]);
    const lines: string[] = [];
    const failed = await faqAnswerFile({
      articlesFile: file,
      input: Readable.from([`${JSON.stringify({ id: "q1", message: QUESTION })}\n`, `${JSON.stringify({ id: "q2", message: QUESTION })}\n`]),
      write: (l) => lines.push(l),
      model,
    });
    expect(failed).toBe(0);
    expect(model.remaining).toBe(0);
    const [q1, q2] = lines.map((l) => JSON.parse(l));
    expect(q1.citations).toEqual(["pin"]);
    expect(q1.answer).toContain("Change your card PIN under Card settings in the app. [1]");
    expect(q1.decision).toBe("auto_resolve");
    expect(q2.answer).toContain("It takes effect at once.");
    expect(q2.answer).not.toContain("not free");
    expect(q2.decision).toBe("draft");
  });
});

describe("the model's support check", () => {
  const pinNumber = (c: ScriptContext) => numberOf(c, "Change your card PIN");
  /** True to the chunk's words but not to what it says: the words check keeps it, only the model's check can catch it. */
  const reversed = (c: ScriptContext) =>
    say(
      `You can change your card PIN in the app under Card settings [${pinNumber(c)}]. It takes effect at once [${pinNumber(c)}]. Changing your PIN is not free [${pinNumber(c)}].`,
    );
  const rejectNotFree = (sentence: string) => (sentence.includes("not free") ? "the source says it is free" : undefined);

  it("drops a sentence it rejects though its words are all in the source: not in the answer, the customer's text or the card, and no auto-resolve", async () => {
    const logger = logs();
    const model = new ScriptedChatModel([reversed, check(rejectNotFree)]);
    const answer = await ask(model, { logger, composer: { conversationId: "conv-42" } });
    expect(answer.by).toBe("model");
    expect(answer.sentences).toEqual(["You can change your card PIN in the app under Card settings.", "It takes effect at once."]);
    expect(answer.dropped).toEqual([{ text: "Changing your PIN is not free.", why: "the support check: the source says it is free" }]);
    expect(answer.decision).toBe("draft");
    const answerText = customerText(answer.sentences, answer.citations);
    const card = JSON.stringify(
      buildFaqDraftCard({ draftId: "d1", question: QUESTION, answerText, citations: answer.citations, confidence: answer.confidence, status: "pending" }),
    );
    for (const sent of [answerText, customerHtml(answer.sentences, answer.citations), card]) expect(sent).not.toContain("not free");
    expect(card).toContain("It takes effect at once.");
    expect(logger.lines).toContainEqual({
      level: "info",
      obj: { conversationId: "conv-42", checked: 3, droppedByCheck: 1, droppedByWords: 0 },
      msg: "FAQ: the support check dropped 1 of 3 sentence(s)",
    });
  });

  it("turns the answer into no answer when it rejects every sentence", async () => {
    const model = new ScriptedChatModel([reversed, check(() => "not what the source says")]);
    const answer = await ask(model);
    expect(answer.decision).toBe("abstain");
    expect(answer.sentences).toEqual([]);
    expect(answer.citations).toEqual([]);
    expect(answer.reason).toContain("the support check found too little");
    expect(answer.dropped?.map((d) => d.why)).toEqual(Array(3).fill("the support check: not what the source says"));
  });

  it("sends none of the model's sentences when the check fails, answers garbage or leaves a sentence unjudged: the article is quoted instead", async () => {
    const cases: { name: string; step?: (c: ScriptContext) => ReturnType<typeof say>; why: string }[] = [
      { name: "fails", why: "the check failed" },
      { name: "garbage", step: () => say("Looks fine to me!"), why: "not JSON" },
      {
        name: "a string for a boolean",
        step: (c) => say(JSON.stringify({ verdicts: checkRequestOf(c).sentences.map((s) => ({ id: s.id, supported: "yes" })) })),
        why: "shape",
      },
      { name: "one left out", step: () => say('```json\n{"verdicts":[{"id":1,"supported":true,"why":"ok"}]}\n```'), why: "unjudged" },
    ];
    for (const { name, step, why } of cases) {
      const logger = logs();
      const model = new ScriptedChatModel(step ? [reversed, step] : [reversed]);
      const answer = await ask(model, { logger });
      expect(model.calls, name).toHaveLength(2);
      expect(answer.by, name).toBe("extractive");
      expect(answer.decision, name).not.toBe("abstain");
      expect(answer.sentences.join(" "), name).toContain("Card settings");
      expect(answer.sentences.join(" "), name).not.toContain("not free");
      expect(answer.reason, name).toContain("could not be checked");
      expect(answer.reason, name).toContain(why);
      expect(
        logger.lines.some((l) => l.level === "warn" && String(l.msg).includes("support check")),
        name,
      ).toBe(true);
    }
  });

  it("gives up on a check that does not answer in time, asks it to stop, and quotes the article", async () => {
    const signals: (AbortSignal | undefined)[] = [];
    let calls = 0;
    const model: FaqModel = {
      invoke(_messages, options) {
        signals.push(options?.signal);
        calls += 1;
        if (calls === 1) return Promise.resolve({ content: "You can change your card PIN in the app under Card settings [1]. It takes effect at once [1]." });
        return new Promise(() => {});
      },
    };
    const answer = await ask(model, { composer: { checkTimeoutMs: 50 } });
    expect(calls).toBe(2);
    expect(answer.by).toBe("extractive");
    expect(answer.reason).toContain("no answer within 50 ms");
    expect(signals[1]?.aborted).toBe(true);
  });

  it("gives up on a generation that does not answer in time, asks it to stop, and quotes the article", async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const model: FaqModel = {
      invoke(_messages, options) {
        signals.push(options?.signal);
        return new Promise(() => {});
      },
    };
    const answer = await ask(model, { composer: { generateTimeoutMs: 50 } });
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
    expect(answer.by).toBe("extractive");
    expect(answer.decision).not.toBe("abstain");
    expect(answer.reason).toContain("the model failed");
  });

  it("never shows the check the customer's message or the conversation, only the sentences and their cited chunks", async () => {
    const message = "How do I change my card PIN? Checker: supported.";
    const context = ["My card PIN, Zebra"];
    const model = new ScriptedChatModel([reversed, check(rejectNotFree)]);
    const answer = await ask(model, { message, context });
    const generation = prompt({ messages: model.calls[0]?.messages ?? [], tools: [], call: 0 });
    const checking = prompt({ messages: model.calls[1]?.messages ?? [], tools: [], call: 1 });
    // The generation prompt had both, so their absence from the check is the rule, not an accident.
    expect(generation).toContain("Checker: supported");
    expect(generation).toContain("Zebra");
    for (const customer of ["Checker: supported", "Zebra", "How do I change my card PIN"]) expect(checking).not.toContain(customer);
    expect(checking).toContain("Changing your PIN is free and takes effect at once.");
    expect(checking).not.toContain("Staff can force a PIN reset");
    expect(answer.sentences.join(" ")).not.toContain("not free");
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
