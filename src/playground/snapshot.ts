/** What the page needs to draw itself, from the playground's state: one JSON object, sent on every change. */
import type { DemoTopic } from "./demo-controls.js";
import type { SlackState } from "./slack-state.js";
import { viewJson } from "./web-api.js";
import type { PlaygroundWorkspace } from "./workspace.js";

export interface SnapshotExtras {
  modelConfigured: boolean;
  appAttached: boolean;
  topics: readonly DemoTopic[];
}

export function buildSnapshot(state: SlackState, ws: PlaygroundWorkspace, extras: SnapshotExtras): Record<string, unknown> {
  const person = ws.person.id;
  const home = [...state.views.values()].find((v) => v.type === "home" && v.userId === person);
  const stack = state.modalStacks.get(person) ?? [];
  const top = stack.length > 0 ? state.views.get(stack[stack.length - 1]) : undefined;
  return {
    version: state.version,
    team: ws.teamName,
    bot: { id: ws.bot.id, name: ws.bot.name, realName: ws.bot.realName },
    person: { id: ws.person.id, name: ws.person.realName, email: ws.person.email },
    users: Object.fromEntries([ws.bot, ws.person].map((u) => [u.id, u.realName])),
    channels: ws.channels.map((c) => ({ id: c.id, name: c.name, kind: c.kind, purpose: c.purpose })),
    messages: state.messages
      .filter((m) => !m.ephemeralTo || m.ephemeralTo === person)
      .map((m) => ({
        channel: m.channel,
        ts: m.ts,
        threadTs: m.threadTs,
        user: m.user,
        author: m.author,
        text: m.text,
        blocks: m.blocks,
        files: m.files,
        ephemeral: Boolean(m.ephemeralTo),
        edited: m.edited,
        reactions: m.reactions.map((r) => ({ name: r.name, count: r.users.length })),
      })),
    home: home ? viewJson(home) : null,
    modal: top ? viewJson(top) : null,
    notices: state.notices,
    ...extras,
  };
}
