/**
 * Two endpoints that only older API versions had: GET /counts and DELETE /visitors/{id}. They are served when
 * the request's Intercom-Version is at most LEGACY_MAX_VERSION; newer versions get a 404 error.list that says so.
 */
import { badRequest } from "../api-error.js";
import { ok, type RouteDef } from "../types.js";
import { publicDoc, requireDoc } from "./common.js";

export const LEGACY_MAX_VERSION = "2.6";

export const legacyRoutes: RouteDef[] = [
  {
    method: "GET",
    path: "/counts",
    maxVersion: LEGACY_MAX_VERSION,
    handler: ({ state, query }) => {
      const type = query.get("type");
      const count = query.get("count");
      if (!type) {
        return ok({
          type: "count.hash",
          company: { count: state.count("companies") },
          segment: { count: state.count("segments") },
          tag: { count: state.count("tags") },
          user: { count: state.all("contacts").filter((c) => c.role === "user").length },
          lead: { count: state.all("contacts").filter((c) => c.role === "lead").length },
        });
      }
      if (type === "conversation" && !count) {
        const all = state.all("conversations");
        const open = all.filter((c) => c.state === "open").length;
        const closed = all.filter((c) => c.state === "closed").length;
        return ok({
          type: "count",
          conversation: {
            open,
            closed,
            unassigned: all.filter((c) => c.state === "open" && !c.admin_assignee_id).length,
            assigned: all.filter((c) => c.admin_assignee_id).length,
          },
        });
      }
      if (type === "conversation" && count === "admin") {
        const admins = state.all("admins").map((a) => {
          const mine = state.all("conversations").filter((c) => String(c.admin_assignee_id) === a.id);
          return { id: a.id, name: a.name, open: mine.filter((c) => c.state === "open").length, closed: mine.filter((c) => c.state === "closed").length };
        });
        return ok({ type: "count", conversation: { admin: admins } });
      }
      if (type === "company" && (count === "user" || count === "segment" || count === "tag")) {
        return ok({ type: "count", company: { [count]: state.all("companies").map((c) => ({ [c.name]: c.user_count ?? 0 })) } });
      }
      if (type === "user" && (count === "segment" || count === "tag")) {
        const source = count === "segment" ? state.all("segments") : state.all("tags");
        return ok({ type: "count", user: { [count]: source.map((item) => ({ [item.name]: item.count ?? 0 })) } });
      }
      throw badRequest(`Unsupported count type=${type} count=${count ?? ""}`, "parameter_invalid", "type");
    },
  },
  {
    method: "DELETE",
    path: "/visitors/{visitor_id}",
    maxVersion: LEGACY_MAX_VERSION,
    handler: ({ state, params }) => {
      const visitor = requireDoc(state, "visitors", params.visitor_id, "Visitor");
      state.remove("visitors", visitor.id);
      return ok({ ...publicDoc(visitor), type: "visitor" });
    },
  },
];
