import { describe, expect, it } from "vitest";
import { CASES } from "../../bench/data/escalation/cases.js";
import { buildConversation } from "../../bench/data/escalation/to-conversation.js";
import { customerWords } from "../../src/domain/escalation/clean-text.js";
import { REASON_CODES } from "../../src/domain/escalation/reasons.js";
import { isClosingMessage, isVip, scoreConversation } from "../../src/domain/escalation/score.js";
import { scoreLine } from "../../src/domain/escalation/score-lines.js";

const SETTINGS = { longWaitHours: 30, vipWaitMinutes: 60, vipAttribute: "vip" };
const NOW = 1764000000;
const H = 3600;

type Part = { who: "user" | "admin" | "bot" | "note"; hoursAgo: number; body: string; type?: string };

/** A small conversation in the 2.16 shape, written inline so each test shows exactly what it judges. */
function conversation(parts: Part[], extra: Record<string, unknown> = {}) {
  const [first, ...rest] = parts as [Part, ...Part[]];
  const author = (who: Part["who"]) =>
    who === "user"
      ? { type: "user", id: "c1", name: "Dana" }
      : who === "bot"
        ? { type: "bot", id: "b1", name: "Fin" }
        : { type: "admin", id: "7", name: "Sam" };
  return {
    type: "conversation",
    id: "42",
    state: "open",
    open: true,
    snoozed_until: null,
    created_at: NOW - first.hoursAgo * H,
    source: { type: "conversation", id: "s1", body: `<p>${first.body}</p>`, author: author(first.who) },
    statistics: { count_reopens: 0 },
    conversation_parts: {
      type: "conversation_part.list",
      conversation_parts: rest.map((p, i) => ({
        type: "conversation_part",
        id: `p${i}`,
        part_type: p.type ?? (p.who === "note" ? "note" : "comment"),
        body: p.body ? `<p>${p.body}</p>` : null,
        created_at: NOW - p.hoursAgo * H,
        author: author(p.who === "note" ? "admin" : p.who),
      })),
    },
    ...extra,
  };
}

const score = (c: unknown, contact?: unknown) => scoreConversation({ conversation: c, contact, now: NOW }, SETTINGS);

