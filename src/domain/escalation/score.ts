/**
 * The escalation scorer: one conversation, its contact and "now" in; escalate yes/no, a 0–1 score, reason
 * codes and the evidence for each out. No I/O. Timing rules are code; text reasons come from lexicons over
 * what the customer wrote since a teammate last replied.
 */

import { ALL_UNANSWERED_BEFORE, ALL_WANTS_A_PERSON, saysClosingWords, saysNotClosedYet } from "./all-lexicons.js";
import { fold } from "./clean-text.js";
import { judgeText } from "./judge-text.js";
import { REASON_CODES, REASON_WEIGHTS, type ReasonCode } from "./reasons.js";
import { type Message, timelineOf } from "./timeline.js";

export interface ScoreSettings {
  longWaitHours: number;
  vipWaitMinutes: number;
  /** Contact custom attribute that marks a VIP (true/"yes"), or the value a plan/tier attribute has for VIPs. */
  vipAttribute: string;
  reopenThreshold?: number;
  followUpThreshold?: number;
  botRepliesThreshold?: number;
}

export interface Evidence {
  reason: ReasonCode;
  /** The part the reason comes from, when it comes from one. */
  partId?: string;
  /** The customer's words that matched, or the timing in words ("waited 41 h"). */
  detail: string;
  /** What the reason rests on: the customer's words (a model may judge these) or timing and counts (code only). */
  basis?: "text" | "timing";
  /** Set when a model judged the text reasons: it confirmed a rule's finding, or added one the rules missed. */
  model?: "confirmed" | "added";
}

export interface EscalationScore {
  id: string;
  escalate: boolean;
  score: number;
  reasons: ReasonCode[];
  evidence: Evidence[];
  /** Whether the conversation waits on the team (open, awake, customer spoke last). */
  waitingOnTeam: boolean;
  /** When the unanswered stretch began (Unix seconds), if it waits on the team. */
  waitingSince?: number;
  /**
   * Which unanswered stretch this is: the number of teammate replies and closes before it. It only grows, so
   * the same stretch always has the same number and one alert per episode can be keyed on it.
   */
  episode: number;
}

export interface ScoreInput {
  conversation: unknown;
  contact?: unknown;
  /** Unix seconds. */
  now: number;
}

type Doc = Record<string, unknown>;
const asDoc = (value: unknown): Doc => (value && typeof value === "object" ? (value as Doc) : {});
const HOUR = 3600;

/** A short closing ("thanks!", "ok 👍") asks for nothing: it does not keep a conversation waiting. */
export function isClosingMessage(text: string): boolean {
  const folded = fold(text.trim());
  if (!folded) return true;
  if (folded.split(/\s+/).length > 12) return false;
  // Japanese and Chinese put no spaces between words: a long run of text is a message, not a closing.
  if (!/\s/.test(folded) && folded.length > 30) return false;
  // "Thanks for nothing" and "sort it or I cancel my account" carry thanks-like words but close nothing.
  return saysClosingWords(folded) && !saysNotClosedYet(folded) && judgeText(text).length === 0;
}

export function isVip(contact: unknown, attribute: string): boolean {
  const attributes = asDoc(asDoc(contact).custom_attributes);
  const flag = attributes[attribute];
  if (flag === true || flag === 1) return true;
  if (typeof flag === "string") return ["true", "yes", "1", "y"].includes(flag.trim().toLowerCase());
  // Workspaces often mark VIPs through a plan or tier attribute whose value is the VIP word.
  if (flag === undefined) return ["plan", "tier", "segment"].some((key) => String(attributes[key] ?? "").toLowerCase() === attribute.toLowerCase());
  return false;
}

const hoursText = (seconds: number) => (seconds >= 2 * HOUR ? `${Math.floor(seconds / HOUR)} h` : `${Math.max(1, Math.floor(seconds / 60))} min`);

