/** Smaller resources: calls, macros, news items, subscription types, visitors, custom objects, Fin Voice, notes. */
import { ApiError, badRequest, notFound } from "../api-error.js";
import { cursorPage, numberedPage, parsePerPage } from "../pagination.js";
import { type Doc, ok, type RouteDef } from "../types.js";
import { publicDoc, requireDoc, requireString } from "./common.js";

function transcriptLines(call: Doc): Doc[] {
  return ((call._transcript as Doc[] | undefined) ?? []).map((line) => ({ ...line }));
}

export const miscRoutes: RouteDef[] = [
  {
    method: "GET",
    path: "/calls",
    handler: ({ state, query }) => {
      const perPage = parsePerPage(query.get("per_page"), { defaultPerPage: 25, maxPerPage: 25 });
      const page = numberedPage(state.all("calls"), query.get("page"), perPage);
      return ok({ type: "list", data: page.items.map(publicDoc), total_count: page.totalCount, pages: page.pages });
    },
  },
  {
    method: "POST",
    path: "/calls/search",
    handler: ({ state, body }) => {
      const ids = body.conversation_ids;
      if (!Array.isArray(ids) || ids.length === 0)
        throw new ApiError(400, "parameter_not_found", "conversation_ids must list at least one conversation id", "conversation_ids");
      if (ids.length > 20) throw badRequest("conversation_ids can hold at most 20 ids", "parameter_invalid", "conversation_ids");
      const wanted = new Set(ids.map(String));
      const data = state
        .all("calls")
        .filter((call) => wanted.has(String(call.conversation_id)))
        .map((call) => ({ ...publicDoc(call), transcript: transcriptLines(call), transcript_status: call._transcript ? "completed" : null }));
      return ok({ type: "list", data });
    },
  },
  { method: "GET", path: "/calls/{call_id}", handler: ({ state, params }) => ok(publicDoc(requireDoc(state, "calls", params.call_id, "Call"))) },
  {
    method: "GET",
    path: "/calls/{call_id}/transcript",
    handler: ({ state, params }) => {
      const call = requireDoc(state, "calls", params.call_id, "Call");
      const text = transcriptLines(call)
        .map((line) => `${line.speaker}: ${line.text}`)
        .join("\n");
      return { status: 200, raw: { data: text, contentType: "text/plain; charset=utf-8" } };
    },
  },
  {
    method: "GET",
    path: "/macros",
    handler: ({ state, query }) => {
      const perPage = parsePerPage(query.get("per_page"), { defaultPerPage: 50, maxPerPage: 150 });
      const since = query.get("updated_since");
      const macros = state.all("macros").filter((m) => !since || Date.parse(m.updated_at) / 1000 > Number(since));
      const page = cursorPage(macros, perPage, query.get("starting_after"));
      return ok({ type: "list", data: page.items.map(publicDoc), pages: page.pages });
    },
  },
  { method: "GET", path: "/macros/{id}", handler: ({ state, params }) => ok(publicDoc(requireDoc(state, "macros", params.id, "Macro"))) },
  {
    method: "GET",
    path: "/news/news_items",
    handler: ({ state }) => {
      const items = state.all("news_items").map(publicDoc);
      return ok({
        type: "list",
        pages: { type: "pages", page: 1, per_page: Math.max(1, items.length), total_pages: 1 },
        total_count: items.length,
        data: items,
      });
    },
  },
  { method: "GET", path: "/subscription_types", handler: ({ state }) => ok({ type: "list", data: state.all("subscription_types").map(publicDoc) }) },
  {
    method: "GET",
    path: "/visitors",
    handler: ({ state, query }) => {
      const userId = query.get("user_id");
      if (!userId) throw new ApiError(400, "parameter_not_found", "user_id is required", "user_id");
      const visitor = state.all("visitors").find((v) => v.user_id === userId);
      if (!visitor) throw notFound("Visitor");
      return ok(publicDoc(visitor));
    },
  },
  {
    method: "GET",
    path: "/custom_object_instances/{custom_object_type_identifier}",
    handler: ({ state, params, query }) => {
      const type = params.custom_object_type_identifier;
      const ofType = state.all("custom_object_instances").filter((i) => i.type === type);
      if (ofType.length === 0 && !state.all("custom_object_instances").some((i) => i.type === type))
        throw new ApiError(404, "not_found", `Custom object type ${type} Not Found`);
      const externalId = query.get("external_id");
      const matches = externalId ? ofType.filter((i) => i.external_id === externalId) : ofType;
      const perPage = parsePerPage(query.get("per_page"), { defaultPerPage: 50, maxPerPage: 150 });
      const page = numberedPage(matches, query.get("page"), perPage);
      return ok({ type: "list", pages: page.pages, total_count: page.totalCount, data: page.items.map(publicDoc) });
    },
  },
  {
    method: "POST",
    path: "/fin_voice/register",
    handler: ({ state, body }) => {
      const phone = requireString(body, "phone_number");
      const callId = requireString(body, "call_id");
      if (!/^\+\d{6,15}$/.test(phone)) throw badRequest("phone_number must be in E.164 format", "parameter_invalid", "phone_number");
      if (state.all("calls").some((c) => c._external_call_id === callId))
        throw new ApiError(409, "conflict", `A call with call_id ${callId} is already registered`);
      const id = state.nextId("call", "numeric", 40000);
      state.save("calls", {
        type: "call",
        id,
        conversation_id: null,
        admin_id: null,
        contact_id: null,
        state: "registered",
        initiated_at: 0,
        created_at: 0,
        updated_at: 0,
        recording_url: null,
        transcription_url: null,
        call_type: "fin_voice",
        direction: "inbound",
        ended_reason: null,
        phone,
        _external_call_id: callId,
      });
      return ok({
        id: Number(id),
        app_id: 1,
        user_phone_number: phone,
        status: "registered",
        intercom_call_id: id,
        external_call_id: callId,
        intercom_conversation_id: null,
        call_transcript: [],
        call_summary: "",
        intent: [],
      });
    },
  },
  { method: "GET", path: "/notes/{note_id}", handler: ({ state, params }) => ok(publicDoc(requireDoc(state, "notes", params.note_id, "Note"))) },
];
