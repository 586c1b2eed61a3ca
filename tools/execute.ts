/**
 * The one executor behind all 133 tools: validate the arguments, build the request, call Intercom, and give
 * back a result the model can read (trimmed) next to the full answer for the audit log. Failures a model can
 * act on (bad arguments, Intercom errors) come back as results, not exceptions.
 */
import type * as z from "zod";
import { AppError, isAppError } from "../src/errors.js";
import { IntercomApiError } from "../src/intercom/errors.js";
import type { IntercomTransport } from "../src/intercom/types.js";
import type { Logger } from "../src/logger.js";
import type { ToolDefinition, ToolResult } from "./define.js";
import { buildToolRequest } from "./request.js";
import { type TrimOptions, trimForModel } from "./trim.js";

export interface ToolExecutorOptions {
  transport: IntercomTransport;
  tools: readonly ToolDefinition[];
  logger?: Pick<Logger, "debug" | "warn">;
  trim?: Partial<TrimOptions> & { maxChars?: number };
  /** Milliseconds, for latency; defaults to performance.now. */
  clock?: () => number;
}

export interface ExecuteOptions {
  signal?: AbortSignal;
}

export interface ToolExecutor {
  execute(name: string, args: unknown, options?: ExecuteOptions): Promise<ToolResult>;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), "");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/**
 * Zod issues as lines a model can act on: which field, and what was expected. Given the arguments, a field
 * that was simply left out is called missing rather than "expected string, received undefined".
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input?: unknown): string {
  return issues
    .slice(0, 10)
    .map((issue) => {
      const where = formatPath(issue.path) || "(the arguments)";
      if (issue.code === "unrecognized_keys") return `${where}: unknown field(s) ${issue.keys.join(", ")}`;
      const missing =
        issue.path.length > 0 &&
        (issue.code === "invalid_type" || issue.code === "invalid_value") &&
        (input === undefined ? /received undefined$/.test(issue.message) : valueAt(input, issue.path) === undefined);
      if (missing && issue.code === "invalid_value") return `${where}: required but missing (one of ${issue.values.map(String).join(", ")})`;
      if (missing && issue.code === "invalid_type") return `${where}: required but missing (expected ${issue.expected})`;
      return `${where}: ${issue.message}`;
    })
    .join("; ");
}

function unknownKeys(tool: ToolDefinition, args: Record<string, unknown>): string[] {
  // A loose object accepts extra keys on purpose and a strict one reports them itself; only a plain object drops them silently.
  const def = (tool.input as unknown as { _zod: { def: { catchall?: unknown } } })._zod.def;
  if (def.catchall) return [];
  const known = new Set(Object.keys(tool.input.shape));
  return Object.keys(args).filter((key) => !known.has(key) && args[key] !== undefined);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Whether a 404 says the tool's own kind of object is missing ("Visitor Not Found" for a visitors tool). */
function namesMissingObject(tool: ToolDefinition, error: IntercomApiError): boolean {
  if (error.status !== 404) return false;
  const singular = tool.resource.replace(/_/g, " ").replace(/s$/, "");
  return error.errors.some((item) => typeof item.message === "string" && new RegExp(`^${singular} not found\\b`, "i").test(item.message.trim()));
}

/** A bare `null` reads to a model like a failure; an empty success (202 on POST /events) is said in words. */
function emptyAnswer(status: number): { status: number; note: string } {
  return { status, note: `Intercom accepted the request (HTTP ${status}) and sent no content back; that is its normal answer here.` };
}

/**
 * A refused legacy endpoint, said as such: the generic 404 wording ("Visitor v1 was not found") would send the
 * model looking for another id when the endpoint itself is what is missing.
 */
function legacyRefusal(tool: ToolDefinition, error: IntercomApiError): string {
  const said = error.errors.map((e) => e.message ?? e.code).join("; ");
  return `Intercom refused ${tool.method} ${tool.path} (${error.status}${said ? `: ${said}` : ""}). ${tool.legacyNote}`;
}

