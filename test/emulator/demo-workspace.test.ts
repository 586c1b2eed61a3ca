import { describe, expect, it } from "vitest";
import { loadBanking77 } from "../../src/emulator/demo/banking77.js";
import { parseCsv } from "../../src/emulator/demo/csv.js";
import { generateDemoWorkspace } from "../../src/emulator/demo/generate.js";
import { createRng } from "../../src/emulator/demo/prng.js";
import type { Conversation, DemoWorkspace } from "../../src/emulator/demo/types.js";

const NOW = 1_764_000_000;
const DAY = 86_400;
const dataset = loadBanking77();
const workspace = generateDemoWorkspace({ seed: 7, conversations: 3000, now: NOW }, dataset);

const isAdminReply = (part: Conversation["conversation_parts"]["conversation_parts"][number]) => part.part_type === "comment" && part.author.type === "admin";
const fraction = (items: Conversation[], test: (c: Conversation) => boolean) => items.filter(test).length / items.length;

describe("banking77 loading", () => {
  it("parses quoted fields holding commas, doubled quotes and CRLF line ends", () => {
    expect(parseCsv('text,category\r\n"Hi, my card, it broke",card_not_working\r\n"He said ""no""",x\nplain,y')).toEqual([
      ["text", "category"],
      ["Hi, my card, it broke", "card_not_working"],
      ['He said "no"', "x"],
      ["plain", "y"],
    ]);
  });

  it("reads all 77 intents and every row of both files", () => {
    expect(dataset.intents).toHaveLength(77);
    const total = Object.values(dataset.textsByIntent).reduce((n, texts) => n + texts.length, 0);
    expect(total).toBe(10003 + 3080);
    expect(dataset.textsByIntent.card_arrival).toContain("What can I do if my card still hasn't arrived after 2 weeks?");
  });
});

describe("seeded randomness", () => {
  it("repeats for a seed and differs across seeds", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRng(seed).next);
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
  });
});

