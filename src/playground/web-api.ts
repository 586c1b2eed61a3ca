/**
 * The Slack Web API methods Switchboard calls, answered the way Slack answers them (same fields, same error
 * codes), against the playground's state instead of a real workspace. One function per method family keeps
 * each answer next to the state change it makes.
 */
import { withBlockIds } from "./block-ids.js";
import type { FileRef, SlackState, StoredMessage } from "./slack-state.js";
import { findUser, type PlaygroundUser, type PlaygroundWorkspace, resolveChannel } from "./workspace.js";

export type ApiArgs = Record<string, unknown>;
export type ApiResult = Record<string, unknown> & { ok: boolean };

export interface WebApiContext {
  state: SlackState;
  workspace: PlaygroundWorkspace;
  /** Base URL of the playground server, for upload URLs, file URLs and permalinks. */
  baseUrl: string;
}

const fail = (error: string, extra: Record<string, unknown> = {}): ApiResult => ({ ok: false, error, ...extra });
const str = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** Slack sends JSON-valued fields as strings in form posts; accept both. */
function jsonField(value: unknown): unknown {
  if (typeof value !== "string") return value;
  if (value === "") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

export function messageJson(message: StoredMessage): Record<string, unknown> {
  return {
    type: "message",
    ts: message.ts,
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    ...(message.user ? { user: message.user } : {}),
    ...(message.botId ? { bot_id: message.botId } : {}),
    text: message.text,
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.files ? { files: message.files.map((f) => ({ id: f.id, name: f.name, title: f.title, mimetype: f.mimetype, url_private: f.url })) } : {}),
  };
}

function userJson(user: PlaygroundUser, teamId: string): Record<string, unknown> {
  return {
    id: user.id,
    team_id: teamId,
    name: user.name,
    real_name: user.realName,
    deleted: false,
    is_bot: user.isBot,
    is_admin: !user.isBot,
    tz: "UTC",
    tz_offset: 0,
    profile: {
      real_name: user.realName,
      display_name: user.realName,
      ...(user.email ? { email: user.email } : {}),
      ...(user.botId ? { bot_id: user.botId } : {}),
    },
  };
}

function channelJson(ctx: WebApiContext, id: string): Record<string, unknown> | undefined {
  const channel = resolveChannel(ctx.workspace, id);
  if (!channel) return undefined;
  if (channel.kind === "im") return { id: channel.id, is_im: true, user: channel.user, is_member: true };
  return {
    id: channel.id,
    name: channel.name,
    is_channel: true,
    is_private: false,
    is_member: true,
    is_archived: false,
    purpose: { value: channel.purpose },
    topic: { value: "" },
  };
}

function postMessage(ctx: WebApiContext, args: ApiArgs): ApiResult {
  const channel = resolveChannel(ctx.workspace, args.channel);
  if (!channel) return fail("channel_not_found");
  const blocks = jsonField(args.blocks);
  const text = str(args.text) ?? "";
  if (!text && !Array.isArray(blocks)) return fail("no_text");
  const threadTs = str(args.thread_ts);
  if (threadTs && !ctx.state.findMessage(channel.id, threadTs)) return fail("thread_not_found");
  const message = ctx.state.addMessage({
    channel: channel.id,
    threadTs,
    user: ctx.workspace.bot.id,
    botId: ctx.workspace.bot.botId,
    text,
    blocks: Array.isArray(blocks) ? withBlockIds(blocks, ctx.state.nextId("b")) : undefined,
  });
  return { ok: true, channel: channel.id, ts: message.ts, message: messageJson(message) };
}

function updateMessage(ctx: WebApiContext, args: ApiArgs): ApiResult {
  const channel = resolveChannel(ctx.workspace, args.channel);
  if (!channel) return fail("channel_not_found");
  const message = ctx.state.findMessage(channel.id, str(args.ts) ?? "");
  if (!message || message.ephemeralTo) return fail("message_not_found");
  if (message.user !== ctx.workspace.bot.id) return fail("cant_update_message");
  const blocks = jsonField(args.blocks);
  if (typeof args.text === "string") message.text = args.text;
  if (Array.isArray(blocks)) message.blocks = withBlockIds(blocks, ctx.state.nextId("b"));
  message.edited = true;
  ctx.state.changed();
  return { ok: true, channel: channel.id, ts: message.ts, text: message.text, message: messageJson(message) };
}

