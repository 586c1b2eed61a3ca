import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

function callId() {
  return z.string().min(1).describe("Id of the call, e.g. 123 (from List calls or List calls with transcripts).");
}

export const callsTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_LIST_CALLS",
    title: "List calls",
    resource: "calls",
    method: "GET",
    path: "/calls",
    risk: "read",
    description:
      "Pages through the workspace's phone calls (at most 25 per page) with state, direction, times, teammate, contact and conversation ids. " +
      "To get the calls of particular conversations with transcripts use List calls with transcripts instead.",
    input: z.object({
      page: z.number().int().min(1).optional().describe("Page number to fetch, starting at 1 (the default)."),
      per_page: z.number().int().min(1).max(25).optional().describe("Calls per page, 1 to 25; Intercom uses 25 when omitted."),
    }),
    keywords: ["calls", "phone", "call log", "call history", "voice", "rang"],
  }),

  defineTool({
    name: "INTERCOM_LIST_CALLS_WITH_TRANSCRIPTS",
    title: "List calls with transcripts",
    resource: "calls",
    method: "POST",
    path: "/calls/search",
    risk: "read",
    description:
      "Gets the phone calls that belong to up to 20 conversations, with their transcripts where one exists. It only reads, despite being a POST. " +
      "Use it to see what was said on a call about a conversation; Show call transcript reads one call by its call id.",
    input: z.object({
      conversation_ids: z
        .array(z.string().min(1).describe("A conversation id, e.g. 123456789."))
        .min(1)
        .max(20)
        .describe("Ids of the conversations whose calls you want, 1 to 20."),
    }),
    keywords: ["call transcript", "phone call", "what was said", "call recording", "voice", "calls for conversation"],
  }),

  defineTool({
    name: "INTERCOM_SHOW_CALL",
    title: "Show call",
    resource: "calls",
    method: "GET",
    path: "/calls/{call_id}",
    risk: "read",
    description:
      "Fetches one phone call: state, direction, when it started, was answered and ended, why it ended, the teammate and contact, " +
      "and recording and transcript links.",
    input: z.object({ call_id: callId() }),
    keywords: ["call details", "phone call", "call recording", "call duration"],
  }),

  defineTool({
    name: "INTERCOM_SHOW_CALL_TRANSCRIPT",
    title: "Show call transcript",
    resource: "calls",
    method: "GET",
    path: "/calls/{call_id}/transcript",
    risk: "read",
    description:
      "Returns the transcript of one phone call as plain text, one timestamped line per speaker turn. " +
      "Needs the call id (List calls); to start from a conversation use List calls with transcripts.",
    input: z.object({ call_id: callId() }),
    keywords: ["transcript", "call transcript", "what was said", "phone call text", "call notes"],
  }),
];
