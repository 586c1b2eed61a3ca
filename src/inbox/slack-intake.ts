/**
 * Turns a Slack request into an inbox item with its dedupe keys, so the Slack receiver can persist it before it
 * acknowledges. Call it only after the request's signature was verified (Bolt's receiver does that).
 *
 * Keys: the event id; team+channel+ts for anything that is a message (an app_mention and the message event
 * for the same text are one piece of work); and for slash commands and interactions, a hash of the signed
 * request (X-Slack-Request-Timestamp + raw body), so a byte-identical replay inside Slack's 5-minute window starts
 * nothing. Ordering: per Slack thread (channel + thread ts, else the message's own ts).
 */
import { createHash } from "node:crypto";
import { type HeaderBag, headerValue } from "./intercom-webhook.js";
import type { AcceptResult, Inbox, NewInboxItem } from "./types.js";

export type SlackIntake = { work: true; item: NewInboxItem; dedupeKeys: string[] } | { work: false; reason: string };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === "string" && value ? value : undefined);

export const slackEventKey = (eventId: string) => `slack:event:${eventId}`;
export const slackMessageKey = (teamId: string | undefined, channel: string, ts: string) => `slack:message:${teamId ?? "-"}:${channel}:${ts}`;
export const slackThreadOrderingKey = (channel: string, threadTs: string) => `slack:${channel}:${threadTs}`;

/** The same bytes signed at the same time are the same request, whatever Slack's retry headers say. */
export function signedRequestKey(rawBody: string, timestamp: string): string {
  return `slack:signed:${createHash("sha256").update(`${timestamp}:${rawBody}`).digest("hex")}`;
}

/** Keys and ordering for an Events API callback (the parsed JSON body, as HTTP or Socket Mode delivers it). */
export function eventIntake(body: Json): SlackIntake {
  if (body.type === "url_verification") return { work: false, reason: "url_verification is answered by the receiver" };
  if (body.type !== "event_callback" || !isObject(body.event)) return { work: false, reason: `not an event callback (${String(body.type)})` };
  const event = body.event;
  const keys: string[] = [];
  const eventId = str(body.event_id);
  if (eventId) keys.push(slackEventKey(eventId));
  const channel = str(event.channel) ?? (isObject(event.item) ? str(event.item.channel) : undefined);
  const ts = str(event.ts);
  const team = str(body.team_id) ?? str(event.team);
  if (channel && ts && (event.type === "message" || event.type === "app_mention")) keys.push(slackMessageKey(team, channel, ts));
  const threadTs = str(event.thread_ts) ?? ts;
  return {
    work: true,
    item: { source: "slack", topic: "slack.event", payload: body, orderingKey: channel && threadTs ? slackThreadOrderingKey(channel, threadTs) : undefined },
    dedupeKeys: keys,
  };
}

/** An interaction payload (block_actions, view_submission, view_closed, shortcuts), already JSON-parsed. */
export function interactionIntake(payload: Json, signedKey: string | undefined): SlackIntake {
  const type = str(payload.type) ?? "unknown";
  const topic = type === "view_submission" || type === "view_closed" ? "slack.view" : "slack.action";
  const channel = isObject(payload.channel) ? str(payload.channel.id) : isObject(payload.container) ? str(payload.container.channel_id) : undefined;
  const message = isObject(payload.message) ? payload.message : undefined;
  const container = isObject(payload.container) ? payload.container : undefined;
  const threadTs = str(message?.thread_ts) ?? str(container?.thread_ts) ?? str(message?.ts) ?? str(container?.message_ts);
  return {
    work: true,
    item: { source: "slack", topic, payload, orderingKey: channel && threadTs ? slackThreadOrderingKey(channel, threadTs) : undefined },
    dedupeKeys: signedKey ? [signedKey] : [],
  };
}

/** A slash command's form fields. Commands are not in a thread, so they carry no ordering key. */
export function commandIntake(fields: Json, signedKey: string | undefined): SlackIntake {
  return { work: true, item: { source: "slack", topic: "slack.command", payload: fields }, dedupeKeys: signedKey ? [signedKey] : [] };
}

/** A request as Slack's HTTP delivery sends it (raw body + headers), after the receiver verified its signature. */
export function slackHttpIntake(rawBody: Buffer | string, headers: HeaderBag): SlackIntake {
  const raw = typeof rawBody === "string" ? rawBody : rawBody.toString("utf8");
  const timestamp = headerValue(headers, "x-slack-request-timestamp") ?? "";
  const contentType = headerValue(headers, "content-type") ?? "";
  const signed = signedRequestKey(raw, timestamp);
  if (contentType.includes("application/json")) {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return { work: false, reason: "the body is not valid JSON" };
    }
    return isObject(body) ? eventIntake(body) : { work: false, reason: "the body is not a JSON object" };
  }
  const form = Object.fromEntries(new URLSearchParams(raw));
  if (form.ssl_check) return { work: false, reason: "ssl_check is answered by the receiver" };
  if (typeof form.payload === "string") {
    let payload: unknown;
    try {
      payload = JSON.parse(form.payload);
    } catch {
      return { work: false, reason: "the interaction payload is not valid JSON" };
    }
    return isObject(payload) ? interactionIntake(payload, signed) : { work: false, reason: "the interaction payload is not an object" };
  }
  if (form.command) return commandIntake(form, signed);
  return { work: false, reason: "not a Slack event, command or interaction" };
}

/**
 * A Socket Mode envelope. There is no signed request to hash over a socket; the envelope_id names one delivery,
 * so the same envelope handed in twice (a reconnect while it was unacknowledged) starts one piece of work.
 */
export function slackSocketIntake(envelope: { type: string; envelope_id?: string; payload: unknown }): SlackIntake {
  if (!isObject(envelope.payload)) return { work: false, reason: "the envelope has no payload" };
  const replayKey = envelope.envelope_id ? `slack:envelope:${envelope.envelope_id}` : undefined;
  if (envelope.type === "events_api") return eventIntake(envelope.payload);
  if (envelope.type === "slash_commands") return commandIntake(envelope.payload, replayKey);
  if (envelope.type === "interactive") return interactionIntake(envelope.payload, replayKey);
  return { work: false, reason: `nothing to do for a ${envelope.type} envelope` };
}

/**
 * Persist-then-ack for the Slack receiver: resolves once the request is in the inbox (or known to be there
 * already); only then may the receiver acknowledge. `work: false` requests (url_verification, ssl_check) are
 * for the receiver to answer itself.
 */
export async function acceptSlackIntake(inbox: Pick<Inbox, "accept">, intake: SlackIntake): Promise<AcceptResult | { ignored: string }> {
  if (!intake.work) return { ignored: intake.reason };
  return inbox.accept(intake.item, intake.dedupeKeys);
}