export function createToolExecutor(options: ToolExecutorOptions): ToolExecutor {
  const byName = new Map(options.tools.map((tool) => [tool.name, tool]));
  const clock = options.clock ?? (() => performance.now());
  const trim = (value: unknown) => trimForModel(value, options.trim);

  async function execute(name: string, args: unknown, executeOptions: ExecuteOptions = {}): Promise<ToolResult> {
    const started = clock();
    const latency = () => Math.round(clock() - started);
    const tool = byName.get(name);
    if (!tool) return { ok: false, tool: name, kind: "not_found", message: `There is no tool named ${name}.`, latencyMs: latency() };

    const given = args === undefined || args === null ? {} : args;
    if (!isObject(given)) {
      return { ok: false, tool: name, kind: "invalid_input", message: `Arguments for ${name} must be a JSON object of named fields.`, latencyMs: latency() };
    }
    const extra = unknownKeys(tool, given);
    const parsed = tool.input.safeParse(given);
    if (!parsed.success || extra.length > 0) {
      const problems = [
        ...(extra.length > 0 ? [`unknown field(s) ${extra.join(", ")} (known fields: ${Object.keys(tool.input.shape).join(", ") || "none"})`] : []),
        ...(parsed.success ? [] : [describeIssues(parsed.error.issues, given)]),
      ];
      return {
        ok: false,
        tool: name,
        kind: "invalid_input",
        message: `The arguments for ${name} are invalid: ${problems.join("; ")}. Fix them and call the tool again.`,
        latencyMs: latency(),
      };
    }
    const input = parsed.data as Record<string, unknown>;

    let request: ReturnType<typeof buildToolRequest>;
    try {
      request = { ...buildToolRequest(tool, input), signal: executeOptions.signal };
    } catch (error) {
      return {
        ok: false,
        tool: name,
        kind: "invalid_input",
        message: `The arguments for ${name} are invalid: ${(error as Error).message}.`,
        latencyMs: latency(),
      };
    }

    try {
      const response = await options.transport.request(request);
      options.logger?.debug({ tool: name, status: response.status, attempts: response.attempts }, "tool call finished");
      return {
        ok: true,
        tool: name,
        status: response.status,
        data: response.data === null ? emptyAnswer(response.status) : trim(response.data),
        raw: response.data,
        requestId: response.requestId,
        latencyMs: latency(),
      };
    } catch (error) {
      if (error instanceof IntercomApiError) {
        // The on-call view: which tool, what Intercom said and the request id to quote to Intercom support.
        options.logger?.warn(
          { tool: name, status: error.status, codes: error.errors.map((e) => e.code), requestId: error.requestId, error: error.message },
          "tool call failed",
        );
        return handleHttpError(tool, input, error, latency);
      }
      if (isAppError(error)) {
        options.logger?.warn({ tool: name, code: error.code, error: error.message }, "tool call failed");
        return { ok: false, tool: name, kind: "network", message: error.userMessage, latencyMs: latency() };
      }
      throw error;
    }
  }

  async function handleHttpError(tool: ToolDefinition, input: Record<string, unknown>, error: IntercomApiError, latency: () => number): Promise<ToolResult> {
    // "Visitor Not Found" means the old endpoint answered and only the object is missing: not a refused endpoint.
    const refused = error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 429 && !namesMissingObject(tool, error);
    const failure = { ok: false as const, tool: tool.name, status: error.status, raw: error.body, requestId: error.requestId };
    if (refused && tool.fallback) {
      try {
        const result = await tool.fallback(input as never, options.transport);
        options.logger?.warn({ tool: tool.name, status: error.status }, "endpoint refused; answered by the fallback");
        const reason = `Intercom refused ${tool.method} ${tool.path} (${error.status}), so this answer was computed another way.`;
        return {
          ok: true,
          tool: tool.name,
          status: 200,
          data: { source: "fallback", note: reason, result: trim(result) },
          raw: { source: "fallback", result, refused: { status: error.status, body: error.body } },
          requestId: error.requestId,
          latencyMs: latency(),
        };
      } catch (fallbackError) {
        const why = fallbackError instanceof AppError ? fallbackError.userMessage : "it failed unexpectedly";
        const message = `${tool.legacyNote ? legacyRefusal(tool, error) : error.userMessage} The fallback did not work either: ${why}`;
        return { ...failure, kind: tool.legacyNote ? "unsupported" : "http", message, latencyMs: latency() };
      }
    }
    if (refused && tool.legacyNote) return { ...failure, kind: "unsupported", message: legacyRefusal(tool, error), latencyMs: latency() };
    return { ...failure, kind: "http", message: error.userMessage, latencyMs: latency() };
  }

  return { execute };
}
