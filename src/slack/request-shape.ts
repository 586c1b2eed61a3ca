/**
 * Whether a parsed Slack request body has the shape Slack documents for its kind. Bolt trusts the body once the
 * signature matches, so a signed but malformed body (a `null` payload, an action without an action_id, an event
 * whose channel is null) would otherwise crash the receiver or fail later in the background. Pure: data in,
 * a plain-words reason out (undefined when the body is fine).
 */

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === "object" && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === "string" && value.length > 0;

/** Events whose listeners need a channel and a message timestamp. */
const MESSAGE_EVENTS = new Set(["app_mention", "message"]);

function userReason(body: Loose): string | undefined {
  if (!isObject(body.user) || !isText(body.user.id)) return "it has no user id";
  return undefined;
}

function eventReason(body: Loose): string | undefined {
  const event = body.event;
  if (!isObject(event)) return "its event is not an object";
  if (!isText(event.type)) return "its event has no type";
  if (body.type === "event_callback" && !isText(body.event_id)) return "it has no event_id";
  if ("authorizations" in body && body.authorizations !== undefined && !Array.isArray(body.authorizations)) return "its authorizations are not a list";
  if ("channel" in event && !isText(event.channel) && !(isObject(event.channel) && isText(event.channel.id))) {
    return "its event's channel is missing or empty";
  }
  if ("ts" in event && !isText(event.ts)) return "its event's ts is missing or empty";
  if (MESSAGE_EVENTS.has(event.type)) {
    if (!isText(event.channel)) return `a ${event.type} event needs a channel`;
    if (!isText(event.ts)) return `a ${event.type} event needs a ts`;
    if ("thread_ts" in event && event.thread_ts !== undefined && !isText(event.thread_ts)) return "its event's thread_ts is not a timestamp";
    if ("text" in event && event.text !== undefined && typeof event.text !== "string") return "its event's text is not text";
  }
  if (event.type === "app_mention" && !isText(event.user)) return "an app_mention event needs a user";
  if (event.type === "app_home_opened" && !isText(event.user)) return "an app_home_opened event needs a user";
  return undefined;
}

function commandReason(body: Loose): string | undefined {
  for (const field of ["command", "user_id", "channel_id", "team_id"]) {
    if (!isText(body[field])) return `a slash command needs ${field}`;
  }
  if (body.text !== undefined && typeof body.text !== "string") return "a slash command's text is not text";
  return undefined;
}

function containerReason(body: Loose): string | undefined {
  if (body.channel !== undefined && body.channel !== null && !(isObject(body.channel) && isText(body.channel.id))) return "its channel has no id";
  if (body.message !== undefined && body.message !== null && !(isObject(body.message) && isText(body.message.ts))) return "its message has no ts";
  if (body.team !== undefined && body.team !== null && !(isObject(body.team) && isText(body.team.id))) return "its team has no id";
  return undefined;
}

function actionsReason(body: Loose): string | undefined {
  const { actions } = body;
  if (!Array.isArray(actions) || actions.length === 0) return "it has no actions";
  for (const action of actions) {
    if (!isObject(action) || !isText(action.action_id)) return "an action has no action_id";
    if (action.value !== undefined && typeof action.value !== "string") return "an action's value is not text";
  }
  return userReason(body) ?? containerReason(body);
}

function viewReason(body: Loose): string | undefined {
  const { view } = body;
  if (!isObject(view)) return "it has no view";
  if (!isText(view.id)) return "its view has no id";
  if (view.callback_id !== undefined && typeof view.callback_id !== "string") return "its view's callback_id is not text";
  if (body.type === "view_submission" && view.state !== undefined && !isObject(view.state)) return "its view state is not an object";
  return userReason(body);
}

/** Slack's own notices that need no listener; the receiver answers them itself. */
export const NOTICE_TYPES = new Set(["app_rate_limited"]);

/** Why `body` is not a request Slack sends, or undefined when it is fine. */
export function malformedReason(body: unknown): string | undefined {
  if (!isObject(body)) return "the body is not a JSON object";
  if (body.type === "url_verification") return isText(body.challenge) ? undefined : "a url_verification request needs a challenge";
  if (typeof body.type === "string" && NOTICE_TYPES.has(body.type)) return undefined;
  if ("event" in body) return eventReason(body);
  if ("command" in body) return commandReason(body);
  if (body.type === "block_actions" || body.type === "interactive_message" || "actions" in body) return actionsReason(body);
  if (body.type === "view_submission" || body.type === "view_closed") return viewReason(body);
  if (body.type === "block_suggestion" || "name" in body) {
    return isText(body.action_id) || isText(body.name) ? userReason(body) : "an options request needs an action_id";
  }
  if (body.type === "shortcut" || body.type === "message_action") return isText(body.callback_id) ? userReason(body) : "a shortcut needs a callback_id";
  return "it is not a kind of request Slack sends (no event, command, actions, view or shortcut)";
}
