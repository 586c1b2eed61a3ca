/** /companies: create-or-update by company_id, page-numbered lists, the scroll API, and attached lists. */
import { randomUUID } from "node:crypto";
import { ApiError, badRequest, notFound } from "../api-error.js";
import { numberedPage, parsePerPage } from "../pagination.js";
import type { EmulatorState } from "../state.js";
import { type Doc, ok, type RouteDef } from "../types.js";
import { applyFields, publicDoc, requireDoc } from "./common.js";

const WRITABLE = ["name", "plan", "size", "website", "industry", "monthly_spend", "remote_created_at"] as const;
export const SCROLL_PAGE_SIZE = 50;
export const SCROLL_TTL_SECONDS = 60;

/** The one open scroll of the app; kept beside the state, not persisted. */
export interface ScrollState {
  param: string;
  offset: number;
  lastUsed: number;
}

function newCompany(state: EmulatorState, body: Doc, now: number): Doc {
  const id = state.nextId("company", "hex");
  const company: Doc = {
    type: "company",
    id,
    name: typeof body.name === "string" ? body.name : "",
    app_id: state.workspace.id,
    company_id: String(body.company_id ?? id),
    remote_created_at: typeof body.remote_created_at === "number" ? body.remote_created_at : now,
    created_at: now,
    updated_at: now,
    last_request_at: now,
    size: typeof body.size === "number" ? body.size : 0,
    website: typeof body.website === "string" ? body.website : "",
    industry: typeof body.industry === "string" ? body.industry : "",
    monthly_spend: typeof body.monthly_spend === "number" ? Math.round(body.monthly_spend) : 0,
    session_count: 0,
    user_count: 0,
    custom_attributes: { ...(body.custom_attributes ?? {}) },
    tags: { type: "tag.list", tags: [] },
    segments: { type: "segment.list", segments: [] },
    notes: { type: "note.list", notes: [] },
  };
  if (typeof body.plan === "string") company.plan = { type: "plan", id: state.nextId("plan"), name: body.plan };
  return company;
}

function updateCompany(company: Doc, body: Doc, now: number): void {
  applyFields(
    company,
    body,
    WRITABLE.filter((k) => k !== "plan"),
  );
  if (typeof body.plan === "string") company.plan = { ...(company.plan ?? { type: "plan", id: company.id }), name: body.plan };
  if (typeof company.monthly_spend === "number") company.monthly_spend = Math.round(company.monthly_spend);
  if (body.custom_attributes && typeof body.custom_attributes === "object")
    company.custom_attributes = { ...company.custom_attributes, ...body.custom_attributes };
  company.updated_at = now;
}

function companyList(companies: Doc[], query: URLSearchParams): Doc {
  const perPage = parsePerPage(query.get("per_page"), { defaultPerPage: 15, maxPerPage: 60 });
  const page = numberedPage(companies, query.get("page"), perPage);
  return { type: "list", data: page.items.map(publicDoc), total_count: page.totalCount, pages: page.pages };
}

