/**
 * Fin Content Library: content import sources and the external pages inside them. This is the AI-only
 * knowledge that Fin and Copilot draw on; it never appears in the public help center.
 */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

const sourceId = z
  .string()
  .min(1)
  .describe('Intercom id of the content import source, as returned by "List content import sources" or when the source was created, e.g. "42".');

const pageId = z
  .string()
  .min(1)
  .describe('Intercom id of the external page (not your own external_id), as returned by "List external pages" or when the page was created, e.g. "7301".');

const sourceStatus = z
  .enum(["active", "deactivated"])
  .optional()
  .describe('"active" (the default) lets Fin use the pages of this source; "deactivated" keeps the pages but stops them being used.');

const audienceIds = z
  .array(z.number().int())
  .optional()
  .describe("Ids of the audiences whose end users may receive answers built from this source's pages, e.g. [12, 15]. Omit to leave audiences as they are.");

const pageLocale = z.enum(["en"]).default("en").describe('Language of the page. Only "en" is accepted; leave it out and "en" is sent.');

export const aiContentTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_LIST_CONTENT_IMPORT_SOURCES",
    title: "List content import sources",
    resource: "ai_content",
    method: "GET",
    path: "/ai/content_import_sources",
    input: z.object({}),
    risk: "read",
    description:
      "Lists the content import sources of the Fin Content Library: the containers (a website sync or an API feed) that external pages belong to. " +
      "Use it to find the source_id needed before creating external pages; it is not for help-center articles.",
    keywords: ["fin sources", "content sources", "ai knowledge sources", "synced website", "content library", "fin training data"],
  }),
  defineTool({
    name: "INTERCOM_CREATE_CONTENT_IMPORT_SOURCE",
    title: "Create content import source",
    resource: "ai_content",
    method: "POST",
    path: "/ai/content_import_sources",
    input: z.object({
      sync_behavior: z
        .enum(["api"])
        .describe('How pages reach this source. Must be "api": sources created here are fed by creating external pages through the API.'),
      url: z.string().min(1).describe("Address of the site or system the content comes from, e.g. https://docs.example.com. Identifies the source in the UI."),
      status: sourceStatus,
      audience_ids: audienceIds,
    }),
    risk: "write",
    description:
      "Creates a new content import source in the Fin Content Library, the container that API-fed external pages must belong to. " +
      "Create one before pushing outside documentation for Fin to answer from; check the existing sources first to avoid duplicates.",
    keywords: ["add fin source", "new content source", "connect docs to fin", "ai knowledge source", "train fin"],
  }),
  defineTool({
    name: "INTERCOM_GET_CONTENT_IMPORT_SOURCE",
    title: "Get content import source",
    resource: "ai_content",
    method: "GET",
    path: "/ai/content_import_sources/{source_id}",
    input: z.object({ source_id: sourceId }),
    risk: "read",
    description: "Fetches one content import source of the Fin Content Library by its id: its URL, sync behaviour, status and audiences.",
    keywords: ["fin source details", "content source", "sync status"],
  }),
  defineTool({
    name: "INTERCOM_UPDATE_CONTENT_IMPORT_SOURCE",
    title: "Update content import source",
    resource: "ai_content",
    method: "PUT",
    path: "/ai/content_import_sources/{source_id}",
    input: z.object({
      source_id: sourceId,
      sync_behavior: z
        .enum(["api", "automated", "manual"])
        .describe('The source\'s sync behaviour, which must be sent but cannot be switched to or from "api": send the value the source already has.'),
      url: z.string().min(1).describe("The source URL. Send the current one unless the source is API-fed; only API-fed sources may change it."),
      status: sourceStatus,
      audience_ids: audienceIds,
      apply_audience_to_existing_content: z
        .boolean()
        .optional()
        .describe("true to also apply audience_ids to every page already in this source; false (default) affects only pages added later."),
    }),
    risk: "write",
    description:
      "Changes a content import source of the Fin Content Library: its status (deactivate to stop Fin using its pages), URL or audiences. " +
      "Needs the source id and its current sync_behavior; get the source first.",
    keywords: ["deactivate fin source", "pause content source", "change audience", "edit content source"],
  }),
  defineTool({
    name: "INTERCOM_DELETE_CONTENT_IMPORT_SOURCE",
    title: "Delete content import source",
    resource: "ai_content",
    method: "DELETE",
    path: "/ai/content_import_sources/{source_id}",
    input: z.object({ source_id: sourceId }),
    risk: "destructive",
    description:
      "Permanently deletes a content import source AND every external page in it, so Fin stops answering from all of them. " +
      "Cannot be undone; to pause a source instead, update its status to deactivated.",
    keywords: ["remove fin source", "delete content source", "stop syncing docs"],
  }),
  defineTool({
    name: "INTERCOM_LIST_EXTERNAL_PAGES",
    title: "List external pages",
    resource: "ai_content",
    method: "GET",
    path: "/ai/external_pages",
    input: z.object({}),
    risk: "read",
    description:
      "Lists the external pages in the Fin Content Library: outside content (synced or pushed through the API) that Fin and Copilot use for AI answers. " +
      "These are not help-center articles; use the article tools for those.",
    keywords: ["fin content", "ai answers source", "external docs", "content library", "synced pages"],
  }),
  defineTool({
    name: "INTERCOM_CREATE_EXTERNAL_PAGE",
    title: "Create external page",
    resource: "ai_content",
    method: "POST",
    path: "/ai/external_pages",
    input: z.object({
      title: z.string().min(1).describe('Page title shown to teammates and used by Fin when citing, e.g. "Resetting your password".'),
      html: z.string().min(1).describe("Full page content as HTML, e.g. <p>Open Settings, then Security…</p>."),
      url: z
        .string()
        .optional()
        .describe("Public address of the original page. Fin links end users to it when it uses the page; without a URL Fin answers but cites no source."),
      ai_agent_availability: z.boolean().optional().describe("true to let Fin AI Agent answer customers from this page. Defaults to false for new pages."),
      ai_copilot_availability: z.boolean().optional().describe("true to let Copilot use this page when helping teammates. Defaults to false for new pages."),
      locale: pageLocale,
      source_id: z.coerce
        .number()
        .int()
        .describe(
          'Numeric id of the content import source this page belongs to (from "List content import sources"), e.g. 42. The page inherits its audience.',
        ),
      external_id: z.string().min(1).describe('Your own identifier for the page, unique within the source, e.g. "kb-1042". Re-using it updates that page.'),
    }),
    risk: "write",
    description:
      "Adds a page of outside content to the Fin Content Library so Fin and Copilot can answer from it, or updates the page that already has the same " +
      "source_id and external_id (an upsert). Needs a content import source id first. Use articles instead for content customers should browse.",
    keywords: ["teach fin", "add ai content", "upload doc for fin", "push page", "ai answer content", "sync doc"],
  }),
  defineTool({
    name: "INTERCOM_GET_EXTERNAL_PAGE",
    title: "Get external page",
    resource: "ai_content",
    method: "GET",
    path: "/ai/external_pages/{page_id}",
    input: z.object({ page_id: pageId }),
    risk: "read",
    description: "Fetches one external page of the Fin Content Library by its Intercom id: title, HTML, URL, source and whether Fin and Copilot may use it.",
    keywords: ["fin page", "external doc", "ai content page"],
  }),
  defineTool({
    name: "INTERCOM_UPDATE_EXTERNAL_PAGE",
    title: "Update external page",
    resource: "ai_content",
    method: "PUT",
    path: "/ai/external_pages/{page_id}",
    input: z.object({
      page_id: pageId,
      title: z.string().min(1).describe("Page title. Required even if unchanged: send the current title."),
      html: z.string().min(1).describe("Full page content as HTML; replaces the old content. Required even if unchanged."),
      url: z.string().min(1).describe("Public address of the original page, used by Fin when citing it. Required even if unchanged."),
      fin_availability: z.boolean().optional().describe("true to let Fin answer from this page, false to hide it from Fin while keeping it."),
      locale: pageLocale,
      source_id: z.coerce.number().int().describe("Numeric id of the content import source the page belongs to, e.g. 42. Send the page's current source."),
      external_id: z.string().optional().describe('Your own identifier for the page within its source, e.g. "kb-1042".'),
    }),
    risk: "write",
    description:
      "Replaces the content of an external page in the Fin Content Library (title, HTML and URL must all be sent) or turns Fin's use of it on or off. " +
      "Only pages created through the API can be updated; fetch the page first to keep unchanged fields.",
    keywords: ["edit fin content", "fix ai answer", "update doc for fin", "hide page from fin"],
  }),
  defineTool({
    name: "INTERCOM_DELETE_EXTERNAL_PAGE",
    title: "Delete external page",
    resource: "ai_content",
    method: "DELETE",
    path: "/ai/external_pages/{page_id}",
    input: z.object({ page_id: pageId }),
    risk: "destructive",
    description:
      "Removes an external page from the Fin Content Library, so Fin and Copilot no longer answer from it. " +
      "To keep the page but stop Fin using it, update it with fin_availability false instead.",
    keywords: ["remove fin content", "delete ai page", "stop fin using doc"],
  }),
];
