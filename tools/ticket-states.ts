import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

export const ticketStatesTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_LIST_ALL_TICKET_STATES",
    title: "List all ticket states",
    resource: "ticket_states",
    method: "GET",
    path: "/ticket_states",
    risk: "read",
    description:
      "Lists every ticket state in the workspace, archived ones included, with its id, category (submitted, in progress, waiting on " +
      "customer, resolved), internal and customer-facing labels, and the ticket types that use it. Use it to find the ticket_state_id " +
      "that Update ticket needs to move a ticket along.",
    input: z.object({}),
    keywords: ["ticket status", "ticket states", "statuses", "in progress", "resolved", "waiting on customer", "workflow stages"],
  }),
];
