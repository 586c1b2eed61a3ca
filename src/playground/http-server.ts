/**
 * The playground's one HTTP server: the page and its live updates (server-sent events), the page's own
 * actions (/ui/*), the Slack Web API stand-in (/api/<method>), file uploads and downloads, response_url
 * posts, and a relay that passes the emulator's signed Intercom webhooks on to the app unchanged.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../logger.js";
import type { AppGateway } from "./app-gateway.js";
import { type DemoControls, DemoError } from "./demo-controls.js";
import type { PageAssets } from "./page-assets.js";
import type { SlackState } from "./slack-state.js";
import { type ApiArgs, handleWebApi, type WebApiContext } from "./web-api.js";

export interface HttpServerOptions {
  state: SlackState;
  api: WebApiContext;
  gateway: AppGateway;
  demo: DemoControls;
  assets: PageAssets;
  botToken: string;
  snapshot: () => Record<string, unknown>;
  appUrl: () => string | undefined;
  logger: Logger;
}

const MAX_BODY = 20 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new DemoError("The request is too large.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), "cache-control": "no-store", ...extra });
  res.end(body);
}
const json = (res: ServerResponse, status: number, body: unknown) => send(res, status, JSON.stringify(body), "application/json; charset=utf-8");

function parseApiArgs(raw: Buffer, contentType: string, query: URLSearchParams): ApiArgs {
  const args: ApiArgs = Object.fromEntries(query);
  const text = raw.toString("utf8");
  if (contentType.includes("application/json")) Object.assign(args, text ? JSON.parse(text) : {});
  else Object.assign(args, Object.fromEntries(new URLSearchParams(text)));
  return args;
}

/** The upload URL gets the file as multipart/form-data from WebClient, or as the raw bytes from other clients. */
async function uploadedBytes(raw: Buffer, contentType: string): Promise<Buffer> {
  if (!contentType.includes("multipart/form-data")) return raw;
  const form = await new Response(new Uint8Array(raw), { headers: { "content-type": contentType } }).formData();
  for (const value of form.values()) {
    if (typeof value !== "string") return Buffer.from(await value.arrayBuffer());
  }
  const first = form.values().next().value;
  return Buffer.from(typeof first === "string" ? first : "");
}