function postEphemeral(ctx: WebApiContext, args: ApiArgs): ApiResult {
  const channel = resolveChannel(ctx.workspace, args.channel);
  if (!channel) return fail("channel_not_found");
  const user = findUser(ctx.workspace, args.user);
  if (!user) return fail("user_not_found");
  const blocks = jsonField(args.blocks);
  const message = ctx.state.addMessage({
    channel: channel.id,
    threadTs: str(args.thread_ts),
    user: ctx.workspace.bot.id,
    botId: ctx.workspace.bot.botId,
    text: str(args.text) ?? "",
    blocks: Array.isArray(blocks) ? withBlockIds(blocks, ctx.state.nextId("b")) : undefined,
    ephemeralTo: user.id,
  });
  return { ok: true, message_ts: message.ts };
}

function openView(ctx: WebApiContext, args: ApiArgs, push: boolean): ApiResult {
  const trigger = ctx.state.triggers.get(str(args.trigger_id) ?? "");
  if (!trigger) return fail("invalid_trigger_id");
  // A trigger is good for one view, as in Slack.
  ctx.state.triggers.delete(str(args.trigger_id)!);
  const view = jsonField(args.view) as Record<string, unknown> | undefined;
  if (view?.type !== "modal") return fail("invalid_arguments", { response_metadata: { messages: ["[ERROR] view.type must be modal"] } });
  const stack = ctx.state.modalStacks.get(trigger.userId) ?? [];
  if (push && stack.length === 0) return fail("not_allowed");
  if (stack.length >= 3) return fail("push_limit_reached");
  const stored = storeView(ctx, view, "modal", trigger.userId);
  ctx.state.modalStacks.set(trigger.userId, push ? [...stack, stored.id] : [stored.id]);
  ctx.state.changed();
  return { ok: true, view: viewJson(stored) };
}

function storeView(ctx: WebApiContext, view: Record<string, unknown>, type: "modal" | "home", userId: string, id?: string) {
  const blocks = Array.isArray(view.blocks) ? withBlockIds(view.blocks, ctx.state.nextId("b")) : [];
  const stored = {
    id: id ?? ctx.state.nextId("V"),
    type,
    userId,
    view: { ...view, blocks },
    hash: `${Date.now()}.${ctx.state.nextId("")}`,
    externalId: str(view.external_id),
  };
  ctx.state.views.set(stored.id, stored);
  return stored;
}

export function viewJson(stored: { id: string; type: string; view: Record<string, unknown>; hash: string }): Record<string, unknown> {
  return { ...stored.view, id: stored.id, type: stored.type, hash: stored.hash, team_id: "T0PLAYGRND", app_id: "A0SWITCHBD" };
}

function updateView(ctx: WebApiContext, args: ApiArgs): ApiResult {
  const byId = str(args.view_id);
  const byExternal = str(args.external_id);
  const existing = [...ctx.state.views.values()].find((v) => (byId && v.id === byId) || (byExternal && v.externalId === byExternal));
  if (!existing) return fail("not_found");
  if (str(args.hash) && args.hash !== existing.hash) return fail("hash_conflict");
  const view = jsonField(args.view) as Record<string, unknown> | undefined;
  if (!view) return fail("invalid_arguments");
  const stored = storeView(ctx, view, existing.type, existing.userId, existing.id);
  ctx.state.changed();
  return { ok: true, view: viewJson(stored) };
}

function publishView(ctx: WebApiContext, args: ApiArgs): ApiResult {
  const user = findUser(ctx.workspace, args.user_id);
  if (!user || user.isBot) return fail("user_not_found");
  const view = jsonField(args.view) as Record<string, unknown> | undefined;
  if (view?.type !== "home") return fail("invalid_arguments", { response_metadata: { messages: ["[ERROR] view.type must be home"] } });
  const existing = [...ctx.state.views.values()].find((v) => v.type === "home" && v.userId === user.id);
  const stored = storeView(ctx, view, "home", user.id, existing?.id);
  ctx.state.changed();
  return { ok: true, view: viewJson(stored) };
}