describe("generateDemoWorkspace", () => {
  it("is deterministic for a seed and now", () => {
    const again = generateDemoWorkspace({ seed: 7, conversations: 3000, now: NOW }, dataset);
    expect(again).toEqual(workspace);
  });

  it("produces different data for a different seed", () => {
    const other = generateDemoWorkspace({ seed: 8, conversations: 3000, now: NOW }, dataset);
    expect(other.conversations.map((c) => c.source.body)).not.toEqual(workspace.conversations.map((c) => c.source.body));
    expect(other.contacts.map((c) => c.email)).not.toEqual(workspace.contacts.map((c) => c.email));
  });

  it("has the team, help center and customer base the brief asks for", () => {
    expect(workspace.admins).toHaveLength(8);
    expect(workspace.teams.map((t) => t.name)).toEqual(["Frontline Support", "Payments & Fraud", "Premium Care"]);
    expect(workspace.collections.length).toBeGreaterThanOrEqual(4);
    expect(workspace.sections.length).toBeGreaterThanOrEqual(8);
    expect(workspace.articles.length).toBeGreaterThanOrEqual(40);
    expect(workspace.internalArticles.length).toBeGreaterThanOrEqual(4);
    expect(workspace.companies).toHaveLength(50);
    const roles = new Set(workspace.contacts.map((c) => c.role));
    expect(roles).toEqual(new Set(["user", "lead"]));
    expect(workspace.contacts.filter((c) => c.custom_attributes.plan === "vip").length).toBeGreaterThan(5);
    expect(workspace.tags.map((t) => t.name)).toEqual(expect.arrayContaining(["billing", "card", "vip", "bug", "refund"]));
    expect(workspace.tickets.length).toBe(250);
  });

  it("keeps waits plausible: hours for most, a few days at most, and nothing left open for weeks", () => {
    const open = workspace.conversations.filter((c) => c.state === "open");
    const waits = open.filter((c) => c.waiting_since !== null).map((c) => NOW - c.waiting_since!);
    expect(waits.length).toBeGreaterThan(10);
    expect(Math.max(...waits)).toBeLessThanOrEqual(7 * DAY);
    expect(waits.filter((w) => w <= DAY).length / waits.length).toBeGreaterThan(0.6);
    expect(Math.max(...open.map((c) => NOW - c.updated_at))).toBeLessThanOrEqual(7 * DAY);
  });

  it("keeps the ticket backlog plausible: nothing untriaged for days, old tickets mostly resolved", () => {
    const open = workspace.tickets.filter((t) => t.open);
    expect(open.length).toBeGreaterThan(5);
    expect(open.length / workspace.tickets.length).toBeLessThan(0.35);
    const untriaged = open.filter((t) => t.ticket_state.category === "submitted");
    expect(untriaged.length).toBeGreaterThan(0);
    expect(Math.max(...untriaged.map((t) => NOW - t.created_at))).toBeLessThanOrEqual(7 * DAY);
    const stale = open.filter((t) => NOW - t.created_at > 14 * DAY);
    expect(stale.length / open.length).toBeLessThan(0.25);
  });

  it("has a realistic mix: mostly answered, some waiting for hours, angry, reopened and VIP", () => {
    const all = workspace.conversations;
    const answeredAndClosed = fraction(all, (c) => c.state === "closed" && c.statistics.first_admin_reply_at !== undefined);
    expect(answeredAndClosed).toBeGreaterThan(0.75);
    expect(answeredAndClosed).toBeLessThan(0.97);
    const unanswered = all.filter((c) => c.state === "open" && c.statistics.first_admin_reply_at === undefined);
    expect(unanswered.length / all.length).toBeGreaterThan(0.008);
    expect(unanswered.length / all.length).toBeLessThan(0.1);
    expect(unanswered.filter((c) => c.waiting_since !== null && NOW - c.waiting_since >= 3 * 3600).length).toBeGreaterThan(5);
    const angry = all.filter((c) => c.custom_attributes.mood === "angry");
    expect(angry.length / all.length).toBeGreaterThan(0.02);
    expect(angry.length / all.length).toBeLessThan(0.15);
    const phrases = /ridiculous|third time i'm asking|cancel my account|furious/i;
    const shouting = (html: string) => {
      const letters = html.replace(/<[^>]+>|&\w+;/g, "").replace(/[^a-z]/gi, "");
      return letters.replace(/[^A-Z]/g, "").length / letters.length > 0.9;
    };
    expect(angry.every((c) => phrases.test(c.source.body) || shouting(c.source.body))).toBe(true);
    expect(workspace.conversations.filter((c) => c.custom_attributes.mood === "calm").some((c) => phrases.test(c.source.body))).toBe(false);
    const reopened = fraction(all, (c) => c.statistics.count_reopens > 0);
    expect(reopened).toBeGreaterThan(0.03);
    expect(reopened).toBeLessThan(0.15);
    const vip = fraction(all, (c) => c.tags.tags.some((t) => t.name === "vip"));
    expect(vip).toBeGreaterThan(0.005);
    expect(vip).toBeLessThan(0.1);
    expect(all.some((c) => c.state === "snoozed" && c.snoozed_until !== null && c.snoozed_until > NOW)).toBe(true);
  });

  it("has VIPs waiting over an hour and conversations reopened three or more times, waiting again, for escalation to find", () => {
    const vipIds = new Set(workspace.contacts.filter((c) => c.custom_attributes.plan === "vip").map((c) => c.id));
    const waiting = workspace.conversations.filter((c) => c.state === "open" && c.waiting_since !== null);
    const vipWaiting = waiting.filter((c) => vipIds.has(c.contacts.contacts[0]?.id ?? "") && NOW - (c.waiting_since ?? NOW) >= 3600);
    expect(vipWaiting.length).toBeGreaterThanOrEqual(3);
    const reopened = waiting.filter((c) => c.statistics.count_reopens >= 3);
    expect(reopened.length).toBeGreaterThanOrEqual(3);
    for (const c of reopened) expect(c.conversation_parts.conversation_parts.at(-1)?.author.type).not.toBe("admin");
    // A small workspace stays purely random.
    const small = generateDemoWorkspace({ seed: 7, conversations: 50, now: NOW }, dataset);
    expect(small.conversations.some((c) => c.statistics.count_reopens >= 3)).toBe(false);
  });

  it("keeps state and statistics consistent with the parts", () => {
    for (const c of workspace.conversations) {
      const parts = c.conversation_parts.conversation_parts;
      expect(c.conversation_parts.total_count).toBe(parts.length);
      expect(c.created_at).toBeGreaterThanOrEqual(NOW - 42 * DAY);
      let previous = c.created_at;
      let state = "open";
      let reopens = 0;
      for (const part of parts) {
        expect(part.created_at).toBeGreaterThanOrEqual(previous);
        if (state === "closed" && part.state === "open") reopens++;
        state = part.state;
        previous = part.created_at;
      }
      expect(previous).toBeLessThanOrEqual(NOW);
      expect(c.state).toBe(state);
      expect(c.open).toBe(state !== "closed");
      const adminReplies = parts.filter(isAdminReply).map((p) => p.created_at);
      const closes = parts.filter((p) => p.part_type === "close");
      const contactComments = parts.filter((p) => p.part_type === "comment" && p.author.type !== "admin").map((p) => p.created_at);
      const s = c.statistics;
      expect(s.count_reopens).toBe(reopens);
      expect(s.count_conversation_parts).toBe(parts.length);
      expect(s.first_contact_reply_at).toBe(c.created_at);
      expect(s.last_contact_reply_at).toBe(Math.max(c.created_at, ...contactComments));
      expect(s.first_admin_reply_at).toBe(adminReplies[0]);
      expect(s.last_admin_reply_at).toBe(adminReplies.at(-1));
      expect(s.time_to_admin_reply).toBe(adminReplies.length ? adminReplies[0] - c.created_at : undefined);
      expect(s.last_close_at).toBe(closes.at(-1)?.created_at);
      expect(s.first_close_at).toBe(closes[0]?.created_at);
      expect(s.last_closed_by_id).toBe(closes.at(-1)?.author.id);
      expect(s.count_assignments).toBe(parts.filter((p) => p.part_type === "assignment").length);
      if (c.state !== "open") expect(c.waiting_since).toBeNull();
      if (c.waiting_since !== null) {
        expect(c.waiting_since).toBeGreaterThanOrEqual(s.last_admin_reply_at ?? c.created_at);
        expect(c.waiting_since).toBeLessThanOrEqual(s.last_contact_reply_at!);
      }
      const lastWord = parts.filter((p) => p.part_type === "comment").at(-1);
      if (c.state === "open" && lastWord?.author.type !== "admin") expect(c.waiting_since).not.toBeNull();
      expect(c.updated_at).toBeGreaterThanOrEqual(previous);
    }
  });

  it("leaves 10-15 intents without an article while covering most, and the gaps reach the inbox", () => {
    const { coveredIntents, uncoveredIntents, articleIntents } = workspace.meta;
    expect(uncoveredIntents.length).toBeGreaterThanOrEqual(10);
    expect(uncoveredIntents.length).toBeLessThanOrEqual(15);
    expect(new Set([...coveredIntents, ...uncoveredIntents])).toEqual(new Set(dataset.intents));
    const published = new Map(workspace.articles.filter((a) => a.state === "published").map((a) => [a.id, a]));
    const answered = new Set(Object.entries(articleIntents).flatMap(([id, intents]) => (published.has(id) ? intents : [])));
    expect([...answered].sort()).toEqual([...coveredIntents].sort());
    const topics = new Set(workspace.conversations.map((c) => c.custom_attributes.topic));
    expect(uncoveredIntents.filter((intent) => topics.has(intent)).length).toBeGreaterThanOrEqual(8);
  });

  it("uses banking77 messages with the intent recorded as the topic", () => {
    for (const c of workspace.conversations.slice(0, 500)) {
      const texts = dataset.textsByIntent[c.custom_attributes.topic];
      expect(texts).toBeDefined();
      if (c.custom_attributes.mood === "calm") {
        const text = c.source.body
          .replace(/^<p>|<\/p>$/g, "")
          .replace(/&amp;/g, "&")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&quot;/g, '"');
        expect(texts).toContain(text);
      }
    }
  });

  it("gives every resource unique ids and resolvable references", () => {
    const unique = (ids: string[]) => expect(new Set(ids).size).toBe(ids.length);
    const keys = Object.keys(workspace).filter((k) => k !== "meta") as Exclude<keyof DemoWorkspace, "meta">[];
    for (const key of keys) unique((workspace[key] as { id: string | number }[]).map((item) => String(item.id)));
    unique(workspace.conversations.flatMap((c) => c.conversation_parts.conversation_parts.map((p) => p.id)));
    unique(workspace.tickets.flatMap((t) => t.ticket_parts.ticket_parts.map((p) => p.id)));

    const contactIds = new Set(workspace.contacts.map((c) => c.id));
    const adminIds = new Set(workspace.admins.map((a) => Number(a.id)));
    const teamIds = new Set(workspace.teams.map((t) => Number(t.id)));
    for (const c of workspace.conversations) {
      expect(contactIds.has(c.contacts.contacts[0].id)).toBe(true);
      expect(c.source.author.id).toBe(c.contacts.contacts[0].id);
      if (c.admin_assignee_id !== 0) expect(adminIds.has(c.admin_assignee_id)).toBe(true);
      expect(teamIds.has(c.team_assignee_id)).toBe(true);
    }
    for (const t of workspace.tickets) expect(contactIds.has(t.contacts.contacts[0].id)).toBe(true);
    const sectionIds = new Set(workspace.sections.map((s) => Number(s.id)));
    const collectionIds = new Set(workspace.collections.map((s) => Number(s.id)));
    for (const a of workspace.articles) expect(a.parent_ids.every((id) => sectionIds.has(id) || collectionIds.has(id))).toBe(true);
    for (const s of workspace.sections) expect(collectionIds.has(s.parent_id)).toBe(true);
  });

  it("keeps tickets consistent with their parts and types", () => {
    const typeIds = new Set(workspace.ticketTypes.map((t) => t.id));
    const categories = new Set(workspace.tickets.map((t) => t.ticket_state.category));
    expect(categories).toEqual(new Set(["submitted", "in_progress", "waiting_on_customer", "resolved"]));
    for (const t of workspace.tickets) {
      expect(typeIds.has(t.ticket_type.id)).toBe(true);
      expect(t.open).toBe(t.ticket_state.category !== "resolved");
      const parts = t.ticket_parts.ticket_parts;
      expect(parts.at(-1)?.ticket_state ?? "submitted").toBe(t.ticket_state.category);
      for (let i = 1; i < parts.length; i++) expect(parts[i].previous_ticket_state).toBe(parts[i - 1].ticket_state);
      expect(dataset.intents).toContain(t.ticket_attributes.topic);
    }
  });

  it("stamps contacts with their latest conversation activity", () => {
    const latest = new Map<string, number>();
    for (const c of workspace.conversations) {
      const id = c.contacts.contacts[0].id;
      latest.set(id, Math.max(latest.get(id) ?? 0, c.statistics.last_contact_reply_at!));
    }
    for (const contact of workspace.contacts) expect(contact.last_replied_at).toBe(latest.get(contact.id) ?? null);
  });

  it("rejects options that are not integers", () => {
    expect(() => generateDemoWorkspace({ seed: 1.5, conversations: 10, now: NOW }, dataset)).toThrow(RangeError);
    expect(() => generateDemoWorkspace({ seed: 1, conversations: -1, now: NOW }, dataset)).toThrow(RangeError);
    expect(() => generateDemoWorkspace({ seed: 1, conversations: 10, now: Date.now() / 1000 }, dataset)).toThrow(RangeError);
  });

  it("generates 50,000 conversations", () => {
    const big = generateDemoWorkspace({ seed: 11, conversations: 50_000, now: NOW }, dataset);
    expect(big.conversations).toHaveLength(50_000);
    expect(new Set(big.conversations.map((c) => c.id)).size).toBe(50_000);
  });
});
