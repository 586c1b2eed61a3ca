/**
 * Before Bolt opens Socket Mode, one plain check that Slack can be reached and takes both tokens. Left to
 * itself, the Socket Mode client retries apps.connections.open a hundred times and logs "did not return a
 * URL! (response: [object Object])", which names neither the token nor the network. Here a refused token
 * stops the start at once with the setting to fix; a network failure is retried with a growing pause (1 s
 * doubling up to 30 s), one readable line each time; a stop (SIGINT, SIGTERM) ends the wait at once.
 */
import { AppError } from "../errors.js";
import type { Logger } from "../logger.js";

export const DEFAULT_SLACK_API_URL = "https://slack.com/api/";

export interface SocketPreflightOptions {
  appToken: string;
  botToken: string;
  /** Ends with a slash. */
  apiUrl: string;
  logger: Logger;
  signal: AbortSignal;
  /** The first pause after a network failure; it doubles up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  fetch?: typeof fetch;
}

const TOKEN_ERRORS = new Set(["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type", "missing_scope"]);

type Attempt = { kind: "ok" } | { kind: "retry"; what: string; waitMs?: number } | { kind: "fatal"; error: AppError };

function tokenHelp(setting: "SLACK_APP_TOKEN" | "SLACK_BOT_TOKEN", code: string): string {
  const where =
    setting === "SLACK_APP_TOKEN"
      ? "an app-level token (xapp-…) with the connections:write scope, from Basic Information → App-Level Tokens"
      : "the Bot User OAuth Token (xoxb-…) from OAuth & Permissions, after installing the app";
  return `Slack refused ${setting} (${code}). Set it to ${where}.`;
}

/** Why a fetch failed, in words: the system's error code (ECONNREFUSED, ENOTFOUND, …) when there is one. */
function networkWhat(error: unknown, url: string): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? cause?.message ?? (error as { name?: string }).name ?? "error";
  return `network: ${code} reaching ${new URL(url).host}`;
}

async function attempt(method: string, token: string, setting: "SLACK_APP_TOKEN" | "SLACK_BOT_TOKEN", options: SocketPreflightOptions): Promise<Attempt> {
  const url = `${options.apiUrl}${method}`;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/x-www-form-urlencoded" },
      signal: AbortSignal.any([options.signal, AbortSignal.timeout(10_000)]),
    });
  } catch (error) {
    if (options.signal.aborted) throw error;
    return { kind: "retry", what: networkWhat(error, url) };
  }
  if (response.status === 429) {
    const seconds = Number(response.headers.get("retry-after"));
    return { kind: "retry", what: `Slack is rate limiting ${method}`, waitMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined };
  }
  if (response.status >= 500) return { kind: "retry", what: `Slack answered ${method} with HTTP ${response.status}` };
  const body = (await response.json().catch(() => undefined)) as { ok?: unknown; error?: unknown; url?: unknown } | undefined;
  if (!body || typeof body.ok !== "boolean") {
    return { kind: "fatal", error: new AppError("CONFIG_INVALID", `${url} did not answer like the Slack API (HTTP ${response.status}). Check SLACK_API_URL.`) };
  }
  if (!body.ok) {
    const code = typeof body.error === "string" ? body.error : "unknown_error";
    if (TOKEN_ERRORS.has(code)) return { kind: "fatal", error: new AppError("CONFIG_INVALID", tokenHelp(setting, code)) };
    return { kind: "fatal", error: new AppError("CONFIG_INVALID", `Slack refused ${method} (${code}); check ${setting} and the app's Socket Mode setting.`) };
  }
  if (method === "apps.connections.open" && typeof body.url !== "string") {
    return {
      kind: "fatal",
      error: new AppError("CONFIG_INVALID", "Slack accepted SLACK_APP_TOKEN but gave no Socket Mode address; turn on Socket Mode in the app's settings."),
    };
  }
  return { kind: "ok" };
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

const stopped = () => new AppError("INTERNAL", "Stopped before Slack was connected; nothing was started.");

/** Resolves once Slack took both tokens; rejects with plain words when a token is refused or the start is stopped. */
export async function checkSocketMode(options: SocketPreflightOptions): Promise<void> {
  const { logger, signal } = options;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  let delayMs = options.initialDelayMs ?? 1000;
  const checks = [
    { method: "auth.test", token: options.botToken, setting: "SLACK_BOT_TOKEN" as const },
    { method: "apps.connections.open", token: options.appToken, setting: "SLACK_APP_TOKEN" as const },
  ];
  for (const check of checks) {
    for (;;) {
      if (signal.aborted) throw stopped();
      let result: Attempt;
      try {
        result = await attempt(check.method, check.token, check.setting, options);
      } catch (error) {
        if (signal.aborted) throw stopped();
        throw error;
      }
      if (result.kind === "ok") break;
      if (result.kind === "fatal") throw result.error;
      const waitMs = Math.min(result.waitMs ?? delayMs, maxDelayMs);
      logger.warn({ retryInMs: waitMs }, `Cannot connect to Slack (${result.what}); retrying in ${Math.round(waitMs / 1000)} s. Press Ctrl+C to stop.`);
      await pause(waitMs, signal);
      delayMs = Math.min(delayMs * 2, maxDelayMs);
    }
  }
}
