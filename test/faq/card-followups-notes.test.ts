/**
 * What a draft card keeps on every refresh, on the real parts (the emulator's demo help center over HTTP, the
 * fake Slack Web API, a SQLite file): the internal-article notes it was first posted with, stored with the draft
 * (and a database from before they were stored upgrades cleanly), and outcomes written as plain words, so the card
 * never shows a Slack mention as raw code and a stored outcome never comes alive as markup.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase, schemaVersion } from "../../src/store/database.js";
import { migrations } from "../../src/store/migrations.js";
import type { InboxItem } from "../../src/workflows/contracts.js";
import { draftCardInput } from "../../src/workflows/faq/card-input.js";
import { decideDraft } from "../../src/workflows/faq/draft-decisions.js";
import { type FaqDraft, FaqDraftsRepo } from "../../src/workflows/faq/drafts-repo.js";
import { createFaqInboxHandler } from "../../src/workflows/faq/handle-inbound.js";
import { resumeInterruptedDrafts } from "../../src/workflows/faq/resume-drafts.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { formattedTexts, shownText } from "./draft-card-view.js";
import { CLICKER, type FaqWorld, OTHER, STRANGER, useFaqWorld } from "./support.js";

type Doc = Record<string, unknown>;
const CHANNEL = "C0SUPPORT1";
const NOTE_MARK = "Internal article, for teammates only";
/** In the demo help center this finds the public refund article and the internal "Refund approval limits". */
const REFUND = "Can I get a refund?";

const item = (payload: unknown, id: string): InboxItem => ({ id, source: "intercom", topic: "conversation.user.created", payload, receivedAt: 0, attempt: 1 });

async function pendingDraft(world: FaqWorld, itemId: string, body: string): Promise<FaqDraft> {
  const conversation = world.emulator.simulate("conversation", { body }) as Doc;
  await createFaqInboxHandler(world.deps)(item(conversation, itemId));
  const draft = world.deps.drafts.byMessageKey(`conversation:${conversation.id}:${(conversation.source as Doc).id}`) as FaqDraft;
  expect(draft.status).toBe("pending");
  expect(draft.messageTs).toBeDefined();
  return draft;
}

const updatesOf = (world: FaqWorld, draft: FaqDraft) => world.slack.callsTo("chat.update").filter((c) => c.args.ts === draft.messageTs);
const postOf = (world: FaqWorld, draft: FaqDraft) =>
  world.slack.callsTo("chat.postMessage").find((c) => JSON.stringify(c.args.blocks ?? []).includes(draft.id));

describe("internal-article notes on a draft card", () => {
  const world = useFaqWorld();

  it("are still on the card after a decision refreshes it", async () => {
    const draft = await pendingDraft(world, "notes-1", REFUND);
    const first = shownText(postOf(world, draft)?.args.blocks);
    expect(first).toContain(NOTE_MARK);
    expect(first).toContain("Refund approval limits");

    const result = await decideDraft(world.deps, { draftId: draft.id, action: "send", slackUserId: CLICKER });
    expect(result.kind).toBe("decided");
    const last = shownText(updatesOf(world, draft).at(-1)?.args.blocks);
    expect(last).toContain("Sent to the customer");
    expect(last).toContain(NOTE_MARK);
    expect(last).toContain("Refund approval limits");
    expect(last).toContain("Agents may credit up to £50");
  });

  it("are still on the card when a restart finishes a send, and are stored short", async () => {
    const draft = await pendingDraft(world, "notes-2", REFUND);
    expect(world.deps.drafts.claim(draft.id, "send", CLICKER)).toBe(true);
    await resumeInterruptedDrafts(world.deps, CHANNEL);
    const last = shownText(updatesOf(world, draft).at(-1)?.args.blocks);
    expect(last).toContain("Sent to the customer");
    expect(last).toContain("Refund approval limits");

    const stored = world.deps.drafts.get(draft.id) as FaqDraft;
    expect(stored.internal.length).toBeGreaterThan(0);
    expect(stored.internal.length).toBeLessThanOrEqual(2);
    for (const note of stored.internal) {
      expect(note.title.length).toBeLessThanOrEqual(150);
      expect(note.excerpt.length).toBeLessThanOrEqual(300);
    }
  });

  it("a draft whose answer had no internal article shows none after a refresh", async () => {
    const draft = await pendingDraft(world, "notes-3", "How do I change my PIN?");
    await decideDraft(world.deps, { draftId: draft.id, action: "dismiss", slackUserId: CLICKER });
    expect(world.deps.drafts.get(draft.id)?.internal).toEqual([]);
    expect(shownText(updatesOf(world, draft).at(-1)?.args.blocks)).not.toContain(NOTE_MARK);
  });
});

