/**
 * Public help-center articles: what customers read and what Fin cites. Internal (teammate-only) articles
 * are in internal-articles.ts; AI-only content is in ai-content.ts.
 */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

const articleId = z.string().min(1).describe('Numeric id of the article, as a string, e.g. "39". Find it with "Search for articles".');

const state = z
  .enum(["published", "draft"])
  .describe('"published" puts the article live in the public help center, visible to customers; "draft" keeps it hidden.');

const availability = {
  ai_chatbot_availability: z.boolean().optional().describe("Whether Fin (the AI agent) may answer customers from this article."),
  ai_copilot_availability: z.boolean().optional().describe("Whether Copilot may use this article when helping teammates."),
  ai_sales_agent_availability: z.boolean().optional().describe("Whether the AI sales agent may use this article."),
};

const audienceIds = z
  .array(z.number().int())
  .optional()
  .describe("Fin audience ids to target, applied to every language, e.g. [3, 8]. An empty list clears the targeting. Unknown ids fail the whole request.");

const translations = z
  .record(
    z.string(),
    z
      .object({
        title: z.string().optional().describe("Title in this language."),
        description: z.string().optional().describe("Short summary in this language."),
        body: z.string().optional().describe("Article body in this language as HTML. Send body or body_markdown, not both."),
        body_markdown: z.string().optional().describe("Article body in this language as Markdown, instead of body."),
        author_id: z.coerce.number().int().optional().describe("Admin id of the author of this language's version."),
        state: state.optional(),
        audience_ids: z.array(z.number().int()).optional().describe("Fin audience ids for this language only."),
        ...availability,
      })
      .describe("One language's version of the article."),
  )
  .optional()
  .describe(
    'Other languages of a multilingual help center, keyed by locale code, e.g. {"fr": {"title": "…", "body": "<p>…</p>", "state": "draft"}}. ' +
      "The top-level fields are the default language.",
  );

const schedule = {
  scheduled_publish_at: z
    .string()
    .nullable()
    .optional()
    .describe(
      'ISO 8601 time in the future to publish at, e.g. "2026-12-01T09:00:00Z"; send with state "published" to schedule instead of publishing now. ' +
        "null cancels a pending publish. Not together with scheduled_unpublish_at.",
    ),
  scheduled_unpublish_at: z
    .string()
    .nullable()
    .optional()
    .describe('ISO 8601 time in the future to take a published article down, e.g. "2026-12-31T23:00:00Z"; null cancels a pending unpublish.'),
};

const content = {
  description: z.string().optional().describe("One-line summary shown under the title in the help center."),
  body: z.string().optional().describe("Article body as HTML, e.g. <p>Go to <b>Settings › Billing</b>…</p>. Send body or body_markdown, not both."),
  body_markdown: z.string().optional().describe("Article body as Markdown, an alternative to body (not both)."),
};

const parentType = z.enum(["collection", "section"]).optional().describe('What parent_id points at: "collection" or "section".');

