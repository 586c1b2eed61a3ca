/**
 * Ticket tools. Create ticket and Enqueue create ticket take the same body, so its fields are built once here.
 */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";
import { attachmentFilesField, checkReply, replyFields } from "./reply-fields.js";
import { searchPagination, searchQuery } from "./search-query.js";

function ticketId() {
  return z
    .string()
    .min(1)
    .describe(
      "The ticket's API id (the id field of a ticket object, e.g. 1295), not the #number shown in the Inbox (ticket_id). " + "Search tickets finds it.",
    );
}

function actingAdminId(action: string) {
  return z.string().min(1).describe(`Id of the teammate (admin) who ${action}, e.g. 991267708. Get it from Identify an admin or List all admins.`);
}

function ticketAttributes(purpose: string) {
  return z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]))
    .optional()
    .describe(
      `${purpose} Keys are attribute names: _default_title_ and _default_description_ for the built-in title and description, ` +
        "otherwise the names shown by List all ticket types. A list attribute takes the id of the list item, not its label. " +
        'Example: {"_default_title_":"Export fails","_default_description_":"CSV export times out"}.',
    );
}

function createTicketFields() {
  return {
    ticket_type_id: z.string().min(1).describe("Id of the ticket type, e.g. 88; List all ticket types shows the types and their attributes."),
    contacts: z
      .array(
        z
          .object({
            id: z.string().min(1).optional().describe("Intercom's id of the contact, e.g. 6762f2d81bb69f9f2193bc54."),
            external_id: z.string().min(1).optional().describe("Your own external id for the contact, e.g. usr_8841."),
            email: z.string().min(3).optional().describe("The contact's email, e.g. ana@example.com; an unknown email creates a new contact."),
          })
          .superRefine((value, ctx) => {
            const given = [value.id, value.external_id, value.email].filter((entry) => entry !== undefined).length;
            if (given !== 1) ctx.addIssue({ code: "custom", message: "name the contact by exactly one of id, external_id or email" });
          })
          .describe("The affected customer, named by exactly one of id, external_id or email."),
      )
      .min(1)
      .max(1)
      .describe("The customer the ticket is about; Intercom currently takes exactly one."),
    ticket_attributes: ticketAttributes("Title, description and custom fields of the ticket."),
    conversation_to_link_id: z
      .string()
      .optional()
      .describe(
        "Id of a conversation to link, e.g. 123456789. A back-office ticket can link a conversation or a customer ticket; a tracker " +
          "ticket can link a conversation, customer or back-office ticket.",
      ),
    company_id: z.string().optional().describe("Intercom's id of the company the ticket is about, e.g. 6762f2d81bb69f9f2193bc55."),
    created_at: z.number().int().min(0).optional().describe("Backdate the ticket to this time in UNIX seconds, e.g. 1717200000. Omit to use now."),
    assignment: z
      .object({
        admin_assignee_id: z.string().optional().describe("Id of the teammate to assign the ticket to, e.g. 991267708 (List all admins)."),
        team_assignee_id: z.string().optional().describe("Id of the team to assign the ticket to, e.g. 5017691 (List all teams)."),
      })
      .optional()
      .describe("Who gets the ticket; without it the ticket starts unassigned."),
    skip_notifications: z.boolean().optional().describe("true to create the ticket without notifying anyone. Default false."),
  };
}

const ticketSearchFields =
  "Ticket attribute to filter on, e.g. state, open, category (use request for Customer, task for Back-office, tracker for Tracker), " +
  "ticket_type_id, contact_ids, teammate_ids, admin_assignee_id, team_assignee_id, title, description, created_at, updated_at, " +
  "snoozed_until, or ticket_attribute.{attribute id}.";