describe("a database from before the notes were stored", () => {
  it("upgrades cleanly: its drafts read back with no notes, and new drafts keep theirs", () => {
    const temp = makeTempDir();
    try {
      const path = join(temp.dir, "before-notes.db");
      const newest = Math.max(...migrations.map((m) => m.version));
      const old = openDatabase(path, { migrations: migrations.filter((m) => m.version < newest) });
      // A row as the previous schema holds it, written without the repo (which now writes the notes too).
      old
        .prepare(`INSERT INTO faq_drafts (id, conversation_id, message_key, persona, kind, question, answer_html, answer_text, citations, confidence,
          decision, status, created_at, updated_at) VALUES ('old-1', 'c1', 'conversation:c1:p1', 'support', 'conversation', 'Refund?', '<p>Yes.</p>',
          'Yes.', '[]', 0.7, 'draft', 'pending', 1, 1)`)
        .run();
      old.close();

      const db = openDatabase(path);
      expect(schemaVersion(db)).toBe(newest);
      const repo = new FaqDraftsRepo(db);
      const before = repo.get("old-1") as FaqDraft;
      expect(before.internal).toEqual([]);
      expect(draftCardInput(before).internal).toEqual([]);

      const note = { title: "Refund approval limits", excerpt: "Agents may credit up to £50 as goodwill." };
      // As the answer carries it: the article's id is not shown on the card, so it is not kept either.
      const fromAnswer = { articleId: "i1", ...note };
      const { draft } = repo.createOnce({
        conversationId: "c2",
        messageKey: "conversation:c2:p1",
        persona: "support",
        kind: "conversation",
        question: "Refund?",
        answerHtml: "<p>Yes.</p>",
        answerText: "Yes.",
        citations: [],
        internal: [fromAnswer],
        confidence: 0.7,
        decision: "draft",
        status: "pending",
      });
      expect(draft.internal).toEqual([note]);
      expect(draftCardInput(draft).internal).toEqual([note]);
      db.close();
    } finally {
      temp.cleanup();
    }
  });
});

describe("outcomes on the card", () => {
  // No default admin: a clicker no teammate matches cannot have a send resumed for them.
  const world = useFaqWorld();

  it("a send a restart could not resume names the clicker once, as a live mention, never as raw code", async () => {
    const draft = await pendingDraft(world, "outcome-1", "How do I change my PIN?");
    expect(world.deps.drafts.claim(draft.id, "send", STRANGER)).toBe(true);
    await resumeInterruptedDrafts(world.deps, CHANNEL);
    const stored = world.deps.drafts.get(draft.id) as FaqDraft;
    expect(stored.outcome).toContain("restart");
    expect(stored.outcome).not.toMatch(/<@|\*/);
    const blocks = updatesOf(world, draft).at(-1)?.args.blocks;
    const mrkdwn = formattedTexts(blocks).join("\n");
    expect(mrkdwn).not.toContain("&lt;@");
    expect(mrkdwn.split(`<@${STRANGER}>`).length - 1).toBe(1);
  });

  it("a stored outcome with markup in it stays inert in the private answer to a later click", async () => {
    const draft = await pendingDraft(world, "outcome-2", "How do I change my PIN?");
    await decideDraft(world.deps, { draftId: draft.id, action: "dismiss", slackUserId: CLICKER });
    // What an Intercom or gate reason could carry into an outcome.
    world.deps.drafts.setOutcome(draft.id, "Could not send: <!channel> said no.");
    const again = await decideDraft(world.deps, { draftId: draft.id, action: "send", slackUserId: OTHER });
    expect(again.kind).toBe("already");
    const message = (again as { message: string }).message;
    expect(message).toContain(`<@${CLICKER}>`);
    expect(message).not.toContain("<!channel>");
    expect(message).toContain("&lt;!channel&gt;");
  });
});
