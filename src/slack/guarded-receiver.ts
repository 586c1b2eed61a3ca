/**
 * Bolt's HTTP receiver with a guard in front of /slack/events. The guard reads the body once, refuses what
 * Slack never sends (a bad or missing signature, a timestamp more than five minutes away either way: 401; a
 * body that does not parse or lacks what its kind needs: 400), all at once and with X-Slack-No-Retry, and
 * hands everything else to Bolt, which reuses the body it read. Nothing that reaches Bolt can crash its
 * receiver, and every request is counted until it is answered (AckPressure) so work after an ack can yield.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { type CustomRoute, HTTPReceiver } from "@slack/bolt";
import type { Logger } from "../logger.js";
import type { AckPressure } from "./ack-pressure.js";
import { checkSlackRequest } from "./request-check.js";
import { NOTICE_TYPES } from "./request-shape.js";

/** Bolt's own default: larger bodies are answered 413. */
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

export interface GuardedReceiverOptions {
  signingSecret: string;
  endpoint: string;
  customRoutes: CustomRoute[];
  logger: Logger;
  /** Bolt's logger, for the receiver's own lines. */
  boltLogger: ConstructorParameters<typeof HTTPReceiver>[0]["logger"];
  pressure: AckPressure;
  /** Milliseconds since the epoch (tests pin the clock). */
  nowMs?: () => number;
  /** Bolt's hook: what it returns is merged into each request's context (the durable intake reads the raw request). */
  customPropertiesExtractor?: ConstructorParameters<typeof HTTPReceiver>[0]["customPropertiesExtractor"];
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function refuse(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "x-slack-no-retry": "1" });
  res.end(`${message}\n`);
}

export function createGuardedReceiver(options: GuardedReceiverOptions): HTTPReceiver {
  const { logger, pressure, endpoint } = options;
  const nowMs = options.nowMs ?? Date.now;
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: [endpoint],
    customRoutes: options.customRoutes,
    logger: options.boltLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    ...(options.customPropertiesExtractor ? { customPropertiesExtractor: options.customPropertiesExtractor } : {}),
  });
  const bolt: RequestListener = receiver.requestListener;

  const guard = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const done = pressure.begin();
    res.once("finish", done);
    res.once("close", done);
    let rawBody: Buffer;
    try {
      rawBody = await readBody(req, BODY_LIMIT_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge) refuse(res, 413, "The request body is larger than 4 MB.");
      else refuse(res, 400, "The request body could not be read.");
      return;
    }
    const verdict = checkSlackRequest({ headers: req.headers, rawBody }, options.signingSecret, nowMs());
    if (!verdict.ok) {
      logger.warn({ status: verdict.status, reason: verdict.reason }, "Refused a request to /slack/events");
      refuse(
        res,
        verdict.status,
        verdict.status === 401 ? "The request is not signed by Slack, or its timestamp is too far from now." : `Bad request: ${verdict.reason}.`,
      );
      return;
    }
    const type = (verdict.body as { type?: unknown }).type;
    if (typeof type === "string" && NOTICE_TYPES.has(type)) {
      logger.warn({ notice: type }, "Slack sent a notice");
      res.writeHead(200).end();
      return;
    }
    // Bolt reads `rawBody` instead of the stream when it is already there.
    Object.assign(req, { rawBody });
    bolt(req, res);
  };

  receiver.requestListener = (req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    if (pathname !== endpoint || req.method?.toUpperCase() !== "POST") {
      bolt(req, res);
      return;
    }
    guard(req, res).catch((error: unknown) => {
      logger.error({ err: error }, "The Slack request guard failed");
      refuse(res, 500, "Switchboard could not handle this request.");
    });
  };
  return receiver;
}
