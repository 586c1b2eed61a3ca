/** The segment tools: saved audience filters over contacts and companies. */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

export const segmentsTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_LIST_ALL_SEGMENTS",
    title: "List all segments",
    resource: "segments",
    method: "GET",
    path: "/segments",
    risk: "read",
    description:
      "List every segment (saved audience such as 'Trial users' or 'Churn risk') with its id, optionally with how many contacts each holds. " +
      "Use it to turn a segment name into the segment_id that search and company lookups filter by.",
    keywords: ["segments", "audiences", "customer groups", "segment id", "how many users in"],
    input: z.object({
      include_count: z.boolean().optional().describe("true to include the number of contacts in each segment (slower)."),
    }),
  }),

  defineTool({
    name: "INTERCOM_RETRIEVE_A_SEGMENT",
    title: "Retrieve a segment",
    resource: "segments",
    method: "GET",
    path: "/segments/{segment_id}",
    risk: "read",
    description: "Fetch one segment by id: its name, whether it holds users or leads, and when it was created or changed. List all segments gives the ids.",
    keywords: ["segment details", "audience definition", "segment name"],
    input: z.object({
      segment_id: z.string().min(1).describe("Intercom's id of the segment, e.g. 5310d8e8598c9a0b24000005."),
    }),
  }),
];
