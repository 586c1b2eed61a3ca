/** Help center: articles (with search), collections, sections (2.9 shapes) and help centers. */
import { ApiError, badRequest } from "../api-error.js";
import { numberedPage, parsePerPage } from "../pagination.js";
import type { EmulatorState } from "../state.js";
import { type Doc, ok, type RouteDef } from "../types.js";
import { applyFields, asInt, publicDoc, requireDoc, requireString, stripHtml } from "./common.js";

function articleListItem(article: Doc): Doc {
  const { statistics: _stats, ...rest } = publicDoc(article);
  return rest;
}

function groupContent(name: string, description: string): Doc {
  return { type: "group_translated_content", en: { type: "group_content", name, description } };
}

function listPage(items: Doc[], query: URLSearchParams, defaultPerPage = 50): Doc {
  const perPage = parsePerPage(query.get("per_page"), { defaultPerPage, maxPerPage: 250 });
  const page = numberedPage(items, query.get("page"), perPage);
  return { type: "list", data: page.items, total_count: page.totalCount, pages: page.pages };
}

function requireParent(state: EmulatorState, parentId: unknown): void {
  if (parentId === undefined || parentId === null) return;
  const id = String(parentId);
  if (!state.get("collections", id) && !state.get("sections", id))
    throw badRequest(`parent_id ${id} is not a collection or section`, "parameter_invalid", "parent_id");
}

/**
 * The topics the emulator sends for article changes. Intercom's docs confirm none of these names: they are the
 * ones src/kb/article-resync.ts subscribes to, so the emulator exercises that path end to end.
 */
export const ARTICLE_TOPIC = {
  created: "article.created",
  updated: "article.updated",
  published: "article.published",
  unpublished: "article.unpublished",
  deleted: "article.deleted",
} as const;

/** One notification per change: a change of state is named for it, anything else is an update. */
export function articleChangeTopic(before: unknown, after: unknown): string {
  if (before !== "published" && after === "published") return ARTICLE_TOPIC.published;
  if (before === "published" && after !== "published") return ARTICLE_TOPIC.unpublished;
  return ARTICLE_TOPIC.updated;
}

function defaultHelpCenterId(state: EmulatorState): number | null {
  const center = state.all("help_centers")[0];
  return center ? asInt(center.id) : null;
}

