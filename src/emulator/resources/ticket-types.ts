/** /ticket_types (with their attributes) and /ticket_states. */
import { ApiError, badRequest, notFound } from "../api-error.js";
import { type Doc, ok, type RouteDef } from "../types.js";
import { applyFields, publicDoc, requireDoc, requireString } from "./common.js";
import { statesOf, ticketTypeView } from "./tickets.js";

const ATTRIBUTE_FIELDS = [
  "name",
  "description",
  "data_type",
  "input_options",
  "required_to_create",
  "required_to_create_for_contacts",
  "visible_on_create",
  "visible_to_contacts",
  "archived",
] as const;

export const ticketTypeRoutes: RouteDef[] = [
  { method: "GET", path: "/ticket_types", handler: ({ state }) => ok({ type: "list", data: state.all("ticket_types").map(ticketTypeView) }) },
  {
    method: "GET",
    path: "/ticket_types/{ticket_type_id}",
    handler: ({ state, params }) => ok(ticketTypeView(requireDoc(state, "ticket_types", params.ticket_type_id, "Ticket type"))),
  },
  {
    method: "POST",
    path: "/ticket_types",
    handler: ({ state, body, nowSeconds }) => {
      const name = requireString(body, "name");
      if (state.all("ticket_types").some((t) => t.name === name && !t.archived))
        throw new ApiError(409, "conflict", `A ticket type named ${name} already exists`);
      const category = body.category ?? "Customer";
      if (!["Customer", "Back-office", "Tracker"].includes(category))
        throw badRequest("category must be Customer, Back-office or Tracker", "parameter_invalid", "category");
      const type = {
        type: "ticket_type",
        id: state.nextId("ticket_type", "numeric", 50),
        category,
        name,
        description: typeof body.description === "string" ? body.description : "",
        icon: typeof body.icon === "string" ? body.icon : "🎟️",
        workspace_id: state.workspace.id,
        ticket_type_attributes: { type: "list", data: [] as Doc[] },
        ticket_states: { type: "list", data: statesOf(state, { ticket_states: { data: [] } }) },
        archived: false,
        created_at: nowSeconds,
        updated_at: nowSeconds,
      };
      return ok(ticketTypeView(state.save("ticket_types", type)));
    },
  },
  {
    method: "PUT",
    path: "/ticket_types/{ticket_type_id}",
    handler: ({ state, params, body, nowSeconds }) => {
      const type = requireDoc(state, "ticket_types", params.ticket_type_id, "Ticket type");
      applyFields(type, body, ["name", "description", "category", "icon", "archived"]);
      type.updated_at = nowSeconds;
      return ok(ticketTypeView(state.save("ticket_types", type)));
    },
  },
  {
    method: "POST",
    path: "/ticket_types/{ticket_type_id}/attributes",
    handler: ({ state, params, body, nowSeconds }) => {
      const type = requireDoc(state, "ticket_types", params.ticket_type_id, "Ticket type");
      const name = requireString(body, "name");
      const dataType = requireString(body, "data_type");
      const list = type.ticket_type_attributes.data as Doc[];
      if (list.some((a) => a.name === name)) throw new ApiError(409, "conflict", `The ticket type already has an attribute named ${name}`);
      const attribute: Doc = {
        type: "ticket_type_attribute",
        id: state.nextId("ticket_type_attribute", "numeric", 20000),
        workspace_id: state.workspace.id,
        name,
        description: typeof body.description === "string" ? body.description : "",
        data_type: dataType,
        input_options: body.multiline !== undefined ? { multiline: body.multiline } : {},
        order: list.length,
        required_to_create: body.required_to_create === true,
        required_to_create_for_contacts: body.required_to_create_for_contacts === true,
        visible_on_create: body.visible_on_create !== false,
        visible_to_contacts: body.visible_to_contacts !== false,
        default: false,
        ticket_type_id: Number(type.id),
        archived: false,
        created_at: nowSeconds,
        updated_at: nowSeconds,
      };
      list.push(attribute);
      type.updated_at = nowSeconds;
      state.save("ticket_types", type);
      return ok(attribute);
    },
  },
  {
    method: "PUT",
    path: "/ticket_types/{ticket_type_id}/attributes/{attribute_id}",
    handler: ({ state, params, body, nowSeconds }) => {
      const type = requireDoc(state, "ticket_types", params.ticket_type_id, "Ticket type");
      const attribute = (type.ticket_type_attributes.data as Doc[]).find((a) => a.id === params.attribute_id);
      if (!attribute) throw notFound("Ticket type attribute");
      applyFields(attribute, body, ATTRIBUTE_FIELDS);
      attribute.updated_at = nowSeconds;
      state.save("ticket_types", type);
      return ok(attribute);
    },
  },
  {
    method: "GET",
    path: "/ticket_states",
    handler: ({ state }) => {
      const data = state.all("ticket_states").map((s) => ({
        ...publicDoc(s),
        archived: false,
        ticket_types: {
          type: "list",
          data: state
            .all("ticket_types")
            .filter((t) => (t.ticket_states?.data ?? []).some((ts: Doc) => ts.id === s.id))
            .map((t) => ({ type: "ticket_type", id: t.id, name: t.name, category: t.category })),
        },
      }));
      return ok({ type: "list", data });
    },
  },
];