export const ticketsTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_CREATE_TICKET",
    title: "Create ticket",
    resource: "tickets",
    method: "POST",
    path: "/tickets",
    risk: "write",
    description:
      "Creates a ticket of a given type for one customer and returns it, e.g. to track a bug report or a request that needs follow-up; " +
      "put the title and description in ticket_attributes. Needs a ticket_type_id (List all ticket types) and the customer's id, " +
      "external id or email. Enqueue create ticket is the background variant for bulk work.",
    input: z.object(createTicketFields()),
    keywords: ["ticket", "new ticket", "open a ticket", "file a ticket", "log a bug", "bug report", "escalate", "track", "raise", "feature request"],
  }),

  defineTool({
    name: "INTERCOM_ENQUEUE_CREATE_TICKET",
    title: "Enqueue create ticket",
    resource: "tickets",
    method: "POST",
    path: "/tickets/enqueue",
    risk: "write",
    description:
      "Queues a ticket to be created in the background and returns a job, not the ticket; INTERCOM_RETRIEVE_JOB_STATUS with the job id later " +
      "gives the ticket id. Prefer Create ticket when you need the ticket now; use this for many tickets at once. " +
      "Inputs are checked before queueing and bad ones are refused.",
    input: z.object(createTicketFields()),
    keywords: ["bulk tickets", "background", "async", "queue ticket", "batch", "many tickets"],
  }),

  defineTool({
    name: "INTERCOM_GET_TICKET",
    title: "Get ticket",
    resource: "tickets",
    method: "GET",
    path: "/tickets/{ticket_id}",
    risk: "read",
    description:
      "Fetches one ticket with its state, type, title, description and custom attributes, customers, assignees and parts. " +
      "Needs the ticket's API id, which differs from the #number in the Inbox; use Search tickets when you only know other details.",
    input: z.object({ ticket_id: ticketId() }),
    keywords: ["ticket details", "look up ticket", "ticket status", "show ticket", "read ticket", "check ticket"],
  }),

  defineTool({
    name: "INTERCOM_UPDATE_TICKET",
    title: "Update ticket",
    resource: "tickets",
    method: "PUT",
    path: "/tickets/{ticket_id}",
    risk: "write",
    description:
      "Changes a ticket: its state (ticket_state_id from List all ticket states), attributes, assignee (assignee_id, 0 unassigns), company, " +
      "whether the customer can see it, or a snooze time. open=false closes the ticket. Pass admin_id so the change is attributed to the person acting.",
    input: z.object({
      ticket_id: ticketId(),
      ticket_state_id: z
        .string()
        .optional()
        .describe("Id of the new state, e.g. 8498; it must belong to the ticket's type (List all ticket states shows ids and categories)."),
      ticket_attributes: ticketAttributes("Attributes to change; only the keys given are changed."),
      assignee_id: z.string().optional().describe("Id of the teammate or team to assign the ticket to, e.g. 991268013; 0 unassigns."),
      admin_id: z.coerce
        .number()
        .int()
        .optional()
        .describe("Id of the teammate making the change, e.g. 991268011 (Identify an admin); it attributes the change and lets workflows run."),
      open: z.boolean().optional().describe("false closes the ticket (and ends any snooze); true reopens it."),
      is_shared: z.boolean().optional().describe("true makes the ticket visible to the customer; false keeps it internal."),
      snoozed_until: z.number().int().min(0).optional().describe("Snooze the ticket until this time, UNIX seconds, e.g. 1717200000."),
      company_id: z.string().optional().describe("Intercom's id of the company to associate with the ticket."),
      skip_notifications: z.boolean().optional().describe("true to make the change without notifying anyone. Default false."),
    }),
    keywords: [
      "update ticket",
      "change status",
      "in progress",
      "resolve ticket",
      "close ticket",
      "assign ticket",
      "reassign",
      "snooze",
      "edit ticket",
      "waiting on customer",
      "reopen ticket",
    ],
  }),

  defineTool({
    name: "INTERCOM_REPLY_TO_TICKET",
    title: "Reply to ticket",
    resource: "tickets",
    method: "POST",
    path: "/tickets/{ticket_id}/reply",
    risk: "write",
    description:
      "Adds a reply to a ticket: message_type comment reaches the customer and cannot be unsent, note is internal to teammates, " +
      "quick_reply offers clickable options. As a teammate send type admin with admin_id; to write as the customer send type user " +
      "with one of intercom_user_id, user_id or email. For a status change use Update ticket instead.",
    input: z
      .object({
        ticket_id: ticketId(),
        ...replyFields(),
        attachment_files: attachmentFilesField(),
        cross_post: z.boolean().optional().describe("Admin notes on back-office tickets only: true also posts the note in every linked conversation."),
        skip_notifications: z.boolean().optional().describe("Admin replies only: true to post without notifying anyone. Default false."),
      })
      .superRefine((value, ctx) => checkReply(value, ctx, false)),
    keywords: ["reply to ticket", "respond", "answer", "ticket note", "internal note", "update customer", "comment", "follow up"],
  }),

  defineTool({
    name: "INTERCOM_SEARCH_TICKETS",
    title: "Search tickets",
    resource: "tickets",
    method: "POST",
    path: "/tickets/search",
    risk: "read",
    description:
      "Finds tickets by their attributes: state, open, category, ticket type, customer (contact_ids), assignee, title or description words, " +
      "custom attributes, or dates in UNIX seconds. Use it for questions like 'open bug tickets for Acme' or to find a ticket's API id; " +
      "Get ticket gives the full ticket. Very recent changes can take a moment to appear.",
    input: z.object({
      query: searchQuery(ticketSearchFields).describe(
        "The filter: an AND/OR group of conditions, nested at most one level. " +
          'Example (open tickets of one type): {"operator":"AND","value":[{"field":"open","operator":"=","value":true},' +
          '{"field":"ticket_type_id","operator":"=","value":"88"}]}.',
      ),
      pagination: searchPagination(150, 20).optional().describe("Paging of the results (20 per page by default). Omit for the first page."),
    }),
    keywords: [
      "find tickets",
      "search tickets",
      "every ticket tagged",
      "tickets with tag",
      "filter tickets",
      "open tickets",
      "ticket backlog",
      "unresolved",
      "tickets for customer",
      "bug tickets",
    ],
  }),

  defineTool({
    name: "INTERCOM_DELETE_TICKET",
    title: "Delete ticket",
    resource: "tickets",
    method: "DELETE",
    path: "/tickets/{ticket_id}",
    risk: "destructive",
    description:
      "Permanently deletes a ticket with its replies, attributes and uploads; it cannot be undone and only reporting keeps a trace. " +
      "To finish a ticket normally close it with Update ticket (open=false) instead. Needs the ticket's API id.",
    input: z.object({ ticket_id: ticketId() }),
    keywords: ["delete ticket", "remove ticket", "erase ticket", "purge", "spam ticket", "gdpr"],
  }),

  defineTool({
    name: "INTERCOM_ATTACH_TAG_TO_TICKET",
    title: "Attach tag to ticket",
    resource: "tickets",
    method: "POST",
    path: "/tickets/{ticket_id}/tags",
    risk: "write",
    description:
      "Adds an existing tag to a ticket, e.g. to label it bug, billing or vip. Needs the tag's id (List all tags; Create or update tag " +
      "makes a new one) and the admin id of the person tagging.",
    input: z.object({
      ticket_id: ticketId(),
      id: z.string().min(1).describe("Id of the tag to add, e.g. 7522907 (from List all tags)."),
      admin_id: actingAdminId("is adding the tag"),
    }),
    keywords: ["tag ticket", "label ticket", "categorize", "vip", "bug", "flag ticket"],
  }),

  defineTool({
    name: "INTERCOM_DETACH_TAG_FROM_TICKET",
    title: "Detach tag from ticket",
    resource: "tickets",
    method: "DELETE",
    path: "/tickets/{ticket_id}/tags/{tag_id}",
    risk: "write",
    body: ["admin_id"],
    description:
      "Removes a tag from one ticket; the tag itself stays in the workspace. Needs the tag id (List all tags) and the admin id " + "of the person acting.",
    input: z.object({
      ticket_id: ticketId(),
      tag_id: z.string().min(1).describe("Id of the tag to remove, e.g. 7522907."),
      admin_id: actingAdminId("is removing the tag"),
    }),
    keywords: ["untag ticket", "remove tag", "unlabel", "detach tag", "clear label"],
  }),
];
