/** Data attributes, data events, and the content data export jobs (one active job per workspace). */
import { gzipSync } from "node:zlib";
import { ApiError, badRequest } from "../api-error.js";
import type { EmulatorState } from "../state.js";
import { type Doc, ok, type RouteDef } from "../types.js";
import { compareVersions } from "../version.js";
import { publicDoc, requireDoc, requireString, stripHtml } from "./common.js";
import { findContactBy } from "./conversations.js";

const DATA_TYPES = ["string", "integer", "float", "boolean", "date", "datetime"];

function exportView(job: Doc): Doc {
  return { job_identifier: job.job_identifier, status: job.status, download_expires_at: job.download_expires_at, download_url: job.download_url };
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function exportCsv(state: EmulatorState, from: number, to: number): string {
  const rows = ["conversation_id,created_at,state,author_email,body"];
  for (const c of state.values("conversations")) {
    if (c.created_at < from || c.created_at > to) continue;
    rows.push([c.id, c.created_at, c.state, c.source?.author?.email, stripHtml(c.source?.body ?? "")].map(csvCell).join(","));
  }
  return `${rows.join("\n")}\n`;
}

export const dataRoutes: RouteDef[] = [
  {
    method: "GET",
    path: "/data_attributes",
    handler: ({ state, query, version }) => {
      const model = query.get("model");
      // From 2.16 conversation attributes moved to GET /conversations/attributes; asking here for them is a 422.
      const conversationModelGone = compareVersions(version, "2.16") >= 0;
      if (model === "conversation" && conversationModelGone)
        throw new ApiError(
          422,
          "parameter_invalid",
          `model=conversation is not supported in version ${version}; conversation attributes are listed by GET /conversations/attributes`,
          "model",
        );
      if (model && !["contact", "company", "conversation"].includes(model))
        throw new ApiError(422, "parameter_invalid", "model must be contact, company or conversation", "model");
      const archived = query.get("include_archived") === "true";
      const data = state
        .all("data_attributes")
        .filter((a) => (model ? a.model === model : !(conversationModelGone && a.model === "conversation")) && (archived || !a.archived));
      return ok({ type: "list", data: data.map(publicDoc) });
    },
  },
  {
    method: "POST",
    path: "/data_attributes",
    handler: ({ state, body, nowSeconds }) => {
      const name = requireString(body, "name");
      const model = requireString(body, "model");
      const dataType = requireString(body, "data_type");
      if (model !== "contact" && model !== "company") throw badRequest("model must be contact or company", "parameter_invalid", "model");
      if (!DATA_TYPES.includes(dataType)) throw badRequest(`data_type must be one of ${DATA_TYPES.join(", ")}`, "parameter_invalid", "data_type");
      if (state.all("data_attributes").some((a) => a.model === model && a.name === name))
        throw badRequest(`An attribute named ${name} already exists`, "parameter_invalid", "name");
      const attribute: Doc = {
        type: "data_attribute",
        id: Number(state.nextId("data_attribute", "numeric", 80000)),
        model,
        name,
        full_name: `custom_attributes.${name}`,
        label: name,
        description: typeof body.description === "string" ? body.description : "",
        data_type: dataType === "datetime" ? "date" : dataType,
        api_writable: true,
        messenger_writable: body.messenger_writable === true,
        ui_writable: true,
        custom: true,
        archived: false,
        created_at: nowSeconds,
        updated_at: nowSeconds,
        admin_id: state.workspace.meAdminId,
      };
      if (Array.isArray(body.options)) attribute.options = (body.options as Doc[]).map((o) => String(o.value ?? o));
      return ok(state.save("data_attributes", attribute));
    },
  },
  {
    method: "PUT",
    path: "/data_attributes/{data_attribute_id}",
    handler: ({ state, params, body, nowSeconds }) => {
      const attribute = requireDoc(state, "data_attributes", params.data_attribute_id, "Data attribute");
      if (!attribute.custom) throw new ApiError(422, "parameter_invalid", "Built-in attributes cannot be changed");
      if (body.archived !== undefined) attribute.archived = body.archived === true;
      if (typeof body.description === "string") attribute.description = body.description;
      if (typeof body.messenger_writable === "boolean") attribute.messenger_writable = body.messenger_writable;
      if (Array.isArray(body.options)) attribute.options = (body.options as Doc[]).map((o) => String(o.value ?? o));
      attribute.updated_at = nowSeconds;
      return ok(publicDoc(state.save("data_attributes", attribute)));
    },
  },
  {
    method: "POST",
    path: "/events",
    handler: ({ state, body, nowSeconds }) => {
      const eventName = requireString(body, "event_name");
      const contact = findContactBy(state, { intercom_user_id: body.id, user_id: body.user_id, email: body.email });
      if (!contact) throw new ApiError(404, "not_found", "User Not Found");
      const createdAt = typeof body.created_at === "number" ? body.created_at : nowSeconds;
      // Same contact + name + timestamp is a duplicate: accepted, not stored twice.
      const duplicate = state.all("events").some((e) => e.intercom_user_id === contact.id && e.event_name === eventName && e.created_at === createdAt);
      if (!duplicate) {
        state.save("events", {
          type: "event",
          id: state.nextId("event", "numeric", 60000),
          event_name: eventName,
          created_at: createdAt,
          user_id: contact.external_id ?? null,
          intercom_user_id: contact.id,
          email: contact.email,
          metadata: body.metadata ?? {},
        });
      }
      return { status: 202 };
    },
  },
  {
    method: "GET",
    path: "/events",
    handler: ({ state, query }) => {
      if (query.get("type") !== "user") throw new ApiError(400, "parameter_invalid", "type must be user", "type");
      const contact = findContactBy(state, {
        intercom_user_id: query.get("intercom_user_id") ?? undefined,
        user_id: query.get("user_id") ?? undefined,
        email: query.get("email") ?? undefined,
      });
      if (!contact) throw new ApiError(404, "not_found", "User Not Found");
      const events = state.all("events").filter((e) => e.intercom_user_id === contact.id);
      const byName = new Map<string, Doc[]>();
      for (const event of events) byName.set(event.event_name, [...(byName.get(event.event_name) ?? []), event]);
      const summaries = [...byName].map(([name, list]) => ({
        name,
        first: new Date(Math.min(...list.map((e) => e.created_at)) * 1000).toISOString(),
        last: new Date(Math.max(...list.map((e) => e.created_at)) * 1000).toISOString(),
        count: list.length,
        description: "",
      }));
      return ok({ type: "event.summary", email: contact.email, intercom_user_id: contact.id, user_id: contact.external_id ?? "", events: summaries });
    },
  },
  {
    method: "POST",
    path: "/events/summaries",
    handler: ({ state, body }) => {
      const userId = requireString(body, "user_id");
      if (!findContactBy(state, { user_id: userId }) && !state.get("contacts", userId)) throw new ApiError(404, "not_found", "User Not Found");
      return { status: 200 };
    },
  },
  {
    method: "POST",
    path: "/export/content/data",
    handler: ({ state, body, nowSeconds }) => {
      if (typeof body.created_at_after !== "number") throw new ApiError(400, "parameter_not_found", "created_at_after is required", "created_at_after");
      if (typeof body.created_at_before !== "number") throw new ApiError(400, "parameter_not_found", "created_at_before is required", "created_at_before");
      if (state.all("data_exports").some((j) => j.status === "pending" || j.status === "in_progress")) {
        throw new ApiError(429, "rate_limit_exceeded", "Exceeded rate limit of 1 active content data export job");
      }
      const id = state.nextId("export", "hex");
      const job = {
        id,
        job_identifier: id,
        status: "pending",
        download_expires_at: "",
        download_url: "",
        _from: body.created_at_after,
        _to: body.created_at_before,
        _created: nowSeconds,
      };
      state.save("data_exports", job);
      return ok(exportView(job));
    },
  },
  {
    method: "GET",
    path: "/export/content/data/{job_identifier}",
    handler: ({ state, params, nowSeconds }) => {
      const job = requireDoc(state, "data_exports", params.job_identifier, "Export job");
      // A job completes on the first status check: enough for clients that poll.
      if (job.status === "pending" || job.status === "in_progress") {
        job.status = "completed";
        job.download_url = `/download/content/data/${job.job_identifier}`;
        job.download_expires_at = String(nowSeconds + 3600);
        state.save("data_exports", job);
      }
      return ok(exportView(job));
    },
  },
  {
    method: "POST",
    path: "/export/cancel/{job_identifier}",
    handler: ({ state, params }) => {
      const job = requireDoc(state, "data_exports", params.job_identifier, "Export job");
      if (job.status === "pending" || job.status === "in_progress") job.status = "canceled";
      state.save("data_exports", job);
      return ok(exportView(job));
    },
  },
  {
    method: "GET",
    path: "/download/content/data/{job_identifier}",
    handler: ({ state, params }) => {
      const job = requireDoc(state, "data_exports", params.job_identifier, "Export job");
      if (job.status !== "completed") throw new ApiError(404, "not_found", "The export is not ready for download");
      return { status: 200, raw: { data: new Uint8Array(gzipSync(exportCsv(state, job._from, job._to))), contentType: "application/octet-stream" } };
    },
  },
];
