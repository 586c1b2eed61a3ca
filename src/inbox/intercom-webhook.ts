/**
 * POST /intercom/webhooks as a pure function of the raw request, so the root can mount it on Bolt's HTTP
 * receiver (customRoutes) and on the small server Socket Mode keeps for OAuth alike. It checks Intercom's
 * signature (X-Hub-Signature: sha1=<HMAC-SHA1 of the raw body keyed with the client secret>) in constant time,
 * writes the notification to the inbox and answers; the work itself always happens later, in the worker.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { conversationChangeKey, conversationOrderingKey, notificationKey } from "./intercom-keys.js";
import type { Inbox } from "./types.js";

export const INTERCOM_WEBHOOK_PATH = "/intercom/webhooks";

export type HeaderBag = Record<string, string | string[] | undefined> | Headers;

export interface WebhookResponse {
  status: number;
  body: { ok: boolean; message: string; inboxId?: string; duplicateOf?: string };
}

export interface IntercomWebhookOptions {
  inbox: Pick<Inbox, "accept">;
  /** INTERCOM_CLIENT_SECRET; without it every delivery is refused, since none can be verified. */
  clientSecret?: string;
  logger?: { warn(object: object, message: string): void; info(object: object, message: string): void };
}

export type IntercomWebhookHandler = (rawBody: Buffer | string, headers: HeaderBag) => Promise<WebhookResponse>;

export function headerValue(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== lower || value === undefined) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

export function intercomSignature(rawBody: Buffer | string, secret: string): string {
  return `sha1=${createHmac("sha1", secret).update(rawBody).digest("hex")}`;
}

/** Constant-time comparison of the signature header with the one we compute; any malformed header is false. */
export function verifyIntercomSignature(rawBody: Buffer | string, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = Buffer.from(intercomSignature(rawBody, secret), "utf8");
  const given = Buffer.from(header.trim().toLowerCase(), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const reply = (status: number, body: WebhookResponse["body"]): WebhookResponse => ({ status, body });

interface Notification {
  type?: unknown;
  id?: unknown;
  topic?: unknown;
  data?: { item?: unknown };
}

export function createIntercomWebhookHandler(options: IntercomWebhookOptions): IntercomWebhookHandler {
  return async (rawBody, headers) => {
    if (!options.clientSecret) {
      options.logger?.warn({}, "An Intercom webhook arrived but INTERCOM_CLIENT_SECRET is not set, so it cannot be verified; refused with 401");
      return reply(401, { ok: false, message: "Webhook signatures cannot be checked: INTERCOM_CLIENT_SECRET is not configured on this server." });
    }
    if (!verifyIntercomSignature(rawBody, headerValue(headers, "x-hub-signature"), options.clientSecret)) {
      options.logger?.warn({}, "Refused an Intercom webhook with a missing or wrong X-Hub-Signature");
      return reply(401, { ok: false, message: "The X-Hub-Signature header does not match this body signed with the app's client secret." });
    }
    let notification: Notification;
    try {
      notification = JSON.parse(typeof rawBody === "string" ? rawBody : rawBody.toString("utf8")) as Notification;
    } catch {
      return reply(400, { ok: false, message: "The body is not valid JSON." });
    }
    if (!notification || typeof notification !== "object" || typeof notification.topic !== "string" || !notification.topic) {
      return reply(400, { ok: false, message: "The body is not an Intercom notification: it has no topic." });
    }
    const topic = notification.topic;
    // Intercom sends a ping when the endpoint is saved in the Developer Hub: answered, never stored.
    if (topic === "ping") return reply(200, { ok: true, message: "pong: ping received and ignored" });
    if (notification.type !== undefined && notification.type !== "notification_event") {
      return reply(400, { ok: false, message: `Expected a notification_event, got ${String(notification.type)}.` });
    }
    const item = (notification.data?.item ?? null) as { id?: unknown } | null;
    const keys: string[] = [];
    if (typeof notification.id === "string" || typeof notification.id === "number") keys.push(notificationKey(String(notification.id)));
    let orderingKey: string | undefined;
    if (topic.startsWith("conversation.") && item && typeof item === "object") {
      const change = conversationChangeKey(topic, item);
      if (change) keys.push(change);
      if (item.id !== undefined && item.id !== null) orderingKey = conversationOrderingKey(String(item.id));
    } else if (topic.startsWith("ticket.") && item && typeof item === "object" && item.id !== undefined) {
      orderingKey = `ticket:${String(item.id)}`;
    }
    let result: Awaited<ReturnType<Inbox["accept"]>>;
    try {
      result = await options.inbox.accept({ source: "intercom", topic, payload: item, orderingKey }, keys);
    } catch (error) {
      // Not stored means not acknowledged: Intercom retries a delivery that did not get a 2xx.
      options.logger?.warn({ err: error, topic }, "An Intercom webhook could not be stored; answered 503 so Intercom retries");
      return reply(503, { ok: false, message: "The notification could not be stored right now; please retry." });
    }
    if (!result.accepted) return reply(200, { ok: true, message: "already received", duplicateOf: result.duplicateOf });
    options.logger?.info({ topic, inboxId: result.id }, "Intercom webhook stored in the inbox");
    return reply(200, { ok: true, message: "stored", inboxId: result.id });
  };
}
