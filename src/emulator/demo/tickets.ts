/** Ticket types, their states, and customer tickets whose descriptions are banking77 messages. */
import type { Banking77 } from "./banking77.js";
import { intentLabel, intentTagNames } from "./intents.js";
import type { Rng } from "./prng.js";
import type { SupportTeam } from "./team.js";
import { paragraph } from "./texts.js";
import type { Contact, Ticket, TicketPart, TicketState, TicketStateCategory, TicketType, TicketTypeAttribute } from "./types.js";

const DAY = 86400;
const HOUR = 3600;

const STATES: readonly TicketState[] = [
  { type: "ticket_state", id: "4001", category: "submitted", internal_label: "Submitted", external_label: "Submitted" },
  { type: "ticket_state", id: "4002", category: "in_progress", internal_label: "In progress", external_label: "In progress" },
  { type: "ticket_state", id: "4003", category: "in_progress", internal_label: "With engineering", external_label: "In progress" },
  { type: "ticket_state", id: "4004", category: "waiting_on_customer", internal_label: "Waiting on customer", external_label: "Awaiting your reply" },
  { type: "ticket_state", id: "4005", category: "resolved", internal_label: "Resolved", external_label: "Resolved" },
];

type TypeKey = "dispute" | "bug" | "account" | "fraud";

interface TypeSeed {
  key: TypeKey;
  name: string;
  description: string;
  icon: string;
  category: TicketType["category"];
  extra: { name: string; description: string; data_type: TicketTypeAttribute["data_type"]; input_options: Record<string, unknown> }[];
}

const TYPE_SEEDS: readonly TypeSeed[] = [
  {
    key: "dispute",
    name: "Card dispute",
    description: "A customer disputes or wants back a card payment",
    icon: "💳",
    category: "Customer",
    extra: [
      { name: "Amount", description: "Disputed amount in the account currency", data_type: "decimal", input_options: {} },
      { name: "Merchant", description: "Merchant name as shown on the statement", data_type: "string", input_options: { multiline: false } },
    ],
  },
  {
    key: "bug",
    name: "Bug report",
    description: "Something in the app or card does not work as it should",
    icon: "🐞",
    category: "Customer",
    extra: [
      { name: "Severity", description: "Impact on the customer", data_type: "list", input_options: { list_options: ["low", "medium", "high"] } },
      { name: "Platform", description: "Where the problem happens", data_type: "list", input_options: { list_options: ["iOS", "Android", "Web", "Card"] } },
    ],
  },
  {
    key: "account",
    name: "Account change request",
    description: "Identity, personal details or account closure handled by the back office",
    icon: "📝",
    category: "Customer",
    extra: [{ name: "Change type", description: "What the customer asked to change", data_type: "string", input_options: { multiline: false } }],
  },
  {
    key: "fraud",
    name: "Fraud investigation",
    description: "Suspicious activity reviewed by the fraud team",
    icon: "🕵️",
    category: "Back-office",
    extra: [{ name: "Amount at risk", description: "Total of the suspicious transactions", data_type: "decimal", input_options: {} }],
  },
];

const copyState = (state: TicketState): TicketState => ({ ...state });

function typeKeyFor(intent: string): TypeKey | null {
  const tags = intentTagNames(intent);
  if (tags.includes("fraud")) return "fraud";
  if (tags.includes("refund")) return "dispute";
  if (tags.includes("bug")) return "bug";
  if (tags[0] === "account") return "account";
  return null;
}

