import type { Config } from "../config.js";
import { AppError } from "../errors.js";

/** What every command gets: a way to load the config lazily, so `--help` works even with a broken .env. */
export interface CliContext {
  loadConfig: () => Readonly<Config>;
}

/** The port of an "address already in use" failure anywhere in an error's cause chain (Bolt wraps some). */
export function portInUse(error: unknown): { port?: number } | undefined {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const { code, port } = current as { code?: unknown; port?: unknown };
    if (code === "EADDRINUSE") return { port: typeof port === "number" ? port : undefined };
  }
  return undefined;
}

/**
 * Turns a failure to listen into one plain line naming the setting to change ("PORT" or "--port"); any other
 * error passes through unchanged.
 */
export function explainListenError(error: unknown, setting: "PORT" | "--port", configuredPort: number): unknown {
  const inUse = portInUse(error);
  if (!inUse) return error;
  const port = inUse.port ?? configuredPort;
  const change = setting === "PORT" ? "set PORT" : "pass another --port (0 picks a free one)";
  return new AppError("USAGE", `${setting === "PORT" ? "PORT" : "Port"} ${port} is already in use; ${change} or stop the other process`, { cause: error });
}
