/**
 * Several weeks of inbox history. Each conversation opens with a banking77 message, follows a planned course
 * (resolved, reopened, snoozed, waiting on the customer, chased, or never answered) and is cut at `now`, so recent
 * conversations are naturally still open. Statistics and waiting_since are derived from the parts afterwards.
 */
import type { Banking77 } from "./banking77.js";
import { isVip } from "./contacts.js";
import { ANGRY_CHANCE, chooseCourse, creationTimes, cumulative, replyDelay, sampleIndex, teamFor } from "./conversation-plan.js";
import type { ArticleRef } from "./help-center.js";
import { intentTagNames } from "./intents.js";
import type { Rng } from "./prng.js";
import { type ShowcasePlan, showcasePlans } from "./showcase.js";
import { computeConversationStatistics, computeWaitingSince } from "./statistics.js";
import type { SupportTeam } from "./team.js";
import {
  ANGRY_CHASERS,
  ANGRY_REOPEN,
  CHASERS,
  CLOSING_LINES,
  COMEBACKS,
  ESCALATION_REPLIES,
  escapeHtml,
  GAP_REPLIES,
  INFO_REQUESTS,
  makeAngry,
  NOTES,
  paragraph,
  THANKS,
} from "./texts.js";
import type { Contact, Conversation, ConversationPart, ConversationPartAuthor, ConversationPartType, Tag, TagBasic } from "./types.js";

const HOUR = 3600;
const DAY = 86400;
const TRENDING_CANDIDATES = ["card_not_working", "contactless_not_working", "top_up_failed", "failed_transfer", "apple_pay_or_google_pay"];
const PART_ID_BASE = 20_000_000_000;
const CONVERSATION_ID_BASE = 170_000_000_000;
const SOURCE_ID_BASE = 410_000_000;

export interface ConversationBuildInput {
  rng: Rng;
  now: number;
  windowStart: number;
  count: number;
  dataset: Banking77;
  contacts: Contact[];
  tagsByName: Map<string, TagBasic>;
  team: SupportTeam;
  articleByIntent: Map<string, ArticleRef>;
}

export interface ConversationBuildResult {
  conversations: Conversation[];
  trendingIntent: string;
}

interface AdminAuthor {
  id: string;
  name: string;
  email: string;
}

