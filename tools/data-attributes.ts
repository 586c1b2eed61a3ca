/** The data attribute tools: the custom fields defined on contacts and companies. Intercom has no delete; archive instead. */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

const listOptions = () =>
  z
    .array(z.object({ value: z.string().min(1).describe("One choice, e.g. Gold.") }).describe("One option of the list."))
    .min(2)
    .describe('The choices of a list attribute, at least two, e.g. [{"value":"Gold"},{"value":"Silver"}].');

export const dataAttributesTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_LIST_DATA_ATTRIBUTES",
    title: "List data attributes",
    resource: "data_attributes",
    method: "GET",
    path: "/data_attributes",
    risk: "read",
    description:
      "List the attributes (standard and custom) defined for contacts or companies, with their names, types, options and ids. Check here before " +
      "setting a custom attribute or searching on one. Conversation attributes are not included.",
    keywords: ["custom attributes", "custom fields", "attribute names", "what fields", "schema", "properties"],
    input: z.object({
      model: z.enum(["contact", "company"]).optional().describe("Only attributes of contacts or of companies; omit for both."),
      include_archived: z.boolean().optional().describe("true to include archived attributes; by default only active ones are returned."),
    }),
  }),

  defineTool({
    name: "INTERCOM_CREATE_DATA_ATTRIBUTE",
    title: "Create data attribute",
    resource: "data_attributes",
    method: "POST",
    path: "/data_attributes",
    risk: "write",
    description:
      "Define a new custom attribute on contacts or companies (e.g. a 'plan_tier' list or a 'renewal_date' date). It cannot be deleted afterwards, " +
      "only archived with Update data attribute, and its type can only be changed in the Intercom UI.",
    keywords: ["new custom attribute", "add field", "custom field", "track property"],
    input: z
      .object({
        name: z.string().min(1).describe("Attribute name, e.g. plan_tier; it becomes custom_attributes.plan_tier."),
        model: z.enum(["contact", "company"]).describe("Which records get the attribute: contact or company."),
        data_type: z
          .enum(["string", "integer", "float", "boolean", "datetime", "date", "options"])
          .describe("Value type; options means a fixed list of choices (then give options)."),
        options: listOptions().optional(),
        description: z.string().optional().describe("Help text shown in the Intercom UI, e.g. Pricing tier from billing."),
        messenger_writable: z.boolean().optional().describe("true if the Messenger (the customer's side) may set this attribute."),
      })
      .refine((input) => input.data_type !== "options" || input.options !== undefined, { message: "data_type options needs at least two options" }),
  }),

  defineTool({
    name: "INTERCOM_UPDATE_DATA_ATTRIBUTE",
    title: "Update data attribute",
    resource: "data_attributes",
    method: "PUT",
    path: "/data_attributes/{data_attribute_id}",
    risk: "write",
    description:
      "Change a custom attribute's description, list options or Messenger writability, or retire it with archived true (the only way to remove one). " +
      "Its type cannot be changed here. Needs the attribute's numeric id from List data attributes.",
    keywords: ["archive attribute", "retire field", "edit custom attribute", "add option", "rename description"],
    input: z.object({
      data_attribute_id: z.coerce.number().int().min(1).describe("Numeric id of the attribute from List data attributes, e.g. 15."),
      archived: z.boolean().optional().describe("true archives (retires) the attribute; false restores it."),
      description: z.string().optional().describe("New help text shown in the Intercom UI."),
      messenger_writable: z.boolean().optional().describe("Whether the Messenger may set this attribute."),
      options: listOptions().optional(),
    }),
  }),
];
