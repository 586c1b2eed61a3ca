/** Fin content: content import sources and the external pages that belong to them (upsert by external_id). */
import { badRequest } from "../api-error.js";
import { type Doc, ok, type RouteDef } from "../types.js";
import { applyFields, asInt, publicDoc, requireDoc, requireString } from "./common.js";

function pagedList(items: Doc[]): Doc {
  return {
    type: "list",
    pages: { type: "pages", page: 1, per_page: Math.max(1, items.length), total_pages: 1 },
    total_count: items.length,
    data: items.map(publicDoc),
  };
}

const SYNC_BEHAVIORS = ["api", "automatic", "manual"];

export const aiContentRoutes: RouteDef[] = [
  { method: "GET", path: "/ai/content_import_sources", handler: ({ state }) => ok(pagedList(state.all("content_import_sources"))) },
  {
    method: "POST",
    path: "/ai/content_import_sources",
    handler: ({ state, body, nowSeconds }) => {
      const url = requireString(body, "url");
      const sync = requireString(body, "sync_behavior");
      if (!SYNC_BEHAVIORS.includes(sync)) throw badRequest("sync_behavior must be api, automatic or manual", "parameter_invalid", "sync_behavior");
      const source = {
        type: "content_import_source",
        id: Number(state.nextId("content_import_source", "numeric", 200)),
        last_synced_at: nowSeconds,
        sync_behavior: sync,
        status: body.status === "deactivated" ? "deactivated" : "active",
        url,
        created_at: nowSeconds,
        updated_at: nowSeconds,
        audience_ids: Array.isArray(body.audience_ids) ? body.audience_ids : [],
      };
      return ok(state.save("content_import_sources", source));
    },
  },
  {
    method: "GET",
    path: "/ai/content_import_sources/{source_id}",
    handler: ({ state, params }) => ok(publicDoc(requireDoc(state, "content_import_sources", params.source_id, "Content import source"))),
  },
  {
    method: "PUT",
    path: "/ai/content_import_sources/{source_id}",
    handler: ({ state, params, body, nowSeconds }) => {
      const source = requireDoc(state, "content_import_sources", params.source_id, "Content import source");
      if (body.sync_behavior !== undefined && !SYNC_BEHAVIORS.includes(body.sync_behavior))
        throw badRequest("sync_behavior must be api, automatic or manual", "parameter_invalid", "sync_behavior");
      applyFields(source, body, ["url", "sync_behavior", "status", "audience_ids"]);
      source.updated_at = nowSeconds;
      return ok(publicDoc(state.save("content_import_sources", source)));
    },
  },
  {
    method: "DELETE",
    path: "/ai/content_import_sources/{source_id}",
    handler: ({ state, params }) => {
      const source = requireDoc(state, "content_import_sources", params.source_id, "Content import source");
      state.remove("content_import_sources", String(source.id));
      for (const page of state.all("external_pages")) if (page.source_id === source.id) state.remove("external_pages", page.id);
      return { status: 204 };
    },
  },
  { method: "GET", path: "/ai/external_pages", handler: ({ state }) => ok(pagedList(state.all("external_pages"))) },
  {
    method: "POST",
    path: "/ai/external_pages",
    handler: ({ state, body, nowSeconds }) => {
      const title = requireString(body, "title");
      const html = requireString(body, "html");
      const externalId = requireString(body, "external_id");
      const source = requireDoc(state, "content_import_sources", requireString(body, "source_id"), "Content import source");
      if (body.locale !== undefined && body.locale !== "en") throw badRequest("locale must be en", "parameter_invalid", "locale");
      const existing = state.all("external_pages").find((p) => p.source_id === source.id && p.external_id === externalId);
      const page: Doc = existing ?? {
        type: "external_page",
        id: state.nextId("external_page", "numeric", 30000),
        source_id: asInt(source.id),
        external_id: externalId,
        created_at: nowSeconds,
        locale: "en",
        ai_sales_agent_availability: false,
      };
      Object.assign(page, {
        title,
        html,
        url: typeof body.url === "string" ? body.url : (page.url ?? ""),
        ai_agent_availability: body.ai_agent_availability !== false,
        ai_copilot_availability: body.ai_copilot_availability !== false,
        fin_availability: body.ai_agent_availability !== false,
        updated_at: nowSeconds,
        last_ingested_at: nowSeconds,
      });
      return ok(publicDoc(state.save("external_pages", page)));
    },
  },
  {
    method: "GET",
    path: "/ai/external_pages/{page_id}",
    handler: ({ state, params }) => ok(publicDoc(requireDoc(state, "external_pages", params.page_id, "External page"))),
  },
  {
    method: "PUT",
    path: "/ai/external_pages/{page_id}",
    handler: ({ state, params, body, nowSeconds }) => {
      const page = requireDoc(state, "external_pages", params.page_id, "External page");
      applyFields(page, body, ["title", "html", "url", "ai_agent_availability", "ai_copilot_availability", "external_id"]);
      if (body.ai_agent_availability !== undefined) page.fin_availability = body.ai_agent_availability === true;
      page.updated_at = nowSeconds;
      page.last_ingested_at = nowSeconds;
      return ok(publicDoc(state.save("external_pages", page)));
    },
  },
  {
    method: "DELETE",
    path: "/ai/external_pages/{page_id}",
    handler: ({ state, params }) => {
      const page = requireDoc(state, "external_pages", params.page_id, "External page");
      state.remove("external_pages", page.id);
      return ok(publicDoc(page));
    },
  },
];
