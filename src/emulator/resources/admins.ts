/** /me, /admins, /teams, /away_status_reasons and the activity log. */
import { ApiError, badRequest } from "../api-error.js";
import { cursorPage } from "../pagination.js";
import { type Doc, ok, type RouteDef } from "../types.js";
import { publicDoc, requireDoc } from "./common.js";

export const adminRoutes: RouteDef[] = [
  {
    method: "GET",
    path: "/me",
    handler: ({ state }) => {
      const admin = requireDoc(state, "admins", state.workspace.meAdminId, "Admin");
      const { team_priority_level: _level, role: _role, away_status_reason_id: _reason, ...rest } = publicDoc(admin);
      return ok({
        ...rest,
        avatar: { type: "avatar", image_url: admin.avatar ?? null },
        email_verified: true,
        app: {
          type: "app",
          id_code: state.workspace.id,
          name: state.workspace.name,
          region: "US",
          timezone: "UTC",
          created_at: admin.created_at ?? 1_600_000_000,
          identity_verification: false,
        },
      });
    },
  },
  {
    method: "GET",
    path: "/admins",
    handler: ({ state, query }) => {
      const withAvatar = query.get("display_avatar") === "true";
      const admins = state.all("admins").map((a) => {
        const view = publicDoc(a);
        if (!withAvatar) delete view.avatar;
        return view;
      });
      return ok({ type: "admin.list", admins });
    },
  },
  {
    method: "GET",
    path: "/admins/activity_logs",
    handler: ({ state, query }) => {
      const after = query.get("created_at_after");
      if (!after) throw new ApiError(400, "parameter_not_found", "created_at_after is required", "created_at_after");
      const from = Number(after);
      const to = query.get("created_at_before") ? Number(query.get("created_at_before")) : Number.POSITIVE_INFINITY;
      if (!Number.isFinite(from)) throw badRequest("created_at_after must be a UNIX timestamp", "parameter_invalid", "created_at_after");
      const logs = state.all("activity_logs").filter((log) => log.created_at >= from && log.created_at <= to);
      const page = cursorPage(logs, 20, query.get("starting_after"));
      return ok({ type: "activity_log.list", pages: page.pages, activity_logs: page.items.map(publicDoc) });
    },
  },
  { method: "GET", path: "/admins/{admin_id}", handler: ({ state, params }) => ok(publicDoc(requireDoc(state, "admins", params.admin_id, "Admin"))) },
  {
    method: "PUT",
    path: "/admins/{admin_id}/away",
    handler: ({ state, params, body, nowSeconds }) => {
      const admin = requireDoc(state, "admins", params.admin_id, "Admin");
      if (typeof body.away_mode_enabled !== "boolean") throw new ApiError(400, "parameter_not_found", "away_mode_enabled is required", "away_mode_enabled");
      if (typeof body.away_mode_reassign !== "boolean") throw new ApiError(400, "parameter_not_found", "away_mode_reassign is required", "away_mode_reassign");
      if (body.away_status_reason_id !== undefined && body.away_status_reason_id !== null) {
        requireDoc(state, "away_status_reasons", String(body.away_status_reason_id), "Away status reason");
      }
      admin.away_mode_enabled = body.away_mode_enabled;
      admin.away_mode_reassign = body.away_mode_reassign;
      admin.away_status_reason_id = body.away_mode_enabled ? (body.away_status_reason_id ?? null) : null;
      state.save("admins", admin);
      const log: Doc = {
        id: state.nextId("activity_log"),
        performed_by: { type: "admin", id: String(admin.id), email: admin.email, ip: "127.0.0.1" },
        metadata: {},
        created_at: nowSeconds,
        activity_type: "admin_away_mode_change",
        activity_description: `${admin.name} changed their away mode`,
      };
      state.save("activity_logs", log);
      return ok(publicDoc(admin));
    },
  },
  { method: "GET", path: "/away_status_reasons", handler: ({ state }) => ok({ type: "list", data: state.all("away_status_reasons").map(publicDoc) }) },
  { method: "GET", path: "/teams", handler: ({ state }) => ok({ type: "team.list", teams: state.all("teams").map(publicDoc) }) },
  { method: "GET", path: "/teams/{team_id}", handler: ({ state, params }) => ok(publicDoc(requireDoc(state, "teams", params.team_id, "Team"))) },
];
