/**
 * Routes only: gathers every resource file's tools into one list. The catalog (tools/catalog.ts) checks the
 * list at load; nothing here has logic of its own.
 */
import { adminsTools } from "./admins.js";
import { aiContentTools } from "./ai-content.js";
import { articlesTools } from "./articles.js";
import { awayStatusReasonsTools } from "./away-status-reasons.js";
import { callsTools } from "./calls.js";
import { companiesTools } from "./companies.js";
import { contactsTools } from "./contacts.js";
import { conversationsTools } from "./conversations.js";
import { countsTools } from "./counts.js";
import { customObjectsTools } from "./custom-objects.js";
import { dataAttributesTools } from "./data-attributes.js";
import { dataExportTools } from "./data-export.js";
import type { ToolDefinition } from "./define.js";
import { eventsTools } from "./events.js";
import { finVoiceTools } from "./fin-voice.js";
import { helpCenterTools } from "./help-center.js";
import { internalArticlesTools } from "./internal-articles.js";
import { jobsTools } from "./jobs.js";
import { macrosTools } from "./macros.js";
import { newsTools } from "./news.js";
import { notesTools } from "./notes.js";
import { segmentsTools } from "./segments.js";
import { subscriptionTypesTools } from "./subscription-types.js";
import { tagsTools } from "./tags.js";
import { teamsTools } from "./teams.js";
import { ticketStatesTools } from "./ticket-states.js";
import { ticketTypesTools } from "./ticket-types.js";
import { ticketsTools } from "./tickets.js";
import { visitorsTools } from "./visitors.js";

export const allTools: readonly ToolDefinition[] = [
  ...contactsTools,
  ...companiesTools,
  ...tagsTools,
  ...segmentsTools,
  ...notesTools,
  ...eventsTools,
  ...dataAttributesTools,
  ...visitorsTools,
  ...subscriptionTypesTools,
  ...conversationsTools,
  ...ticketsTools,
  ...ticketTypesTools,
  ...ticketStatesTools,
  ...adminsTools,
  ...teamsTools,
  ...awayStatusReasonsTools,
  ...macrosTools,
  ...callsTools,
  ...jobsTools,
  ...aiContentTools,
  ...helpCenterTools,
  ...articlesTools,
  ...internalArticlesTools,
  ...newsTools,
  ...dataExportTools,
  ...customObjectsTools,
  ...finVoiceTools,
  ...countsTools,
];
