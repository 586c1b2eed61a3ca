/**
 * Entry point of the demo workspace: a seeded online bank's Intercom workspace with its team, help center,
 * customers and several weeks of conversations and tickets. Same seed and `now` → deep-equal output.
 */
import { buildDataEvents, buildNotes, buildSegments } from "./activity.js";
import { type Banking77, loadBanking77 } from "./banking77.js";
import { buildDataAttributes, buildExternalContent, buildMacros, buildNews, buildSubscriptionTypes } from "./catalog.js";
import { buildCompanies } from "./companies.js";
import { applyConversationActivity, buildContacts } from "./contacts.js";
import { buildConversations } from "./conversations.js";
import { buildHelpCenter } from "./help-center.js";
import { workspaceIdFor } from "./ids.js";
import { createRng } from "./prng.js";
import { buildTags } from "./tags.js";
import { buildSupportTeam } from "./team.js";
import { buildTickets, buildTicketTypes } from "./tickets.js";
import type { DemoOptions, DemoWorkspace } from "./types.js";

export type { DemoOptions, DemoWorkspace } from "./types.js";

export const DEMO_DOMAIN = "kestrel.example";
/** How far back the generated inbox history reaches. */
export const DEMO_HISTORY_DAYS = 42;
const COMPANY_COUNT = 50;

function checkOptions({ seed, conversations, now }: DemoOptions): void {
  if (!Number.isInteger(seed)) throw new RangeError(`demo seed must be an integer, got ${seed}`);
  if (!Number.isInteger(conversations) || conversations < 0) throw new RangeError(`demo conversations must be a non-negative integer, got ${conversations}`);
  if (!Number.isInteger(now) || now < DEMO_HISTORY_DAYS * 86400 * 50) throw new RangeError(`demo now must be Unix seconds, got ${now}`);
}

/**
 * @param dataset banking77, loaded from vendor/ when omitted; pass it in to reuse one parse across calls.
 */
export function generateDemoWorkspace(options: DemoOptions, dataset: Banking77 = loadBanking77()): DemoWorkspace {
  checkOptions(options);
  const { seed, now } = options;
  const root = createRng(seed);
  // Each area draws from its own stream, so changing one area leaves the others' data unchanged.
  const rngHelp = root.fork("help-center");
  const rngCompanies = root.fork("companies");
  const rngContacts = root.fork("contacts");
  const rngConversations = root.fork("conversations");
  const rngTickets = root.fork("tickets");
  const rngActivity = root.fork("activity");
  const rngNews = root.fork("news");

  const workspaceId = workspaceIdFor(seed);
  const windowStart = now - DEMO_HISTORY_DAYS * 86400;
  const team = buildSupportTeam(DEMO_DOMAIN, now);
  const adminIds = team.admins.map((admin) => Number(admin.id));
  const tags = buildTags();
  const tagsByName = new Map(tags.map((tag) => [tag.name, tag]));
  const vipTag = tagsByName.get("vip")!;

  const help = buildHelpCenter({ rng: rngHelp, now, workspaceId, domain: DEMO_DOMAIN, authorIds: adminIds });
  const companies = buildCompanies(rngCompanies, seed, now, workspaceId, COMPANY_COUNT, vipTag);
  const contactCount = Math.min(25000, Math.max(60, Math.round(options.conversations * 0.35)));
  const contacts = buildContacts({ rng: rngContacts, seed, now, createdBefore: windowStart, workspaceId, count: contactCount, companies, vipTag });
  const contactIndexById = new Map(contacts.map((contact, i) => [contact.id, i]));

  const { conversations, trendingIntent } = buildConversations({
    rng: rngConversations,
    now,
    windowStart,
    count: options.conversations,
    dataset,
    contacts,
    tagsByName,
    team,
    articleByIntent: help.articleByIntent,
  });
  applyConversationActivity(contacts, contactIndexById, conversations);

  const users = contacts.filter((contact) => contact.role === "user");
  const { ticketTypes, ticketStates } = buildTicketTypes(now, workspaceId);
  const tickets = buildTickets({
    rng: rngTickets,
    now,
    windowStart,
    count: Math.round(options.conversations / 12),
    dataset,
    users,
    team,
    ticketTypes,
  });

  const notes = buildNotes(rngActivity, contacts, contactIndexById, conversations, team.admins);
  const dataEvents = buildDataEvents(rngActivity, seed, now, windowStart, users);
  const segments = buildSegments(seed, now, contacts);
  const { newsfeeds, newsItems } = buildNews(rngNews, now, workspaceId, adminIds[0]);
  const { contentImportSources, externalPages } = buildExternalContent(now, DEMO_DOMAIN);

  const coveredIntents = dataset.intents.filter((intent) => help.articleByIntent.has(intent));
  return {
    meta: {
      seed,
      now,
      workspaceId,
      coveredIntents,
      uncoveredIntents: dataset.intents.filter((intent) => !help.articleByIntent.has(intent)),
      articleIntents: help.articleIntents,
      trendingIntent,
    },
    admins: team.admins,
    teams: team.teams,
    awayStatusReasons: team.awayStatusReasons,
    helpCenters: help.helpCenters,
    collections: help.collections,
    sections: help.sections,
    articles: help.articles,
    internalArticles: help.internalArticles,
    tags,
    segments,
    companies,
    contacts,
    conversations,
    ticketTypes,
    ticketStates,
    tickets,
    dataAttributes: buildDataAttributes(now, team.admins[0].id),
    subscriptionTypes: buildSubscriptionTypes(),
    newsfeeds,
    newsItems,
    macros: buildMacros(
      now,
      team.teams.map((t) => t.id),
    ),
    contentImportSources,
    externalPages,
    notes,
    dataEvents,
  };
}