export function createPlaygroundServer(options: HttpServerOptions): Server {
  const { state, gateway, demo, assets, logger } = options;
  const streams = new Set<ServerResponse>();
  let scheduled = false;
  state.onChange(() => {
    if (scheduled) return;
    scheduled = true;
    // Many changes in one tick (a card and its thread) become one push.
    setImmediate(() => {
      scheduled = false;
      const data = `event: state\ndata: ${JSON.stringify(options.snapshot())}\n\n`;
      for (const stream of streams) stream.write(data);
    });
  });

  const ui = async (path: string, body: Record<string, unknown>): Promise<unknown> => {
    const s = (key: string) => (typeof body[key] === "string" ? (body[key] as string) : undefined);
    switch (path) {
      case "/ui/compose":
        await gateway.compose(s("channel") ?? "", s("text") ?? "", s("threadTs"));
        return {};
      case "/ui/action":
        await gateway.act(
          { channel: s("channel"), ts: s("ts"), viewId: s("viewId") },
          s("blockId") ?? "",
          s("actionId") ?? "",
          s("value"),
          (body.entered as Record<string, Record<string, string>>) ?? {},
        );
        return {};
      case "/ui/view-submit":
        return gateway.submitView(s("viewId") ?? "", (body.values as Record<string, Record<string, string>>) ?? {});
      case "/ui/view-close":
        await gateway.closeView(s("viewId") ?? "");
        return {};
      case "/ui/home":
        await gateway.openHome();
        return {};
      case "/ui/demo/customer":
        return { summary: await demo.customerWrites({ body: s("body"), topic: s("topic") }) };
      case "/ui/demo/angry":
        return { summary: await demo.angryReply() };
      case "/ui/demo/digest":
        return { summary: await demo.digest() };
      case "/ui/demo/reset":
        return { summary: await demo.reset() };
      default:
        return undefined;
    }
  };

  const relayWebhook = async (raw: Buffer, req: IncomingMessage, res: ServerResponse) => {
    const appUrl = options.appUrl();
    if (!appUrl) return send(res, 503, "the app is not running", "text/plain");
    const headers: Record<string, string> = { "content-type": String(req.headers["content-type"] ?? "application/json") };
    for (const name of ["x-hub-signature", "user-agent"]) if (req.headers[name]) headers[name] = String(req.headers[name]);
    try {
      const answer = await fetch(`${appUrl}/intercom/webhooks`, { method: "POST", headers, body: new Uint8Array(raw), signal: AbortSignal.timeout(10_000) });
      const text = await answer.text();
      if (!answer.ok) logger.warn({ status: answer.status }, "The app did not accept an Intercom webhook from the emulator");
      send(res, answer.status, text, answer.headers.get("content-type") ?? "text/plain");
    } catch (error) {
      logger.warn({ err: error }, "Could not pass an Intercom webhook on to the app");
      send(res, 502, "the app did not answer", "text/plain");
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://playground.local");
    const path = url.pathname;
    const method = req.method ?? "GET";
    if (method === "GET") {
      const asset = assets.get(path);
      if (asset) return send(res, 200, asset.body, asset.type);
      if (path === "/state") return json(res, 200, options.snapshot());
      if (path === "/events") {
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
        res.write(`event: state\ndata: ${JSON.stringify(options.snapshot())}\n\n`);
        streams.add(res);
        const ping = setInterval(() => res.write(": ping\n\n"), 15_000);
        ping.unref();
        req.on("close", () => {
          clearInterval(ping);
          streams.delete(res);
        });
        return;
      }
      const file = /^\/files\/([A-Z0-9]+)\//.exec(path);
      if (file) {
        const stored = state.files.get(file[1]);
        if (!stored?.complete) return send(res, 404, "no such file", "text/plain");
        return send(res, 200, stored.bytes, stored.ref.mimetype);
      }
      return send(res, 404, "not found", "text/plain");
    }
    if (method !== "POST") return send(res, 405, "method not allowed", "text/plain");
    const raw = await readBody(req);
    const contentType = String(req.headers["content-type"] ?? "");
    if (path.startsWith("/api/")) {
      const apiMethod = path.slice("/api/".length);
      const args = parseApiArgs(raw, contentType, url.searchParams);
      const token = String(req.headers.authorization ?? "").replace(/^Bearer\s+/i, "") || (typeof args.token === "string" ? args.token : "");
      if (!token) return json(res, 200, { ok: false, error: "not_authed" });
      if (token !== options.botToken) return json(res, 200, { ok: false, error: "invalid_auth" });
      const result = handleWebApi(options.api, apiMethod, args);
      if (!result) logger.warn({ method: apiMethod }, "The app called a Slack method the playground does not know");
      return json(res, 200, result ?? { ok: false, error: "unknown_method" });
    }
    const upload = /^\/upload\/([A-Z0-9]+)$/.exec(path);
    if (upload) {
      const stored = state.files.get(upload[1]);
      if (!stored) return send(res, 404, "no such upload", "text/plain");
      stored.bytes = await uploadedBytes(raw, contentType);
      return send(res, 200, `OK - ${stored.bytes.length}`, "text/plain");
    }
    const response = /^\/response\/([A-Z0-9]+)$/.exec(path);
    if (response) {
      const body = JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>;
      return gateway.respond(response[1], body) ? send(res, 200, "ok", "text/plain") : send(res, 404, "expired_url", "text/plain");
    }
    if (path === "/intercom/webhooks") return relayWebhook(raw, req, res);
    if (path.startsWith("/ui/")) {
      // Only the page's own script sends JSON here; a form on another site cannot without a CORS preflight.
      if (!contentType.includes("application/json")) return json(res, 415, { error: "Send JSON." });
      const body = JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>;
      const result = await ui(path, body);
      return result === undefined ? json(res, 404, { error: "No such playground action." }) : json(res, 200, result);
    }
    return send(res, 404, "not found", "text/plain");
  };

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const plain = error instanceof DemoError || (error instanceof Error && !(error instanceof SyntaxError) && error.message.length < 300);
      if (!(error instanceof DemoError)) logger.warn({ err: error, path: req.url }, "Playground request failed");
      if (!res.headersSent) json(res, 400, { error: plain ? (error as Error).message : "That request could not be read." });
    });
  });
}
