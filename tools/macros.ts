import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

export const macrosTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_LIST_ALL_MACROS",
    title: "List all macros",
    resource: "macros",
    method: "GET",
    path: "/macros",
    risk: "read",
    description:
      "Lists the team's macros (saved replies), most recently updated first, with their text; placeholders come back as " +
      "<attribute key=... default=.../> tags. Use it to find an approved answer to reuse in a reply.",
    input: z.object({
      per_page: z.number().int().min(1).max(150).optional().describe("Macros per page, 1 to 150; Intercom uses 50 when omitted."),
      starting_after: z
        .string()
        .optional()
        .describe("Cursor for the next page: copy pages.next.starting_after from the previous response. Omit for the first page."),
      updated_since: z.number().int().min(0).optional().describe("Only macros changed after this time, UNIX seconds, e.g. 1717200000."),
    }),
    keywords: ["macro", "macros", "saved reply", "saved replies", "canned response", "template", "snippet", "canned answer"],
  }),

  defineTool({
    name: "INTERCOM_RETRIEVE_A_MACRO",
    title: "Retrieve a macro",
    resource: "macros",
    method: "GET",
    path: "/macros/{id}",
    risk: "read",
    description:
      "Fetches one macro (saved reply) by id with its full text. A macro limited to teams the token's admin is not in comes back " +
      "as not found; List all macros gives the ids.",
    input: z.object({
      id: z.string().min(1).describe("Id of the macro, e.g. 123 (from List all macros)."),
    }),
    keywords: ["macro", "saved reply", "canned response", "template text"],
  }),
];
