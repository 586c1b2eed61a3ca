/**
 * The real app for FAQ tests through Slack (createApp, Bolt's HTTP receiver, signed requests, the fake Slack Web
 * API, the emulator), started once per file with the knowledge base synced, and the two clickers both matched
 * to the emulator's first teammate by email.
 */
import { afterAll, beforeAll, expect } from "vitest";
import { notificationEnvelope, signBody } from "../../src/emulator/webhooks.js";
import { type Harness, startHarness } from "../slack/harness.js";

export const CHANNEL = "C0SUPPORT1";
export const CLICKER = "U0CLICKER1";
export const OTHER = "U0OTHER001";

type Doc = Record<string, unknown>;

export interface FaqSlackApp {
  /** The running harness (replaced by a restart). */
  readonly h: Harness;
  /** The teammate replies in the emulator's copy of a conversation. */
  adminReplies(conversationId: string): Doc[];
  /**
   * A customer asks in the emulator (about their PIN unless `bodyHtml`, the message as Intercom stores it, says
   * otherwise), and Intercom's signed notification reaches the app.
   */
  deliverNewConversation(notificationId: string, customerName?: string, bodyHtml?: string): Promise<Doc>;
}

export function useFaqSlackApp(webhookSecret: string): FaqSlackApp {
  const users: Record<string, { email: string }> = {};
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness({ env: { SWITCHBOARD_SUPPORT_CHANNEL: CHANNEL, INTERCOM_CLIENT_SECRET: webhookSecret }, fakeSlack: { users } });
    const admin = h.emulator?.state.all("admins")[0] as { email: string };
    users[CLICKER] = { email: admin.email };
    users[OTHER] = { email: admin.email };
    await h.app.jobs.run("kb-sync");
  });
  afterAll(async () => {
    await h?.close();
  });
  const harness = (): Harness => {
    if (!h) throw new Error("the FAQ Slack app is not started yet (use it inside a test)");
    return h;
  };
  return {
    get h() {
      return harness();
    },
    adminReplies(conversationId) {
      const conversation = harness().emulator?.state.get("conversations", conversationId) as Doc | undefined;
      const parts = ((conversation?.conversation_parts as Doc | undefined)?.conversation_parts as Doc[] | undefined) ?? [];
      return parts.filter((p) => p.part_type === "comment" && (p.author as Doc | undefined)?.type === "admin");
    },
    async deliverNewConversation(notificationId, customerName, bodyHtml = "How do I change my PIN?") {
      const conversation = harness().emulator?.simulate("conversation", { body: bodyHtml }) as Doc;
      if (customerName) ((conversation.source as Doc).author as Doc).name = customerName;
      const raw = JSON.stringify(notificationEnvelope("conversation.user.created", conversation, "app", notificationId, Math.floor(Date.now() / 1000)));
      const delivered = await fetch(harness().url.replace("/slack/events", "/intercom/webhooks"), {
        method: "POST",
        body: raw,
        headers: { "content-type": "application/json", "x-hub-signature": signBody(raw, webhookSecret) },
      });
      expect(delivered.status).toBe(200);
      return conversation;
    },
  };
}
