import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

export const awayStatusReasonsTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_LIST_AWAY_STATUS_REASONS",
    title: "List away status reasons",
    resource: "away_status_reasons",
    method: "GET",
    path: "/away_status_reasons",
    risk: "read",
    description:
      "Lists the reasons a teammate can give for being away (label and emoji, e.g. On a break), deleted ones included and flagged. " +
      "Use it to get the away_status_reason_id for the set-away tools.",
    input: z.object({}),
    keywords: ["away reasons", "break", "lunch", "out of office", "away status", "ooo reason"],
  }),
];