function getUploadUrl(ctx: WebApiContext, args: ApiArgs): ApiResult {
  const filename = str(args.filename);
  if (!filename) return fail("invalid_arguments");
  const id = ctx.state.nextId("F");
  const ref: FileRef = {
    id,
    name: filename,
    title: filename,
    mimetype: /\.png$/i.test(filename) ? "image/png" : "application/octet-stream",
    url: `${ctx.baseUrl}/files/${id}/${encodeURIComponent(filename)}`,
    altText: str(args.alt_text),
  };
  ctx.state.files.set(id, { ref, bytes: Buffer.alloc(0), complete: false });
  return { ok: true, upload_url: `${ctx.baseUrl}/upload/${id}`, file_id: id };
}

function completeUpload(ctx: WebApiContext, args: ApiArgs): ApiResult {
  const list = jsonField(args.files);
  if (!Array.isArray(list) || list.length === 0) return fail("invalid_arguments");
  const refs: FileRef[] = [];
  for (const item of list as { id?: string; title?: string }[]) {
    const file = ctx.state.files.get(String(item.id));
    if (!file || file.bytes.length === 0) return fail("file_not_found");
    file.complete = true;
    if (item.title) file.ref.title = item.title;
    refs.push(file.ref);
  }
  const channelRef = str(args.channel_id) ?? str(args.channels);
  if (channelRef) {
    const channel = resolveChannel(ctx.workspace, channelRef);
    if (!channel) return fail("channel_not_found");
    ctx.state.addMessage({
      channel: channel.id,
      threadTs: str(args.thread_ts),
      user: ctx.workspace.bot.id,
      botId: ctx.workspace.bot.botId,
      text: str(args.initial_comment) ?? "",
      blocks: Array.isArray(jsonField(args.blocks)) ? (jsonField(args.blocks) as unknown[]) : undefined,
      files: refs,
    });
  } else ctx.state.changed();
  return { ok: true, files: refs.map((f) => ({ id: f.id, title: f.title, name: f.name, mimetype: f.mimetype, url_private: f.url })) };
}

function history(ctx: WebApiContext, args: ApiArgs, replies: boolean): ApiResult {
  const channel = resolveChannel(ctx.workspace, args.channel);
  if (!channel) return fail("channel_not_found");
  const visible = ctx.state.messages.filter((m) => m.channel === channel.id && !m.ephemeralTo);
  if (replies) {
    const ts = str(args.ts);
    const parent = visible.find((m) => m.ts === ts);
    if (!parent) return fail("thread_not_found");
    return { ok: true, messages: [parent, ...visible.filter((m) => m.threadTs === ts && m.ts !== ts)].map(messageJson), has_more: false };
  }
  const top = visible.filter((m) => !m.threadTs || m.threadTs === m.ts).reverse();
  const limit = Number(args.limit) > 0 ? Number(args.limit) : 100;
  return { ok: true, messages: top.slice(0, limit).map(messageJson), has_more: top.length > limit };
}

function reaction(ctx: WebApiContext, args: ApiArgs, add: boolean): ApiResult {
  const channel = resolveChannel(ctx.workspace, args.channel);
  const message = channel ? ctx.state.findMessage(channel.id, str(args.timestamp) ?? "") : undefined;
  if (!message) return fail("message_not_found");
  const name = str(args.name);
  if (!name) return fail("invalid_name");
  const bot = ctx.workspace.bot.id;
  const existing = message.reactions.find((r) => r.name === name);
  if (add) {
    if (existing?.users.includes(bot)) return fail("already_reacted");
    if (existing) existing.users.push(bot);
    else message.reactions.push({ name, users: [bot] });
  } else {
    if (!existing?.users.includes(bot)) return fail("no_reaction");
    existing.users = existing.users.filter((u) => u !== bot);
    message.reactions = message.reactions.filter((r) => r.users.length > 0);
  }
  ctx.state.changed();
  return { ok: true };
}