export function buildTicketTypes(now: number, workspaceId: string): { ticketTypes: TicketType[]; ticketStates: TicketState[] } {
  const created = now - 300 * DAY;
  let attributeId = 5001;
  const ticketTypes = TYPE_SEEDS.map((seed, i): TicketType => {
    const typeId = 2301 + i;
    const attribute = (
      name: string,
      description: string,
      dataType: TicketTypeAttribute["data_type"],
      options: Record<string, unknown>,
      isDefault: boolean,
    ): TicketTypeAttribute => ({
      type: "ticket_type_attribute",
      id: String(attributeId++),
      workspace_id: workspaceId,
      name,
      description,
      data_type: dataType,
      input_options: options,
      order: 0,
      required_to_create: name === "_default_title_",
      required_to_create_for_contacts: name === "_default_title_",
      visible_on_create: true,
      visible_to_contacts: name !== "topic",
      default: isDefault,
      ticket_type_id: typeId,
      archived: false,
      created_at: created,
      updated_at: created,
    });
    const attributes = [
      attribute("_default_title_", "Short summary", "string", { multiline: false }, true),
      attribute("_default_description_", "What happened", "string", { multiline: true }, true),
      ...seed.extra.map((extra) => attribute(extra.name, extra.description, extra.data_type, extra.input_options, false)),
      attribute("topic", "Demo ground truth: the banking77 intent of the request", "string", { multiline: false }, false),
    ];
    attributes.forEach((attr, order) => {
      attr.order = order;
    });
    return {
      type: "ticket_type",
      id: String(typeId),
      category: seed.category,
      name: seed.name,
      description: seed.description,
      icon: seed.icon,
      workspace_id: workspaceId,
      ticket_type_attributes: { type: "list", data: attributes },
      ticket_states: { type: "list", data: STATES.filter((s) => s.id !== "4003" || seed.key === "bug").map(copyState) },
      archived: false,
      created_at: created,
      updated_at: created,
    };
  });
  return { ticketTypes, ticketStates: STATES.map(copyState) };
}

export interface TicketBuildInput {
  rng: Rng;
  now: number;
  windowStart: number;
  count: number;
  dataset: Banking77;
  users: Contact[];
  team: SupportTeam;
  ticketTypes: TicketType[];
}

const cloneType = (type: TicketType): TicketType => ({
  ...type,
  ticket_type_attributes: { type: "list", data: type.ticket_type_attributes.data.map((a) => ({ ...a, input_options: { ...a.input_options } })) },
  ticket_states: { type: "list", data: type.ticket_states.data.map(copyState) },
});

/**
 * Index into submitted / in progress / waiting on customer / resolved for a ticket of this age: new tickets are
 * spread over every state, older ones are mostly resolved, and only the odd long investigation is still open
 * after a couple of weeks (nothing sits untriaged for more than a few days).
 */
function ticketTarget(u: number, age: number): number {
  const [submitted, inProgress, waiting] =
    age <= 2 * DAY ? [0.2, 0.3, 0.15] : age <= 7 * DAY ? [0.04, 0.22, 0.12] : age <= 14 * DAY ? [0, 0.12, 0.05] : [0, 0.05, 0.01];
  if (u < submitted) return 0;
  if (u < submitted + inProgress) return 1;
  if (u < submitted + inProgress + waiting) return 2;
  return 3;
}

