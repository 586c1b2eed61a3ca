/**
 * Turns a tool definition and its validated arguments into an Intercom request: placeholders filled from the
 * arguments (URL-encoded), the rest split between query string and JSON body per the rules on ToolDefinition.
 */
import type { IntercomRequest, QueryValue } from "../src/intercom/types.js";
import type { ToolDefinition } from "./define.js";

export function pathPlaceholders(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
}

function toQueryValue(value: unknown): QueryValue {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number")) return value as (string | number)[];
  return JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Throws a plain Error naming the field when a placeholder has no value (validation normally prevents it). */
export function buildToolRequest(tool: ToolDefinition, input: Record<string, unknown>): IntercomRequest {
  const placeholders = new Set(pathPlaceholders(tool.path));
  const path = tool.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = input[name];
    if (value === undefined || value === null || value === "") throw new Error(`${name} is required to build the path ${tool.path}`);
    return encodeURIComponent(String(value));
  });
  const bodyByDefault = tool.method === "POST" || tool.method === "PUT";
  const query: Record<string, QueryValue> = {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (placeholders.has(key) || value === undefined) continue;
    const inQuery = tool.query?.includes(key) || (!bodyByDefault && !tool.body?.includes(key)) || tool.method === "GET";
    if (inQuery && isPlainObject(value)) {
      // An object-valued query parameter (GET /events `filter`) is sent spread out: ?email=... rather than
      // ?filter={...}, which is how Intercom reads it.
      for (const [innerKey, innerValue] of Object.entries(value)) if (innerValue !== undefined) query[innerKey] = toQueryValue(innerValue);
    } else if (inQuery) query[key] = toQueryValue(value);
    else body[key] = value;
  }
  if (tool.fixedBody && tool.method !== "GET") Object.assign(body, tool.fixedBody);
  const request: IntercomRequest = { method: tool.method, path, pathTemplate: tool.path };
  if (Object.keys(query).length > 0) request.query = query;
  if (Object.keys(body).length > 0) request.body = body;
  if (tool.apiVersion) request.apiVersion = tool.apiVersion;
  if (tool.responseType) request.responseType = tool.responseType;
  return request;
}
