/**
 * A full sync reads every page before it writes anything. Article notifications that land in between (an edit,
 * a new article, a deletion) are re-synced at once; the sync must not then write its older reading over them.
 * Real parts: the emulator over HTTP, the audited tool executor, a SQLite file with the app's migrations. The
 * notification's work is done by calling the re-sync directly at the moment the sync has read the help center.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { resyncArticle } from "../../src/kb/article-resync.js";
import type { KnowledgeBase } from "../../src/kb/knowledge-base.js";
import { syncKb, writtenSinceWithNewer } from "../../src/kb/sync.js";
import type { AuditedReads } from "../../src/workflows/audited-reads.js";
import { callOverHttp, type ManualClock, TEST_NOW } from "../emulator/helpers.js";
import type { TempDb } from "../inbox/helpers.js";
import { type EmulatorKb, startEmulatorKb } from "./emulator-kb.js";

const ARTICLE = "9800001";
const NEW_WORDS = "quokka marmalade";
type Doc = Record<string, unknown>;

let temp: TempDb;
let emulator: RunningEmulator;
let clock: ManualClock;
let kb: KnowledgeBase;
let reads: AuditedReads;
const seconds = () => Math.floor(clock.now() / 1000);

let world: EmulatorKb;

beforeEach(async () => {
  world = await startEmulatorKb();
  ({ temp, emulator, clock, kb, reads } = world);
  await syncKb({ reads, index: kb.index, now: seconds() });
});

afterEach(async () => {
  await world.close();
});

const api = (method: string, path: string, body?: Doc) => callOverHttp(emulator, method, path, body);

/** Reads that run `meanwhile` once, right after the sync has read every help-center article and before it writes. */
function readsWithChangeDuringSync(meanwhile: () => Promise<void>): AuditedReads {
  let ran = false;
  return {
    read: async (tool, args, prompt) => {
      if (tool === "INTERCOM_LIST_INTERNAL_ARTICLES" && !ran) {
        ran = true;
        await meanwhile();
      }
      return reads.read(tool, args, prompt);
    },
  };
}

const ids = (text: string) => kb.searcher.search({ text, k: 5 }).map((h) => h.articleId);
const deps = () => ({ reads, index: kb.index, now: seconds });

describe("a full sync and article notifications at the same time", () => {
  it("an article edited while the sync read the pages keeps its new text", async () => {
    clock.advance(60_000);
    const report = await syncKb({
      reads: readsWithChangeDuringSync(async () => {
        clock.advance(5_000);
        expect((await api("PUT", `/articles/${ARTICLE}`, { body: `<p>Ask the ${NEW_WORDS} desk to trace a card.</p>` })).status).toBe(200);
        await resyncArticle(deps(), ARTICLE);
        expect(ids(NEW_WORDS)[0]).toBe(`article:${ARTICLE}`);
      }),
      index: kb.index,
      now: seconds(),
    });
    expect(ids(NEW_WORDS)[0]).toBe(`article:${ARTICLE}`);
    expect(report.superseded).toBe(1);
    // The next sync reads the edited article itself and has nothing to correct.
    clock.advance(60_000);
    const next = await syncKb({ reads, index: kb.index, now: seconds() });
    expect(next).toMatchObject({ superseded: 0, changed: 0 });
    expect(ids(NEW_WORDS)[0]).toBe(`article:${ARTICLE}`);
  });

  it("an article deleted while the sync read the pages stays deleted", async () => {
    clock.advance(60_000);
    const report = await syncKb({
      reads: readsWithChangeDuringSync(async () => {
        clock.advance(5_000);
        expect((await api("DELETE", `/articles/${ARTICLE}`)).status).toBe(200);
        await resyncArticle(deps(), ARTICLE);
      }),
      index: kb.index,
      now: seconds(),
    });
    expect(kb.index.article(`article:${ARTICLE}`)).toBeUndefined();
    expect(report.superseded).toBe(1);
    // Removals older than a sync's start are forgotten: that sync's own reading already lacks the article.
    expect(temp.db.prepare("SELECT COUNT(*) FROM kb_removed").pluck().get()).toBe(1);
    clock.advance(60_000);
    await syncKb({ reads, index: kb.index, now: seconds() });
    expect(temp.db.prepare("SELECT COUNT(*) FROM kb_removed").pluck().get()).toBe(0);
    expect(kb.index.article(`article:${ARTICLE}`)).toBeUndefined();
  });

  it("an article created while the sync read the pages is not removed as missing", async () => {
    const admin = emulator.state.all("admins")[0] as { id: string };
    let id = "";
    clock.advance(60_000);
    const report = await syncKb({
      reads: readsWithChangeDuringSync(async () => {
        clock.advance(5_000);
        const created = await api("POST", "/articles", {
          title: "Wombat cards",
          body: `<p>The ${NEW_WORDS} card ships in a box.</p>`,
          author_id: Number(admin.id),
          state: "published",
        });
        expect(created.status).toBe(200);
        id = String(created.body.id);
        await resyncArticle(deps(), id);
      }),
      index: kb.index,
      now: seconds(),
    });
    expect(report.removed).toBe(0);
    expect(ids(NEW_WORDS)[0]).toBe(`article:${id}`);
  });

  it("with no notification in between, a sync writes what it read, even an older version", () => {
    const run = TEST_NOW;
    expect(writtenSinceWithNewer({ updatedAt: run - 10, syncedAt: run + 5 }, { updatedAt: run - 20 }, run)).toBe(true);
    // Written before this run began: the run's reading is the truth, whatever the dates say.
    expect(writtenSinceWithNewer({ updatedAt: run - 10, syncedAt: run - 1 }, { updatedAt: run - 20 }, run)).toBe(false);
    // Same version date: the run's reading wins.
    expect(writtenSinceWithNewer({ updatedAt: run - 10, syncedAt: run + 5 }, { updatedAt: run - 10 }, run)).toBe(false);
    expect(writtenSinceWithNewer(undefined, { updatedAt: run }, run)).toBe(false);
  });
});