export function buildTickets({ rng, now, windowStart, count, dataset, users, team, ticketTypes }: TicketBuildInput): Ticket[] {
  const eligible = dataset.intents
    .map((intent) => ({ intent, key: typeKeyFor(intent) }))
    .filter((e) => e.key !== null && dataset.textsByIntent[e.intent].length > 0);
  if (eligible.length === 0 || users.length === 0) return [];
  const typeByKey = new Map(TYPE_SEEDS.map((seed, i) => [seed.key, ticketTypes[i]]));
  const stateById = new Map(STATES.map((s) => [s.id, s]));
  const targets: TicketStateCategory[] = ["submitted", "in_progress", "waiting_on_customer", "resolved"];
  const tickets: Ticket[] = [];
  let partCounter = 0;
  const span = Math.max(1, now - 600 - windowStart);
  const starts = Array.from({ length: count }, () => windowStart + Math.floor(rng.next() * span)).sort((x, y) => x - y);

  for (let i = 0; i < count; i++) {
    const created = starts[i];
    const { intent, key } = rng.pick(eligible);
    const type = typeByKey.get(key!)!;
    const text = rng.pick(dataset.textsByIntent[intent]);
    const contact = rng.pick(users);
    const teamKey = key === "fraud" || key === "dispute" ? "payments" : "frontline";
    const adminId = rng.pick(team.adminIdsByTeam[teamKey]);
    const admin = team.admins.find((a) => Number(a.id) === adminId)!;
    const target = targets[ticketTarget(rng.next(), now - created)];

    const parts: TicketPart[] = [];
    let stateId = "4001";
    let previousStateId: string | null = null;
    let cut = false;
    let t = created;
    const add = (at: number, partType: string, byAdmin: boolean, body: string | null, nextStateId: string): void => {
      if (cut || at > now) {
        cut = true;
        return;
      }
      const part: TicketPart = {
        type: "ticket_part",
        id: String(30_000_000_000 + partCounter++),
        part_type: partType,
        body,
        previous_ticket_state: stateById.get(stateId)!.category,
        ticket_state: stateById.get(nextStateId)!.category,
        created_at: at,
        updated_at: at,
        author: byAdmin
          ? { type: "admin", id: admin.id, name: admin.name, email: admin.email }
          : { type: "user", id: contact.id, name: contact.name, email: contact.email },
        attachments: [],
        external_id: null,
        redacted: false,
      };
      if (partType === "assignment") part.assigned_to = { type: "admin", id: admin.id };
      parts.push(part);
      if (nextStateId !== stateId) {
        previousStateId = stateId;
        stateId = nextStateId;
      }
    };

    t += rng.int(5 * 60, 2 * HOUR);
    add(t, "assignment", true, null, "4001");
    if (target !== "submitted") {
      const working = key === "bug" && rng.chance(0.5) ? "4003" : "4002";
      t += rng.int(10 * 60, DAY);
      add(t, "ticket_state_updated_by_admin", true, null, working);
      add(t + 1, "comment", true, paragraph("We're looking into this and will keep you posted here."), working);
      if (target === "waiting_on_customer" || (target === "resolved" && rng.chance(0.3))) {
        t += rng.int(HOUR, 2 * DAY);
        add(t, "comment", true, paragraph("Could you confirm the date and amount involved?"), "4004");
        if (target === "resolved") {
          t += rng.int(HOUR, DAY);
          add(t, "comment", false, paragraph("Yes, it was last Tuesday, about £40."), working);
        }
      }
      if (target === "resolved") {
        t += rng.int(HOUR, 4 * DAY);
        add(t, "comment", true, paragraph("This is now sorted. Thanks for your patience."), "4005");
      }
    }

    const finalState = stateById.get(stateId)!;
    const attributes: Ticket["ticket_attributes"] = {
      _default_title_: intentLabel(intent),
      _default_description_: text,
      topic: intent,
    };
    if (key === "dispute") {
      attributes.Amount = rng.int(500, 50000) / 100;
      attributes.Merchant = rng.pick(["Grocer & Co", "City Rail", "StreamBox", "Hotel Aurora", "QuickFuel"]);
    } else if (key === "bug") {
      attributes.Severity = rng.pick(["low", "medium", "high"]);
      attributes.Platform = rng.pick(["iOS", "Android", "Web", "Card"]);
    } else if (key === "account") {
      attributes["Change type"] = intentLabel(intent);
    } else {
      attributes["Amount at risk"] = rng.int(1000, 300000) / 100;
    }
    tickets.push({
      type: "ticket",
      id: String(600001 + i),
      ticket_id: String(1001 + i),
      category: type.category,
      ticket_attributes: attributes,
      ticket_state: copyState(finalState),
      ticket_type: cloneType(type),
      contacts: { type: "contact.list", contacts: [{ type: "contact", id: contact.id, external_id: contact.external_id }] },
      admin_assignee_id: parts.length > 0 ? adminId : 0,
      team_assignee_id: team.teamIds[teamKey],
      created_at: created,
      updated_at: parts.length > 0 ? parts[parts.length - 1].created_at : created,
      open: finalState.category !== "resolved",
      linked_objects: { type: "list", total_count: 0, has_more: false, data: [] },
      ticket_parts: { type: "ticket_part.list", ticket_parts: parts, total_count: parts.length },
      is_shared: type.category === "Customer",
      previous_ticket_state_id: previousStateId,
    });
  }
  return tickets;
}