/** Answers one Web API call; `undefined` means Slack has no such method (the caller answers unknown_method). */
export function handleWebApi(ctx: WebApiContext, method: string, args: ApiArgs): ApiResult | undefined {
  const { workspace } = ctx;
  switch (method) {
    case "api.test":
      return { ok: true, args };
    case "auth.test":
      return {
        ok: true,
        url: "http://playground.slack.local/",
        team: workspace.teamName,
        user: workspace.bot.name,
        team_id: workspace.teamId,
        user_id: workspace.bot.id,
        bot_id: workspace.bot.botId,
        is_enterprise_install: false,
      };
    case "team.info":
      return { ok: true, team: { id: workspace.teamId, name: workspace.teamName, domain: "playground" } };
    case "bots.info":
      return { ok: true, bot: { id: workspace.bot.botId, name: workspace.bot.name, app_id: workspace.appId, user_id: workspace.bot.id, deleted: false } };
    case "chat.postMessage":
      return postMessage(ctx, args);
    case "chat.update":
      return updateMessage(ctx, args);
    case "chat.postEphemeral":
      return postEphemeral(ctx, args);
    case "chat.delete": {
      const channel = resolveChannel(workspace, args.channel);
      if (!channel) return fail("channel_not_found");
      return ctx.state.removeMessage(channel.id, str(args.ts) ?? "") ? { ok: true, channel: channel.id, ts: args.ts } : fail("message_not_found");
    }
    case "chat.getPermalink": {
      const channel = resolveChannel(workspace, args.channel);
      if (!channel || !ctx.state.findMessage(channel.id, str(args.message_ts) ?? "")) return fail("message_not_found");
      return { ok: true, channel: channel.id, permalink: `${ctx.baseUrl}/#${channel.id}/${args.message_ts}` };
    }
    case "views.open":
      return openView(ctx, args, false);
    case "views.push":
      return openView(ctx, args, true);
    case "views.update":
      return updateView(ctx, args);
    case "views.publish":
      return publishView(ctx, args);
    case "users.info": {
      const user = findUser(workspace, args.user);
      return user ? { ok: true, user: userJson(user, workspace.teamId) } : fail("user_not_found");
    }
    case "users.list":
      return { ok: true, members: [workspace.bot, workspace.person].map((u) => userJson(u, workspace.teamId)), response_metadata: { next_cursor: "" } };
    case "users.lookupByEmail": {
      const user = [workspace.person].find((u) => u.email.toLowerCase() === String(args.email ?? "").toLowerCase());
      return user ? { ok: true, user: userJson(user, workspace.teamId) } : fail("users_not_found");
    }
    case "usergroups.list":
      return { ok: true, usergroups: [] };
    case "usergroups.users.list":
      return fail("no_such_subteam");
    case "conversations.info": {
      const channel = channelJson(ctx, String(args.channel ?? ""));
      return channel ? { ok: true, channel } : fail("channel_not_found");
    }
    case "conversations.list":
      return {
        ok: true,
        channels: workspace.channels.filter((c) => c.kind === "channel").map((c) => channelJson(ctx, c.id)),
        response_metadata: { next_cursor: "" },
      };
    case "conversations.members":
      return resolveChannel(workspace, args.channel)
        ? { ok: true, members: [workspace.bot.id, workspace.person.id], response_metadata: { next_cursor: "" } }
        : fail("channel_not_found");
    case "conversations.join": {
      const channel = channelJson(ctx, String(args.channel ?? ""));
      return channel ? { ok: true, channel } : fail("channel_not_found");
    }
    case "conversations.open": {
      const users = String(args.users ?? args.user ?? "").split(",");
      if (users.length === 1 && users[0] === workspace.person.id) return { ok: true, channel: { id: workspace.dmChannel } };
      return fail("user_not_found");
    }
    case "conversations.history":
      return history(ctx, args, false);
    case "conversations.replies":
      return history(ctx, args, true);
    case "reactions.add":
      return reaction(ctx, args, true);
    case "reactions.remove":
      return reaction(ctx, args, false);
    case "files.getUploadURLExternal":
      return getUploadUrl(ctx, args);
    case "files.completeUploadExternal":
      return completeUpload(ctx, args);
    case "files.info": {
      const file = ctx.state.files.get(String(args.file ?? ""));
      return file?.complete
        ? { ok: true, file: { id: file.ref.id, name: file.ref.name, title: file.ref.title, mimetype: file.ref.mimetype, url_private: file.ref.url } }
        : fail("file_not_found");
    }
    default:
      return undefined;
  }
}
