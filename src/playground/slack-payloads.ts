/**
 * The request bodies Slack sends to an app's /slack/events, built from what happened on the page: slash
 * commands and interactivity as form fields, events as a JSON event_callback envelope. Pure: data in, body out.
 */
import type { PlaygroundWorkspace } from "./workspace.js";

export interface OutgoingRequest {
  body: string;
  contentType: "application/json" | "application/x-www-form-urlencoded";
}

const form = (fields: Record<string, string>): OutgoingRequest => ({
  body: new URLSearchParams(fields).toString(),
  contentType: "application/x-www-form-urlencoded",
});
const interactive = (payload: Record<string, unknown>): OutgoingRequest => form({ payload: JSON.stringify(payload) });

export function slashCommandRequest(
  ws: PlaygroundWorkspace,
  fields: { command: string; text: string; channelId: string; channelName: string; responseUrl: string; triggerId: string },
): OutgoingRequest {
  return form({
    token: "playground",
    team_id: ws.teamId,
    team_domain: "playground",
    channel_id: fields.channelId,
    channel_name: fields.channelName,
    user_id: ws.person.id,
    user_name: ws.person.name,
    command: fields.command,
    text: fields.text,
    api_app_id: ws.appId,
    is_enterprise_install: "false",
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId,
  });
}

export function eventRequest(ws: PlaygroundWorkspace, eventId: string, event: Record<string, unknown>): OutgoingRequest {
  const body = {
    token: "playground",
    team_id: ws.teamId,
    api_app_id: ws.appId,
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event_context: `playground-${eventId}`,
    authorizations: [{ team_id: ws.teamId, user_id: ws.bot.id, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event,
  };
  return { body: JSON.stringify(body), contentType: "application/json" };
}

/** The event for a message a person typed (message.channels / message.im), as the bot's subscription sees it. */
export function messageEvent(fields: { channel: string; channelType: "channel" | "im"; user: string; text: string; ts: string; threadTs?: string }) {
  return {
    type: "message",
    channel: fields.channel,
    channel_type: fields.channelType,
    user: fields.user,
    text: fields.text,
    ts: fields.ts,
    event_ts: fields.ts,
    ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
  };
}

export function appMentionEvent(fields: { channel: string; user: string; text: string; ts: string; threadTs?: string }) {
  return {
    type: "app_mention",
    channel: fields.channel,
    user: fields.user,
    text: fields.text,
    ts: fields.ts,
    event_ts: fields.ts,
    ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
  };
}

export function appHomeOpenedEvent(ws: PlaygroundWorkspace, view?: Record<string, unknown>) {
  return { type: "app_home_opened", user: ws.person.id, channel: ws.dmChannel, tab: "home", event_ts: `${Date.now() / 1000}`, ...(view ? { view } : {}) };
}

export interface ActionFields {
  action: Record<string, unknown>;
  triggerId: string;
  responseUrl?: string;
  /** A click on a message: its channel and the message as the app posted it. */
  message?: { channel: string; channelName: string; message: Record<string, unknown> };
  /** A click inside a view (App Home or a modal). */
  view?: Record<string, unknown>;
  /** Values of the view's inputs at the time of the click. */
  stateValues?: Record<string, unknown>;
}

export function blockActionsRequest(ws: PlaygroundWorkspace, fields: ActionFields): OutgoingRequest {
  const base = {
    type: "block_actions",
    user: { id: ws.person.id, username: ws.person.name, name: ws.person.name, team_id: ws.teamId },
    api_app_id: ws.appId,
    token: "playground",
    trigger_id: fields.triggerId,
    team: { id: ws.teamId, domain: "playground" },
    enterprise: null,
    is_enterprise_install: false,
    actions: [{ ...fields.action, action_ts: `${Date.now() / 1000}` }],
  };
  if (fields.message) {
    const { channel, channelName, message } = fields.message;
    return interactive({
      ...base,
      container: {
        type: "message",
        message_ts: message.ts,
        channel_id: channel,
        is_ephemeral: false,
        ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
      },
      channel: { id: channel, name: channelName },
      message,
      state: { values: {} },
      response_url: fields.responseUrl,
    });
  }
  const view = fields.view ?? {};
  return interactive({
    ...base,
    container: { type: "view", view_id: view.id },
    view: { ...view, state: { values: fields.stateValues ?? {} } },
  });
}

export function viewSubmissionRequest(
  ws: PlaygroundWorkspace,
  view: Record<string, unknown>,
  values: Record<string, unknown>,
  triggerId: string,
): OutgoingRequest {
  return interactive({
    type: "view_submission",
    team: { id: ws.teamId, domain: "playground" },
    user: { id: ws.person.id, username: ws.person.name, name: ws.person.name, team_id: ws.teamId },
    api_app_id: ws.appId,
    token: "playground",
    trigger_id: triggerId,
    view: { ...view, state: { values } },
    response_urls: [],
    is_enterprise_install: false,
  });
}

export function viewClosedRequest(ws: PlaygroundWorkspace, view: Record<string, unknown>): OutgoingRequest {
  return interactive({
    type: "view_closed",
    team: { id: ws.teamId, domain: "playground" },
    user: { id: ws.person.id, username: ws.person.name, name: ws.person.name, team_id: ws.teamId },
    api_app_id: ws.appId,
    token: "playground",
    view,
    is_cleared: false,
    is_enterprise_install: false,
  });
}
