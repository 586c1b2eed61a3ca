/**
 * The checks a request to /slack/events passes before Bolt sees it: a v0 signature over "v0:timestamp:body",
 * a timestamp within five minutes of now in either direction (Bolt only refuses the past, so a captured request
 * signed for the future could be replayed for as long as the attacker liked), a body that parses, and a shape
 * Slack documents. Pure: the raw request in, a verdict out.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { parse as parseQuery } from "node:querystring";
import { malformedReason } from "./request-shape.js";

/** How far a request's timestamp may be from our clock, either way. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface RawSlackRequest {
  /** Header values as Node gives them (lower-case names). */
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

export type RequestVerdict = { ok: true; body: unknown; sslCheck?: boolean } | { ok: false; status: 400 | 401; reason: string };

const header = (headers: RawSlackRequest["headers"], name: string): string | undefined => {
  const value = headers[name];
  return typeof value === "string" ? value : undefined;
};

const isForm = (contentType: string | undefined) => (contentType ?? "").split(";")[0].trim().toLowerCase() === "application/x-www-form-urlencoded";

function signatureMatches(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(`v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Parses the body the way Bolt will (form fields, or the JSON in a form's `payload`, or plain JSON). */
function parseBody(text: string, contentType: string | undefined): { ok: true; body: unknown } | { ok: false; reason: string } {
  try {
    if (isForm(contentType)) {
      const fields = parseQuery(text);
      if ("payload" in fields) {
        if (typeof fields.payload !== "string") return { ok: false, reason: "the form has more than one payload" };
        return { ok: true, body: JSON.parse(fields.payload) };
      }
      return { ok: true, body: { ...fields } };
    }
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, reason: "the body is not valid JSON" };
  }
}

export function checkSlackRequest(request: RawSlackRequest, signingSecret: string, nowMs: number): RequestVerdict {
  const text = request.rawBody.toString("utf8");
  const contentType = header(request.headers, "content-type");
  // Slack's certificate check carries no signature; Bolt answers it and drops anything else in the body.
  if (isForm(contentType) && parseQuery(text).ssl_check === "1") return { ok: true, body: { ssl_check: "1" }, sslCheck: true };

  const timestamp = header(request.headers, "x-slack-request-timestamp");
  const signature = header(request.headers, "x-slack-signature");
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, status: 401, reason: "the request has no valid x-slack-request-timestamp" };
  if (!signature) return { ok: false, status: 401, reason: "the request has no x-slack-signature" };
  const skew = Math.abs(Math.floor(nowMs / 1000) - Number(timestamp));
  if (skew > MAX_CLOCK_SKEW_SECONDS) return { ok: false, status: 401, reason: `the request's timestamp is ${skew} s from now (at most 300 s allowed)` };
  if (!signatureMatches(signingSecret, timestamp, text, signature)) return { ok: false, status: 401, reason: "the signature does not match" };

  const parsed = parseBody(text, contentType);
  if (!parsed.ok) return { ok: false, status: 400, reason: parsed.reason };
  const reason = malformedReason(parsed.body);
  if (reason) return { ok: false, status: 400, reason: `the request is malformed: ${reason}` };
  return { ok: true, body: parsed.body };
}
