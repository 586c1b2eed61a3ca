/** Intercom's error.list body and the exception route handlers throw to produce it. */
import { randomUUID } from "node:crypto";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string, field?: string): Record<string, unknown> {
  const error: Record<string, unknown> = { code, message };
  if (field) error.field = field;
  return { type: "error.list", request_id: randomUUID(), errors: [error] };
}

export function notFound(what: string): ApiError {
  return new ApiError(404, "not_found", `${what} Not Found`);
}

export function badRequest(message: string, code = "parameter_invalid", field?: string): ApiError {
  return new ApiError(400, code, message, field);
}

export function missing(field: string): ApiError {
  return new ApiError(400, "parameter_not_found", `${field} is required`, field);
}
