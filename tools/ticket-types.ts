/**
 * Ticket type tools: the workspace's ticket templates (category, icon, states) and their custom attributes.
 * These change configuration for every teammate, so the descriptions steer a model away from them for
 * everyday ticket work.
 */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

function ticketTypeId() {
  return z.string().min(1).describe("Id of the ticket type, e.g. 88 (from List all ticket types).");
}

const categories = ["Customer", "Back-office", "Tracker"] as const;
const categoryHelp =
  "Customer: a request the customer sees and can follow; Back-office: internal work behind a customer issue; " +
  "Tracker: one ticket that groups many reports of the same problem.";

function attributeSettings() {
  return {
    required_to_create: z.boolean().optional().describe("true if teammates must fill this attribute when creating a ticket in the Inbox. Default false."),
    required_to_create_for_contacts: z
      .boolean()
      .optional()
      .describe("true if customers must fill this attribute when creating a ticket in the Messenger. Default false."),
    visible_on_create: z.boolean().optional().describe("Whether teammates see this attribute when creating a ticket in the Inbox. Default true."),
    visible_to_contacts: z.boolean().optional().describe("Whether customers see this attribute when creating a ticket in the Messenger. Default true."),
    multiline: z.boolean().optional().describe("string attributes only: true allows several lines of text."),
    list_items: z.string().optional().describe("list attributes only: the choices, comma separated, e.g. Low,Medium,High."),
    allow_multiple_values: z.boolean().optional().describe("files attributes only: true allows more than one file."),
  };
}

export const ticketTypesTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_LIST_ALL_TICKET_TYPES",
    title: "List all ticket types",
    resource: "ticket_types",
    method: "GET",
    path: "/ticket_types",
    risk: "read",
    description:
      "Lists the workspace's ticket types with their category, attributes (names, data types, list item ids) and states. " +
      "Call it before Create ticket to get a ticket_type_id and the attribute names to fill.",
    input: z.object({}),
    keywords: ["ticket types", "ticket categories", "ticket templates", "ticket fields", "kinds of tickets", "bug report type"],
  }),

  defineTool({
    name: "INTERCOM_GET_A_TICKET_TYPE",
    title: "Get a ticket type",
    resource: "ticket_types",
    method: "GET",
    path: "/ticket_types/{ticket_type_id}",
    risk: "read",
    description:
      "Fetches one ticket type with its attributes and states, e.g. to see which fields a ticket of that type needs or which list " +
      "item ids an attribute accepts. Use List all ticket types when you do not know the id.",
    input: z.object({ ticket_type_id: ticketTypeId() }),
    keywords: ["ticket type details", "ticket fields", "ticket attributes", "required fields"],
  }),

  defineTool({
    name: "INTERCOM_CREATE_A_TICKET_TYPE",
    title: "Create a ticket type",
    resource: "ticket_types",
    method: "POST",
    path: "/ticket_types",
    risk: "write",
    description:
      "Adds a new ticket type to the workspace configuration (it starts with the built-in title and description attributes). " +
      "This is a setup change every teammate sees, not a way to file a ticket: for that use Create ticket.",
    input: z.object({
      name: z.string().min(1).describe("Name of the ticket type, e.g. Bug report."),
      description: z.string().optional().describe("What this type of ticket is for, e.g. Problems customers report with the product."),
      category: z.enum(categories).optional().describe(`Kind of ticket. ${categoryHelp}`),
      icon: z.string().optional().describe("A single emoji shown with the type, e.g. 🐞; Intercom uses 🎟️ when omitted."),
      is_internal: z
        .boolean()
        .optional()
        .describe("true if tickets of this type are for internal use only and never shared with customers. Default false; not every workspace may set it."),
    }),
    keywords: ["new ticket type", "add ticket category", "ticket template", "configure tickets", "setup"],
  }),

  defineTool({
    name: "INTERCOM_UPDATE_A_TICKET_TYPE",
    title: "Update a ticket type",
    resource: "ticket_types",
    method: "PUT",
    path: "/ticket_types/{ticket_type_id}",
    risk: "write",
    description:
      "Changes a ticket type's name, description, category or icon, or archives it (archived=true) so no new tickets use it; " +
      "archived=false brings it back. Only the fields you send change. This is workspace configuration, not a change to any one ticket.",
    input: z.object({
      ticket_type_id: ticketTypeId(),
      name: z.string().min(1).optional().describe("New name, e.g. Bug report."),
      description: z.string().optional().describe("New description of what the type is for."),
      category: z.enum(categories).optional().describe(`New kind of ticket. ${categoryHelp}`),
      icon: z.string().optional().describe("New emoji icon, e.g. 🐞."),
      archived: z.boolean().optional().describe("true archives the type (hidden for new tickets, existing tickets stay); false restores it."),
      is_internal: z.boolean().optional().describe("true if tickets of this type are for internal use only."),
    }),
    keywords: ["rename ticket type", "archive ticket type", "edit ticket type", "ticket category", "configure tickets"],
  }),

  defineTool({
    name: "INTERCOM_CREATE_TICKET_TYPE_ATTRIBUTE",
    title: "Create ticket type attribute",
    resource: "ticket_types",
    method: "POST",
    path: "/ticket_types/{ticket_type_id}/attributes",
    risk: "write",
    description:
      "Adds a custom field to a ticket type, e.g. a Severity list or an Order number string, so every ticket of that type can carry it. " +
      "Workspace configuration: to set a value on one ticket use Update ticket instead.",
    input: z.object({
      ticket_type_id: ticketTypeId(),
      name: z.string().min(1).describe("Name of the attribute, e.g. Severity."),
      description: z.string().min(1).describe("Help text shown to teammates and customers, e.g. How badly the customer is affected."),
      data_type: z
        .enum(["string", "list", "integer", "decimal", "boolean", "datetime", "files"])
        .describe("Kind of value: string, list (fixed choices, see list_items), integer, decimal, boolean, datetime or files."),
      ...attributeSettings(),
    }),
    keywords: ["ticket field", "custom field", "add attribute", "ticket attribute", "new field"],
  }),

  defineTool({
    name: "INTERCOM_UPDATE_TICKET_TYPE_ATTRIBUTE",
    title: "Update ticket type attribute",
    resource: "ticket_types",
    method: "PUT",
    path: "/ticket_types/{ticket_type_id}/attributes/{attribute_id}",
    risk: "write",
    description:
      "Changes a custom field of a ticket type (name, help text, whether it is required or visible, list choices) or archives it " +
      "with archived=true, which hides it on new tickets but keeps values on existing ones. Get a ticket type shows attribute ids.",
    input: z.object({
      ticket_type_id: ticketTypeId(),
      attribute_id: z.string().min(1).describe("Id of the attribute, e.g. 210 (from Get a ticket type)."),
      name: z.string().min(1).optional().describe("New name of the attribute."),
      description: z.string().optional().describe("New help text for the attribute."),
      ...attributeSettings(),
      archived: z.boolean().optional().describe("true archives the attribute: hidden when creating tickets, kept on existing tickets."),
    }),
    keywords: ["edit ticket field", "archive field", "rename attribute", "make required", "ticket attribute"],
  }),
];
