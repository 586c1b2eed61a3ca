/** Helpers shared by the resource route files. */

import { htmlToText } from "../../text/html-to-text.js";
import { ApiError, badRequest, notFound } from "../api-error.js";
import type { CollectionName, EmulatorState } from "../state.js";
import type { Doc } from "../types.js";

/** Strips internal bookkeeping (top-level keys starting with "_") before a document leaves the emulator. */
export function publicDoc(doc: Doc): Doc {
  const out: Doc = {};
  for (const key of Object.keys(doc)) if (!key.startsWith("_")) out[key] = doc[key];
  return out;
}

export function requireDoc(state: EmulatorState, collection: CollectionName, id: string | undefined, label: string): Doc {
  const doc = id === undefined ? undefined : state.get(collection, id);
  if (!doc) throw notFound(label);
  return doc;
}

export function requireString(body: Doc, field: string): string {
  const value = body[field];
  if (value === undefined || value === null || value === "") throw new ApiError(400, "parameter_not_found", `${field} is required`, field);
  if (typeof value !== "string" && typeof value !== "number") throw badRequest(`${field} must be a string`, "parameter_invalid", field);
  return String(value);
}

export function optionalString(body: Doc, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" && typeof value !== "number") throw badRequest(`${field} must be a string`, "parameter_invalid", field);
  return String(value);
}

/** Copies the listed keys from body into doc when present. */
export function applyFields(doc: Doc, body: Doc, keys: readonly string[]): void {
  for (const key of keys) if (body[key] !== undefined) doc[key] = body[key];
}

export function asInt(value: unknown): number {
  const n = typeof value === "number" ? value : Number.parseInt(String(value), 10);
  return Number.isFinite(n) ? n : 0;
}

export function adminReference(admin: Doc): Doc {
  return { type: "admin", id: String(admin.id), name: admin.name, email: admin.email, from_ai_agent: false, is_ai_answer: false };
}

/** The admin acting on a request: admin_id from the body, which must exist. */
export function requireAdmin(state: EmulatorState, body: Doc, field = "admin_id"): Doc {
  const id = requireString(body, field);
  const admin = state.get("admins", id);
  if (!admin) throw notFound("Admin");
  return admin;
}

export function stripHtml(html: string): string {
  return htmlToText(html, { singleLine: true });
}

export function wrapParagraph(text: string): string {
  return text.trim().startsWith("<") ? text : `<p>${text}</p>`;
}
