/**
 * Builds requests the way Slack sends them to /slack/events: signed with the signing secret (v0 HMAC of
 * "v0:timestamp:body"), as form fields for commands and interactivity and as JSON for events.
 */
import { createHmac } from "node:crypto";

export interface SignOptions {
  /** Seconds since the epoch; defaults to now. Older than 5 minutes is rejected by Bolt. */
  timestamp?: number;
  /** Sign with another secret, to prove a bad signature is refused. */
  secret?: string;
  retryNum?: number;
  retryReason?: string;
}

export interface SlackRequest {
  body: string;
  contentType: string;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export async function sendSigned(url: string, secret: string, request: SlackRequest, options: SignOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": request.contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": signature(options.secret ?? secret, timestamp, request.body),
  };
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum);
    headers["x-slack-retry-reason"] = options.retryReason ?? "http_timeout";
  }
  return fetch(url, { method: "POST", body: request.body, headers });
}

let sequence = 0;
const next = () => `${Date.now()}${++sequence}`;

export interface CommandFields {
  text: string;
  user_id?: string;
  channel_id?: string;
  team_id?: string;
  command?: string;
  response_url?: string;
}

export function slashCommand(fields: CommandFields, responseBase = "http://127.0.0.1:9/response"): SlackRequest {
  const id = next();
  const form = new URLSearchParams({
    token: "legacy",
    team_id: fields.team_id ?? "T1",
    team_domain: "example",
    channel_id: fields.channel_id ?? "C1",
    channel_name: "support",
    user_id: fields.user_id ?? "U1",
    user_name: "someone",
    command: fields.command ?? "/switchboard",
    text: fields.text,
    api_app_id: "A1",
    response_url: fields.response_url ?? `${responseBase}/${id}`,
    trigger_id: `trigger-${id}`,
  });
  return { body: form.toString(), contentType: "application/x-www-form-urlencoded" };
}

export function eventCallback(event: Record<string, unknown>, options: { eventId?: string; teamId?: string } = {}): SlackRequest {
  const body = {
    token: "legacy",
    team_id: options.teamId ?? "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: options.eventId ?? `Ev${next()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: options.teamId ?? "T1", user_id: "UBOT", is_bot: true }],
    event,
  };
  return { body: JSON.stringify(body), contentType: "application/json" };
}

export interface ButtonFields {
  actionId: string;
  value: string;
  userId?: string;
  channel?: string;
  messageTs: string;
  threadTs?: string;
  blocks?: unknown[];
  responseBase?: string;
}

export function buttonClick(fields: ButtonFields): SlackRequest {
  const id = next();
  const payload = {
    type: "block_actions",
    team: { id: "T1", domain: "example" },
    user: { id: fields.userId ?? "U1", name: "someone", team_id: "T1" },
    api_app_id: "A1",
    token: "legacy",
    trigger_id: `trigger-${id}`,
    container: { type: "message", message_ts: fields.messageTs, channel_id: fields.channel ?? "C1", is_ephemeral: false },
    channel: { id: fields.channel ?? "C1", name: "support" },
    message: { type: "message", ts: fields.messageTs, thread_ts: fields.threadTs, text: "card", blocks: fields.blocks ?? [] },
    response_url: `${fields.responseBase ?? "http://127.0.0.1:9/response"}/${id}`,
    actions: [
      {
        type: "button",
        action_id: fields.actionId,
        block_id: "b",
        value: fields.value,
        action_ts: `${Date.now() / 1000}`,
        text: { type: "plain_text", text: "x" },
      },
    ],
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: "application/x-www-form-urlencoded" };
}

export function viewSubmission(fields: {
  callbackId: string;
  privateMetadata: string;
  values: Record<string, Record<string, unknown>>;
  userId?: string;
}): SlackRequest {
  const payload = {
    type: "view_submission",
    team: { id: "T1", domain: "example" },
    user: { id: fields.userId ?? "U1", name: "someone", team_id: "T1" },
    api_app_id: "A1",
    token: "legacy",
    trigger_id: `trigger-${next()}`,
    view: {
      id: "V1",
      type: "modal",
      callback_id: fields.callbackId,
      private_metadata: fields.privateMetadata,
      state: { values: fields.values },
      hash: "h",
    },
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: "application/x-www-form-urlencoded" };
}