export const companyRoutes: RouteDef[] = [
  {
    method: "POST",
    path: "/companies",
    handler: ({ state, body, nowSeconds }) => {
      if (body.company_id === undefined && body.name === undefined) throw badRequest("company_id or name is required", "parameter_not_found", "company_id");
      const existing = body.company_id === undefined ? undefined : state.all("companies").find((c) => c.company_id === String(body.company_id));
      if (existing) {
        updateCompany(existing, body, nowSeconds);
        return ok(publicDoc(state.save("companies", existing)));
      }
      return ok(publicDoc(state.save("companies", newCompany(state, body, nowSeconds))));
    },
  },
  {
    method: "GET",
    path: "/companies",
    handler: ({ state, query }) => {
      let companies = state.all("companies");
      const filters = { name: query.get("name"), company_id: query.get("company_id"), tag_id: query.get("tag_id"), segment_id: query.get("segment_id") };
      if (filters.name) companies = companies.filter((c) => c.name === filters.name);
      if (filters.company_id) companies = companies.filter((c) => c.company_id === filters.company_id);
      if (filters.tag_id) companies = companies.filter((c) => c.tags?.tags?.some((t: Doc) => t.id === filters.tag_id));
      if (filters.segment_id) companies = companies.filter((c) => c.segments?.segments?.some((s: Doc) => s.id === filters.segment_id));
      if ((filters.name || filters.company_id) && companies.length === 0) throw notFound("Company");
      return ok(companyList(companies, query));
    },
  },
  {
    method: "POST",
    path: "/companies/list",
    handler: ({ state, query }) => {
      const companies = state.all("companies");
      if (query.get("order") === "asc") companies.sort((a, b) => a.created_at - b.created_at || (a.id < b.id ? -1 : 1));
      else companies.sort((a, b) => b.created_at - a.created_at || (a.id < b.id ? 1 : -1));
      return ok(companyList(companies, query));
    },
  },
  {
    method: "GET",
    path: "/companies/scroll",
    handler: ({ state, query, nowSeconds }) => {
      const param = query.get("scroll_param");
      const current = state.runtime.scroll as ScrollState | undefined;
      const live = current && nowSeconds - current.lastUsed <= SCROLL_TTL_SECONDS ? current : undefined;
      let scroll: ScrollState;
      if (!param) {
        if (live) throw badRequest("A scroll is already open for this app; finish it or wait for it to expire before starting another", "scroll_exists");
        scroll = { param: randomUUID(), offset: 0, lastUsed: nowSeconds };
      } else {
        if (!live || live.param !== param) throw new ApiError(404, "scroll_not_found", "The scroll_param is unknown or has expired; start a new scroll");
        scroll = live;
      }
      const companies = state.all("companies");
      const items = companies.slice(scroll.offset, scroll.offset + SCROLL_PAGE_SIZE);
      scroll.offset += items.length;
      scroll.lastUsed = nowSeconds;
      state.runtime.scroll = items.length === 0 ? undefined : scroll;
      return ok({ type: "list", data: items.map(publicDoc), pages: null, total_count: companies.length, scroll_param: scroll.param });
    },
  },
  {
    method: "GET",
    path: "/companies/{company_id}",
    handler: ({ state, params }) => ok(publicDoc(requireDoc(state, "companies", params.company_id, "Company"))),
  },
  {
    method: "PUT",
    path: "/companies/{company_id}",
    handler: ({ state, params, body, nowSeconds }) => {
      const company = requireDoc(state, "companies", params.company_id, "Company");
      updateCompany(company, body, nowSeconds);
      return ok(publicDoc(state.save("companies", company)));
    },
  },
  {
    method: "DELETE",
    path: "/companies/{company_id}",
    handler: ({ state, params }) => {
      const company = requireDoc(state, "companies", params.company_id, "Company");
      state.remove("companies", company.id);
      for (const contact of state.values("contacts")) {
        const list = contact.companies;
        if (list?.data?.some((ref: Doc) => ref.id === company.id)) {
          list.data = list.data.filter((ref: Doc) => ref.id !== company.id);
          list.total_count = list.data.length;
          state.save("contacts", contact);
        }
      }
      return ok({ id: company.id, object: "company", deleted: true });
    },
  },
  {
    method: "GET",
    path: "/companies/{company_id}/contacts",
    handler: ({ state, params }) => {
      const company = requireDoc(state, "companies", params.company_id, "Company");
      const contacts = state.all("contacts").filter((c) => !c._merged_into && c.companies?.data?.some((ref: Doc) => ref.id === company.id));
      return ok({
        type: "list",
        data: contacts.map((c) => ({ ...publicDoc(c), enabled_push_messaging: null })),
        total_count: contacts.length,
        pages: { type: "pages", page: 1, per_page: Math.max(1, contacts.length), total_pages: 1 },
      });
    },
  },
  {
    method: "GET",
    path: "/companies/{company_id}/segments",
    handler: ({ state, params }) => {
      const company = requireDoc(state, "companies", params.company_id, "Company");
      return ok({ type: "list", data: (company.segments?.segments ?? []) as Doc[] });
    },
  },
  {
    method: "GET",
    path: "/companies/{company_id}/notes",
    handler: ({ state, params }) => {
      const company = requireDoc(state, "companies", params.company_id, "Company");
      const notes = [...((company.notes?.notes ?? []) as Doc[]), ...state.all("notes").filter((n) => n.company?.id === company.id)];
      return ok({
        type: "list",
        data: notes,
        total_count: notes.length,
        pages: { type: "pages", page: 1, per_page: Math.max(1, notes.length), total_pages: 1 },
      });
    },
  },
];
