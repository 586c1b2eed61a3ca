/**
 * Escalation end to end: score a conversation, keep one alert per episode (the unanswered stretch since the
 * last teammate reply or close), post the card with a briefing, update it when a new reason appears, end it
 * when the episode ends, and sweep open conversations for waits that grow without any event.
 */
import { briefingFacts } from "../../domain/escalation/briefing-facts.js";
import type { ReasonCode } from "../../domain/escalation/reasons.js";
import { type EscalationScore, isVip, scoreConversation } from "../../domain/escalation/score.js";
import type { AlertCustomer, AlertRecord } from "./alerts-repo.js";
import { writeBriefing } from "./briefing-writer.js";
import { labelsOf, postCard, updateCard } from "./card.js";
import { defaultConversationUrl, type EscalationDeps } from "./deps.js";
import { type EscalationHistory, pullHistory } from "./history.js";

type Doc = Record<string, unknown>;
/** A claim older than this with no card is a post that died mid-way: it may be retried. */
const STALE_CLAIM_MS = 2 * 60_000;
const SWEEP_PAGES = 3;

export type EvaluateResult =
  | { action: "posted"; alert: AlertRecord }
  | { action: "updated"; alert: AlertRecord; added: string[] }
  | { action: "unchanged" | "ended" | "none" | "not_found"; score?: EscalationScore };

export interface SweepResult {
  summary: string;
  posted: AlertRecord[];
  /** Every waiting conversation that escalates, posted or not (the limit, or an alert already out). */
  found: { conversationId: string; reasons: ReasonCode[]; score: number }[];
}

export interface Scored {
  conversation: Doc;
  contact?: Doc;
  score: EscalationScore;
}

