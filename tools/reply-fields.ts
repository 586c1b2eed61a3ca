/**
 * Zod fields for the two reply endpoints (conversations and tickets). The spec models a reply as a oneOf: an
 * admin reply, or a contact reply that names the contact one of three ways. A single flat object is easier for
 * a model to fill than a union, so both reply tools use these fields plus a check that names exactly what is
 * missing or not allowed for the chosen combination.
 */
import * as z from "zod";

export function replyFields() {
  return {
    message_type: z
      .enum(["comment", "note", "quick_reply"])
      .describe(
        "comment: a message the customer sees (cannot be unsent). note: internal, only teammates see it. " +
          "quick_reply: a message with clickable options (reply_options), admin only. A contact (type user) can only send comment.",
      ),
    type: z
      .enum(["admin", "user"])
      .describe("Who is writing: admin (a teammate, needs admin_id) or user (on behalf of the customer, needs intercom_user_id, user_id or email)."),
    admin_id: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Id of the teammate writing the reply, e.g. 991267708. Required when type is admin. " +
          "Get it from Identify an admin (the token's own admin) or List all admins.",
      ),
    intercom_user_id: z
      .string()
      .min(1)
      .optional()
      .describe("With type user: Intercom's id of the contact writing, e.g. 6657add46abd0167d9419cd2. Send exactly one of intercom_user_id, user_id, email."),
    user_id: z
      .string()
      .min(1)
      .optional()
      .describe("With type user: your own external id for the contact writing, e.g. usr_8841. Send exactly one of intercom_user_id, user_id, email."),
    email: z
      .string()
      .min(3)
      .optional()
      .describe("With type user: the email of the contact writing, e.g. ana@example.com. Send exactly one of intercom_user_id, user_id, email."),
    body: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The text of the reply; required for comment and note. Notes accept simple HTML (<p>, <b>, <a>, lists). " +
          "Example: Thanks for waiting, the fix is live now.",
      ),
    created_at: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("Backdate the reply to this time in UNIX seconds, e.g. 1717200000. Leave out to use the current time (the normal case)."),
    attachment_urls: z
      .array(z.url().describe("Public URL of an image to attach, e.g. https://example.com/screenshot.png."))
      .max(10)
      .optional()
      .describe("Up to 10 public image URLs to attach to the reply."),
    reply_options: z
      .array(
        z
          .object({
            text: z.string().min(1).describe("The label shown on the option button, e.g. Yes, that fixed it."),
            uuid: z.uuid().describe("A UUID you choose for this option, e.g. 0df48b85-9a93-4c66-a167-753eff0baaec; it comes back when the option is clicked."),
          })
          .describe("One clickable option."),
      )
      .min(1)
      .optional()
      .describe(
        "For an admin quick_reply: the options offered to the customer (required then). " +
          "For a user comment: the option the customer picked, copied from the admin's quick reply.",
      ),
  };
}

/** Files sent inline, base64 encoded; conversation replies allow them for both authors, ticket replies for admins only. */
export function attachmentFilesField() {
  return z
    .array(
      z
        .object({
          name: z.string().min(1).describe("File name including extension, e.g. invoice-1042.pdf."),
          content_type: z.string().min(1).describe("MIME type of the file, e.g. application/pdf or image/png."),
          data: z.string().min(1).describe("The file's bytes encoded as base64."),
        })
        .describe("One file to attach."),
    )
    .max(10)
    .optional()
    .describe("Up to 10 files to attach, each given inline as base64. Prefer attachment_urls when the file is already online.");
}

export interface ReplyInput {
  message_type: "comment" | "note" | "quick_reply";
  type: "admin" | "user";
  admin_id?: string;
  intercom_user_id?: string;
  user_id?: string;
  email?: string;
  body?: string;
  reply_options?: unknown[];
  attachment_files?: unknown[];
  skip_notifications?: boolean;
  cross_post?: boolean;
}

/** Which fields go together in a reply, as the oneOf in the spec allows; each problem names the field to fix. */
export function checkReply(value: ReplyInput, ctx: z.RefinementCtx, allowContactFiles: boolean): void {
  const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const contactKeys = (["intercom_user_id", "user_id", "email"] as const).filter((key) => value[key] !== undefined);
  if (value.type === "admin") {
    if (!value.admin_id) problem("admin_id", "type admin needs admin_id: the id of the teammate writing (see Identify an admin or List all admins)");
    for (const key of contactKeys) problem(key, `${key} is only for type user; leave it out when type is admin`);
  } else {
    if (contactKeys.length !== 1) problem("intercom_user_id", "type user needs exactly one of intercom_user_id, user_id or email");
    if (value.admin_id !== undefined) problem("admin_id", "admin_id is only for type admin; leave it out when type is user");
    if (value.message_type !== "comment") problem("message_type", "a reply on behalf of a contact (type user) must be message_type comment");
    if (value.skip_notifications !== undefined) problem("skip_notifications", "skip_notifications is only for admin replies");
    if (value.cross_post !== undefined) problem("cross_post", "cross_post is only for admin notes");
    if (!allowContactFiles && value.attachment_files !== undefined)
      problem("attachment_files", "only admin replies can attach files here; use attachment_urls");
  }
  if ((value.message_type === "comment" || value.message_type === "note") && !value.body) {
    problem("body", `message_type ${value.message_type} needs body`);
  }
  if (value.message_type === "quick_reply" && !value.reply_options?.length) {
    problem("reply_options", "message_type quick_reply needs reply_options");
  }
}
