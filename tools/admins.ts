/**
 * Admin (teammate) tools, including /me. Two seed tools share PUT /admins/{admin_id}/away: "Set admin to away"
 * only marks someone away (away_mode_enabled is fixed to true), while "Set an admin to away" sets the status
 * either way, so it is also the one that brings a teammate back.
 */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

function adminId(role: string) {
  return z.string().min(1).describe(`Id of the teammate (admin) ${role}, digits such as 991267708; List all admins maps names and emails to ids.`);
}

function awayReassign() {
  return z
    .boolean()
    .describe("true sends new replies on this teammate's conversations back to the general inbox while they are away; false leaves them assigned.");
}

function awayReasonId() {
  return z.coerce
    .number()
    .int()
    .optional()
    .describe("Id of the away reason to show, e.g. 12345 (List away status reasons gives ids and labels such as On a break).");
}

export const adminsTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_IDENTIFY_AN_ADMIN",
    title: "Identify an admin",
    resource: "admins",
    method: "GET",
    path: "/me",
    risk: "read",
    description:
      "Returns the teammate (admin) the Intercom token belongs to and the workspace (app) it is connected to. " +
      "Use it to get an admin_id to act with when no other teammate is named, or to check which workspace is connected.",
    input: z.object({}),
    keywords: ["who am i", "whoami", "me", "my admin id", "current user", "workspace", "token check", "connected account"],
  }),

  defineTool({
    name: "INTERCOM_LIST_ALL_ADMINS",
    title: "List all admins",
    resource: "admins",
    method: "GET",
    path: "/admins",
    risk: "read",
    description:
      "Lists every teammate (admin) in the workspace with id, name, email, job title, away status and team ids. " +
      "Use it to turn a teammate's name or email into the admin id that assigning, replying, tagging and closing need, or to see who is away.",
    input: z.object({
      display_avatar: z.boolean().optional().describe("true to include each teammate's avatar image URL. Default false."),
    }),
    keywords: ["teammates", "agents", "staff", "support team members", "who is on the team", "find admin id", "who is away", "colleagues", "reps"],
  }),

  defineTool({
    name: "INTERCOM_RETRIEVE_AN_ADMIN",
    title: "Retrieve an admin",
    resource: "admins",
    method: "GET",
    path: "/admins/{admin_id}",
    risk: "read",
    description:
      "Fetches one teammate (admin) by id: name, email, job title, whether they are away and why, their teams and inbox seat. " +
      "Use it to check if the person a conversation is assigned to is available; List all admins finds the id from a name.",
    input: z.object({ admin_id: adminId("to look up") }),
    keywords: ["teammate details", "agent profile", "is away", "available", "who is assigned", "admin info"],
  }),

  defineTool({
    name: "INTERCOM_LIST_ALL_ACTIVITY_LOGS",
    title: "List all activity logs",
    resource: "admins",
    method: "GET",
    path: "/admins/activity_logs",
    risk: "read",
    description:
      "Returns the workspace's audit trail of teammate actions in a time window: sign-ins, permission and setting changes, exports, " +
      "deletions, macro and team changes and more, each with who did it and when. created_at_after is required.",
    input: z.object({
      created_at_after: z.number().int().min(0).describe("Start of the window, UNIX seconds, e.g. 1717200000 (required)."),
      created_at_before: z.number().int().min(0).optional().describe("End of the window, UNIX seconds, e.g. 1717804800. Omit for up to now."),
    }),
    keywords: ["audit", "audit log", "activity", "who changed", "who deleted", "security log", "admin actions", "login history"],
  }),

  defineTool({
    name: "INTERCOM_SET_ADMIN_TO_AWAY",
    title: "Set admin to away",
    resource: "admins",
    method: "PUT",
    path: "/admins/{admin_id}/away",
    risk: "write",
    fixedBody: { away_mode_enabled: true },
    description:
      "Marks a teammate as away in the Inbox, optionally with a reason and with new replies routed away from them. " +
      "It only turns away mode on, so prefer it whenever someone goes away. To bring someone back, use 'Set an admin to away' with away_mode_enabled=false (both tools use the same endpoint).",
    input: z.object({
      admin_id: adminId("to mark away"),
      away_mode_reassign: awayReassign(),
      away_status_reason_id: awayReasonId(),
    }),
    keywords: ["away", "out of office", "ooo", "on break", "vacation", "unavailable", "offline", "sick"],
  }),

  defineTool({
    name: "INTERCOM_SET_AN_ADMIN_TO_AWAY",
    title: "Set an admin to away",
    resource: "admins",
    method: "PUT",
    path: "/admins/{admin_id}/away",
    risk: "write",
    description:
      "Sets a teammate's away status either way: away_mode_enabled=true marks them away, false marks them back and available. " +
      "Same endpoint as 'Set admin to away', which can only mark away: prefer this one when someone returns (false) or to change the reassign setting; prefer 'Set admin to away' to mark someone away.",
    input: z.object({
      admin_id: adminId("whose status changes"),
      away_mode_enabled: z.boolean().describe("true marks the teammate away; false marks them back and available."),
      away_mode_reassign: awayReassign(),
      away_status_reason_id: awayReasonId(),
    }),
    keywords: ["back online", "available", "return from away", "away status", "out of office", "ooo", "toggle away", "active again"],
  }),
];