export function createEscalationWorkflow(deps: EscalationDeps) {
  const nowMs = deps.now ?? Date.now;
  const nowSeconds = () => Math.floor(nowMs() / 1000);

  async function scoreById(conversationId: string, why: string): Promise<Scored | undefined> {
    const read = await deps.reads.read<Doc>("INTERCOM_GET_CONVERSATION", { conversation_id: conversationId }, why);
    if (!read.ok) return undefined;
    const contactId = ((read.data.contacts as Doc | undefined)?.contacts as Doc[] | undefined)?.[0]?.id;
    const contact = contactId ? await deps.reads.read<Doc>("INTERCOM_GET_A_CONTACT", { contact_id: String(contactId) }, why) : undefined;
    const contactDoc = contact?.ok ? contact.data : undefined;
    const now = nowSeconds();
    const ruled = scoreConversation({ conversation: read.data, contact: contactDoc, now }, deps.settings);
    const score = deps.textJudge ? await deps.textJudge.review({ conversation: read.data, score: ruled, now }) : ruled;
    return { conversation: read.data, contact: contactDoc, score };
  }

  function customerOf(history: EscalationHistory): AlertCustomer {
    const company = history.companies[0];
    const plan = (company?.plan as Doc | undefined)?.name ?? (history.contact?.custom_attributes as Doc | undefined)?.plan;
    return {
      name: typeof history.contact?.name === "string" ? history.contact.name : undefined,
      company: typeof company?.name === "string" ? company.name : undefined,
      plan: typeof plan === "string" ? plan : undefined,
    };
  }

  async function briefingFor(conversationId: string, score: EscalationScore) {
    const history = await pullHistory(deps.reads, conversationId, nowSeconds());
    if (!history) return undefined;
    const facts = briefingFacts(history, score, nowSeconds(), isVip(history.contact, deps.settings.vipAttribute));
    const written = await writeBriefing(facts, deps.model);
    if (written.rejected) deps.logger?.info({ conversationId, problems: written.rejected }, "model briefing not used; the template was");
    return { history, facts, written };
  }

  async function post(alert: AlertRecord, score: EscalationScore, extras: { change?: string } = {}): Promise<AlertRecord> {
    try {
      const brief = await briefingFor(alert.conversationId, score);
      const briefing = brief?.written.text ?? "The conversation's history could not be read, so there is no briefing.";
      const customer = brief ? customerOf(brief.history) : {};
      const withBriefing: AlertRecord = { ...alert, briefing, customer };
      const { channel, ts } = await postCard(deps, withBriefing, extras);
      deps.alerts.posted(alert.id, { channel, ts, briefing, customer });
      return deps.alerts.get(alert.id) ?? withBriefing;
    } catch (error) {
      // Nothing was shown: give the episode back so the inbox retry or the next sweep posts it.
      deps.alerts.release(alert.id);
      throw error;
    }
  }

  async function endStale(conversationId: string, score: EscalationScore): Promise<number> {
    const ended = score.waitingOnTeam ? deps.alerts.endEpisodesBefore(conversationId, score.episode) : deps.alerts.endLive(conversationId);
    for (const alert of ended)
      await updateCard(deps, { ...alert, status: "ended" }, { outcome: "_This episode is over: a teammate replied or the conversation was closed._" });
    return ended.length;
  }

  /** Applies a score to the alert store and Slack. */
  async function apply(scored: Scored): Promise<EvaluateResult> {
    const { score } = scored;
    const conversationId = score.id;
    const ended = await endStale(conversationId, score);
    if (!score.escalate) return { action: ended > 0 ? "ended" : "none", score };
    const episode = score.episode;
    const existing = deps.alerts.forEpisode(conversationId, episode);
    if (!existing) {
      const claimed = deps.alerts.claim({ conversationId, episode, reasons: score.reasons, score: score.score });
      if (!claimed) return { action: "unchanged", score };
      return { action: "posted", alert: await post(claimed, score) };
    }
    if (existing.status === "posting") {
      if (!existing.ts && deps.alerts.reclaimStale(existing.id, STALE_CLAIM_MS)) return { action: "posted", alert: await post(existing, score) };
      return { action: "unchanged", score };
    }
    if (existing.status !== "open" && existing.status !== "snoozed") return { action: "unchanged", score };
    const added = score.reasons.filter((r) => !existing.reasons.includes(r));
    if (added.length === 0) return { action: "unchanged", score };
    const reasons = [...existing.reasons, ...added];
    const newScore = Math.max(existing.score, score.score);
    if (!deps.alerts.updateReasons(existing.id, reasons, newScore, existing.reasons)) return { action: "unchanged", score };
    const updated = deps.alerts.get(existing.id) as AlertRecord;
    await updateCard(deps, updated, { change: `New since this card was posted: ${labelsOf(added).join(", ")}.` });
    return { action: "updated", alert: updated, added };
  }

  async function evaluate(conversationId: string, why = `escalation check of conversation ${conversationId}`): Promise<EvaluateResult> {
    const scored = await scoreById(conversationId, why);
    if (!scored) return { action: "not_found" };
    return apply(scored);
  }

  /** Snoozed alerts whose time is up come back as a fresh card, if the episode still needs a person. */
  async function wakeSnoozes(): Promise<number> {
    let woken = 0;
    for (const alert of deps.alerts.dueSnoozes(nowSeconds())) {
      const scored = await scoreById(alert.conversationId, `escalation snooze over for conversation ${alert.conversationId}`);
      if (!scored?.score.escalate || scored.score.episode !== alert.episode) {
        if (scored) await endStale(alert.conversationId, { ...scored.score, waitingOnTeam: false });
        continue;
      }
      const { channel, ts } = await postCard(deps, { ...alert, status: "open" }, { change: "The snooze is over and this still needs a person." });
      if (deps.alerts.wake(alert.id, ts)) {
        await updateCard(deps, alert, { outcome: "_Snoozed; posted again below when the snooze ended._" });
        woken++;
      } else await deps.slack.chat.delete({ channel, ts }).catch(() => undefined);
    }
    return woken;
  }

  /** Open conversations that wait on the team, scored; new alerts for the highest scores, at most N. */
  async function sweep(): Promise<SweepResult> {
    const woken = await wakeSnoozes();
    const candidates: string[] = [];
    let startingAfter: string | undefined;
    for (let page = 0; page < SWEEP_PAGES; page++) {
      const result = await deps.reads.read<Doc>(
        "INTERCOM_SEARCH_CONVERSATIONS",
        {
          query: { operator: "AND", value: [{ field: "state", operator: "=", value: "open" }] },
          pagination: { per_page: 150, ...(startingAfter ? { starting_after: startingAfter } : {}) },
        },
        "escalation sweep: open conversations",
      );
      if (!result.ok) break;
      const conversations = Array.isArray(result.data.conversations) ? (result.data.conversations as Doc[]) : [];
      for (const c of conversations) if (c.waiting_since !== null && c.waiting_since !== undefined) candidates.push(String(c.id));
      startingAfter = ((result.data.pages as Doc | undefined)?.next as Doc | undefined)?.starting_after as string | undefined;
      if (!startingAfter) break;
    }
    const fresh: Scored[] = [];
    const found: SweepResult["found"] = [];
    let updated = 0;
    for (const id of candidates) {
      const scored = await scoreById(id, "escalation sweep");
      if (!scored?.score.escalate) continue;
      found.push({ conversationId: id, reasons: scored.score.reasons, score: scored.score.score });
      const existing = deps.alerts.forEpisode(id, scored.score.episode);
      if (!existing) fresh.push(scored);
      else if ((await apply(scored)).action === "updated") updated++;
    }
    fresh.sort((a, b) => b.score.score - a.score.score);
    const posted: AlertRecord[] = [];
    for (const scored of fresh.slice(0, deps.maxAlertsPerSweep)) {
      const result = await apply(scored);
      if (result.action === "posted") posted.push(result.alert);
    }
    const held = Math.max(0, fresh.length - deps.maxAlertsPerSweep);
    const summary =
      `posted ${posted.length} ${posted.length === 1 ? "alert" : "alerts"} from ${candidates.length} waiting conversations` +
      (held ? `, ${held} more held back by the limit of ${deps.maxAlertsPerSweep}` : "") +
      (updated ? `, updated ${updated}` : "") +
      (woken ? `, ${woken} back from snooze` : "");
    return { summary, posted, found };
  }

  /** The briefing on demand, whether or not the conversation escalates. */
  async function brief(conversationId: string) {
    const scored = await scoreById(conversationId, `briefing asked for conversation ${conversationId}`);
    if (!scored) return undefined;
    const brief = await briefingFor(conversationId, scored.score);
    if (!brief) return undefined;
    return {
      conversationId,
      url: (deps.conversationUrl ?? defaultConversationUrl)(conversationId),
      briefing: brief.written.text,
      by: brief.written.by,
      reasonLabels: labelsOf(scored.score.reasons),
      score: scored.score,
    };
  }

  return { evaluate, apply, sweep, wakeSnoozes, brief, scoreById };
}

export type EscalationWorkflow = ReturnType<typeof createEscalationWorkflow>;
