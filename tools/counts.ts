/**
 * Workspace-wide counts. The endpoint (GET /counts) predates every published OpenAPI description; it is called
 * with an old Intercom-Version, and when a workspace refuses it the numbers are rebuilt from list totals.
 */
import * as z from "zod";
import { countsFromListTotals } from "./counts-fallback.js";
import { defineTool, type ToolDefinition } from "./define.js";

export const countsTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_GET_ENTITY_COUNTS",
    title: "Get entity counts",
    resource: "counts",
    method: "GET",
    path: "/counts",
    apiVersion: "2.4",
    input: z.object({
      type: z
        .enum(["conversation", "user", "company"])
        .optional()
        .describe(
          'What to count. Omit for workspace totals (companies, users, leads, tags, segments); "conversation" for open/closed conversation counts; ' +
            '"user" or "company" for those entities, usually with count.',
        ),
      count: z
        .enum(["admin", "segment", "tag", "user"])
        .optional()
        .describe(
          "Break the count down; only with type. Valid pairs: conversation+admin (open and closed per teammate), user+segment, user+tag, " +
            "company+segment, company+tag, company+user (users per company).",
        ),
    }),
    risk: "read",
    description:
      'Answers "how many" questions about the whole workspace: number of users, leads, companies, tags and segments, open vs closed ' +
      "conversations, or open conversations per teammate. Uses an old endpoint; when it is refused, the figures are rebuilt from list " +
      "totals and the answer says so. For counts matching a filter, use the search tools and their total_count instead.",
    keywords: ["how many", "count", "totals", "stats", "metrics", "number of users", "open conversations count", "workload", "backlog size"],
    legacyNote:
      "GET /counts belongs to Intercom's old REST API (documented up to version 2.4) and is missing from the current API, so some workspaces " +
      "and newer apps refuse it. There is no direct replacement; the totals of the list and search endpoints are the supported way to count.",
    fallback: (input, transport) => countsFromListTotals(input, transport),
  }),
];
