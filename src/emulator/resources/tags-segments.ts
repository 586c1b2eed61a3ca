/** /tags (create-or-update by name or id, tag companies and users), /segments. */
import { ApiError, badRequest } from "../api-error.js";
import type { EmulatorState } from "../state.js";
import { type Doc, ok, type RouteDef } from "../types.js";
import { publicDoc, requireDoc, requireString } from "./common.js";

function tagBasic(tag: Doc): Doc {
  return { type: "tag", id: tag.id, name: tag.name };
}

function findOrCreateTag(state: EmulatorState, name: string): Doc {
  const existing = state.all("tags").find((t) => t.name === name);
  return existing ?? state.save("tags", { type: "tag", id: state.nextId("tag", "numeric", 4000), name });
}

function isTagged(state: EmulatorState, tagId: string): boolean {
  for (const contact of state.values("contacts")) if (contact.tags?.data?.some((t: Doc) => t.id === tagId)) return true;
  for (const conversation of state.values("conversations")) if (conversation.tags?.tags?.some((t: Doc) => t.id === tagId)) return true;
  for (const company of state.values("companies")) if (company.tags?.tags?.some((t: Doc) => t.id === tagId)) return true;
  return false;
}

export const tagSegmentRoutes: RouteDef[] = [
  { method: "GET", path: "/tags", handler: ({ state }) => ok({ type: "list", data: state.all("tags").map(publicDoc) }) },
  {
    method: "POST",
    path: "/tags",
    handler: ({ state, body }) => {
      const name = requireString(body, "name");
      if (Array.isArray(body.companies)) {
        const tag = findOrCreateTag(state, name);
        for (const ref of body.companies as Doc[]) {
          const company = ref.id ? state.get("companies", String(ref.id)) : state.all("companies").find((c) => c.company_id === String(ref.company_id));
          if (!company) throw new ApiError(404, "company_not_found", "Company Not Found");
          const tags = company.tags.tags as Doc[];
          const present = tags.some((t) => t.id === tag.id);
          if (ref.untag === true) company.tags.tags = tags.filter((t) => t.id !== tag.id);
          else if (!present) tags.push(tagBasic(tag));
          state.save("companies", company);
        }
        return ok(tagBasic(tag));
      }
      if (Array.isArray(body.users)) {
        const tag = findOrCreateTag(state, name);
        for (const ref of body.users as Doc[]) {
          const contact = state.get("contacts", String(ref.id));
          if (!contact) throw new ApiError(404, "not_found", "User Not Found");
          const list = contact.tags;
          if (!list.data.some((t: Doc) => t.id === tag.id)) list.data.push({ type: "tag", id: tag.id, url: `/tags/${tag.id}` });
          list.total_count = list.data.length;
          state.save("contacts", contact);
        }
        return ok(tagBasic(tag));
      }
      if (body.id !== undefined) {
        const tag = requireDoc(state, "tags", String(body.id), "Tag");
        tag.name = name;
        return ok(tagBasic(state.save("tags", tag)));
      }
      return ok(tagBasic(findOrCreateTag(state, name)));
    },
  },
  { method: "GET", path: "/tags/{tag_id}", handler: ({ state, params }) => ok(tagBasic(requireDoc(state, "tags", params.tag_id, "Tag"))) },
  {
    method: "DELETE",
    path: "/tags/{tag_id}",
    handler: ({ state, params }) => {
      const tag = requireDoc(state, "tags", params.tag_id, "Tag");
      if (isTagged(state, tag.id))
        throw badRequest("The tag is still applied to contacts, conversations or companies; remove it from them first", "tag_has_dependent_objects");
      state.remove("tags", tag.id);
      return { status: 200 };
    },
  },
  {
    method: "GET",
    path: "/segments",
    handler: ({ state, query }) => {
      const withCount = query.get("include_count") === "true";
      const segments = state.all("segments").map((s) => {
        const view = publicDoc(s);
        if (!withCount) delete view.count;
        return view;
      });
      return ok({ type: "segment.list", segments, pages: {} });
    },
  },
  { method: "GET", path: "/segments/{segment_id}", handler: ({ state, params }) => ok(publicDoc(requireDoc(state, "segments", params.segment_id, "Segment"))) },
];
