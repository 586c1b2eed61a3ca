/**
 * The shape of one Intercom tool. Tools are data: one generic executor (tools/execute.ts) turns a definition
 * plus validated arguments into an HTTP request, so adding a tool never means writing request code.
 */
import type * as z from "zod";
import type { IntercomTransport } from "../src/intercom/types.js";

export type Risk = "read" | "write" | "destructive";
export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface ToolDefinition<Input extends z.ZodObject = z.ZodObject> {
  /** The seed slug from shared/intercom/tools.json, e.g. INTERCOM_SEARCH_CONTACTS. Also the name the model sees. */
  name: string;
  /** The seed title from tools.json, e.g. "Search contacts". */
  title: string;
  /** The Intercom resource, e.g. "contacts"; one file per resource under tools/. */
  resource: string;
  method: HttpMethod;
  /** The API path with {placeholders} filled from input fields of the same name, e.g. /contacts/{contact_id}. */
  path: string;
  /** Arguments, validated before any request is made; every field has .describe() written for a model. */
  input: Input;
  risk: Risk;
  /** Our own words for a model choosing a tool: when to use it, what it needs first, its caveats. */
  description: string;
  /**
   * Where non-path fields go. By default GET/DELETE send them as the query string and POST/PUT as the JSON
   * body; list a field here to send it the other way (e.g. page/per_page in the query of a POST).
   */
  query?: readonly string[];
  body?: readonly string[];
  /** Fields merged into the body after validation (e.g. message_type: "close" for Close conversation). */
  fixedBody?: Readonly<Record<string, unknown>>;
  /** Intercom-Version to send instead of the default 2.16 (help-center sections only exist in 2.9). */
  apiVersion?: string;
  /** "binary" for downloads that are not JSON (the data export CSV). */
  responseType?: "json" | "binary";
  /**
   * For the two seed tools whose endpoints predate the current spec (Delete a visitor, Get entity counts):
   * appended to the error when a workspace refuses the old endpoint, saying exactly why.
   */
  legacyNote?: string;
  /**
   * Computes an answer another way when the endpoint itself is refused (4xx other than 401/429), e.g. entity
   * counts from the totals of the list endpoints. Gets the validated input and the same transport.
   */
  fallback?: (input: z.infer<Input>, transport: IntercomTransport) => Promise<unknown>;
  /** Words people actually type for this tool ("refund", "unassign", "vip"), used by tool retrieval. */
  keywords?: readonly string[];
}

/** Identity function that keeps the zod type of `input` for callers. */
export function defineTool<Input extends z.ZodObject>(definition: ToolDefinition<Input>): ToolDefinition<Input> {
  return definition;
}

/** What executing a tool gives back. `data` is trimmed for the model; `raw` is the full response for the audit log. */
export type ToolResult =
  | {
      ok: true;
      tool: string;
      status: number;
      data: unknown;
      raw: unknown;
      requestId?: string;
      latencyMs: number;
    }
  | {
      ok: false;
      tool: string;
      /** invalid_input: the arguments failed validation (the model can correct them); http: Intercom answered with an error. */
      kind: "invalid_input" | "http" | "network" | "unsupported" | "not_found";
      /** Plain words, safe to show a model or a person; never a token. */
      message: string;
      status?: number;
      raw?: unknown;
      requestId?: string;
      latencyMs: number;
    };