export const helpCenterRoutes: RouteDef[] = [
  {
    method: "GET",
    path: "/articles",
    handler: ({ state, query }) => ok(listPage(state.all("articles").map(articleListItem), query)),
  },
  {
    method: "POST",
    path: "/articles",
    handler: ({ state, body, nowSeconds, webhooks }) => {
      const title = requireString(body, "title");
      const author = requireDoc(state, "admins", requireString(body, "author_id"), "Author");
      requireParent(state, body.parent_id);
      if (body.state !== undefined && body.state !== "published" && body.state !== "draft")
        throw badRequest("state must be published or draft", "parameter_invalid", "state");
      const id = state.nextId("article", "numeric", 9000);
      const content = {
        type: "article_content",
        title,
        description: body.description ?? "",
        body: body.body ?? "",
        author_id: asInt(author.id),
        state: body.state ?? "draft",
        created_at: nowSeconds,
        updated_at: nowSeconds,
        url: `https://help.example.com/en/articles/${id}`,
      };
      const article: Doc = {
        type: "article",
        id,
        workspace_id: state.workspace.id,
        title,
        description: body.description ?? null,
        body: body.body ?? null,
        body_markdown: null,
        author_id: asInt(author.id),
        state: body.state ?? "draft",
        created_at: nowSeconds,
        updated_at: nowSeconds,
        has_unpublished_changes: false,
        draft_updated_at: null,
        url: content.url,
        parent_ids: body.parent_id === undefined || body.parent_id === null ? [] : [asInt(body.parent_id)],
        ai_chatbot_availability: true,
        ai_copilot_availability: true,
        ai_sales_agent_availability: false,
        created_by_id: asInt(author.id),
        updated_by_id: asInt(author.id),
        exclude_from_article_suggestions: false,
        help_center_audience: "everyone",
        scheduled_publish_at: null,
        scheduled_unpublish_at: null,
        default_locale: "en",
        translated_content: { type: "article_translated_content", en: content },
        tags: { type: "tag.list", tags: [] },
      };
      const saved = publicDoc(state.save("articles", article));
      webhooks.emit(ARTICLE_TOPIC.created, saved);
      return ok(saved);
    },
  },
  {
    method: "GET",
    path: "/articles/search",
    handler: ({ state, query }) => {
      const phrase = (query.get("phrase") ?? "").toLowerCase().trim();
      const wanted = query.get("state");
      const terms = phrase.split(/\s+/).filter(Boolean);
      const matches = state.all("articles").filter((article) => {
        if (wanted && wanted !== "all" && article.state !== wanted) return false;
        if (terms.length === 0) return true;
        const text = `${article.title} ${article.description ?? ""} ${stripHtml(article.body ?? "")}`.toLowerCase();
        return terms.every((term) => text.includes(term));
      });
      const perPage = parsePerPage(query.get("per_page"), { defaultPerPage: 10, maxPerPage: 250 });
      const page = numberedPage(matches, query.get("page"), perPage);
      const data: Doc = { articles: page.items.map(articleListItem) };
      if (query.get("highlight") === "true") {
        data.highlights = page.items.map((a) => ({ article_id: a.id, highlighted_title: [{ type: "highlight", text: a.title }], highlighted_summary: [] }));
      }
      return ok({ type: "list", total_count: page.totalCount, data, pages: page.pages });
    },
  },
  { method: "GET", path: "/articles/{article_id}", handler: ({ state, params }) => ok(publicDoc(requireDoc(state, "articles", params.article_id, "Article"))) },
  {
    method: "PUT",
    path: "/articles/{article_id}",
    handler: ({ state, params, body, nowSeconds, webhooks }) => {
      const article = requireDoc(state, "articles", params.article_id, "Article");
      const stateBefore = article.state;
      if (body.state !== undefined && body.state !== "published" && body.state !== "draft")
        throw badRequest("state must be published or draft", "parameter_invalid", "state");
      if (body.author_id !== undefined) requireDoc(state, "admins", String(body.author_id), "Author");
      requireParent(state, body.parent_id);
      applyFields(article, body, ["title", "description", "body", "state"]);
      if (body.author_id !== undefined) article.author_id = asInt(body.author_id);
      if (body.parent_id !== undefined) article.parent_ids = body.parent_id === null ? [] : [asInt(body.parent_id)];
      const en = article.translated_content?.en;
      if (en) applyFields(en, body, ["title", "description", "body", "state"]);
      article.updated_at = nowSeconds;
      const saved = publicDoc(state.save("articles", article));
      webhooks.emit(articleChangeTopic(stateBefore, saved.state), saved);
      return ok(saved);
    },
  },
  {
    method: "DELETE",
    path: "/articles/{article_id}",
    handler: ({ state, params, webhooks }) => {
      const article = requireDoc(state, "articles", params.article_id, "Article");
      state.remove("articles", article.id);
      // Like Intercom's other *.deleted topics: identifying fields only.
      webhooks.emit(ARTICLE_TOPIC.deleted, { type: "article", id: article.id });
      return ok({ id: article.id, object: "article", deleted: true });
    },
  },
  { method: "GET", path: "/help_center/collections", handler: ({ state, query }) => ok(listPage(state.all("collections").map(publicDoc), query)) },
  {
    method: "POST",
    path: "/help_center/collections",
    handler: ({ state, body, nowSeconds }) => {
      const name = requireString(body, "name");
      if (body.parent_id !== undefined && body.parent_id !== null) requireDoc(state, "collections", String(body.parent_id), "Parent collection");
      const id = state.nextId("collection", "numeric", 6000);
      const collection = {
        type: "collection",
        id,
        workspace_id: state.workspace.id,
        name,
        description: body.description ?? null,
        created_at: nowSeconds,
        updated_at: nowSeconds,
        url: `https://help.example.com/en/collections/${id}`,
        icon: null,
        order: state.count("collections") + 1,
        default_locale: "en",
        translated_content: groupContent(name, body.description ?? ""),
        parent_id: body.parent_id === undefined || body.parent_id === null ? null : String(body.parent_id),
        help_center_id: body.help_center_id === undefined ? defaultHelpCenterId(state) : asInt(body.help_center_id),
      };
      return ok(publicDoc(state.save("collections", collection)));
    },
  },
  {
    method: "GET",
    path: "/help_center/collections/{collection_id}",
    handler: ({ state, params }) => ok(publicDoc(requireDoc(state, "collections", params.collection_id, "Collection"))),
  },
  {
    method: "PUT",
    path: "/help_center/collections/{collection_id}",
    handler: ({ state, params, body, nowSeconds }) => {
      const collection = requireDoc(state, "collections", params.collection_id, "Collection");
      applyFields(collection, body, ["name", "description"]);
      if (body.parent_id !== undefined) collection.parent_id = body.parent_id === null ? null : String(body.parent_id);
      collection.translated_content = groupContent(collection.name, collection.description ?? "");
      collection.updated_at = nowSeconds;
      return ok(publicDoc(state.save("collections", collection)));
    },
  },
  {
    method: "DELETE",
    path: "/help_center/collections/{collection_id}",
    handler: ({ state, params }) => {
      const collection = requireDoc(state, "collections", params.collection_id, "Collection");
      state.remove("collections", collection.id);
      return ok({ id: collection.id, object: "collection", deleted: true });
    },
  },
  { method: "GET", path: "/help_center/sections", handler: ({ state, query }) => ok(listPage(state.all("sections").map(publicDoc), query)) },
  {
    method: "POST",
    path: "/help_center/sections",
    handler: ({ state, body, nowSeconds }) => {
      const name = requireString(body, "name");
      const parent = requireDoc(state, "collections", requireString(body, "parent_id"), "Parent collection");
      const id = state.nextId("section", "numeric", 7000);
      const section = {
        type: "section",
        id,
        workspace_id: state.workspace.id,
        name,
        created_at: nowSeconds,
        updated_at: nowSeconds,
        url: `https://help.example.com/en/collections/${parent.id}#section-${id}`,
        icon: null,
        order: state.count("sections") + 1,
        parent_id: asInt(parent.id),
        default_locale: "en",
        translated_content: groupContent(name, ""),
      };
      return ok(publicDoc(state.save("sections", section)));
    },
  },
  { method: "GET", path: "/help_center/help_centers", handler: ({ state }) => ok({ type: "list", data: state.all("help_centers").map(publicDoc) }) },
  {
    method: "GET",
    path: "/help_center/help_centers/{help_center_id}",
    handler: ({ state, params }) => {
      const center = state.get("help_centers", params.help_center_id);
      if (!center) throw new ApiError(404, "not_found", "Help Center Not Found");
      return ok(publicDoc(center));
    },
  },
];
