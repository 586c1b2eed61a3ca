/**
 * pino, JSON by default (one object per line, for log shippers) and readable in a terminal. Secrets are
 * scrubbed from every object and message before they are written, not just from a list of known paths.
 */
import { type DestinationStream, type Logger, pino } from "pino";
import pretty from "pino-pretty";
import { redactSecrets, redactString } from "./redact.js";

export type LogFormat = "json" | "pretty" | "auto";
export type { Logger };

export interface LoggerOptions {
  level: string;
  format: LogFormat;
  /** Where lines go; defaults to stderr so stdout stays clean for command output. */
  destination?: DestinationStream;
  isTerminal?: boolean;
}

export function createLogger(options: LoggerOptions): Logger {
  const usePretty = options.format === "pretty" || (options.format === "auto" && (options.isTerminal ?? process.stderr.isTTY));
  const destination =
    options.destination ??
    (usePretty
      ? pretty({ colorize: true, sync: true, destination: 2, ignore: "pid,hostname", translateTime: "SYS:HH:MM:ss.l" })
      : pino.destination({ fd: 2, sync: true }));
  return pino(
    {
      level: options.level,
      base: undefined,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactSecrets(object),
      },
      hooks: {
        logMethod(args, method) {
          const cleaned = args.map((arg) => (typeof arg === "string" ? redactString(arg) : arg));
          method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
      serializers: {
        err: (error: unknown) => redactSecrets(pino.stdSerializers.err(error as Error)),
      },
    },
    destination,
  );
}

/** A logger that writes nowhere, for tests and for commands whose output is the point. */
export function createSilentLogger(): Logger {
  return pino({ level: "silent" });
}
