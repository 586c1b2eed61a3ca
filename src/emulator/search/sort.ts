/**
 * The optional `sort` of a contacts search: { field, order }, order descending unless it says ascending.
 * Stable, with documents lacking the field last in either order.
 */
import { ApiError } from "../api-error.js";
import type { Doc } from "../types.js";
import type { SearchSchema } from "./query-dsl.js";

export function sortMatches(matches: Doc[], sort: unknown, schema: SearchSchema): Doc[] {
  if (sort === undefined || sort === null) return matches;
  if (typeof sort !== "object" || Array.isArray(sort)) throw new ApiError(400, "parameter_invalid", "sort must be an object with field and order", "sort");
  const { field, order = "descending" } = sort as Doc;
  if (order !== "ascending" && order !== "descending")
    throw new ApiError(400, "invalid_sort_order", `sort order must be ascending or descending, got ${JSON.stringify(order)}`, "sort");
  const spec = typeof field === "string" ? schema.fields[field] : undefined;
  if (!spec) throw new ApiError(400, "parameter_invalid", `${JSON.stringify(field)} is not a sortable field for ${schema.resource}`, "sort");
  const sign = order === "ascending" ? 1 : -1;
  const keyed = matches.map((doc, index) => ({ doc, index, key: sortKey(spec.read(doc)) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) return a.key === b.key ? a.index - b.index : a.key === undefined ? 1 : -1;
    const diff = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    return diff !== 0 ? diff * sign : a.index - b.index;
  });
  return keyed.map((entry) => entry.doc);
}

function sortKey(raw: unknown): number | string | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" && value !== "") return value.toLowerCase();
  return undefined;
}
