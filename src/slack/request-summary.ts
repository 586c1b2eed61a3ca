/**
 * One log-friendly line about an incoming Slack request: what it is (command and subcommand, event type,
 * button, modal), who sent it and where. Never the text people typed: that can hold customer data.
 */

export interface RequestSummary {
  kind: string;
  slackUser?: string;
  channel?: string;
  team?: string;
  /** Subcommand, event type, action id or view callback id. */
  what?: string;
}

type Loose = Record<string, unknown> & {
  type?: string;
  command?: string;
  text?: string;
  user_id?: string;
  channel_id?: string;
  team_id?: string;
  user?: { id?: string };
  channel?: { id?: string };
  team?: { id?: string };
  event?: { type?: string; user?: string; channel?: string; subtype?: string };
  actions?: { action_id?: string }[];
  view?: { callback_id?: string };
};

export function summarizeRequest(raw: unknown): RequestSummary {
  const body = (raw ?? {}) as Loose;
  if (typeof body.command === "string") {
    const sub = (body.text ?? "").trim().split(/\s+/)[0]?.toLowerCase() || "help";
    return { kind: "command", what: `${body.command} ${sub}`, slackUser: body.user_id, channel: body.channel_id, team: body.team_id };
  }
  if (body.type === "event_callback" && body.event) {
    const e = body.event;
    return { kind: "event", what: e.subtype ? `${e.type}/${e.subtype}` : e.type, slackUser: e.user, channel: e.channel, team: body.team_id };
  }
  if (body.type === "block_actions") {
    return { kind: "action", what: body.actions?.[0]?.action_id, slackUser: body.user?.id, channel: body.channel?.id, team: body.team?.id };
  }
  if (body.type === "view_submission" || body.type === "view_closed") {
    return { kind: body.type, what: body.view?.callback_id, slackUser: body.user?.id, team: body.team?.id };
  }
  return { kind: typeof body.type === "string" ? body.type : "unknown" };
}
