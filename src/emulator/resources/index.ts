/** The full route table: every method + path the emulator serves, grouped by resource. */
import type { RouteDef } from "../types.js";
import { adminRoutes } from "./admins.js";
import { aiContentRoutes } from "./ai-content.js";
import { companyRoutes } from "./companies.js";
import { contactRelationRoutes } from "./contact-relations.js";
import { contactRoutes } from "./contacts.js";
import { conversationRoutes } from "./conversations.js";
import { dataRoutes } from "./data.js";
import { helpCenterRoutes } from "./help-center.js";
import { internalArticleRoutes } from "./internal-articles.js";
import { legacyRoutes } from "./legacy.js";
import { miscRoutes } from "./misc.js";
import { tagSegmentRoutes } from "./tags-segments.js";
import { ticketTypeRoutes } from "./ticket-types.js";
import { ticketRoutes } from "./tickets.js";

export const ROUTES: readonly RouteDef[] = [
  ...adminRoutes,
  ...contactRoutes,
  ...contactRelationRoutes,
  ...companyRoutes,
  ...conversationRoutes,
  ...ticketRoutes,
  ...ticketTypeRoutes,
  ...helpCenterRoutes,
  ...internalArticleRoutes,
  ...tagSegmentRoutes,
  ...dataRoutes,
  ...aiContentRoutes,
  ...miscRoutes,
  ...legacyRoutes,
];
