import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

export const teamsTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_LIST_ALL_TEAMS",
    title: "List all teams",
    resource: "teams",
    method: "GET",
    path: "/teams",
    risk: "read",
    description:
      "Lists the workspace's teams with their ids, names and member admin ids. Use it to find the team id for assigning or escalating " +
      "a conversation or ticket to a group (e.g. Billing, Tier 2) rather than to one person.",
    input: z.object({}),
    keywords: ["teams", "groups", "queues", "departments", "tier 2", "billing team", "escalation team", "team id"],
  }),

  defineTool({
    name: "INTERCOM_RETRIEVE_A_TEAM",
    title: "Retrieve a team",
    resource: "teams",
    method: "GET",
    path: "/teams/{team_id}",
    risk: "read",
    description:
      "Fetches one team by id: its name, member admin ids, assignment limit and how work is distributed. " +
      "Use it to see who is on a team before escalating; List all teams finds the id from a name.",
    input: z.object({
      team_id: z.string().min(1).describe("Id of the team, digits such as 5017691 (from List all teams)."),
    }),
    keywords: ["team members", "who is on the team", "team details", "assignment limit"],
  }),
];