describe("escalation scorer: every reason, with evidence", () => {
  it("angry_customer from insults, in several languages, pointing at the part and the words", () => {
    const r = score(conversation([{ who: "user", hoursAgo: 2, body: "This is unacceptable, you are useless" }]));
    expect(r.reasons).toEqual(["angry_customer"]);
    expect(r.evidence[0]).toMatchObject({ reason: "angry_customer", partId: "s1" });
    expect(r.evidence[0]?.detail).toContain("unacceptable");
    for (const body of ["¡Es indignante, qué vergüenza!", "C'est scandaleux !", "Das ist eine Frechheit!", "Que vergonha, atendimento péssimo"])
      expect(score(conversation([{ who: "user", hoursAgo: 1, body }])).reasons, body).toContain("angry_customer");
  });

  it("angry_customer from shouting in capitals, but not from acronyms or excitement", () => {
    expect(score(conversation([{ who: "user", hoursAgo: 1, body: "WHY IS NOBODY HELPING ME WITH MY CARD" }])).reasons).toContain("angry_customer");
    expect(score(conversation([{ who: "user", hoursAgo: 1, body: "Can I send SEPA to an IBAN in the UK in EUR?" }])).escalate).toBe(false);
    expect(score(conversation([{ who: "user", hoursAgo: 1, body: "My card looks AMAZING!!! Thanks so much, does it do NFC?" }])).escalate).toBe(false);
  });

  it("legal_threat, churn_risk, payment_dispute and security_or_data_incident each from the customer's words", () => {
    const cases: [string, string][] = [
      ["legal_threat", "I will take legal action and complain to the ombudsman"],
      ["legal_threat", "Mi abogado ya tiene toda la documentación"],
      ["churn_risk", "I'm closing my account and moving to another bank"],
      ["churn_risk", "Ich werde mein Konto kündigen"],
      ["payment_dispute", "I was charged twice for the same order"],
      ["payment_dispute", "J'ai été débité deux fois, je conteste ce paiement"],
      ["security_or_data_incident", "My account was hacked and someone changed my password"],
      ["security_or_data_incident", "Under GDPR please delete all my personal data"],
    ];
    for (const [reason, body] of cases) expect(score(conversation([{ who: "user", hoursAgo: 1, body }])).reasons, body).toContain(reason);
  });

  it("long_wait after 30 hours with no teammate reply, from the first unanswered message", () => {
    const r = score(conversation([{ who: "user", hoursAgo: 31, body: "When does my new card ship?" }]));
    expect(r.reasons).toEqual(["long_wait"]);
    expect(r.evidence[0]?.detail).toMatch(/waited 31 h/);
    expect(r.waitingSince).toBe(NOW - 31 * H);
    expect(score(conversation([{ who: "user", hoursAgo: 29, body: "When does my new card ship?" }])).escalate).toBe(false);
  });

  it("long_wait follows the configured threshold", () => {
    const c = conversation([{ who: "user", hoursAgo: 5, body: "When does my new card ship?" }]);
    expect(scoreConversation({ conversation: c, now: NOW }, { ...SETTINGS, longWaitHours: 4 }).reasons).toEqual(["long_wait"]);
  });

  it("vip_waiting for a VIP contact after 60 minutes, by flag or by plan", () => {
    const c = conversation([{ who: "user", hoursAgo: 1.5, body: "Please confirm my wire arrived." }]);
    expect(score(c, { custom_attributes: { vip: true } }).reasons).toEqual(["vip_waiting"]);
    expect(score(c, { custom_attributes: { plan: "vip" } }).reasons).toEqual(["vip_waiting"]);
    expect(score(c, { custom_attributes: { vip: false, plan: "vip" } }).escalate).toBe(false);
    expect(score(conversation([{ who: "user", hoursAgo: 0.5, body: "Please confirm my wire arrived." }]), { custom_attributes: { vip: true } }).escalate).toBe(
      false,
    );
    expect(isVip({ custom_attributes: { vip: "yes" } }, "vip")).toBe(true);
  });

  it("repeated_reopen at 3 reopens while still waiting", () => {
    const c = conversation([{ who: "user", hoursAgo: 3, body: "Still broken." }], { statistics: { count_reopens: 3 } });
    expect(score(c).reasons).toEqual(["repeated_reopen"]);
    expect(score(conversation([{ who: "user", hoursAgo: 3, body: "Still broken." }], { statistics: { count_reopens: 2 } })).escalate).toBe(false);
  });

  it("repeated_contact from 3 unanswered follow-ups, or from the customer saying nobody answered", () => {
    const chased = conversation([
      { who: "user", hoursAgo: 9, body: "My top-up is missing" },
      { who: "user", hoursAgo: 6, body: "Hello?" },
      { who: "user", hoursAgo: 4, body: "Anyone?" },
      { who: "user", hoursAgo: 1, body: "Please reply" },
    ]);
    expect(score(chased).reasons).toEqual(["repeated_contact"]);
    expect(score(conversation([{ who: "user", hoursAgo: 1, body: "This is the third time I'm writing about my statement." }])).reasons).toEqual([
      "repeated_contact",
    ]);
    const twice = conversation([
      { who: "user", hoursAgo: 3, body: "My top-up is missing" },
      { who: "user", hoursAgo: 2, body: "Hello?" },
      { who: "user", hoursAgo: 1, body: "Anyone?" },
    ]);
    expect(score(twice).escalate).toBe(false);
  });

  it("bot_loop after two bot replies that did not help and a request for a person", () => {
    const loop = conversation([
      { who: "user", hoursAgo: 2, body: "My transfer is stuck" },
      { who: "bot", hoursAgo: 2, body: "Transfers take 2 days." },
      { who: "user", hoursAgo: 1.9, body: "It's been 5" },
      { who: "bot", hoursAgo: 1.9, body: "Here is an article." },
      { who: "user", hoursAgo: 1.8, body: "Let me talk to a real person please" },
    ]);
    expect(score(loop).reasons).toEqual(["bot_loop"]);
    const once = conversation([
      { who: "user", hoursAgo: 2, body: "My transfer is stuck" },
      { who: "bot", hoursAgo: 2, body: "Transfers take 2 days." },
      { who: "user", hoursAgo: 1.9, body: "Let me talk to a real person please" },
    ]);
    expect(score(once).escalate).toBe(false);
  });

  it("combines reasons into a 0–1 score that grows with more reasons", () => {
    const one = score(conversation([{ who: "user", hoursAgo: 1, body: "This is unacceptable." }]));
    const three = score(conversation([{ who: "user", hoursAgo: 1, body: "Unacceptable. I was charged twice and I am closing my account." }]));
    expect(three.reasons).toEqual(["angry_customer", "churn_risk", "payment_dispute"]);
    expect(three.score).toBeGreaterThan(one.score);
    expect(three.score).toBeLessThanOrEqual(1);
    expect(score(conversation([{ who: "user", hoursAgo: 1, body: "What is my sort code?" }])).score).toBe(0);
  });
});

