import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/server.js";
import type { Doc } from "../../src/emulator/types.js";
import { ManualClock, smallWorkspace, TOKEN } from "./helpers.js";

const SECRET = "client-secret-for-tests";

interface Received {
  topic: string;
  verified: boolean;
  payload: Doc;
}

describe("webhooks", () => {
  let receiver: Server;
  let receiverUrl = "";
  const received: Received[] = [];

  beforeAll(async () => {
    // A real receiver that checks the signature against the raw bytes, as Switchboard's webhook endpoint must.
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks);
        const expected = Buffer.from(`sha1=${createHmac("sha1", SECRET).update(raw).digest("hex")}`);
        const given = Buffer.from(String(req.headers["x-hub-signature"] ?? ""));
        const verified = given.length === expected.length && timingSafeEqual(given, expected);
        const payload = JSON.parse(raw.toString("utf8")) as Doc;
        received.push({ topic: payload.topic, verified, payload });
        res.writeHead(verified ? 200 : 401).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/intercom/webhooks`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it("delivers signed notifications for new conversations, customer replies and new tickets", async () => {
    const em = await startEmulator({ workspace: smallWorkspace(), clock: new ManualClock(), webhookUrl: receiverUrl, webhookSecret: SECRET });
    try {
      const user = em.state.all("contacts").find((c) => c.role === "user")!;
      const headers = { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" };
      const created = await fetch(`${em.url}/conversations`, {
        method: "POST",
        headers,
        body: JSON.stringify({ from: { type: "user", id: user.id }, body: "Where is my card?" }),
      });
      const conversationId = ((await created.json()) as Doc).conversation_id;
      await fetch(`${em.url}/conversations/${conversationId}/reply`, {
        method: "POST",
        headers,
        body: JSON.stringify({ message_type: "comment", type: "user", intercom_user_id: user.id, body: "Hello?" }),
      });
      const simulated = await fetch(`${em.url}/__emulator/simulate`, { method: "POST", headers, body: JSON.stringify({ kind: "ticket" }) });
      expect(simulated.status).toBe(200);
      em.simulate("conversation", { body: "Simulated from code" });
      await em.drainWebhooks();

      expect(received.map((r) => r.topic)).toEqual(["conversation.user.created", "conversation.user.replied", "ticket.created", "conversation.user.created"]);
      expect(received.every((r) => r.verified)).toBe(true);
      const first = received[0].payload;
      expect(first).toMatchObject({
        type: "notification_event",
        app_id: em.state.workspace.id,
        data: { type: "notification_event_data", item: { type: "conversation", id: conversationId } },
      });
      expect(first.id).toMatch(/^notif_/);
      expect(received[2].payload.data.item.type).toBe("ticket");
      expect(received[3].payload.data.item.source.body).toContain("Simulated from code");
      expect(em.webhookDeliveries().map((d) => d.status)).toEqual([200, 200, 200, 200]);
    } finally {
      await em.close();
    }
  });

  it("a receiver with another secret rejects the signature", async () => {
    received.length = 0;
    const failures: string[] = [];
    const em = await startEmulator({
      workspace: smallWorkspace(),
      clock: new ManualClock(),
      webhookUrl: receiverUrl,
      webhookSecret: "wrong-secret",
      onWebhookError: (error, topic) => failures.push(`${topic}: ${(error as Error).message}`),
    });
    try {
      em.simulate("reply");
      await em.drainWebhooks();
      expect(received).toHaveLength(1);
      expect(received[0].verified).toBe(false);
      expect(em.webhookDeliveries()[0].status).toBe(401);
      // The operator hears about the refusal instead of a silent drop.
      expect(failures).toEqual([expect.stringMatching(/^conversation\.user\.replied: .*answered HTTP 401$/)]);
    } finally {
      await em.close();
    }
  });
});
