/**
 * Delivers Intercom-style notifications to one configured URL, signed like Intercom does:
 * X-Hub-Signature: sha1=<hex HMAC-SHA1 of the raw body keyed with the app's client secret>.
 * Deliveries run in the background; `drain()` lets tests and `close()` wait for them.
 */
import { createHmac } from "node:crypto";
import type { Clock, Doc, WebhookSink } from "./types.js";

export interface WebhookConfig {
  url: string;
  secret: string;
  appId: string;
  clock: Clock;
  onError?: (error: unknown, topic: string) => void;
}

export interface Delivery {
  topic: string;
  status: number | "failed";
  id: string;
}

export function signBody(rawBody: string, secret: string): string {
  return `sha1=${createHmac("sha1", secret).update(rawBody).digest("hex")}`;
}

export function notificationEnvelope(topic: string, item: Doc, appId: string, id: string, nowSeconds: number): Doc {
  return {
    type: "notification_event",
    app_id: appId,
    data: { type: "notification_event_data", item },
    links: {},
    id,
    topic,
    delivery_status: "pending",
    delivery_attempts: 1,
    delivered_at: 0,
    first_sent_at: nowSeconds,
    created_at: nowSeconds,
    self: null,
  };
}

export class WebhookDispatcher implements WebhookSink {
  private readonly pending = new Set<Promise<void>>();
  private counter = 0;
  readonly deliveries: Delivery[] = [];

  constructor(private readonly config: WebhookConfig) {}

  emit(topic: string, item: Doc): void {
    this.counter += 1;
    const id = `notif_${String(this.counter).padStart(8, "0")}`;
    const nowSeconds = Math.floor(this.config.clock.now() / 1000);
    const raw = JSON.stringify(notificationEnvelope(topic, item, this.config.appId, id, nowSeconds));
    const delivery = this.send(topic, id, raw);
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async send(topic: string, id: string, raw: string): Promise<void> {
    try {
      const response = await fetch(this.config.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Hub-Signature": signBody(raw, this.config.secret), "User-Agent": "Switchboard-Emulator-Webhooks" },
        body: raw,
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      this.deliveries.push({ topic, id, status: response.status });
      // A receiver that refuses the notification (bad signature, crash) is as worth reporting as one that is down.
      if (!response.ok) this.config.onError?.(new Error(`${this.config.url} answered HTTP ${response.status}`), topic);
    } catch (error) {
      this.deliveries.push({ topic, id, status: "failed" });
      this.config.onError?.(error, topic);
    }
  }
}

/** Used when no webhook URL is configured. */
export const noWebhooks: WebhookSink = { emit: () => {} };