export function buildConversations(input: ConversationBuildInput): ConversationBuildResult {
  const { rng, now, windowStart, count, dataset, contacts, tagsByName, team, articleByIntent } = input;
  const intents = dataset.intents;

  const weights = intents.map(() => Math.exp(rng.next() * 2));
  const candidates = TRENDING_CANDIDATES.filter((intent) => intents.includes(intent));
  const trendingIntent = candidates.length > 0 ? rng.pick(candidates) : intents[0];
  const trendIndex = intents.indexOf(trendingIntent);
  const cumBase = cumulative(weights);
  const cumTrend = cumulative(weights.map((w, i) => (i === trendIndex ? w * 5 + 6 : w)));
  const trendStart = now - 7 * DAY;

  // Everything per intent is computed once: escaped texts, tags, team and the tail of the agent's answer.
  const htmlByIntent = intents.map((intent) => dataset.textsByIntent[intent].map(paragraph));
  const tagNamesByIntent = intents.map(intentTagNames);
  const answerTailByIntent = intents.map((intent) => {
    const article = articleByIntent.get(intent);
    if (!article) return GAP_REPLIES.map(paragraph);
    return [
      `${paragraph(article.summary)}<p>There is more detail in this article: <a href="${article.url}">${escapeHtml(article.title)}</a></p>`,
      `${paragraph("Thanks for getting in touch.")}${paragraph(article.summary)}<p>See also <a href="${article.url}">${escapeHtml(article.title)}</a>.</p>`,
    ];
  });
  const paragraphs = (items: readonly string[]) => items.map(paragraph);
  const thanksHtml = paragraphs(THANKS);
  const chaserHtml = paragraphs(CHASERS);
  const angryChaserHtml = paragraphs(ANGRY_CHASERS);
  const comebackHtml = paragraphs(COMEBACKS);
  const infoHtml = paragraphs(INFO_REQUESTS);
  const closingHtml = paragraphs(CLOSING_LINES);
  const escalationHtml = paragraphs(ESCALATION_REPLIES);
  const noteHtml = paragraphs(NOTES);
  const angryReopenHtml = paragraph(ANGRY_REOPEN);

  const adminAuthors = new Map<number, AdminAuthor>(team.admins.map((admin) => [Number(admin.id), { id: admin.id, name: admin.name, email: admin.email }]));
  const awayAdminIds = new Set(team.admins.filter((admin) => admin.away_mode_enabled).map((admin) => Number(admin.id)));
  const tagVip = tagsByName.get("vip");
  const tagComplaint = tagsByName.get("complaint");
  const tagEscalated = tagsByName.get("escalated");
  const users: number[] = [];
  const leads: number[] = [];
  contacts.forEach((contact, i) => {
    (contact.role === "lead" ? leads : users).push(i);
  });
  const greetingByContact = contacts.map((contact) => (contact.name ? `<p>Hi ${escapeHtml(contact.name.split(" ")[0])},</p>` : "<p>Hi there,</p>"));
  const vipByContact = contacts.map(isVip);

  const times = creationTimes(rng, windowStart, now - 60, contacts.length > 0 ? count : 0);
  const conversations: Conversation[] = new Array(times.length);
  let partCounter = 0;

  const build = (i: number, created: number, r: Rng, plan?: ShowcasePlan): Conversation => {
    const age = now - created;
    const intentIndex = sampleIndex(created >= trendStart ? cumTrend : cumBase, r.next());
    const intent = intents[intentIndex];
    const texts = dataset.textsByIntent[intent];
    const textIndex = r.int(0, texts.length - 1);
    const contactIndex = plan?.contactIndex ?? (leads.length > 0 && (users.length === 0 || r.chance(0.12)) ? r.pick(leads) : r.pick(users));
    const contact = contacts[contactIndex];
    const vip = vipByContact[contactIndex];
    const course = plan?.course ?? chooseCourse(r, age);
    const angry = plan ? plan.angry : r.chance(ANGRY_CHANCE[course]);
    const tagNames = tagNamesByIntent[intentIndex];
    const teamKey = teamFor(tagNames, vip);
    const teamAdmins = team.adminIdsByTeam[teamKey];
    let responderId = teamAdmins[r.int(0, teamAdmins.length - 1)];
    // Teammates who are away now do not pick up recent conversations.
    if (age < 3 * DAY && awayAdminIds.has(responderId)) responderId = teamAdmins.find((id) => !awayAdminIds.has(id)) ?? responderId;
    const responder = adminAuthors.get(responderId)!;
    const contactAuthor = (): ConversationPartAuthor => ({
      type: contact.role,
      id: contact.id,
      name: contact.name,
      email: contact.email,
      from_ai_agent: false,
      is_ai_answer: false,
    });
    const adminAuthor = (): ConversationPartAuthor => ({
      type: "admin",
      id: responder.id,
      name: responder.name,
      email: responder.email,
      from_ai_agent: false,
      is_ai_answer: false,
    });

    const parts: ConversationPart[] = [];
    let cut = false;
    // Widened on purpose: `add` changes it from inside a closure, which narrowing cannot see.
    let state = "open" as ConversationPart["state"];
    let snoozedUntil: number | undefined;
    const add = (t: number, partType: ConversationPartType, byAdmin: boolean, body: string | null, next: ConversationPart["state"]): boolean => {
      if (cut || t > now) {
        cut = true;
        return false;
      }
      const part: ConversationPart = {
        type: "conversation_part",
        id: String(PART_ID_BASE + partCounter++),
        part_type: partType,
        body,
        created_at: t,
        updated_at: t,
        notified_at: t,
        author: byAdmin ? adminAuthor() : contactAuthor(),
        attachments: [],
        external_id: null,
        redacted: false,
        state: next,
        tags: [],
      };
      if (partType === "assignment") part.assigned_to = { type: "admin", id: responder.id };
      parts.push(part);
      state = next;
      return true;
    };
    const chaseHtml = angry ? angryChaserHtml : chaserHtml;

    let t = created;
    if (course === "neglected") {
      const chasers = r.int(0, angry ? 3 : 1);
      for (let c = 0; c < chasers; c++) {
        t += r.int(20 * 60, 5 * HOUR);
        add(t, "comment", false, r.pick(chaseHtml), "open");
      }
    } else {
      const delay = replyDelay(r, vip);
      if (r.chance(0.7)) add(created + r.int(5, Math.max(5, Math.min(600, delay - 1))), "assignment", true, null, "open");
      t = created + delay;
      if (r.chance(0.12)) add(t - 1, "note", true, r.pick(noteHtml), "open");
      const greeting = greetingByContact[contactIndex];
      const answer = course === "awaiting_customer" ? r.pick(infoHtml) : r.pick(answerTailByIntent[intentIndex]);
      add(t, "comment", true, greeting + answer, "open");
      if (course === "chased") {
        t += r.int(HOUR, 10 * HOUR);
        add(t, "comment", false, r.pick(chaseHtml), "open");
      } else if (course === "snoozed") {
        t += r.int(60, 30 * 60);
        const until = t + r.int(DAY, 3 * DAY);
        if (add(t, "snoozed", true, null, "snoozed")) snoozedUntil = until;
        if (add(until, "unsnoozed", true, null, "open")) {
          snoozedUntil = undefined;
          add(until + r.int(10 * 60, 4 * HOUR), "close", true, null, "closed");
        }
      } else if (course === "awaiting_customer") {
        // The team closes a question the customer never came back to after a few quiet days.
        t += r.int(2 * DAY, 5 * DAY);
        add(t, "close", true, null, "closed");
      } else if (course === "resolved" || course === "reopened") {
        if (r.chance(0.5)) {
          t += r.int(120, 3 * HOUR);
          add(t, "comment", false, r.pick(thanksHtml), "open");
          if (r.chance(0.6)) {
            t += r.int(60, HOUR);
            add(t, "comment", true, r.pick(closingHtml), "open");
          }
        }
        t += r.int(10 * 60, DAY);
        add(t, "close", true, null, "closed");
        if (course === "reopened" && plan?.reopens) {
          // Showcase: the same problem back again and again, the last time still waiting on the team.
          const last = now - r.int(HOUR, 10 * HOUR);
          const step = Math.max(HOUR, Math.floor((last - t) / plan.reopens));
          for (let k = 0; k < plan.reopens; k++) {
            t = k === plan.reopens - 1 ? Math.max(t + 60, last) : t + step;
            add(t, "comment", false, angry ? angryReopenHtml : r.pick(comebackHtml), "open");
            if (k === plan.reopens - 1) break;
            add(t + r.int(10 * 60, Math.floor(step / 4)), "comment", true, greeting + r.pick(escalationHtml), "open");
            add(t + Math.floor(step / 2), "close", true, null, "closed");
          }
        } else if (course === "reopened") {
          t += r.int(6 * HOUR, 5 * DAY);
          add(t, "comment", false, angry ? angryReopenHtml : r.pick(comebackHtml), "open");
          t += replyDelay(r, vip);
          add(t, "comment", true, greeting + r.pick(escalationHtml), "open");
          // Mostly closed once settled; the rest after a few quiet days, so none stays open for weeks.
          t += r.chance(0.7) ? r.int(HOUR, 2 * DAY) : r.int(2 * DAY, 5 * DAY);
          add(t, "close", true, null, "closed");
        }
      }
    }

    const statistics = computeConversationStatistics(created, parts);
    const hasAdminPart = parts.some((part) => part.author.type === "admin");
    const tags: Tag[] = [];
    const applyTag = (tag: TagBasic | undefined, at: number) => {
      if (tag) tags.push({ type: "tag", id: tag.id, name: tag.name, applied_at: at, applied_by: { type: "admin", id: responder.id } });
    };
    for (const name of tagNames) applyTag(tagsByName.get(name), created);
    if (vip) applyTag(tagVip, created);
    const replied = statistics.first_admin_reply_at !== undefined;
    if (angry && replied && r.chance(0.5)) applyTag(tagComplaint, statistics.first_admin_reply_at!);
    if (course === "reopened" && statistics.count_reopens > 0) applyTag(tagEscalated, statistics.last_contact_reply_at!);

    const conversation: Conversation = {
      type: "conversation",
      id: String(CONVERSATION_ID_BASE + i),
      title: null,
      created_at: created,
      updated_at: parts.length > 0 ? parts[parts.length - 1].created_at : created,
      waiting_since: computeWaitingSince(created, parts),
      snoozed_until: state === "snoozed" && snoozedUntil !== undefined ? snoozedUntil : null,
      // Snoozed still counts as open (the spec's own snoozed example says open: true); only closed is not.
      open: state !== "closed",
      state,
      read: hasAdminPart,
      priority: angry && vip ? "urgent" : angry || vip ? "high" : tagNames.includes("fraud") ? "medium" : "none",
      admin_assignee_id: hasAdminPart ? responderId : 0,
      team_assignee_id: team.teamIds[teamKey],
      tags: { type: "tag.list", tags },
      source: {
        type: "conversation",
        id: String(SOURCE_ID_BASE + i),
        delivered_as: "customer_initiated",
        subject: "",
        body: angry ? paragraph(makeAngry(texts[textIndex], r)) : htmlByIntent[intentIndex][textIndex],
        author: { type: contact.role, id: contact.id, name: contact.name, email: contact.email },
        attachments: [],
        url: null,
        redacted: false,
      },
      contacts: { type: "contact.list", contacts: [{ type: "contact", id: contact.id, external_id: contact.external_id }] },
      teammates: { type: "admin.list", teammates: hasAdminPart ? [{ type: "admin", id: responder.id }] : [] },
      custom_attributes: { topic: intent, mood: angry ? "angry" : "calm" },
      first_contact_reply: { created_at: created, type: "conversation", url: null },
      statistics,
      conversation_parts: { type: "conversation_part.list", conversation_parts: parts, total_count: parts.length },
      linked_objects: { type: "list", total_count: 0, has_more: false, data: [] },
      ai_agent_participated: false,
    };
    if (r.chance(0.3)) {
      conversation.source.type = "email";
      conversation.source.subject = `Question about ${intent.replace(/_/g, " ").replace(/\?$/, "")}`;
      conversation.title = conversation.source.subject;
    }
    if (vip) {
      const ttr = statistics.time_to_admin_reply;
      const status = ttr !== undefined ? (ttr <= HOUR ? "hit" : "missed") : age > HOUR ? "missed" : "active";
      conversation.sla_applied = { type: "conversation_sla_summary", sla_name: "VIP first reply within 1 hour", sla_status: status };
    }
    if (state === "closed" && statistics.last_close_at !== undefined && r.chance(0.3)) {
      const ratedAt = statistics.last_close_at + r.int(60, DAY);
      if (ratedAt <= now) {
        const rating = angry ? r.int(1, 2) : r.chance(0.8) ? r.int(4, 5) : r.int(2, 3);
        conversation.conversation_rating = {
          rating,
          remark: rating >= 4 ? "Quick and helpful." : rating <= 2 ? "Took far too long." : "",
          created_at: ratedAt,
          updated_at: ratedAt,
          contact: { type: "contact", id: contact.id, external_id: contact.external_id },
          teammate: { type: "admin", id: responder.id },
        };
        conversation.updated_at = ratedAt;
      }
    }
    return conversation;
  };

  for (let i = 0; i < times.length; i++) conversations[i] = build(i, times[i], rng);
  // Rebuilt from their own stream after the main pass, so the rest of the inbox stays exactly as it was.
  const showcase = rng.fork("escalation-showcase");
  for (const plan of showcasePlans(showcase, times, now, contacts.map(isVip), users))
    conversations[plan.index] = build(plan.index, times[plan.index], showcase, plan);
  return { conversations, trendingIntent };
}