export const articlesTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_LIST_ALL_ARTICLES",
    title: "List all articles",
    resource: "articles",
    method: "GET",
    path: "/articles",
    input: z.object({
      page: z.number().int().min(1).optional().describe("Page number to fetch, starting at 1."),
      per_page: z.number().int().min(1).max(150).optional().describe("How many articles per page, e.g. 25."),
    }),
    risk: "read",
    description:
      "Lists the help-center articles with their state (published or draft), most recently updated first. " +
      'To find articles about a topic use "Search for articles" instead; for teammate-only docs use the internal article tools.',
    keywords: ["kb", "knowledge base", "help docs", "help center articles", "faq", "all articles", "recently updated docs"],
  }),
  defineTool({
    name: "INTERCOM_CREATE_AN_ARTICLE",
    title: "Create an article",
    resource: "articles",
    method: "POST",
    path: "/articles",
    input: z.object({
      title: z.string().min(1).describe('Article title in the default language, e.g. "How to request a refund".'),
      ...content,
      author_id: z.coerce.number().int().describe('Admin id of the author; must be a teammate in this workspace (see "List all admins"), e.g. 991267492.'),
      state: state.optional().describe('Defaults to "draft". "published" makes the article live in the public help center at once, visible to customers.'),
      parent_id: z.coerce
        .number()
        .int()
        .optional()
        .describe("Numeric id of the collection or section to file the article under; without it the article stands alone."),
      parent_type: parentType,
      translated_content: translations,
      audience_ids: audienceIds,
      ...availability,
      ...schedule,
    }),
    risk: "write",
    description:
      'Writes a new public help-center article (needs an author admin id). It is a draft unless state is "published", which puts it live ' +
      'for customers and Fin at once, so draft first unless publishing was asked for. For teammate-only notes use "Create internal article".',
    keywords: ["write kb article", "new help doc", "add faq", "document this", "publish article", "knowledge base", "help center"],
  }),
  defineTool({
    name: "INTERCOM_RETRIEVE_AN_ARTICLE",
    title: "Retrieve an article",
    resource: "articles",
    method: "GET",
    path: "/articles/{article_id}",
    input: z.object({ article_id: articleId }),
    risk: "read",
    description:
      "Fetches one public help-center article by id with its full body, state, public URL, parent and translations. " +
      "Use it to read or quote an article after a search found it.",
    keywords: ["kb article", "help doc", "faq answer", "article link", "read article"],
  }),
  defineTool({
    name: "INTERCOM_UPDATE_AN_ARTICLE",
    title: "Update an article",
    resource: "articles",
    method: "PUT",
    path: "/articles/{article_id}",
    input: z.object({
      article_id: articleId,
      title: z.string().optional().describe("New title in the default language."),
      ...content,
      author_id: z.coerce.number().int().optional().describe("Admin id of the new author; must be a teammate in this workspace."),
      state: state.optional().describe('"published" or "draft". Omit to keep the current state: then edits to a published article go live immediately.'),
      parent_id: z.string().optional().describe('Id of the collection or section to move the article to, e.g. "6871119".'),
      parent_type: parentType,
      translated_content: translations,
      audience_ids: audienceIds,
      ...availability,
      ...schedule,
    }),
    risk: "write",
    description:
      "Edits a public help-center article; send only the fields that change. Edits to a published article are live for customers and Fin " +
      'immediately, and state "published" publishes a draft. Retrieve the article first so nothing is lost.',
    keywords: ["edit kb article", "fix help doc", "update faq", "publish draft", "unpublish article", "correct article"],
  }),
  defineTool({
    name: "INTERCOM_DELETE_AN_ARTICLE",
    title: "Delete an article",
    resource: "articles",
    method: "DELETE",
    path: "/articles/{article_id}",
    input: z.object({ article_id: articleId }),
    risk: "destructive",
    description:
      "Permanently deletes a help-center article: it disappears for customers, links to it break and Fin stops citing it. " +
      "To hide it but keep it, update its state to draft instead.",
    keywords: ["remove kb article", "delete help doc", "delete faq"],
  }),
  defineTool({
    name: "INTERCOM_SEARCH_FOR_ARTICLES",
    title: "Search for articles",
    resource: "articles",
    method: "GET",
    path: "/articles/search",
    input: z.object({
      phrase: z.string().optional().describe('Words to look for in article titles and bodies, e.g. "refund policy".'),
      state: z.enum(["published", "draft", "all"]).optional().describe('Which articles to search: "published" (what customers see), "draft" or "all".'),
      help_center_id: z.coerce.number().int().optional().describe("Numeric id of one help center to search in, when the workspace has several."),
      highlight: z.boolean().optional().describe("true to also return the matching snippets with the phrase highlighted."),
    }),
    risk: "read",
    description:
      "Finds public help-center articles by phrase: the first step to answer a customer question with a help-doc link or to check whether " +
      "an article on a topic already exists. Teammate-only docs are not searched here.",
    keywords: ["search kb", "find help doc", "faq", "knowledge base", "is there an article", "help center", "docs link", "how to"],
  }),
];
