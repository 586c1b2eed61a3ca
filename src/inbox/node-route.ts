/**
 * Puts a raw-body route handler (the Intercom webhook) behind node:http's request/response, for Bolt's
 * customRoutes in HTTP mode and for the small server Socket Mode keeps on PORT.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { HeaderBag } from "./intercom-webhook.js";

export type RawRouteHandler = (rawBody: Buffer, headers: HeaderBag) => Promise<{ status: number; body: unknown }>;

/** Intercom's notifications are small; anything far larger is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

export function toNodeRoute(handler: RawRouteHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const send = (status: number, body: unknown) => {
      if (res.headersSent) return;
      const text = JSON.stringify(body);
      res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
      res.end(text);
    };
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("error", () => send(400, { ok: false, message: "The request body could not be read." }));
    req.on("end", () => {
      if (tooLarge) return send(413, { ok: false, message: "The body is too large for an Intercom notification." });
      handler(Buffer.concat(chunks), req.headers)
        .then((answer) => send(answer.status, answer.body))
        .catch(() => send(500, { ok: false, message: "The notification could not be handled." }));
    });
  };
}