export function scoreConversation(input: ScoreInput, settings: ScoreSettings): EscalationScore {
  const conversation = asDoc(input.conversation);
  const id = String(conversation.id ?? "");
  const timeline = timelineOf(conversation);
  const now = input.now;
  const state = String(conversation.state ?? (conversation.open === false ? "closed" : "open"));
  const snoozedUntil = typeof conversation.snoozed_until === "number" ? conversation.snoozed_until : undefined;
  const asleep = snoozedUntil !== undefined && snoozedUntil > now;
  const closed = state === "closed" || conversation.open === false;

  // A teammate reply or a close ends the stretch the customer is waiting in; what came before was dealt with.
  const lastTeammateIndex = findLastIndex(timeline, (m) => m.speaker === "teammate" || m.partType === "close");
  const sinceTeammate = timeline.slice(lastTeammateIndex + 1);
  const episode = timeline.slice(0, lastTeammateIndex + 1).filter((m) => m.speaker === "teammate" || m.partType === "close").length;
  const unanswered = sinceTeammate.filter((m) => m.speaker === "customer");
  const asking = unanswered.filter((m) => !isClosingMessage(m.text));
  const waitingOnTeam = !closed && !asleep && asking.length > 0;

  const none: EscalationScore = { id, escalate: false, score: 0, reasons: [], evidence: [], waitingOnTeam, episode };
  if (!waitingOnTeam) return none;

  const evidence: Evidence[] = [];
  const add = (reason: ReasonCode, detail: string, partId?: string, basis: "text" | "timing" = "timing") => {
    if (!evidence.some((e) => e.reason === reason)) evidence.push({ reason, detail, partId, basis });
  };
  const firstAsking = asking[0] as Message;
  const waited = Math.max(0, now - firstAsking.at);

  for (const message of unanswered) {
    for (const hit of judgeText(message.text)) add(hit.reason, `"${hit.words}"`, message.id, "text");
  }

  if (waited >= settings.longWaitHours * HOUR) add("long_wait", `waited ${hoursText(waited)} with no teammate reply`, firstAsking.id);
  if (isVip(input.contact, settings.vipAttribute) && waited >= settings.vipWaitMinutes * 60)
    add("vip_waiting", `VIP customer waiting ${hoursText(waited)}`, firstAsking.id);

  const reopens = Math.max(Number(asDoc(conversation.statistics).count_reopens ?? 0) || 0, timeline.filter((m) => m.partType === "open").length);
  if (reopens >= (settings.reopenThreshold ?? 3)) add("repeated_reopen", `reopened ${reopens} times and still unresolved`);

  const followUps = asking.length - 1;
  if (followUps >= (settings.followUpThreshold ?? 3)) add("repeated_contact", `${followUps} follow-ups with no teammate reply`, asking[asking.length - 1]?.id);
  else {
    for (const message of asking) {
      const folded = fold(message.text);
      const said = ALL_UNANSWERED_BEFORE.map((pattern) => pattern.exec(folded)).find(Boolean);
      if (said) {
        add("repeated_contact", `"${said[0]}"`, message.id, "text");
        break;
      }
    }
  }

  const botReplies = sinceTeammate.filter((m) => m.speaker === "bot" && m.partType !== "note");
  const lastBot = botReplies[botReplies.length - 1];
  if (lastBot && botReplies.length >= (settings.botRepliesThreshold ?? 2)) {
    const after = unanswered.filter((m) => m.at >= lastBot.at);
    const helped = after.some((m) => isClosingMessage(m.text));
    const ask = after.map((m) => ({ m, match: ALL_WANTS_A_PERSON.map((pattern) => pattern.exec(fold(m.text))).find(Boolean) })).find((x) => x.match);
    if (!helped && ask?.match) add("bot_loop", `${botReplies.length} bot replies, then "${ask.match[0]}"`, ask.m.id);
  }

  const reasons = REASON_CODES.filter((code) => evidence.some((e) => e.reason === code));
  evidence.sort((a, b) => reasons.indexOf(a.reason) - reasons.indexOf(b.reason));
  return {
    id,
    escalate: reasons.length > 0,
    score: combine(reasons, waited, settings),
    reasons,
    evidence,
    waitingOnTeam,
    waitingSince: firstAsking.at,
    episode,
  };
}

/** Independent risks: 1 − Π(1 − w). A long wait grows heavier as it doubles past the threshold. */
export function combine(reasons: readonly ReasonCode[], waited: number, settings: ScoreSettings): number {
  if (reasons.length === 0) return 0;
  let keep = 1;
  for (const reason of reasons) {
    let weight = REASON_WEIGHTS[reason];
    if (reason === "long_wait") weight = Math.min(0.8, weight + 0.15 * Math.log2(Math.max(1, waited / (settings.longWaitHours * HOUR))));
    keep *= 1 - weight;
  }
  return Math.round((1 - keep) * 1000) / 1000;
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i] as T)) return i;
  return -1;
}
