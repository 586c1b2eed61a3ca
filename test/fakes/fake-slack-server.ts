/**
 * A local stand-in for the Slack Web API: answers the methods Switchboard calls the way Slack does, records
 * every call (form fields decoded, `blocks`/`view` parsed), can answer 429 with Retry-After on demand, and
 * accepts `respond()` posts at /response/<id>. Point a WebClient at `apiUrl` (slackApiUrl).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  /** What the fake answered (e.g. the ts of a posted message). */
  result?: Record<string, unknown>;
}

export interface FakeSlackOptions {
  botUserId?: string;
  botId?: string;
  teamId?: string;
  /** Members of user groups, for usergroups.users.list. */
  userGroups?: Record<string, string[]>;
  /** Channels the bot is not in: chat.postMessage answers not_in_channel. */
  notInChannels?: string[];
  /** false: answer without keeping calls (long benchmarks). */
  record?: boolean;
  /** Workspace members for users.info, by user id; with a list, an id not in it answers user_not_found. */
  users?: Record<string, { name?: string; email?: string }>;
}

export interface FakeSlackServer {
  apiUrl: string;
  baseUrl: string;
  calls: SlackCall[];
  responses: { id: string; body: Record<string, unknown> }[];
  /** Bytes received at the upload URLs handed out by files.getUploadURLExternal, by file id. */
  uploads: { fileId: string; bytes: Buffer; contentType: string }[];
  callsTo(method: string): SlackCall[];
  /** The next `times` calls to `method` get 429 with Retry-After: seconds. */
  rateLimit(method: string, seconds: number, times?: number): void;
  /** Resolves when `predicate` holds for the recorded calls (checked on each call), or rejects after timeoutMs. */
  waitFor(predicate: (calls: SlackCall[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  const args: Record<string, unknown> = contentType.includes("application/json")
    ? (JSON.parse(raw || "{}") as Record<string, unknown>)
    : Object.fromEntries(new URLSearchParams(raw));
  for (const key of ["blocks", "view", "attachments"]) {
    if (typeof args[key] === "string") {
      try {
        args[key] = JSON.parse(args[key] as string);
      } catch {
        // leave as sent
      }
    }
  }
  return args;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlackServer> {
  const botUserId = options.botUserId ?? "UBOT";
  const teamId = options.teamId ?? "T1";
  const calls: SlackCall[] = [];
  const responses: { id: string; body: Record<string, unknown> }[] = [];
  const limits = new Map<string, { seconds: number; times: number }>();
  const waiters = new Set<() => void>();
  let nextTs = 1_700_000_000_000;
  const uploads: { fileId: string; bytes: Buffer; contentType: string }[] = [];
  let uploadBase = "";
  let nextFile = 0;

  const answer = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    const channel = args.channel as string | undefined;
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://example.slack.com/",
          team: "Example",
          user: "switchboard",
          team_id: teamId,
          user_id: botUserId,
          bot_id: options.botId ?? "BBOT",
        };
      case "chat.postMessage":
        if (channel && options.notInChannels?.includes(channel)) return { ok: false, error: "not_in_channel" };
        nextTs += 1;
        return { ok: true, channel, ts: `${Math.floor(nextTs / 1000)}.${String(nextTs % 1000).padStart(6, "0")}`, message: { text: args.text } };
      case "chat.update":
        return { ok: true, channel, ts: args.ts, text: args.text };
      case "conversations.replies": {
        // The thread as Slack would list it: the bot's posts in it, each with its latest text (needs recording).
        const latest = new Map<string, Record<string, unknown>>();
        for (const call of calls) {
          if (call.args.channel !== channel) continue;
          if (call.method === "chat.postMessage" && call.result?.ts && (call.result.ts === args.ts || call.args.thread_ts === args.ts)) {
            latest.set(String(call.result.ts), {
              type: "message",
              ts: call.result.ts,
              thread_ts: args.ts,
              text: call.args.text,
              bot_id: options.botId ?? "BBOT",
            });
          }
          const known = call.method === "chat.update" ? latest.get(String(call.args.ts)) : undefined;
          if (known) known.text = call.args.text;
        }
        return { ok: true, messages: [...latest.values()], has_more: false };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: `${Math.floor(nextTs / 1000)}.999999` };
      case "views.publish":
      case "views.open":
      case "views.update":
        return { ok: true, view: { id: "V1", ...(args.view as object) } };
      case "users.info": {
        // Without a member list the fake keeps its old plain answer, so tests that never set one are unchanged.
        if (!options.users) return { ok: true };
        const id = args.user as string | undefined;
        const user = id ? options.users?.[id] : undefined;
        if (!id || !user) return { ok: false, error: "user_not_found" };
        const name = user.name ?? id.toLowerCase();
        return {
          ok: true,
          user: { id, team_id: teamId, name, real_name: name, profile: { real_name: name, display_name: name, ...(user.email ? { email: user.email } : {}) } },
        };
      }
      case "files.getUploadURLExternal": {
        if (!args.filename || !args.length) return { ok: false, error: "invalid_arguments" };
        const fileId = `F${String(++nextFile).padStart(6, "0")}`;
        return { ok: true, upload_url: `${uploadBase}/upload/${fileId}`, file_id: fileId };
      }
      case "files.completeUploadExternal": {
        const files = (typeof args.files === "string" ? JSON.parse(args.files) : args.files) as { id: string; title?: string }[] | undefined;
        if (!files?.length) return { ok: false, error: "invalid_arguments" };
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title, name: f.title })) };
      }
      case "usergroups.users.list":
        return { ok: true, users: options.userGroups?.[args.usergroup as string] ?? [] };
      default:
        return { ok: true };
    }
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname.startsWith("/upload/")) {
        uploads.push({ fileId: url.pathname.slice("/upload/".length), bytes: Buffer.concat(chunks), contentType: String(req.headers["content-type"] ?? "") });
        res.writeHead(200, { "content-type": "text/plain" }).end("OK");
        for (const wake of [...waiters]) wake();
        return;
      }
      const raw = Buffer.concat(chunks).toString("utf8");
      if (url.pathname.startsWith("/response/")) {
        if (options.record !== false) responses.push({ id: url.pathname.slice("/response/".length), body: JSON.parse(raw || "{}") });
        res.writeHead(200).end("ok");
        for (const wake of [...waiters]) wake();
        return;
      }
      const method = url.pathname.replace(/^\/api\//, "");
      const args = parseArgs(raw, String(req.headers["content-type"] ?? ""));
      const token = String(req.headers.authorization ?? "").replace(/^Bearer /, "") || undefined;
      const limit = limits.get(method);
      if (limit && limit.times > 0) {
        limit.times -= 1;
        calls.push({ method: `${method} (429)`, args, token });
        answer(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(limit.seconds) });
      } else {
        const result = handle(method, args);
        if (options.record !== false) calls.push({ method, args, token, result });
        answer(res, 200, result);
      }
      for (const wake of [...waiters]) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  uploadBase = baseUrl;

  return {
    apiUrl: `${baseUrl}/api/`,
    baseUrl,
    calls,
    responses,
    uploads,
    callsTo: (method) => calls.filter((c) => c.method === method),
    rateLimit(method, seconds, times = 1) {
      limits.set(method, { seconds, times });
    },
    waitFor(predicate, timeoutMs = 5000) {
      if (predicate(calls)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Timed out waiting for Slack calls; got: ${calls.map((c) => c.method).join(", ")}`));
        }, timeoutMs);
        const check = () => {
          if (!predicate(calls)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
