/**
 * The structure of the public help center: help centers, the collections in them and (2.9 only) the sections
 * inside collections. Articles themselves live in articles.ts.
 */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

const collectionId = z.string().min(1).describe('Numeric id of the help-center collection, as a string, e.g. "6871119". Find it with "List all collections".');

const page = z.number().int().min(1).optional().describe("Page number to fetch, starting at 1. Use the next page when the previous answer reports more pages.");
const perPage = z.number().int().min(1).max(150).optional().describe("How many items per page, e.g. 50.");

function groupTranslations(forCollections: boolean) {
  return z
    .record(
      z.string(),
      z
        .object({
          name: z.string().optional().describe("The name in this language."),
          ...(forCollections ? { description: z.string().optional().describe("The description in this language.") } : {}),
        })
        .describe("Text for one language."),
    )
    .optional()
    .describe(
      'Per-language text for a multilingual help center, keyed by locale code, e.g. {"fr": {"name": "Facturation"}, "pt-BR": {"name": "Cobrança"}}. ' +
        "The top-level fields are the default language.",
    );
}

export const helpCenterTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_LIST_ALL_COLLECTIONS",
    title: "List all collections",
    resource: "help_center",
    method: "GET",
    path: "/help_center/collections",
    input: z.object({ page, per_page: perPage }),
    risk: "read",
    description:
      "Lists the collections (top-level categories) of the public help center, most recently updated first. " +
      "Use it to find a collection id before filing an article under it or creating a section.",
    keywords: ["kb categories", "help center categories", "knowledge base structure", "faq categories", "help doc folders", "collections"],
  }),
  defineTool({
    name: "INTERCOM_CREATE_A_COLLECTION",
    title: "Create a collection",
    resource: "help_center",
    method: "POST",
    path: "/help_center/collections",
    input: z.object({
      name: z.string().min(1).describe('Collection name in the default language, e.g. "Billing".'),
      description: z.string().optional().describe('Short text shown under the name in the help center, e.g. "Invoices, refunds and payment methods".'),
      translated_content: groupTranslations(true),
      parent_id: z
        .string()
        .nullable()
        .optional()
        .describe('Id of an existing collection to nest this one under, e.g. "6871119". Omit or null for a top-level collection.'),
      help_center_id: z.coerce
        .number()
        .int()
        .nullable()
        .optional()
        .describe('Numeric id of the help center to create it in (see "List all help centers"). Omit for the default help center.'),
    }),
    risk: "write",
    description:
      "Creates a new collection (category) in the public help center, which customers can see. " +
      "Check the existing collections first so you do not create a duplicate.",
    keywords: ["new kb category", "add help center category", "new faq section", "organize knowledge base"],
  }),
  defineTool({
    name: "INTERCOM_RETRIEVE_A_COLLECTION",
    title: "Retrieve a collection",
    resource: "help_center",
    method: "GET",
    path: "/help_center/collections/{collection_id}",
    input: z.object({ collection_id: collectionId }),
    risk: "read",
    description: "Fetches one help-center collection by id: its name, description, translations, parent and help center.",
    keywords: ["kb category", "collection details"],
  }),
  defineTool({
    name: "INTERCOM_UPDATE_A_COLLECTION",
    title: "Update a collection",
    resource: "help_center",
    method: "PUT",
    path: "/help_center/collections/{collection_id}",
    input: z.object({
      collection_id: collectionId,
      name: z.string().optional().describe("New name in the default language; omit to keep the current one."),
      description: z.string().optional().describe("New description in the default language; omit to keep the current one."),
      translated_content: groupTranslations(true),
      parent_id: z
        .string()
        .nullable()
        .optional()
        .describe('Id of the collection to move this one under, e.g. "6871119"; null makes it top-level; omit to leave it where it is.'),
    }),
    risk: "write",
    description: "Renames, re-describes or moves a help-center collection; the change shows in the public help center at once. Send only what changes.",
    keywords: ["rename kb category", "move collection", "edit help center category"],
  }),
  defineTool({
    name: "INTERCOM_DELETE_A_COLLECTION",
    title: "Delete a collection",
    resource: "help_center",
    method: "DELETE",
    path: "/help_center/collections/{collection_id}",
    input: z.object({ collection_id: collectionId }),
    risk: "destructive",
    description:
      "Permanently deletes a help-center collection, removing it from the public help center. " +
      "Look at what is filed under it first; this cannot be undone.",
    keywords: ["remove kb category", "delete help center category"],
  }),
  defineTool({
    name: "INTERCOM_LIST_ALL_HELP_CENTERS",
    title: "List all help centers",
    resource: "help_center",
    method: "GET",
    path: "/help_center/help_centers",
    input: z.object({}),
    risk: "read",
    description:
      "Lists the workspace's help centers (most have one; brands can have several) with their ids, names and whether each is live. " +
      "Use it to get the help_center_id that article search and collection creation accept.",
    keywords: ["help center", "help site", "knowledge base site", "kb site", "docs site", "brands"],
  }),
  defineTool({
    name: "INTERCOM_RETRIEVE_A_HELP_CENTER",
    title: "Retrieve a help center",
    resource: "help_center",
    method: "GET",
    path: "/help_center/help_centers/{help_center_id}",
    input: z.object({
      help_center_id: z.string().min(1).describe('Numeric id of the help center, as a string, e.g. "12". Find it with "List all help centers".'),
    }),
    risk: "read",
    description: "Fetches one help center by id: its name, identifier and whether it is turned on for customers.",
    keywords: ["help center settings", "help site", "kb site"],
  }),
  defineTool({
    name: "INTERCOM_LIST_HELP_CENTER_SECTIONS",
    title: "List help center sections",
    resource: "help_center",
    method: "GET",
    path: "/help_center/sections",
    apiVersion: "2.9",
    input: z.object({ page, per_page: perPage }),
    risk: "read",
    description:
      "Lists the sections of the help center (the level between collections and articles), most recently updated first. " +
      "Sent with API version 2.9, the last version that documents sections.",
    keywords: ["kb subcategories", "help center sections", "knowledge base structure", "faq groups"],
  }),
  defineTool({
    name: "INTERCOM_CREATE_HELP_CENTER_SECTION",
    title: "Create help center section",
    resource: "help_center",
    method: "POST",
    path: "/help_center/sections",
    apiVersion: "2.9",
    input: z.object({
      name: z.string().min(1).describe('Section name in the default language, e.g. "Refunds".'),
      parent_id: z.coerce.number().int().describe('Numeric id of the collection this section goes in, e.g. 6871119. Get it from "List all collections".'),
      translated_content: groupTranslations(false),
    }),
    risk: "write",
    description:
      "Creates a section inside a help-center collection to group related articles; it is visible in the public help center. " +
      "Needs the collection id first. Uses the older API version 2.9, the last to document sections.",
    keywords: ["new kb subcategory", "add help center section", "group articles"],
  }),
];
