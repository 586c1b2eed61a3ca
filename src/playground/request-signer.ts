/**
 * Signs requests to the app exactly as Slack does (v0 HMAC-SHA256 of "v0:timestamp:body" with the app's
 * signing secret), so the app's own signature check is what lets the playground in.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { OutgoingRequest } from "./slack-payloads.js";

/** A fresh secret per playground; in the same hex shape as Slack's, so the config accepts it. */
export function generateSigningSecret(): string {
  return randomBytes(16).toString("hex");
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface AppAnswer {
  status: number;
  contentType: string;
  body: string;
}

export async function deliverSigned(url: string, secret: string, request: OutgoingRequest, timeoutMs = 10_000): Promise<AppAnswer> {
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: "POST",
    body: request.body,
    headers: {
      "content-type": request.contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": slackSignature(secret, timestamp, request.body),
      "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots) playground",
    },
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", body: await response.text() };
}
