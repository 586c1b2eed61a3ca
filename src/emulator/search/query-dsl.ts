/**
 * Intercom's search query DSL: validates a query (nesting depth, group size, operator/type rules per field)
 * and compiles it into a predicate over stored documents. Validation errors are 400 error.list answers.
 */
import { ApiError } from "../api-error.js";
import type { Doc } from "../types.js";

export type FieldType = "string" | "integer" | "boolean" | "date";
export type Operator = "=" | "!=" | "IN" | "NIN" | "<" | ">" | "<=" | ">=" | "~" | "!~" | "^" | "$";

export const ALL_OPERATORS: readonly Operator[] = ["=", "!=", "IN", "NIN", "<", ">", "<=", ">=", "~", "!~", "^", "$"];
export const MAX_DEPTH = 2;
export const MAX_FILTERS_PER_GROUP = 15;

/** How one searchable field is read and which operators it takes. */
export interface FieldSpec {
  type: FieldType;
  /** Returns the value, or an array for multi-valued fields (any element may match). */
  read: (doc: Doc) => unknown;
  operators?: readonly Operator[];
  /** Match `=` against each word of the value (conversation source.body). */
  wordMatch?: boolean;
}

export interface SearchSchema {
  resource: string;
  fields: Record<string, FieldSpec>;
  /** Dynamic fields such as custom_attributes.<name>: read from a sub-object, type taken from the query value. */
  dynamicPrefixes: Record<string, (doc: Doc) => Doc | undefined>;
  operatorsByType: Record<FieldType, readonly Operator[]>;
  /** Contacts match dates by calendar day (UTC here); the other endpoints compare exact seconds. */
  datesByDay: boolean;
  /** Value aliases, e.g. ticket category terms. */
  valueAliases?: Record<string, Record<string, string>>;
}

export type Predicate = (doc: Doc) => boolean;

const DAY = 86_400;

function invalid(message: string): ApiError {
  return new ApiError(400, "invalid_query", message, "query");
}

export function compileQuery(query: unknown, schema: SearchSchema): Predicate {
  if (!query || typeof query !== "object" || Array.isArray(query))
    throw new ApiError(400, "parameter_not_found", "query is required and must be an object", "query");
  return compileNode(query as Doc, schema, 0);
}

function compileNode(node: Doc, schema: SearchSchema, depth: number): Predicate {
  const operator = node.operator;
  if (operator === "AND" || operator === "OR") {
    if (depth + 1 > MAX_DEPTH) throw invalid(`Queries can nest at most ${MAX_DEPTH} levels of AND/OR groups`);
    if (!Array.isArray(node.value) || node.value.length === 0) throw invalid(`An ${operator} group needs a non-empty array of filters in value`);
    if (node.value.length > MAX_FILTERS_PER_GROUP)
      throw invalid(`An ${operator} group can hold at most ${MAX_FILTERS_PER_GROUP} filters, got ${node.value.length}`);
    const children = (node.value as unknown[]).map((child) => {
      if (!child || typeof child !== "object" || Array.isArray(child)) throw invalid("Each filter in a group must be an object");
      return compileNode(child as Doc, schema, depth + 1);
    });
    return operator === "AND" ? (doc) => children.every((p) => p(doc)) : (doc) => children.some((p) => p(doc));
  }
  return compileFilter(node, schema);
}

function resolveField(name: string, schema: SearchSchema, value: unknown): FieldSpec {
  const known = schema.fields[name];
  if (known) return known;
  for (const [prefix, readObject] of Object.entries(schema.dynamicPrefixes)) {
    if (name.startsWith(prefix) && name.length > prefix.length) {
      const key = name.slice(prefix.length);
      const sample = Array.isArray(value) ? value[0] : value;
      const type: FieldType = typeof sample === "number" ? "integer" : typeof sample === "boolean" ? "boolean" : "string";
      return { type, read: (doc) => readObject(doc)?.[key] };
    }
  }
  throw invalid(`${name} is not a searchable field for ${schema.resource}`);
}

function compileFilter(node: Doc, schema: SearchSchema): Predicate {
  const { field, operator } = node;
  let value = node.value as unknown;
  if (typeof field !== "string" || !field) throw invalid("Each filter needs a field");
  if (!ALL_OPERATORS.includes(operator)) throw invalid(`Unknown operator ${JSON.stringify(operator)}; use one of ${ALL_OPERATORS.join(" ")}`);
  const op = operator as Operator;
  const spec = resolveField(field, schema, value);
  const allowed = spec.operators ?? schema.operatorsByType[spec.type];
  if (!allowed.includes(op)) throw invalid(`The operator ${op} is not supported on ${field} (${spec.type}); allowed: ${allowed.join(" ")}`);

  const alias = schema.valueAliases?.[field];
  if (alias) value = Array.isArray(value) ? value.map((v) => alias[String(v)] ?? v) : (alias[String(value)] ?? value);
  // Intercom takes timestamps and counts written as strings too (its own examples send "1306054154").
  if (spec.type === "integer" || spec.type === "date") value = Array.isArray(value) ? value.map(numericString) : numericString(value);
  checkValue(field, spec.type, op, value);

  const test = buildTest(spec, op, value, schema.datesByDay);
  const negative = op === "!=" || op === "NIN" || op === "!~";
  return (doc) => {
    const raw = spec.read(doc);
    if (Array.isArray(raw)) return negative ? raw.every((item) => test(item)) : raw.some((item) => test(item));
    return test(raw);
  };
}

