/**
 * Zod fields shared by the contact tools: the contact id in paths and the writable contact attributes that
 * create and both update tools send (PUT /contacts/{contact_id} backs two seed tools).
 */
import * as z from "zod";

export function contactIdField() {
  return z
    .string()
    .min(1)
    .describe(
      "Intercom's id of the contact, a hex string like 6657add46abd0167d9419cd2 (not the email or your own user id). " +
        "Find it with Search contacts by email, or Show contact by external ID.",
    );
}

export function includeMergeHistoryField() {
  return z
    .boolean()
    .optional()
    .describe("true to also return merge_history (which contacts were merged into this one); only present for users. Default false.");
}

/** Every writable attribute of a contact, all optional; the tools say which combination they need. */
export function contactAttributes() {
  return {
    role: z.enum(["user", "lead"]).optional().describe("user (a signed-up customer) or lead (an anonymous or unverified prospect)."),
    external_id: z.string().min(1).optional().describe("Your own system's unique id for this person, e.g. the user id in your database: usr_8841."),
    email: z.string().min(3).optional().describe("Email address, e.g. ana@example.com."),
    email_verified: z.boolean().optional().describe("Whether you have confirmed the person owns the email. Only allowed together with email in the same call."),
    phone: z.string().optional().describe("Phone number, ideally in international format, e.g. +353871234567."),
    name: z.string().optional().describe("Full name, e.g. Ana Silva."),
    avatar: z.string().optional().describe("URL of an avatar image, e.g. https://example.com/ana.png."),
    signed_up_at: z.number().int().optional().describe("When the person signed up, UNIX seconds, e.g. 1717200000."),
    last_seen_at: z.number().int().optional().describe("When the person was last seen, UNIX seconds, e.g. 1717200000."),
    owner_id: z.string().optional().describe("Id of the teammate (admin) who owns this contact, e.g. 321; see the admin tools for ids."),
    unsubscribed_from_emails: z
      .boolean()
      .optional()
      .describe("true unsubscribes the person from all email; false resubscribes. For one newsletter or topic use the subscription tools."),
    custom_attributes: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .describe(
        'Custom data attributes keyed by their name, e.g. {"plan":"pro","seats":12,"vip":true}. The attribute must already exist ' +
          "(List data attributes shows them; Create data attribute adds one).",
      ),
  };
}
