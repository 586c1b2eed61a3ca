/**
 * Review of the FAQ draft decisions on the real parts (the emulator over HTTP, the fake Slack Web API, a SQLite
 * file, the real write service): what the card and the clicker are told after a failed or uncertain close, a
 * ticket's Send & close, an automatic answer that did not go out, and the words of a failed send.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Persona } from "../../src/agent/personas.js";
import { nodeListener } from "../../src/emulator/server.js";
import { IntercomClient } from "../../src/intercom/client.js";
import { createSilentLogger } from "../../src/logger.js";
import { transactionOn } from "../../src/store/stores.js";
import { WriteLedgerRepo } from "../../src/store/write-ledger-repo.js";
import type { InboxItem } from "../../src/workflows/contracts.js";
import { decideDraft } from "../../src/workflows/faq/draft-decisions.js";
import type { FaqDraft } from "../../src/workflows/faq/drafts-repo.js";
import { createFaqInboxHandler } from "../../src/workflows/faq/handle-inbound.js";
import { createWritesService } from "../../src/writes/writes-service.js";
import { createToolExecutor } from "../../tools/execute.js";
import { allTools } from "../../tools/index.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { adminReplies, autoResolvePersona, CLICKER, type FaqWorld, startFaqWorld, useFaqWorld } from "./support.js";

type Doc = Record<string, unknown>;
const item = (payload: unknown, id: string, topic = "conversation.user.created"): InboxItem => ({
  id,
  source: "intercom",
  topic,
  payload,
  receivedAt: 0,
  attempt: 1,
});
const lastCard = (world: FaqWorld) =>
  JSON.stringify(world.slack.calls.filter((c) => c.method === "chat.update" || c.method === "chat.postMessage").at(-1)?.args.blocks ?? []);

async function pendingDraft(world: FaqWorld, name: string): Promise<{ conversation: Doc; draft: FaqDraft }> {
  const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as Doc;
  await createFaqInboxHandler(world.deps)(item(conversation, name));
  const draft = world.deps.drafts.byMessageKey(`conversation:${conversation.id}:${(conversation.source as Doc).id}`) as FaqDraft;
  expect(draft.status).toBe("pending");
  return { conversation, draft };
}

describe("what a person is told after Send & close", () => {
  const world = useFaqWorld();

  it("a close that Intercom refused after the reply went out: sent, and not closed, in one sentence each", async () => {
    const { conversation, draft } = await pendingDraft(world, "c1");
    // Someone closed it in Intercom meanwhile: the reply still goes out, the close is refused.
    (world.emulator.state.get("conversations", String(conversation.id)) as Doc).state = "closed";
    // Without reads, so the check before the claim (test/faq/draft-stale.test.ts) does not stop it: this is the close
    // refused by Intercom when the conversation closes between that check and the send.
    const result = await decideDraft({ ...world.deps, reads: undefined }, { draftId: draft.id, action: "send_close", slackUserId: CLICKER });
    expect(result.kind).toBe("decided");
    expect(adminReplies(world, String(conversation.id))).toHaveLength(1);
    const outcome = world.deps.drafts.get(draft.id)?.outcome ?? "";
    expect(outcome).toMatch(/^Sent to the customer as .+\. /);
    expect(outcome).toContain("already closed");
    expect(outcome).not.toContain("..");
  });

  it("a ticket's Send & close says the ticket was not closed, instead of staying silent about it", async () => {
    const ticket = world.emulator.simulate("ticket", { body: "How do I change my PIN?", title: "PIN" }) as Doc;
    await createFaqInboxHandler(world.deps)(item(ticket, "t1", "ticket.created"));
    const draft = world.deps.drafts.byMessageKey(`ticket:${ticket.id}`) as FaqDraft;
    expect(draft.status).toBe("pending");
    await decideDraft(world.deps, { draftId: draft.id, action: "send_close", slackUserId: CLICKER });
    const stored = world.deps.drafts.get(draft.id);
    expect(stored?.status).toBe("sent");
    expect(stored?.outcome).toContain("not closed");
    expect(lastCard(world)).toContain("not closed");
  });

  it("a ticket's card names its customer, read from the contact the ticket points to", async () => {
    const ticket = world.emulator.simulate("ticket", { body: "How do I change my PIN?", title: "PIN" }) as Doc;
    const contactId = String(((ticket.contacts as Doc).contacts as Doc[])[0]?.id);
    const contact = world.emulator.state.get("contacts", contactId) as { name?: string };
    expect(contact.name).toBeTruthy();
    await createFaqInboxHandler(world.deps)(item(ticket, "t2", "ticket.created"));
    const draft = world.deps.drafts.byMessageKey(`ticket:${ticket.id}`) as FaqDraft;
    expect(draft.customerName).toBe(contact.name);
    expect(lastCard(world)).toContain(String(contact.name));
  });

  it("a failed send reads as one plain sentence per fact (Intercom's own full stop is not doubled)", async () => {
    const { conversation, draft } = await pendingDraft(world, "c2");
    world.emulator.state.remove("conversations", String(conversation.id));
    // Without reads: the send itself meeting a 404 (gone between the check before the claim and the send).
    await decideDraft({ ...world.deps, reads: undefined }, { draftId: draft.id, action: "send", slackUserId: CLICKER });
    const stored = world.deps.drafts.get(draft.id);
    expect(stored?.status).toBe("failed");
    expect(stored?.outcome).toMatch(/^Could not send: .*404.*Nothing reached the customer\.$/);
    expect(stored?.outcome).not.toContain("..");
    expect(lastCard(world)).not.toMatch(/Sent to|Sending/);
  });

  it("a clicker Switchboard cannot match while Intercom's teammate list is unreadable is not told no teammate has their email", async () => {
    const { conversation, draft } = await pendingDraft(world, "c3");
    // A fresh directory has nothing cached: the admin list is read now, and Intercom answers 5xx.
    const { createTeammateDirectory } = await import("../../src/intercom/teammate-directory.js");
    const { WebClient } = await import("@slack/web-api");
    const web = new WebClient("xoxb-test", { slackApiUrl: world.slack.apiUrl, retryConfig: { retries: 0 } });
    const teammates = createTeammateDirectory({
      slack: web,
      transport: new IntercomClient({ baseUrl: world.emulator.url, token: world.emulator.token, maxRetries: 0 }),
    });
    world.emulator.setFaults({ serverErrorRate: 1 });
    let result: Awaited<ReturnType<typeof decideDraft>>;
    try {
      result = await decideDraft({ ...world.deps, teammates }, { draftId: draft.id, action: "send", slackUserId: CLICKER });
    } finally {
      world.emulator.resetFaults();
    }
    expect(result.kind).toBe("no_teammate");
    const message = (result as { message: string }).message;
    expect(message).not.toMatch(/No Intercom teammate has your Slack email/);
    expect(message).toContain("Nothing was sent");
    expect(adminReplies(world, String(conversation.id))).toHaveLength(0);
    expect(world.deps.drafts.get(draft.id)?.status).toBe("pending");
  });
});

describe("a Send & close whose close gets no answer", () => {
  const temp = makeTempDir();
  let world: FaqWorld;
  let proxy: Server;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  beforeAll(async () => {
    world = await startFaqWorld(temp.dir);
    // In front of the emulator: a close is held (the request has left; no answer comes back in time).
    let url = "";
    proxy = createServer(
      nodeListener(
        async (request) => {
          const body = request.method === "POST" ? await request.clone().text() : "";
          if (body.includes('"message_type":"close"')) await held;
          return world.emulator.handle(request);
        },
        () => url,
      ),
    );
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const transport = new IntercomClient({ baseUrl: url, token: world.emulator.token, maxRetries: 0, timeoutMs: 400 });
    const writes = createWritesService({
      ledger: new WriteLedgerRepo(world.db),
      transaction: transactionOn(world.db),
      audit: world.audit,
      transport,
      tools: allTools,
      executor: createToolExecutor({ transport, tools: allTools }),
      logger: createSilentLogger(),
      teammates: world.deps.teammates,
    });
    world.deps.writes = writes.gated;
  });
  afterAll(async () => {
    release();
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await world.close();
    temp.cleanup();
  });

  it("says the reply was sent and the close may or may not have happened, never that it was not closed", async () => {
    world.deps.persona = world.persona as Persona;
    const { conversation, draft } = await pendingDraft(world, "u1");
    await decideDraft(world.deps, { draftId: draft.id, action: "send_close", slackUserId: CLICKER });
    release();
    expect(adminReplies(world, String(conversation.id))).toHaveLength(1);
    const outcome = world.deps.drafts.get(draft.id)?.outcome ?? "";
    expect(outcome).toMatch(/^Sent to the customer as /);
    expect(outcome).toContain("may or may not");
    expect(outcome).not.toContain("was not closed");
    expect(lastCard(world)).toContain("may or may not");
  });
});

describe("the card of an answer that was meant to go out automatically", () => {
  const world = useFaqWorld({ defaultAdminId: true });

  it("does not say 'answered automatically' when the policy kept it for a person", async () => {
    world.deps.persona = autoResolvePersona(world.persona, "ask");
    const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as Doc;
    await createFaqInboxHandler(world.deps)(item(conversation, "a1"));
    expect(adminReplies(world, String(conversation.id))).toHaveLength(0);
    const card = lastCard(world);
    expect(card).toContain("faq_send");
    expect(card).not.toMatch(/answered automatically/i);
  });

  it("does not say 'answered automatically' when the automatic reply failed", async () => {
    world.deps.persona = autoResolvePersona(world.persona, "auto");
    const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as Doc;
    world.emulator.setFaults({ serverErrorRate: 1 });
    try {
      await createFaqInboxHandler(world.deps)(item(conversation, "a2"));
    } finally {
      world.emulator.resetFaults();
    }
    const card = lastCard(world);
    expect(card).toContain("Could not answer automatically");
    expect(card).not.toMatch(/FAQ answered automatically/);
  });

  it("still says 'answered automatically' when it was", async () => {
    world.deps.persona = autoResolvePersona(world.persona, "auto");
    const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as Doc;
    await createFaqInboxHandler(world.deps)(item(conversation, "a3"));
    expect(adminReplies(world, String(conversation.id))).toHaveLength(1);
    expect(lastCard(world)).toContain("FAQ answered automatically");
  });
});
