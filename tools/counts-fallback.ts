/**
 * Entity counts rebuilt from the current API when the legacy GET /counts is refused: each number is the
 * total a list or search endpoint reports for a one-item page, or the length of a list that is never paged
 * (admins, tags, segments). A count that cannot be fetched is reported as unavailable, never guessed; when
 * nothing at all can be counted the fallback throws, so the caller reports the failure instead of an empty answer.
 */
import { AppError } from "../src/errors.js";
import type { IntercomTransport } from "../src/intercom/types.js";

export type CountType = "conversation" | "user" | "company";
export type CountBreakdown = "admin" | "segment" | "tag" | "user";

export interface CountsInput {
  type?: CountType;
  count?: CountBreakdown;
}

export interface CountsFromLists {
  source: "list_totals";
  note: string;
  counts: Record<string, number | Record<string, number>>;
  /** Per-segment or per-admin figures when a breakdown was asked for and can be computed. */
  breakdown?: Array<Record<string, string | number>>;
  /** What could not be counted, and why. */
  unavailable?: Record<string, string>;
}

/** Admins beyond this many are left out of the per-admin breakdown, so one question cannot fan out unbounded. */
export const MAX_ADMINS_IN_BREAKDOWN = 25;

const CONVERSATION_STATES = ["open", "snoozed", "closed"] as const;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

function totalCount(data: unknown, what: string): number {
  if (isObject(data) && typeof data.total_count === "number") return data.total_count;
  throw new Error(`the ${what} response had no total_count`);
}

function listOf(data: unknown, key: string, what: string): Json[] {
  const list = isObject(data) ? data[key] : undefined;
  if (Array.isArray(list)) return list.filter(isObject);
  throw new Error(`the ${what} response had no ${key} list`);
}

/** Client errors carry a userMessage in plain words (never the token); prefer it over the log message. */
function reason(error: unknown): string {
  if (isObject(error) && typeof error.userMessage === "string") return error.userMessage;
  return error instanceof Error ? error.message : String(error);
}

export async function countsFromListTotals(input: CountsInput, transport: IntercomTransport): Promise<CountsFromLists> {
  const counts: CountsFromLists["counts"] = {};
  const unavailable: Record<string, string> = {};
  let breakdown: CountsFromLists["breakdown"];

  const searchTotal = async (resource: "contacts" | "conversations", query: Json): Promise<number> => {
    const response = await transport.request({ method: "POST", path: `/${resource}/search`, body: { query, pagination: { per_page: 1 } } });
    return totalCount(response.data, `${resource} search`);
  };

  const tasks: Record<string, () => Promise<void>> = {};
  const wants = (type: CountType) => input.type === undefined || input.type === type;

  if (wants("user")) {
    for (const role of ["user", "lead"] as const) {
      tasks[role] = async () => {
        counts[role] = await searchTotal("contacts", { field: "role", operator: "=", value: role });
      };
    }
  }
  if (wants("company")) {
    tasks.company = async () => {
      const response = await transport.request({ method: "GET", path: "/companies", query: { per_page: 1 } });
      counts.company = totalCount(response.data, "companies");
    };
  }
  if (wants("conversation")) {
    tasks.conversation = async () => {
      const byState: Record<string, number> = {};
      const totals = await Promise.all(CONVERSATION_STATES.map((state) => searchTotal("conversations", { field: "state", operator: "=", value: state })));
      CONVERSATION_STATES.forEach((state, index) => {
        byState[state] = totals[index];
      });
      byState.total = totals.reduce((sum, n) => sum + n, 0);
      counts.conversation = byState;
    };
  }
  if (input.type === undefined) {
    tasks.admin = async () => {
      const response = await transport.request({ method: "GET", path: "/admins" });
      counts.admin = listOf(response.data, "admins", "admins").length;
    };
    tasks.tag = async () => {
      const response = await transport.request({ method: "GET", path: "/tags" });
      counts.tag = listOf(response.data, "data", "tags").length;
    };
  }
  if (input.type === undefined || (input.type === "user" && input.count === "segment")) {
    tasks.segment = async () => {
      const withCounts = input.count === "segment";
      const response = await transport.request({ method: "GET", path: "/segments", query: withCounts ? { include_count: true } : undefined });
      const segments = listOf(response.data, "segments", "segments");
      counts.segment = segments.length;
      if (withCounts) {
        breakdown = segments.map((segment) => ({
          id: String(segment.id ?? ""),
          name: String(segment.name ?? ""),
          person_type: String(segment.person_type ?? ""),
          count: typeof segment.count === "number" ? segment.count : -1,
        }));
      }
    };
  }
  if (input.type === "conversation" && input.count === "admin") {
    tasks.admin_breakdown = async () => {
      const response = await transport.request({ method: "GET", path: "/admins" });
      const admins = listOf(response.data, "admins", "admins");
      const shown = admins.slice(0, MAX_ADMINS_IN_BREAKDOWN);
      const open = await Promise.all(
        shown.map((admin) =>
          searchTotal("conversations", {
            operator: "AND",
            value: [
              { field: "admin_assignee_id", operator: "=", value: Number(admin.id) },
              { field: "state", operator: "=", value: "open" },
            ],
          }),
        ),
      );
      breakdown = shown.map((admin, index) => ({ id: String(admin.id ?? ""), name: String(admin.name ?? ""), open: open[index] }));
      if (admins.length > shown.length) unavailable.admin_breakdown = `only the first ${shown.length} of ${admins.length} admins are broken down`;
    };
  }

  const names = Object.keys(tasks);
  const results = await Promise.allSettled(names.map((name) => tasks[name]()));
  results.forEach((result, index) => {
    if (result.status === "rejected") unavailable[names[index]] = reason(result.reason);
  });

  if (Object.keys(counts).length === 0 && !breakdown) {
    const why = Object.entries(unavailable)
      .map(([name, text]) => `${name}: ${text}`)
      .join("; ");
    throw new AppError("TOOL_UNSUPPORTED", `entity counts fallback: nothing could be counted (${why})`, {
      userMessage: `none of the list endpoints could be counted either (${why})`,
    });
  }

  const unsupported = unsupportedBreakdown(input);
  if (unsupported) unavailable.breakdown = unsupported;

  return {
    source: "list_totals",
    note:
      "The legacy GET /counts endpoint was refused, so these figures are totals reported by the current list and search endpoints. " +
      "user and lead exclude merged contacts; conversation.open does not include snoozed ones (the old endpoint counted them as open).",
    counts,
    ...(breakdown ? { breakdown } : {}),
    ...(Object.keys(unavailable).length > 0 ? { unavailable } : {}),
  };
}

function unsupportedBreakdown(input: CountsInput): string | undefined {
  if (input.count === undefined) return undefined;
  if (input.type === "user" && input.count === "segment") return undefined;
  if (input.type === "conversation" && input.count === "admin") return undefined;
  if (input.type === "company" && (input.count === "tag" || input.count === "segment")) {
    return `company counts per ${input.count} are not computed here; use "Retrieve companies" with ${input.count}_id for one ${input.count} at a time (its total_count)`;
  }
  if (input.type === "company" && input.count === "user") {
    return 'user counts per company are not computed here; use "List attached contacts" on one company at a time';
  }
  if (input.type === "user" && input.count === "tag") {
    return 'a per-tag contact breakdown is not computed here; use "Search contacts" with tag_id for one tag at a time';
  }
  return `count=${input.count} is not a breakdown the old endpoint offered for type=${input.type ?? "(none)"}`;
}