describe("escalation scorer: the hard negatives", () => {
  it("a closing thanks left open for days is not a long wait", () => {
    const c = conversation([
      { who: "user", hoursAgo: 70, body: "How do I freeze my card?" },
      { who: "admin", hoursAgo: 69, body: "Tap Freeze in the app." },
      { who: "user", hoursAgo: 68, body: "thanks!" },
    ]);
    expect(score(c)).toMatchObject({ escalate: false, waitingOnTeam: false });
    for (const text of ["¡Muchas gracias!", "Super, merci beaucoup !", "Alles klar, danke!", "Ótimo, obrigado!", "ok 👍"])
      expect(isClosingMessage(text), text).toBe(true);
    for (const text of ["Thanks, but it still fails", "Merci d'avance pour votre aide", "ok, is there a date?"])
      expect(isClosingMessage(text), text).toBe(false);
  });

  it("a calm refund question or 'cancel my order' is neither churn nor a dispute", () => {
    for (const body of [
      "How long does a refund take to show on my card?",
      "Can I cancel my order for a metal card?",
      "¿Puedo cancelar mi pedido de tarjeta?",
      "Comment annuler ma commande de carte ?",
      "Ich möchte den Dauerauftrag kündigen, wie geht das?",
      "How do I cancel a direct debit? I told the gym I'm leaving.",
    ])
      expect(score(conversation([{ who: "user", hoursAgo: 2, body }])).escalate, body).toBe(false);
  });

  it("quoted replies and forwarded mail are not the customer speaking", () => {
    const blockquote = conversation([
      { who: "user", hoursAgo: 2, body: "Got it, thanks.</p><blockquote>I will sue you, this is unacceptable</blockquote><p>" },
    ]);
    expect(score(blockquote).escalate).toBe(false);
    const textQuote = "Fine, I'll try again.<br>On Tue, 4 Nov, Support wrote:<br>&gt; you said you would close your account and call a lawyer";
    expect(customerWords(`<p>${textQuote}</p>`)).toBe("Fine, I'll try again.");
    expect(score(conversation([{ who: "user", hoursAgo: 2, body: textQuote }])).escalate).toBe(false);
  });

  it("signatures and disclaimers with legal or alarming words are not the customer speaking", () => {
    const body = "Could you send a balance letter?<br><br>Best regards,<br>Jo Park<br>Senior Legal Counsel, Breach Response<br>Legal action may follow misuse.";
    expect(score(conversation([{ who: "user", hoursAgo: 2, body }])).escalate).toBe(false);
  });

  it("a conversation snoozed into the future is not waiting; one whose snooze has passed is", () => {
    const parts: Part[] = [{ who: "user", hoursAgo: 50, body: "Tell me when savings pots are live." }];
    expect(score(conversation(parts, { state: "snoozed", snoozed_until: NOW + 3600 })).escalate).toBe(false);
    expect(score(conversation(parts, { state: "open", snoozed_until: NOW - 3600 })).reasons).toEqual(["long_wait"]);
  });

  it("after a teammate's reply, earlier angry words no longer count", () => {
    const c = conversation([
      { who: "user", hoursAgo: 5, body: "This is RIDICULOUS, I'll take you to court" },
      { who: "admin", hoursAgo: 4, body: "Sorry, I've fixed it and refunded the fee." },
    ]);
    expect(score(c)).toMatchObject({ escalate: false, waitingOnTeam: false });
  });

  it("closed conversations never escalate", () => {
    expect(score(conversation([{ who: "user", hoursAgo: 40, body: "Unacceptable, I'm closing my account" }], { state: "closed", open: false })).escalate).toBe(
      false,
    );
  });

  it("teammate notes and teammate wording are not the customer's", () => {
    const c = conversation([
      { who: "user", hoursAgo: 3, body: "Can I replace my expired card?" },
      { who: "note", hoursAgo: 2.9, body: "Threatened legal action last year; filed a chargeback." },
    ]);
    expect(score(c).escalate).toBe(false);
  });

  it("calm questions with scary words stay calm", () => {
    for (const body of [
      "My lawyer needs a bank statement for my house purchase, how do I get one?",
      "What's your process if I ever need to dispute a card payment?",
      "How do I make sure my account never gets hacked? Any tips?",
      "Where do you store customer data?",
    ])
      expect(score(conversation([{ who: "user", hoursAgo: 2, body }])).escalate, body).toBe(false);
  });

  it("every hard-negative kind in the labelled set scores as labelled", () => {
    const negatives = CASES.map((c, i) => ({ c, line: buildConversation(c, i) })).filter(({ c }) => c.kind.startsWith("neg_"));
    const kinds = new Set(negatives.map(({ c }) => c.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(12);
    for (const { c, line } of negatives) expect(score(line, line.contact).escalate, c.id).toBe(false);
  });

  it("every reason code has at least three labelled examples", () => {
    for (const reason of REASON_CODES) expect(CASES.filter((c) => c.reasons.includes(reason)).length, reason).toBeGreaterThanOrEqual(3);
    const positives = CASES.filter((c) => c.escalate).length;
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(positives / CASES.length).toBeGreaterThanOrEqual(0.4);
  });
});

describe("the score command's line contract", () => {
  it("answers id, escalate, score and reasons, honouring a line's own now", () => {
    const line = JSON.stringify({ ...conversation([{ who: "user", hoursAgo: 31, body: "When does my card ship?" }]), now: NOW });
    expect(JSON.parse(scoreLine(line, 1, SETTINGS, 0).output as string)).toMatchObject({ id: "42", escalate: true, reasons: ["long_wait"] });
    const early = JSON.stringify(conversation([{ who: "user", hoursAgo: 31, body: "When does my card ship?" }]));
    expect(JSON.parse(scoreLine(early, 1, SETTINGS, NOW - 10 * H).output as string).escalate).toBe(false);
  });

  it("names bad lines in plain words", () => {
    expect(scoreLine("{oops", 3, SETTINGS, NOW).error).toBe("line 3: not valid JSON, skipped");
    expect(scoreLine("[]", 4, SETTINGS, NOW).error).toMatch(/expected a conversation object/);
    expect(scoreLine('{"type":"conversation","id":"1","now":"today"}', 5, SETTINGS, NOW).error).toMatch(/Unix seconds/);
  });
});
