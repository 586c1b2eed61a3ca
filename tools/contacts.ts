/** The contact tools: people (users and leads) and what hangs off them: tags, companies, notes, segments, subscriptions. */
import * as z from "zod";
import { contactAttributes, contactIdField, includeMergeHistoryField } from "./contact-fields.js";
import { defineTool, type ToolDefinition } from "./define.js";
import { searchPagination, searchQuery } from "./search-query.js";

const contactId = contactIdField;

const tagIdField = () => z.string().min(1).describe("Intercom's id of the tag, e.g. 7522907; List all tags shows the ids for tag names.");

const subscriptionIdField = () =>
  z.string().min(1).describe("Id of the subscription type (e.g. a newsletter or product-updates list), e.g. 37846; List subscription types shows them.");

const contactSearchFields =
  "Contact field to filter on, e.g. email, email_domain, name, phone, external_id, role (user|lead), created_at, updated_at, " +
  "last_seen_at, last_replied_at, signed_up_at, location.country, location.city, unsubscribed_from_emails, has_hard_bounced, " +
  "tag_id, segment_id, owner_id, or custom_attributes.<name> (e.g. custom_attributes.plan).";

export const contactsTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_SEARCH_CONTACTS",
    title: "Search contacts",
    resource: "contacts",
    method: "POST",
    path: "/contacts/search",
    risk: "read",
    description:
      "Find contacts (users and leads) by any attribute: email, name, phone, role, tag, segment, dates or custom attributes. " +
      "This is the usual first step to get a contact id from an email address. Returns up to 150 per page with a cursor; merged-away contacts never " +
      "appear, and a contact created in the last few minutes may not be found yet.",
    keywords: ["find customer", "look up user", "email address", "who is", "lookup by email", "find lead", "customer profile", "filter contacts"],
    query: ["include_merge_history"],
    input: z.object({
      query: searchQuery(contactSearchFields),
      pagination: searchPagination(150, 50).optional(),
      sort: z
        .object({
          field: z.string().min(1).describe("Contact field to sort by, e.g. created_at, last_seen_at or name."),
          order: z.enum(["ascending", "descending"]).optional().describe("ascending or descending (the default)."),
        })
        .optional()
        .describe("Optional ordering of the results."),
      include_merge_history: includeMergeHistoryField(),
    }),
  }),

  defineTool({
    name: "INTERCOM_GET_A_CONTACT",
    title: "Get a contact",
    resource: "contacts",
    method: "GET",
    path: "/contacts/{contact_id}",
    risk: "read",
    description:
      "Fetch one contact's full profile by Intercom id: name, email, role, owner, location, custom attributes, timestamps, and references to tags, " +
      "companies and notes. Needs the id (Search contacts by email first). A contact that was merged answers 410 Gone and points to the contact it was merged into.",
    keywords: ["customer details", "user profile", "contact info", "show contact", "who is this customer", "last seen"],
    input: z.object({
      contact_id: contactId(),
      include_merge_history: includeMergeHistoryField(),
    }),
  }),

  defineTool({
    name: "INTERCOM_SHOW_CONTACT_BY_EXTERNAL_ID",
    title: "Show contact by external ID",
    resource: "contacts",
    method: "GET",
    path: "/contacts/find_by_external_id/{external_id}",
    risk: "read",
    description:
      "Fetch a contact by the id your own product gave it (external_id, e.g. the user id in your database) rather than Intercom's id. " +
      "Works for users only, not leads; for an email address use Search contacts instead.",
    keywords: ["user id", "customer id", "account id", "our id", "external id", "lookup by id"],
    input: z.object({
      external_id: z.string().min(1).describe("Your system's id for the user, exactly as it was sent to Intercom, e.g. usr_8841."),
      include_merge_history: includeMergeHistoryField(),
    }),
  }),

  defineTool({
    name: "INTERCOM_LIST_ALL_CONTACTS",
    title: "List all contacts",
    resource: "contacts",
    method: "GET",
    path: "/contacts",
    risk: "read",
    description:
      "Page through every contact in the workspace, with no filter. Use Search contacts instead when you know anything about the person " +
      "(email, name, tag, date). Up to 150 per page; follow pages.next.starting_after for more.",
    keywords: ["all customers", "all users", "export contacts", "every contact", "contact list"],
    input: z.object({
      per_page: z.number().int().min(1).max(150).optional().describe("Contacts per page, 1 to 150; 50 when omitted."),
      starting_after: z.string().optional().describe("Cursor from pages.next.starting_after of the previous page; omit for the first page."),
      include_merge_history: includeMergeHistoryField(),
    }),
  }),

  defineTool({
    name: "INTERCOM_CREATE_CONTACT",
    title: "Create contact",
    resource: "contacts",
    method: "POST",
    path: "/contacts",
    risk: "write",
    description:
      "Add a new person to Intercom as a user or a lead. Give at least one of email, external_id or role. Intercom does not reject duplicates here, " +
      "so Search contacts by email (or Show contact by external ID) first and update the existing contact instead when there is one.",
    keywords: ["add customer", "new user", "new lead", "add contact", "register", "sign up", "import person"],
    input: z.object(contactAttributes()).refine((input) => input.email !== undefined || input.external_id !== undefined || input.role !== undefined, {
      message: "give at least one of email, external_id or role",
    }),
  }),

  defineTool({
    name: "INTERCOM_UPDATE_CONTACT",
    title: "Update contact",
    resource: "contacts",
    method: "PUT",
    path: "/contacts/{contact_id}",
    risk: "write",
    description:
      "Change fields of an existing contact: name, email, phone, owner, custom attributes, role (turn a lead into a user), or unsubscribe them from all email. " +
      "Send only the fields to change. Needs the contact id (Search contacts by email first). " +
      "Prefer this tool for any contact change. 'Update a contact' is its twin from Intercom's catalog: the same request with the same fields, so pick this one when both are offered and never call both.",
    keywords: ["edit customer", "change email", "rename", "set attribute", "unsubscribe", "opt out of emails", "vip", "change owner", "convert lead to user"],
    query: ["include_merge_history"],
    input: z.object({
      contact_id: contactId(),
      ...contactAttributes(),
      include_merge_history: includeMergeHistoryField(),
    }),
  }),

  defineTool({
    name: "INTERCOM_UPDATE_A_CONTACT",
    title: "Update a contact",
    resource: "contacts",
    method: "PUT",
    path: "/contacts/{contact_id}",
    risk: "write",
    description:
      "Overwrite attributes of one existing user or lead by Intercom id, e.g. correct a phone number, set external_id, mark the email verified or fill custom attributes. " +
      "Fields you leave out stay as they are. " +
      "Twin of 'Update contact' (same endpoint, same fields, same effect): prefer 'Update contact' when it is offered; use this one only when it is the one you have.",
    keywords: ["modify contact", "correct details", "update profile", "fix phone number", "custom attribute", "plan", "account manager"],
    query: ["include_merge_history"],
    input: z.object({
      contact_id: contactId(),
      ...contactAttributes(),
      include_merge_history: includeMergeHistoryField(),
    }),
  }),

  defineTool({
    name: "INTERCOM_DELETE_A_CONTACT",
    title: "Delete a contact",
    resource: "contacts",
    method: "DELETE",
    path: "/contacts/{contact_id}",
    risk: "destructive",
    description:
      "Permanently delete a contact and its data, e.g. for a GDPR erasure request. Cannot be undone; to only hide a contact use Archive contact, and for spam " +
      "use Block contact. Needs the contact id (Search contacts by email first).",
    keywords: ["gdpr", "erase", "right to be forgotten", "remove customer", "delete user", "delete my data", "purge"],
    input: z.object({ contact_id: contactId() }),
  }),

  defineTool({
    name: "INTERCOM_ARCHIVE_CONTACT",
    title: "Archive contact",
    resource: "contacts",
    method: "POST",
    path: "/contacts/{contact_id}/archive",
    risk: "destructive",
    description:
      "Archive a contact so it disappears from lists and searches, without deleting it. It can be restored with Unarchive contact. " + "Needs the contact id.",
    keywords: ["hide contact", "archive user", "inactive customer", "clean up"],
    input: z.object({ contact_id: contactId() }),
  }),

  defineTool({
    name: "INTERCOM_UNARCHIVE_CONTACT",
    title: "Unarchive contact",
    resource: "contacts",
    method: "POST",
    path: "/contacts/{contact_id}/unarchive",
    risk: "write",
    description: "Restore a previously archived contact so it shows up again in lists and searches. Needs the contact id.",
    keywords: ["restore contact", "undo archive", "bring back user", "reactivate"],
    input: z.object({ contact_id: contactId() }),
  }),

  defineTool({
    name: "INTERCOM_BLOCK_CONTACT",
    title: "Block contact",
    resource: "contacts",
    method: "POST",
    path: "/contacts/{contact_id}/block",
    risk: "destructive",
    description:
      "Block a contact (spam, abuse) so they can no longer reach the inbox; all their conversations are archived as well. The API has no unblock, " +
      "so treat this as permanent. Needs the contact id.",
    keywords: ["spam", "abusive", "ban", "block user", "harassment", "troll", "stop messages"],
    input: z.object({ contact_id: contactId() }),
  }),

  defineTool({
    name: "INTERCOM_MERGE_A_LEAD_AND_A_USER",
    title: "Merge a lead and a user",
    resource: "contacts",
    method: "POST",
    path: "/contacts/merge",
    risk: "destructive",
    description:
      "Merge a duplicate lead into a user: the lead's history is combined into the user and the lead id stops existing (404 afterwards). Irreversible. " +
      "`from` must be a lead and `into` a user; find both with Search contacts (filter role).",
    keywords: ["merge duplicate", "duplicate contact", "combine profiles", "same person twice", "dedupe", "lead into user"],
    query: ["include_merge_history"],
    input: z.object({
      from: z.string().min(1).describe("Intercom id of the lead to merge away; it must have role lead and will no longer exist afterwards."),
      into: z.string().min(1).describe("Intercom id of the user that remains; it must have role user."),
      skip_duplicate_validation: z
        .boolean()
        .optional()
        .describe("true to merge even though the two share no email or phone; leave out unless a person confirmed they are the same."),
      include_merge_history: includeMergeHistoryField(),
    }),
  }),

  defineTool({
    name: "INTERCOM_LIST_TAGS_ATTACHED_TO_A_CONTACT",
    title: "List tags attached to a contact",
    resource: "contacts",
    method: "GET",
    path: "/contacts/{contact_id}/tags",
    risk: "read",
    description: "List the tags on one contact (e.g. to check whether they are tagged VIP or beta). Needs the contact id.",
    keywords: ["contact tags", "is vip", "labels on customer", "what tags"],
    input: z.object({ contact_id: contactId() }),
  }),

  defineTool({
    name: "INTERCOM_ADD_TAG_TO_CONTACT",
    title: "Add tag to contact",
    resource: "contacts",
    method: "POST",
    path: "/contacts/{contact_id}/tags",
    risk: "write",
    description:
      "Put an existing tag on one contact, e.g. mark them VIP or beta tester. Needs the contact id and the tag id (List all tags; create a missing tag " +
      "with Create or update tag first).",
    keywords: ["tag customer", "label user", "mark as vip", "add label", "beta tester", "flag contact"],
    input: z.object({
      contact_id: contactId(),
      id: tagIdField(),
    }),
  }),

  defineTool({
    name: "INTERCOM_DETACH_A_CONTACT_FROM_TAG",
    title: "Detach a contact from tag",
    resource: "contacts",
    method: "DELETE",
    path: "/contacts/{contact_id}/tags/{tag_id}",
    risk: "write",
    description:
      "Take a tag off one contact (untag). Needs the contact id and the tag id; List tags attached to a contact shows both name and id. " +
      "Twin of 'Remove tag from a contact' (same endpoint, same fields, same effect): prefer 'Remove tag from a contact' when it is offered; use this one only when it is the one you have.",
    keywords: ["untag", "remove label", "no longer vip", "detach tag"],
    input: z.object({
      contact_id: contactId(),
      tag_id: tagIdField(),
    }),
  }),

  defineTool({
    name: "INTERCOM_REMOVE_TAG_FROM_A_CONTACT",
    title: "Remove tag from a contact",
    resource: "contacts",
    method: "DELETE",
    path: "/contacts/{contact_id}/tags/{tag_id}",
    risk: "write",
    description:
      "Remove a tag from a single contact; the tag itself stays in the workspace (Delete a tag removes it everywhere). Needs the contact id and tag id. " +
      "Prefer this tool for untagging a contact. 'Detach a contact from tag' is its twin from Intercom's catalog (the same request), so pick this one when both are offered and never call both.",
    keywords: ["remove tag", "untag customer", "clear label", "take off tag"],
    input: z.object({
      contact_id: contactId(),
      tag_id: tagIdField(),
    }),
  }),

  defineTool({
    name: "INTERCOM_LIST_ATTACHED_COMPANIES_FOR_CONTACT",
    title: "List attached companies for contact",
    resource: "contacts",
    method: "GET",
    path: "/contacts/{contact_id}/companies",
    risk: "read",
    description: "List the companies (accounts, organisations) a contact belongs to. Needs the contact id.",
    keywords: ["which company", "customer account", "organisation", "employer", "works at"],
    input: z.object({ contact_id: contactId() }),
  }),

  defineTool({
    name: "INTERCOM_ATTACH_CONTACT_TO_COMPANY",
    title: "Attach contact to company",
    resource: "contacts",
    method: "POST",
    path: "/contacts/{contact_id}/companies",
    risk: "write",
    description:
      "Link a contact to a company (account). Needs the contact id and Intercom's id of the company, not your own company_id: look it up with Retrieve companies.",
    keywords: ["add to company", "link account", "assign organisation", "join company"],
    input: z.object({
      contact_id: contactId(),
      id: z
        .string()
        .min(1)
        .describe("Intercom's id of the company, e.g. 531ee472cce572a6ec000006 (the id field returned by the company tools, not your company_id)."),
    }),
  }),

  defineTool({
    name: "INTERCOM_DETACH_CONTACT_FROM_COMPANY",
    title: "Detach contact from company",
    resource: "contacts",
    method: "DELETE",
    path: "/contacts/{contact_id}/companies/{company_id}",
    risk: "write",
    description:
      "Unlink a contact from a company (e.g. they left the organisation); neither is deleted. Needs the contact id and Intercom's company id " +
      "(List attached companies for contact shows it).",
    keywords: ["remove from company", "left company", "unlink account", "change employer"],
    input: z.object({
      contact_id: contactId(),
      company_id: z.string().min(1).describe("Intercom's id of the company (the id field, not your own company_id), e.g. 531ee472cce572a6ec000006."),
    }),
  }),

  defineTool({
    name: "INTERCOM_LIST_ALL_NOTES",
    title: "List all notes",
    resource: "contacts",
    method: "GET",
    path: "/contacts/{contact_id}/notes",
    risk: "read",
    description:
      "Read the internal notes teammates left on one contact's profile (not conversation notes). Needs the contact id. For a company's notes use List company notes.",
    keywords: ["contact notes", "internal notes", "history", "account notes", "what did we note"],
    input: z.object({ contact_id: contactId() }),
  }),

  defineTool({
    name: "INTERCOM_CREATE_A_NOTE",
    title: "Create a note",
    resource: "contacts",
    method: "POST",
    path: "/contacts/{contact_id}/notes",
    risk: "write",
    description:
      "Add an internal note to a contact's profile, visible to teammates only (the customer never sees it). Needs the contact id. " +
      "To note something inside a conversation use the conversation note tool instead.",
    keywords: ["add note", "internal note", "remember", "record", "write on profile", "leave a note"],
    input: z.object({
      contact_id: contactId(),
      body: z.string().min(1).describe("Text of the note, plain or simple HTML, e.g. Asked for a refund on 3 June; promised a call back."),
      admin_id: z.string().optional().describe("Id of the teammate (admin) shown as the note's author, e.g. 991267; omit to use the app's default."),
    }),
  }),

  defineTool({
    name: "INTERCOM_LIST_ATTACHED_SEGMENTS_FOR_CONTACT",
    title: "List attached segments for contact",
    resource: "contacts",
    method: "GET",
    path: "/contacts/{contact_id}/segments",
    risk: "read",
    description: "List the segments (saved audience filters such as 'Active trial users') a contact currently falls into. Needs the contact id.",
    keywords: ["which segments", "audience", "customer group", "is in segment"],
    input: z.object({ contact_id: contactId() }),
  }),

  defineTool({
    name: "INTERCOM_LIST_SUBSCRIPTIONS_FOR_A_CONTACT",
    title: "List subscriptions for a contact",
    resource: "contacts",
    method: "GET",
    path: "/contacts/{contact_id}/subscriptions",
    risk: "read",
    description:
      "Show which email/message subscription types a contact has explicitly opted into or out of. Types they never chose are not listed " +
      "(they follow the type's default). Needs the contact id.",
    keywords: ["email preferences", "is subscribed", "opted out", "newsletter", "marketing consent", "communication preferences"],
    input: z.object({ contact_id: contactId() }),
  }),

  defineTool({
    name: "INTERCOM_ADD_SUBSCRIPTION_TO_A_CONTACT",
    title: "Add subscription to a contact",
    resource: "contacts",
    method: "POST",
    path: "/contacts/{contact_id}/subscriptions",
    risk: "write",
    description:
      "Record a contact's choice for one subscription type: attaching an opt-out type opts them out (e.g. unsubscribe from the newsletter), attaching an " +
      "opt-in type opts them in. Needs the contact id and the subscription type id with its consent_type (List subscription types).",
    keywords: ["unsubscribe", "opt out", "opt in", "newsletter", "stop marketing emails", "email preferences", "consent"],
    input: z.object({
      contact_id: contactId(),
      id: subscriptionIdField(),
      consent_type: z
        .enum(["opt_in", "opt_out"])
        .describe("The consent_type of that subscription type as List subscription types reports it: opt_in or opt_out."),
    }),
  }),

  defineTool({
    name: "INTERCOM_REMOVE_SUBSCRIPTION_FROM_A_CONTACT",
    title: "Remove subscription from a contact",
    resource: "contacts",
    method: "DELETE",
    path: "/contacts/{contact_id}/subscriptions/{subscription_id}",
    risk: "write",
    description:
      "Undo a contact's explicit choice for one subscription type, so it reverts to the type's default: removing an opt-out type resubscribes them, " +
      "removing an opt-in type stops those messages. Needs the contact id and the subscription type id.",
    keywords: ["resubscribe", "remove opt out", "stop newsletter", "undo unsubscribe", "email preferences"],
    input: z.object({
      contact_id: contactId(),
      subscription_id: subscriptionIdField(),
    }),
  }),
];
