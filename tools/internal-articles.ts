/**
 * Internal articles: the teammate-only knowledge base (runbooks, policies, macros-as-docs). Customers never
 * see these; Fin and Copilot may use them when their availability flags say so.
 */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

const internalArticleId = z.string().min(1).describe('Numeric id of the internal article, as a string, e.g. "55". Find it with "List internal articles".');

const body = {
  body: z.string().optional().describe("Content as HTML, e.g. <p>Escalate refunds over $500 to…</p>. Send body or body_markdown, not both."),
  body_markdown: z.string().optional().describe("Content as Markdown, an alternative to body (not both)."),
};

const availability = {
  ai_chatbot_availability: z
    .boolean()
    .optional()
    .describe("Whether Fin (the customer-facing AI agent) may draw on this article. Defaults to false on create: it is internal knowledge."),
  ai_copilot_availability: z.boolean().optional().describe("Whether Copilot may use this article when helping teammates. Defaults to false on create."),
  ai_sales_agent_availability: z.boolean().optional().describe("Whether the AI sales agent may use this article. Defaults to false on create."),
};

const audienceIds = z.array(z.number().int()).optional().describe("Fin audience ids to target, e.g. [3]. Omit to leave targeting unchanged; [] clears it.");

export const internalArticlesTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_LIST_INTERNAL_ARTICLES",
    title: "List internal articles",
    resource: "internal_articles",
    method: "GET",
    path: "/internal_articles",
    // The 2.16 spec lists no query parameters here, but its answer carries `pages` (page, per_page, total_pages),
    // the page-number paging GET /articles has too; the sync checks that a later page brings new articles.
    input: z.object({
      page: z.number().int().min(1).optional().describe("Page number to fetch, starting at 1. Use the next page when the previous answer reports more pages."),
      per_page: z.number().int().min(1).max(150).optional().describe("How many internal articles per page, e.g. 50."),
    }),
    risk: "read",
    description:
      "Lists the internal (teammate-only) articles: runbooks, policies and how-tos that customers never see. " +
      "Use it to look up internal procedure; for customer-facing help docs use the article tools.",
    keywords: ["internal kb", "internal docs", "runbook", "playbook", "policy", "sop", "team wiki", "internal knowledge base"],
  }),
  defineTool({
    name: "INTERCOM_CREATE_INTERNAL_ARTICLE",
    title: "Create internal article",
    resource: "internal_articles",
    method: "POST",
    path: "/internal_articles",
    input: z.object({
      title: z.string().min(1).describe('Title, e.g. "Refund approval policy".'),
      ...body,
      author_id: z.coerce.number().int().describe('Admin id of the author (see "List all admins"), e.g. 991266252.'),
      owner_id: z.coerce.number().int().describe("Admin id of the teammate responsible for keeping it up to date; often the same as author_id."),
      audience_ids: audienceIds,
      ...availability,
    }),
    risk: "write",
    description:
      "Writes a new internal article that only teammates can see, e.g. to record a procedure or the fix for a recurring issue. " +
      'Needs the author and owner admin ids. For customer-facing help docs use "Create an article".',
    keywords: ["write runbook", "document internally", "add internal doc", "save policy", "internal note for team", "sop"],
  }),
  defineTool({
    name: "INTERCOM_RETRIEVE_INTERNAL_ARTICLE",
    title: "Retrieve internal article",
    resource: "internal_articles",
    method: "GET",
    path: "/internal_articles/{internal_article_id}",
    input: z.object({ internal_article_id: internalArticleId }),
    risk: "read",
    description: "Fetches one internal (teammate-only) article by id with its full body, author and owner.",
    keywords: ["read runbook", "internal doc", "policy", "internal kb"],
  }),
  defineTool({
    name: "INTERCOM_UPDATE_INTERNAL_ARTICLE",
    title: "Update internal article",
    resource: "internal_articles",
    method: "PUT",
    path: "/internal_articles/{internal_article_id}",
    input: z.object({
      internal_article_id: internalArticleId,
      title: z.string().optional().describe("New title; omit to keep it."),
      ...body,
      author_id: z.coerce.number().int().optional().describe("Admin id of the new author."),
      owner_id: z.coerce.number().int().optional().describe("Admin id of the new owner."),
      audience_ids: audienceIds,
      ...availability,
    }),
    risk: "write",
    description:
      "Edits an internal (teammate-only) article: title, body, author, owner or AI availability. Send only what changes; " +
      "retrieve it first when rewriting part of the body.",
    keywords: ["edit runbook", "update internal doc", "fix policy doc", "change owner"],
  }),
  defineTool({
    name: "INTERCOM_DELETE_INTERNAL_ARTICLE",
    title: "Delete internal article",
    resource: "internal_articles",
    method: "DELETE",
    path: "/internal_articles/{internal_article_id}",
    input: z.object({ internal_article_id: internalArticleId }),
    risk: "destructive",
    description: "Permanently deletes an internal (teammate-only) article; teammates, Fin and Copilot lose it. Cannot be undone.",
    keywords: ["remove runbook", "delete internal doc", "delete policy"],
  }),
  defineTool({
    name: "INTERCOM_SEARCH_INTERNAL_ARTICLES",
    title: "Search internal articles",
    resource: "internal_articles",
    method: "GET",
    path: "/internal_articles/search",
    input: z.object({
      folder_id: z.string().optional().describe('Id of the internal-article folder to list, e.g. "12". Omit to return internal articles from every folder.'),
    }),
    risk: "read",
    description:
      "Returns internal (teammate-only) articles, optionally only those in one folder. It takes no search words: to find one by topic, " +
      "list them and read the likely ones.",
    keywords: ["internal kb folder", "runbooks in folder", "find internal doc", "team docs"],
  }),
];
