/** /internal_articles: team-only knowledge, with CRUD and a title/body search. */
import { badRequest } from "../api-error.js";
import { numberedPage, parsePerPage } from "../pagination.js";
import { type Doc, ok, type RouteDef } from "../types.js";
import { applyFields, asInt, publicDoc, requireDoc, requireString, stripHtml } from "./common.js";

export const internalArticleRoutes: RouteDef[] = [
  {
    method: "GET",
    path: "/internal_articles",
    handler: ({ state, query }) => {
      const perPage = parsePerPage(query.get("per_page"), { defaultPerPage: 50, maxPerPage: 250 });
      const page = numberedPage(state.all("internal_articles"), query.get("page"), perPage);
      return ok({ type: "list", data: page.items.map(publicDoc), total_count: page.totalCount, pages: page.pages });
    },
  },
  {
    method: "POST",
    path: "/internal_articles",
    handler: ({ state, body, nowSeconds }) => {
      const title = requireString(body, "title");
      const author = requireDoc(state, "admins", requireString(body, "author_id"), "Author");
      const owner = requireDoc(state, "admins", requireString(body, "owner_id"), "Owner");
      const article: Doc = {
        type: "internal_article",
        id: state.nextId("internal_article", "numeric", 12000),
        title,
        body: typeof body.body === "string" ? body.body : null,
        body_markdown: typeof body.body_markdown === "string" ? body.body_markdown : null,
        owner_id: asInt(owner.id),
        author_id: asInt(author.id),
        created_at: nowSeconds,
        updated_at: nowSeconds,
        locale: "en",
        audience_ids: Array.isArray(body.audience_ids) ? body.audience_ids : [],
        ai_chatbot_availability: body.ai_chatbot_availability === true,
        ai_copilot_availability: body.ai_copilot_availability !== false,
        ai_sales_agent_availability: body.ai_sales_agent_availability === true,
      };
      return ok(state.save("internal_articles", article));
    },
  },
  {
    method: "GET",
    path: "/internal_articles/search",
    handler: ({ state, query }) => {
      const phrase = (query.get("phrase") ?? query.get("query") ?? "").toLowerCase().trim();
      const terms = phrase.split(/\s+/).filter(Boolean);
      const matches = state.all("internal_articles").filter((a) => {
        const text = `${a.title} ${stripHtml(a.body ?? "")}`.toLowerCase();
        return terms.every((t) => text.includes(t));
      });
      const page = numberedPage(matches, query.get("page"), parsePerPage(query.get("per_page"), { defaultPerPage: 10, maxPerPage: 250 }));
      return ok({ type: "list", total_count: page.totalCount, data: { internal_articles: page.items.map(publicDoc) }, pages: page.pages });
    },
  },
  {
    method: "GET",
    path: "/internal_articles/{internal_article_id}",
    handler: ({ state, params }) => ok(publicDoc(requireDoc(state, "internal_articles", params.internal_article_id, "Internal article"))),
  },
  {
    method: "PUT",
    path: "/internal_articles/{internal_article_id}",
    handler: ({ state, params, body, nowSeconds }) => {
      const article = requireDoc(state, "internal_articles", params.internal_article_id, "Internal article");
      if (body.title !== undefined && (typeof body.title !== "string" || !body.title))
        throw badRequest("title must be a non-empty string", "parameter_invalid", "title");
      applyFields(article, body, [
        "title",
        "body",
        "body_markdown",
        "audience_ids",
        "ai_chatbot_availability",
        "ai_copilot_availability",
        "ai_sales_agent_availability",
      ]);
      if (body.author_id !== undefined) article.author_id = asInt(requireDoc(state, "admins", String(body.author_id), "Author").id);
      if (body.owner_id !== undefined) article.owner_id = asInt(requireDoc(state, "admins", String(body.owner_id), "Owner").id);
      article.updated_at = nowSeconds;
      return ok(publicDoc(state.save("internal_articles", article)));
    },
  },
  {
    method: "DELETE",
    path: "/internal_articles/{internal_article_id}",
    handler: ({ state, params }) => {
      const article = requireDoc(state, "internal_articles", params.internal_article_id, "Internal article");
      state.remove("internal_articles", article.id);
      return ok({ id: article.id, object: "internal_article", deleted: true });
    },
  },
];
