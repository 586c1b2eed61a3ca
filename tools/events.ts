/**
 * The data event tools: things a person did in your product (e.g. "upgraded-plan"), sent to Intercom for
 * targeting and shown on the contact's profile.
 */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

const eventName = () =>
  z.string().min(1).describe("Event name, ideally a past-tense verb-noun, e.g. upgraded-plan or exported-report. Names show up in the Intercom UI.");

export const eventsTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_LIST_DATA_EVENTS",
    title: "List data events",
    resource: "events",
    method: "GET",
    path: "/events",
    risk: "read",
    description:
      "See what a customer did in the product: the tracked events of one user or lead (last 90 days only), or with summary true the per-event counts " +
      "and first/last times. Identify the person inside filter with exactly one of user_id, email or intercom_user_id (the latter also works for leads), " +
      'e.g. {"type":"user","filter":{"email":"ana@example.com"}}.',
    keywords: ["activity", "what did the user do", "usage", "product events", "last login", "event history", "logged in"],
    input: z.object({
      type: z.enum(["user"]).describe('Always "user" (Intercom requires it, for leads too).'),
      filter: z
        .object({
          user_id: z.string().optional().describe("Your system's id for the user (their external_id), e.g. usr_8841."),
          email: z.string().optional().describe("The person's email address, e.g. ana@example.com."),
          intercom_user_id: z.string().optional().describe("Intercom's contact id, e.g. 6657add46abd0167d9419cd2; the only choice for leads."),
        })
        .refine((f) => [f.user_id, f.email, f.intercom_user_id].filter((v) => v !== undefined).length === 1, {
          message: "give exactly one of user_id, email or intercom_user_id",
        })
        .describe("Whose events: exactly one of user_id, email or intercom_user_id. Sent as that one query parameter."),
      summary: z.boolean().optional().describe("true for per-event-name counts with first and last occurrence instead of the individual events."),
      per_page: z.number().int().min(1).optional().describe("Events per page, e.g. 50."),
    }),
  }),

  defineTool({
    name: "INTERCOM_CREATE_DATA_EVENT",
    title: "Create data event",
    resource: "events",
    method: "POST",
    path: "/events",
    risk: "write",
    description:
      "Record that a person did something (e.g. cancelled-subscription) so it shows on their profile and can drive segments and messages. Identify them by " +
      "Intercom id, user_id or email (leads need the Intercom id). Accepted asynchronously; an event with the same person, name and created_at is silently ignored.",
    keywords: ["track event", "log activity", "record action", "custom event", "track usage"],
    input: z
      .object({
        event_name: eventName(),
        created_at: z
          .number()
          .int()
          .describe("When it happened, UNIX seconds in UTC, e.g. 1717200000. Use second precision so events are not mistaken for duplicates."),
        id: z.string().optional().describe("Intercom's contact id, e.g. 6657add46abd0167d9419cd2 (required for leads)."),
        user_id: z.string().optional().describe("Or your system's id for the user, e.g. usr_8841."),
        email: z.string().optional().describe("Or the user's email, only if your product identifies users by email, e.g. ana@example.com."),
        metadata: z
          .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
          .optional()
          .describe('Up to 10 flat key/value details about the event, e.g. {"plan":"pro","seats":5}. Keys ending in _date take UNIX timestamps.'),
      })
      .refine((input) => input.id !== undefined || input.user_id !== undefined || input.email !== undefined, {
        message: "identify the person with id, user_id or email",
      }),
  }),

  defineTool({
    name: "INTERCOM_CREATE_EVENT_SUMMARIES",
    title: "Create event summaries",
    resource: "events",
    method: "POST",
    path: "/events/summaries",
    risk: "write",
    description:
      "Send an aggregate for a user instead of single events: how many times an event happened and when it first and last happened, e.g. to backfill " +
      "history. For one occurrence use Create data event.",
    keywords: ["event counts", "backfill events", "bulk events", "usage summary"],
    input: z.object({
      user_id: z.string().min(1).describe("Your system's id for the user, e.g. usr_8841."),
      event_summaries: z
        .object({
          event_name: eventName(),
          count: z.number().int().min(1).describe("How many times the event happened, e.g. 12."),
          first: z.number().int().describe("When it first happened, UNIX seconds, e.g. 1711929600."),
          last: z.number().int().describe("When it last happened, UNIX seconds, e.g. 1717200000."),
        })
        .describe("The summary for one event name."),
    }),
  }),
];