function numericString(value: unknown): unknown {
  return typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
}

function checkValue(field: string, type: FieldType, op: Operator, value: unknown): void {
  const listOp = op === "IN" || op === "NIN";
  if (listOp !== Array.isArray(value))
    throw invalid(listOp ? `${op} on ${field} needs an array value` : `${op} on ${field} needs a single value, not an array`);
  if (value === null && (op === "=" || op === "!=")) return;
  for (const item of Array.isArray(value) ? value : [value]) {
    const fits =
      type === "string" ? typeof item === "string" : type === "boolean" ? typeof item === "boolean" : typeof item === "number" && Number.isFinite(item);
    if (!fits) throw invalid(`The value for ${field} must be ${type === "date" ? "a UNIX timestamp" : `a ${type}`}, got ${JSON.stringify(item)}`);
  }
}

function buildTest(spec: FieldSpec, op: Operator, value: unknown, datesByDay: boolean): (raw: unknown) => boolean {
  if (value === null) return op === "=" ? (raw) => raw === null || raw === undefined : (raw) => raw !== null && raw !== undefined;
  if (spec.type === "string") return stringTest(op, value, spec.wordMatch === true);
  if (spec.type === "date" && datesByDay) return dayTest(op, value as number);
  const list = Array.isArray(value) ? value : [];
  switch (op) {
    case "=":
      return (raw) => raw === value;
    case "!=":
      return (raw) => raw !== value;
    case "IN":
      return (raw) => list.includes(raw);
    case "NIN":
      return (raw) => !list.includes(raw);
    case "<":
      return (raw) => typeof raw === "number" && raw < (value as number);
    case ">":
      return (raw) => typeof raw === "number" && raw > (value as number);
    case "<=":
      return (raw) => typeof raw === "number" && raw <= (value as number);
    case ">=":
      return (raw) => typeof raw === "number" && raw >= (value as number);
    default:
      return () => false;
  }
}

function dayTest(op: Operator, value: number): (raw: unknown) => boolean {
  const start = Math.floor(value / DAY) * DAY;
  const end = start + DAY;
  if (op === "=") return (raw) => typeof raw === "number" && raw >= start && raw < end;
  if (op === ">") return (raw) => typeof raw === "number" && raw >= end;
  return (raw) => typeof raw === "number" && raw < start;
}

function stringTest(op: Operator, value: unknown, wordMatch: boolean): (raw: unknown) => boolean {
  const lower = (v: unknown): string | undefined =>
    typeof v === "string" ? v.toLowerCase() : v === null || v === undefined ? undefined : String(v).toLowerCase();
  const list = new Set(Array.isArray(value) ? value.map((v) => String(v).toLowerCase()) : []);
  const needle = Array.isArray(value) ? "" : String(value).toLowerCase();
  // The length check skips most lower-casing on large scans.
  const same = (raw: unknown): boolean => typeof raw === "string" && raw.length === needle.length && raw.toLowerCase() === needle;
  const equals = wordMatch ? (raw: unknown) => typeof raw === "string" && hasWord(raw.toLowerCase(), needle) : same;
  switch (op) {
    case "=":
      return equals;
    case "!=":
      return (raw) => !equals(raw);
    case "IN":
      return (raw) => list.has(lower(raw) ?? "\u0000");
    case "NIN":
      return (raw) => !list.has(lower(raw) ?? "\u0000");
    case "~":
      return (raw) => lower(raw)?.includes(needle) ?? false;
    case "!~":
      return (raw) => !(lower(raw)?.includes(needle) ?? false);
    case "^":
      return (raw) => lower(raw)?.startsWith(needle) ?? false;
    case "$":
      return (raw) => lower(raw)?.endsWith(needle) ?? false;
    default:
      return () => false;
  }
}

const WORD_CHAR = /[\p{L}\p{N}']/u;

/** True when needle occurs in text as a whole word (text and needle already lower-cased). */
function hasWord(text: string, needle: string): boolean {
  if (!needle) return false;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const before = at === 0 ? "" : text[at - 1];
    const after = text[at + needle.length] ?? "";
    if ((before === "" || !WORD_CHAR.test(before)) && (after === "" || !WORD_CHAR.test(after))) return true;
  }
  return false;
}
