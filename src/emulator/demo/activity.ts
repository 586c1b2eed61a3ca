/** Per-contact activity beyond the inbox: agent notes, tracked events, and the segments derived from contacts. */
import { kindSalt, objectId } from "./ids.js";
import type { Rng } from "./prng.js";
import { paragraph } from "./texts.js";
import type { Admin, Contact, Conversation, DataEvent, Note, Segment } from "./types.js";

const DAY = 86400;
const EVENT_NAMES = ["card-payment", "top-up", "transfer-sent", "app-login", "card-frozen"];
const MAX_NOTES = 300;
const MAX_EVENT_USERS = 2000;

/** Notes on VIP customers and on customers who wrote angrily, as agents leave them; linked from each contact. */
export function buildNotes(rng: Rng, contacts: Contact[], contactIndexById: Map<string, number>, conversations: Conversation[], admins: Admin[]): Note[] {
  const notes: Note[] = [];
  const noted = new Set<number>();
  const addNote = (contactIndex: number, createdAt: number, text: string) => {
    if (notes.length >= MAX_NOTES || noted.has(contactIndex)) return;
    noted.add(contactIndex);
    const contact = contacts[contactIndex];
    const id = String(17400001 + notes.length);
    notes.push({
      type: "note",
      id,
      created_at: createdAt,
      contact: { type: "contact", id: contact.id },
      author: structuredClone(rng.pick(admins)),
      body: paragraph(text),
    });
    contact.notes.data.push({ type: "note", id, url: `/notes/${id}` });
    contact.notes.total_count = contact.notes.data.length;
  };
  contacts.forEach((contact, i) => {
    if (contact.custom_attributes.plan === "vip") addNote(i, contact.created_at + DAY, "VIP customer: reply within the hour and route to Premium Care.");
  });
  for (const conversation of conversations) {
    if (conversation.custom_attributes.mood !== "angry" || conversation.statistics.first_admin_reply_at === undefined) continue;
    const index = contactIndexById.get(conversation.contacts.contacts[0].id);
    if (index !== undefined && rng.chance(0.5)) {
      addNote(
        index,
        conversation.statistics.first_admin_reply_at,
        `Upset about ${conversation.custom_attributes.topic.replace(/_/g, " ")}. Keep tone calm; consider goodwill credit.`,
      );
    }
  }
  return notes;
}

export function buildDataEvents(rng: Rng, seed: number, now: number, windowStart: number, users: Contact[]): DataEvent[] {
  const salt = kindSalt(seed, "event");
  const events: DataEvent[] = [];
  const limit = Math.min(users.length, MAX_EVENT_USERS);
  for (let i = 0; i < limit; i++) {
    const user = users[i];
    const n = rng.int(1, 3);
    for (let k = 0; k < n; k++) {
      const created = windowStart + rng.int(0, Math.max(0, now - windowStart));
      const name = rng.pick(EVENT_NAMES);
      const metadata: DataEvent["metadata"] =
        name === "app-login" ? { platform: rng.pick(["ios", "android", "web"]) } : { amount: (rng.int(100, 50000) / 100).toFixed(2), currency: "GBP" };
      events.push({
        type: "event",
        id: objectId(created, salt, events.length),
        event_name: name,
        created_at: created,
        user_id: user.external_id,
        intercom_user_id: user.id,
        email: user.email,
        metadata,
      });
    }
  }
  return events.sort((x, y) => x.created_at - y.created_at);
}

export function buildSegments(seed: number, now: number, contacts: Contact[]): Segment[] {
  const salt = kindSalt(seed, "segment");
  const recent = now - 30 * DAY;
  const rows: [string, Segment["person_type"], (c: Contact) => boolean][] = [
    ["Active users", "user", (c) => c.role === "user" && (c.last_seen_at ?? 0) >= recent],
    ["Slipping away", "user", (c) => c.role === "user" && (c.last_seen_at ?? 0) < recent],
    ["VIP customers", "user", (c) => c.custom_attributes.plan === "vip"],
    ["Premium plan", "user", (c) => c.custom_attributes.plan === "premium"],
    ["New leads", "contact", (c) => c.role === "lead"],
  ];
  return rows.map(([name, personType, test], i) => {
    const created = now - (365 - i * 30) * DAY;
    return {
      type: "segment",
      id: objectId(created, salt, i),
      name,
      created_at: created,
      updated_at: now - DAY,
      person_type: personType,
      count: contacts.reduce((n, c) => (test(c) ? n + 1 : n), 0),
      _member_ids: contacts.filter(test).map((c) => c.id),
    };
  });
}
