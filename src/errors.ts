/**
 * Coded errors. Every failure that can reach a person goes through toUserMessage(), which turns it into
 * plain words: what went wrong and, where we know it, what to do. Stack traces stay in the logs.
 */
import { randomBytes } from "node:crypto";

export type ErrorCode =
  | "CONFIG_INVALID"
  | "STORE_LOCKED"
  | "STORE_CORRUPT"
  | "STORE_TOO_NEW"
  | "SECRET_KEY_INVALID"
  | "SECRET_TAMPERED"
  | "SECRET_WRONG_KEY"
  | "INTERCOM_NOT_CONFIGURED"
  | "INTERCOM_HTTP"
  | "INTERCOM_NETWORK"
  | "INTERCOM_TIMEOUT"
  | "TOOL_NOT_FOUND"
  | "TOOL_INPUT_INVALID"
  | "TOOL_UNSUPPORTED"
  | "MODEL_NOT_CONFIGURED"
  | "PERSONA_INVALID"
  | "PERSONA_NOT_FOUND"
  | "APPROVAL_NOT_FOUND"
  | "APPROVAL_DECIDED"
  | "APPROVAL_EXPIRED"
  | "APPROVAL_FORBIDDEN"
  | "POLICY_DENIED"
  | "USAGE"
  | "NOT_FOUND"
  | "INTERNAL";

export interface AppErrorOptions {
  cause?: unknown;
  details?: Record<string, unknown>;
  /** What a person reads. Defaults to the message, which must then be safe to show. */
  userMessage?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  readonly userMessage: string;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options.details ?? {};
    this.userMessage = options.userMessage ?? message;
  }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

/** A short id to quote in a message so a person and the logs can meet. */
export function newErrorReference(): string {
  return randomBytes(4).toString("hex");
}

/**
 * Plain words for a person. Known errors say what happened; anything else gets a reference that appears in
 * the logs next to the stack trace, so nobody has to paste a trace into Slack.
 */
export function toUserMessage(error: unknown, reference?: string): string {
  if (error instanceof AppError) return error.userMessage;
  const ref = reference ? ` (reference ${reference})` : "";
  return `Something went wrong on our side${ref}; the details are in the Switchboard logs.`;
}
