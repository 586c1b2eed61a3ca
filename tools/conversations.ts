/**
 * Conversation tools. Assign, close and reopen share one endpoint (POST /conversations/{id}/parts) and differ
 * only in the fixed message_type the executor adds to the body.
 */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";
import { attachmentFilesField, checkReply, replyFields } from "./reply-fields.js";
import { searchPagination, searchQuery } from "./search-query.js";

function conversationId() {
  return z.string().min(1).describe("Intercom's id of the conversation, a string of digits such as 123456789 (the number in the Inbox URL).");
}

function actingAdminId(action: string) {
  return z
    .string()
    .min(1)
    .describe(
      `Id of the teammate (admin) who ${action}, e.g. 991267708; the change is recorded under their name. ` +
        "Get it from Identify an admin (the token's own admin) or List all admins.",
    );
}

const conversationSearchFields =
  "Conversation attribute to filter on, e.g. state, open, read, priority, admin_assignee_id, team_assignee_id, contact_ids, " +
  "teammate_ids, tag_ids, source.author.email, source.subject, source.body, created_at, updated_at, waiting_since, snoozed_until, " +
  "statistics.last_contact_reply_at, conversation_rating.score, ai_agent_participated.";

export const conversationsTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_LIST_CONVERSATIONS",
    title: "List conversations",
    resource: "conversations",
    method: "GET",
    path: "/conversations",
    risk: "read",
    description:
      "Pages through all conversations in the workspace with no filtering. To find conversations by state, assignee, tag, " +
      "customer, words or dates use Search conversations instead; to read one thread use Get conversation. " +
      "For the next page pass pages.next.starting_after from the previous response.",
    input: z.object({
      per_page: z.number().int().min(1).max(150).optional().describe("Conversations per page, 1 to 150; Intercom uses 20 when omitted."),
      starting_after: z
        .string()
        .optional()
        .describe("Cursor for the next page: copy pages.next.starting_after from the previous response. Omit for the first page."),
    }),
    keywords: ["conversations", "inbox", "all conversations", "recent", "browse", "chats", "threads", "list"],
  }),

  defineTool({
    name: "INTERCOM_GET_CONVERSATION",
    title: "Get conversation",
    resource: "conversations",
    method: "GET",
    path: "/conversations/{conversation_id}",
    risk: "read",
    description:
      "Fetches one conversation with its messages (conversation parts), state, assignees, tags, customers and statistics. " +
      "Read it before replying, assigning or closing, since state can change under you. Only the 500 most recent parts come back " +
      "and they cannot be paged, so the start of a very long thread is missing; display_as=plaintext strips the HTML.",
    input: z.object({
      conversation_id: conversationId(),
      display_as: z
        .enum(["plaintext"])
        .optional()
        .describe("Send plaintext to get message bodies and subjects as plain text (links become 'label (url)') instead of HTML."),
      include_translations: z.boolean().optional().describe("true to translate the parts into the conversation's detected language. Default false."),
    }),
    keywords: ["read", "open thread", "transcript", "history", "messages", "details", "look at", "what did the customer say", "show", "summarize"],
  }),

  defineTool({
    name: "INTERCOM_SEARCH_CONVERSATIONS",
    title: "Search conversations",
    resource: "conversations",
    method: "POST",
    path: "/conversations/search",
    risk: "read",
    query: ["include_monitors", "include_scorecards"],
    description:
      "Finds conversations by their attributes: state (open, closed, snoozed), admin_assignee_id or team_assignee_id (0 means unassigned), " +
      "contact_ids, tag_ids, priority, words in source.body, or times such as created_at and waiting_since (UNIX seconds). " +
      "Results are summaries, so use Get conversation for a full thread; very recent changes can take a moment to show up in search.",
    input: z.object({
      query: searchQuery(conversationSearchFields).describe(
        "The filter: an AND/OR group of conditions, nested at most one level. source.body matches single words, so search for refund, " +
          'not a phrase. Example (open and unassigned): {"operator":"AND","value":[{"field":"state","operator":"=","value":"open"},' +
          '{"field":"admin_assignee_id","operator":"=","value":0}]}.',
      ),
      pagination: searchPagination(150, 20).optional().describe("Paging of the results (1 to 150 per page, 20 by default). Omit for the first page."),
      include_monitors: z
        .boolean()
        .optional()
        .describe("true to add the QA monitor results that flagged each conversation (monitor_evaluations). Default false."),
      include_scorecards: z.boolean().optional().describe("true to add the QA scorecard results of each conversation (scorecards). Default false."),
    }),
    keywords: [
      "find",
      "search",
      "filter",
      "unassigned",
      "open conversations",
      "waiting",
      "backlog",
      "queue",
      "by customer",
      "by tag",
      "urgent",
      "priority",
      "stuck",
      "unanswered",
      "snoozed",
    ],
  }),

  defineTool({
    name: "INTERCOM_CREATE_CONVERSATION",
    title: "Create conversation",
    resource: "conversations",
    method: "POST",
    path: "/conversations",
    risk: "write",
    description:
      "Starts a new conversation as if the customer had written in (an inbound message from a user or lead), e.g. to log a request " +
      "that arrived another way. It cannot send an outbound message from a teammate: to answer a customer use Reply to conversation. " +
      "Needs the contact's Intercom id; find it with Search contacts first.",
    input: z.object({
      from: z
        .object({
          type: z.enum(["user", "lead", "contact"]).describe("The contact's role: user (signed up), lead, or contact (a visitor, who becomes a lead)."),
          id: z.string().min(1).describe("Intercom's id of the contact, e.g. 6762f11b1bb69f9f2193bba3 (from Search contacts)."),
        })
        .describe("The contact the conversation comes from."),
      body: z.string().min(1).describe("The customer's message as plain text (HTML is not supported), e.g. I can't log in since this morning."),
      subject: z.string().optional().describe("Subject line; only used when the message is an email."),
      attachment_urls: z
        .array(z.url().describe("Public URL of an image, e.g. https://example.com/error.png."))
        .max(10)
        .optional()
        .describe("Up to 10 public image URLs to attach."),
      created_at: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe("When the message was sent, UNIX seconds, e.g. 1717200000; only for importing past messages. Omit to use now."),
      brand_id: z.string().optional().describe("Id of the brand to file the conversation under, for workspaces with several brands."),
    }),
    keywords: ["new conversation", "start conversation", "create conversation", "log message", "on behalf of customer", "inbound"],
  }),

  defineTool({
    name: "INTERCOM_REPLY_TO_CONVERSATION",
    title: "Reply to conversation",
    resource: "conversations",
    method: "POST",
    path: "/conversations/{conversation_id}/reply",
    risk: "write",
    description:
      "Adds a reply to a conversation: message_type comment goes to the customer and cannot be unsent, note is an internal note only " +
      "teammates see, quick_reply offers clickable options. As a teammate send type admin with admin_id; to write as the customer send " +
      "type user with one of intercom_user_id, user_id or email. Read the conversation first and let the reply finish before any close.",
    input: z
      .object({
        conversation_id: z
          .string()
          .min(1)
          .describe("Intercom's id of the conversation, digits such as 123456789. The API also accepts the literal word last here."),
        ...replyFields(),
        attachment_files: attachmentFilesField(),
        skip_notifications: z.boolean().optional().describe("Admin replies only: true to post without notifying the customer or teammates. Default false."),
      })
      .superRefine((value, ctx) => checkReply(value, ctx, true)),
    keywords: ["reply", "respond", "answer", "message customer", "write back", "internal note", "note", "comment", "follow up", "send", "tell the customer"],
  }),

  defineTool({
    name: "INTERCOM_ASSIGN_CONVERSATION",
    title: "Assign conversation",
    resource: "conversations",
    method: "POST",
    path: "/conversations/{conversation_id}/parts",
    risk: "write",
    fixedBody: { message_type: "assignment" },
    description:
      "Assigns a conversation to a teammate (type admin) or a team (type team); assignee_id 0 unassigns it. admin_id is the person doing " +
      "the assigning (Identify an admin), and assignee ids come from List all admins or List all teams. " +
      "Use it for handoffs and escalations, one conversation per call; confirm before moving many.",
    input: z.object({
      conversation_id: conversationId(),
      type: z.enum(["admin", "team"]).describe("What assignee_id names: admin (a teammate) or team."),
      admin_id: actingAdminId("is doing the assigning"),
      assignee_id: z
        .string()
        .min(1)
        .describe("Id of the teammate or team that gets the conversation, e.g. 5017691; 0 unassigns. A conversation can have both a teammate and a team."),
      body: z
        .string()
        .min(1)
        .optional()
        .describe(
          "Optional message added to the conversation with the assignment; treat it as visible to the customer. For internal context reply with a note.",
        ),
    }),
    keywords: ["assign", "reassign", "unassign", "hand off", "handoff", "escalate", "transfer", "route", "give to", "move to team", "owner", "take over"],
  }),

  defineTool({
    name: "INTERCOM_CLOSE_CONVERSATION",
    title: "Close conversation",
    resource: "conversations",
    method: "POST",
    path: "/conversations/{conversation_id}/parts",
    risk: "destructive",
    fixedBody: { message_type: "close", type: "admin" },
    description:
      "Closes (resolves) a conversation, ending it and taking it out of the open inbox. Closing posts no message to anyone unless you " +
      "pass body, which the customer can see. Only Reopen conversation undoes it. Send any reply first with Reply to conversation and " +
      "wait for it to finish; never close in parallel with a reply.",
    input: z.object({
      conversation_id: conversationId(),
      admin_id: actingAdminId("is closing the conversation"),
      body: z.string().min(1).optional().describe("Optional closing message, visible to the customer and teammates, e.g. Glad that's sorted, have a good day!"),
    }),
    keywords: ["close", "close out", "resolve", "mark resolved", "done", "finish", "wrap up", "mark as done", "solved"],
  }),

  defineTool({
    name: "INTERCOM_REOPEN_CONVERSATION",
    title: "Reopen conversation",
    resource: "conversations",
    method: "POST",
    path: "/conversations/{conversation_id}/parts",
    risk: "write",
    fixedBody: { message_type: "open" },
    description:
      "Reopens a closed conversation, or wakes a snoozed one early, putting it back in the open inbox. " +
      "Check its state with Get conversation first: on an open conversation it does nothing useful. Needs the admin id of the person acting.",
    input: z.object({
      conversation_id: conversationId(),
      admin_id: actingAdminId("is reopening the conversation"),
    }),
    keywords: ["reopen", "re-open", "unsnooze", "wake", "undo close", "open again", "unresolve"],
  }),

  defineTool({
    name: "INTERCOM_ATTACH_TAG_TO_CONVERSATION",
    title: "Attach tag to conversation",
    resource: "conversations",
    method: "POST",
    path: "/conversations/{conversation_id}/tags",
    risk: "write",
    description:
      "Adds an existing tag to a conversation, e.g. to label it bug, billing or vip. Needs the tag's id (List all tags; Create or update tag " +
      "makes a new one) and the admin id of the person tagging.",
    input: z.object({
      conversation_id: conversationId(),
      id: z.string().min(1).describe("Id of the tag to add, e.g. 7522907 (from List all tags)."),
      admin_id: actingAdminId("is adding the tag"),
    }),
    keywords: ["tag", "label", "categorize", "mark as", "vip", "bug", "flag", "add tag"],
  }),

  defineTool({
    name: "INTERCOM_DETACH_TAG_FROM_CONVERSATION",
    title: "Detach tag from conversation",
    resource: "conversations",
    method: "DELETE",
    path: "/conversations/{conversation_id}/tags/{tag_id}",
    risk: "write",
    body: ["admin_id"],
    description:
      "Removes a tag from one conversation; the tag itself stays in the workspace. Needs the tag id (Get conversation lists the " +
      "conversation's tags) and the admin id of the person acting.",
    input: z.object({
      conversation_id: conversationId(),
      tag_id: z.string().min(1).describe("Id of the tag to remove, e.g. 7522907."),
      admin_id: actingAdminId("is removing the tag"),
    }),
    keywords: ["untag", "remove tag", "unlabel", "detach tag", "clear label", "take off tag"],
  }),

  defineTool({
    name: "INTERCOM_ATTACH_CONTACT_TO_CONVERSATION",
    title: "Attach contact to conversation",
    resource: "conversations",
    method: "POST",
    path: "/conversations/{conversation_id}/customers",
    risk: "write",
    description:
      "Adds another contact as a participant in an existing conversation, e.g. to copy in a colleague of the customer. Name the contact " +
      "by exactly one of intercom_user_id, user_id (your external id) or email; an email Intercom does not know creates a new lead.",
    input: z.object({
      conversation_id: conversationId(),
      admin_id: actingAdminId("is adding the participant"),
      customer: z
        .object({
          intercom_user_id: z.string().min(1).optional().describe("Intercom's id of the contact to add, e.g. 6762f19b1bb69f9f2193bbd4."),
          user_id: z.string().min(1).optional().describe("Your own external id for the contact to add, e.g. usr_8841."),
          email: z.string().min(3).optional().describe("Email of the contact to add, e.g. ana@example.com."),
        })
        .superRefine((value, ctx) => {
          const given = [value.intercom_user_id, value.user_id, value.email].filter((entry) => entry !== undefined).length;
          if (given !== 1) ctx.addIssue({ code: "custom", message: "give exactly one of intercom_user_id, user_id or email" });
        })
        .describe("The contact to add, named by exactly one of intercom_user_id, user_id or email."),
    }),
    keywords: ["add participant", "cc", "copy in", "add customer", "loop in", "add person to conversation", "include contact"],
  }),
];
