/**
 * The workspace tag tools. POST /tags is five operations behind one oneOf body (create, rename, tag companies,
 * untag companies, tag users); it is one flat object here so the schema has no top-level union.
 */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

const tagId = () => z.string().min(1).describe("Intercom's id of the tag, e.g. 7522907; List all tags shows the id for each name.");

export const tagsTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_LIST_ALL_TAGS",
    title: "List all tags",
    resource: "tags",
    method: "GET",
    path: "/tags",
    risk: "read",
    description:
      'List every tag in the workspace with its id. Use it to turn a tag name ("VIP", "churn risk") into the tag id other tools need, ' +
      "or to check whether a tag exists before creating it.",
    keywords: ["tags", "labels", "tag id", "what tags exist", "vip tag"],
    input: z.object({}),
  }),

  defineTool({
    name: "INTERCOM_FIND_A_TAG",
    title: "Find a tag",
    resource: "tags",
    method: "GET",
    path: "/tags/{tag_id}",
    risk: "read",
    description: "Fetch one tag by id (its name and who applied it). To find a tag by name, use List all tags instead.",
    keywords: ["tag details", "tag name", "look up tag"],
    input: z.object({ tag_id: tagId() }),
  }),

  defineTool({
    name: "INTERCOM_CREATE_OR_UPDATE_TAG",
    title: "Create or update tag",
    resource: "tags",
    method: "POST",
    path: "/tags",
    risk: "write",
    description:
      "One endpoint, five uses: create a tag (name only), rename one (id + new name), tag companies (name + companies), untag companies (name + companies " +
      "with untag true) or tag several users at once (name + users). A tag named here that does not exist yet is created. To tag one contact, Add tag to contact is simpler.",
    keywords: ["create tag", "new label", "rename tag", "tag company", "untag company", "bulk tag", "tag users"],
    input: z
      .object({
        name: z
          .string()
          .min(1)
          .describe("The tag's name (case-insensitive), e.g. VIP. When renaming, the new name; when tagging or untagging, the tag to apply or remove."),
        id: z.string().optional().describe("Only to rename: the id of the existing tag whose name becomes `name`. Do not combine with companies or users."),
        companies: z
          .array(
            z
              .object({
                id: z.string().optional().describe("Intercom's id of the company, e.g. 531ee472cce572a6ec000006."),
                company_id: z.string().optional().describe("Or your own company_id, e.g. acme-42."),
                untag: z.boolean().optional().describe("true to remove the tag from this company instead of adding it."),
              })
              .describe("One company, by id or company_id."),
          )
          .min(1)
          .optional()
          .describe("Companies to tag (or untag, with untag true on each). Give each company's id or company_id. Do not combine with users."),
        users: z
          .array(z.object({ id: z.string().min(1).describe("Intercom's id of the contact, e.g. 6657add46abd0167d9419cd2.") }).describe("One contact by id."))
          .min(1)
          .optional()
          .describe("Contacts to tag in one call, by Intercom contact id. Do not combine with companies."),
      })
      .refine((input) => !(input.companies && input.users), { message: "send either companies or users, not both" })
      .refine((input) => !(input.id && (input.companies || input.users)), { message: "id (rename) cannot be combined with companies or users" }),
  }),

  defineTool({
    name: "INTERCOM_DELETE_A_TAG",
    title: "Delete a tag",
    resource: "tags",
    method: "DELETE",
    path: "/tags/{tag_id}",
    risk: "destructive",
    description:
      "Delete a tag from the whole workspace, taking it off everything that carries it. Cannot be undone. Intercom refuses (400) while a segment or " +
      "other object still depends on the tag. To take a tag off one contact use Remove tag from a contact.",
    keywords: ["delete tag", "remove label everywhere", "clean up tags", "obsolete tag"],
    input: z.object({ tag_id: tagId() }),
  }),
];
