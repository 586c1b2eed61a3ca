/**
 * Progress of a knowledge-base sync. `syncKb` tells, as pure data, each source as it starts and each page as it
 * arrives, in order, with the pages and articles read so far; `switchboard kb sync` draws that on a terminal (a
 * line per source, rewritten per page, then the indexing bar) and nothing anywhere else. The terminal is a fake
 * TTY stream that keeps what was drawn. Real parts: the emulator over loopback HTTP with more articles than fit
 * on one page (the sync asks for 150 a page; the emulator pages `/articles` and `/internal_articles` by `page`
 * and `per_page`), behind a small proxy when a test needs one page to fail; the audited tool executor; a SQLite
 * file in a temp dir.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runKbSync } from "../../src/cli/kb-sync-action.js";
import { loadConfig } from "../../src/config.js";
import type { DemoWorkspace } from "../../src/emulator/demo/types.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.js";
import { IntercomClient } from "../../src/intercom/client.js";
import { createKnowledgeBase, type KnowledgeBase } from "../../src/kb/knowledge-base.js";
import { type SyncProgress, syncKb } from "../../src/kb/sync.js";
import { AuditLog } from "../../src/store/audit-log.js";
import { type AuditedReads, createAuditedReads } from "../../src/workflows/audited-reads.js";
import { createToolExecutor } from "../../tools/execute.js";
import { allTools } from "../../tools/index.js";
import { smallWorkspace, TEST_NOW } from "../emulator/helpers.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { type TempDb, tempDb } from "../inbox/helpers.js";

/** The demo workspace with 350 help-center articles (3 pages of 150) and 160 internal ones (2 pages). */
function workspaceWithManyArticles(): DemoWorkspace {
  const workspace = smallWorkspace();
  const articles = workspace.articles;
  const internal = workspace.internalArticles;
  for (let i = 0; articles.length < 350; i++) {
    const copy = structuredClone(articles[i % 48]);
    articles.push({ ...copy, id: String(9_900_000 + i), title: `${copy.title} (copy ${i})` });
  }
  for (let i = 0; internal.length < 160; i++) {
    const copy = structuredClone(internal[i % 6]);
    internal.push({ ...copy, id: String(390_000 + i), title: `${copy.title} (copy ${i})` });
  }
  return workspace;
}

let temp: TempDb;
let emulator: RunningEmulator;
let kb: KnowledgeBase;
let reads: AuditedReads;

beforeEach(async () => {
  temp = tempDb();
  emulator = await startEmulator({ workspace: workspaceWithManyArticles() });
  const transport = new IntercomClient({ baseUrl: emulator.url, token: emulator.token, maxRetries: 0 });
  reads = createAuditedReads({
    executor: createToolExecutor({ transport, tools: allTools }),
    audit: new AuditLog(temp.db),
    source: "test:kb",
    persona: "support",
  });
  kb = createKnowledgeBase(temp.db);
});

afterEach(async () => {
  await emulator.close();
  temp.cleanup();
});

const now = TEST_NOW + 600;
const internalCount = () => kb.index.idsOfSource("internal").length;

describe("syncKb reading progress", () => {
  it("tells each source as it starts and each page as it arrives, in order, with the counts so far", async () => {
    const events: SyncProgress[] = [];
    const report = await syncKb({ reads, index: kb.index, now, onProgress: (p) => events.push(p) });
    expect(report.errors).toEqual([]);
    expect(events.filter((e) => e.phase === "reading")).toEqual([
      { phase: "reading", source: "help-center articles", pages: 0, articles: 0 },
      { phase: "reading", source: "help-center articles", pages: 1, totalPages: 3, articles: 150 },
      { phase: "reading", source: "help-center articles", pages: 2, totalPages: 3, articles: 300 },
      { phase: "reading", source: "help-center articles", pages: 3, totalPages: 3, articles: 350 },
      { phase: "reading", source: "internal articles", pages: 0, articles: 0 },
      { phase: "reading", source: "internal articles", pages: 1, totalPages: 2, articles: 150 },
      { phase: "reading", source: "internal articles", pages: 2, totalPages: 2, articles: 160 },
      { phase: "reading", source: "external pages", pages: 0, articles: 0 },
      { phase: "reading", source: "external pages", pages: 1, totalPages: 1, articles: 4 },
    ]);
    // Every reading event comes before indexing starts, and indexing ends at its total.
    const firstIndexing = events.findIndex((e) => e.phase === "indexing");
    expect(events.slice(firstIndexing).every((e) => e.phase === "indexing")).toBe(true);
    const last = events.at(-1);
    expect(last?.phase === "indexing" && last.done === last.total).toBe(true);
    expect(internalCount()).toBe(160);
  });

  it("a source that fails after its first page tells that page, then the next source goes on", async () => {
    const failing: AuditedReads = {
      read: async (tool, args, prompt) =>
        tool === "INTERCOM_LIST_ALL_ARTICLES" && (args as { page?: number }).page === 2
          ? { ok: false, message: "Intercom answered 503", status: 503 }
          : reads.read(tool, args, prompt),
    } as AuditedReads;
    const events: SyncProgress[] = [];
    const report = await syncKb({ reads: failing, index: kb.index, now, onProgress: (p) => events.push(p) });
    expect(report.errors).toEqual(["INTERCOM_LIST_ALL_ARTICLES failed: Intercom answered 503"]);
    const reading = events.filter((e) => e.phase === "reading").map((e) => `${e.source} ${e.pages}`);
    expect(reading).toEqual([
      "help-center articles 0",
      "help-center articles 1",
      "internal articles 0",
      "internal articles 1",
      "internal articles 2",
      "external pages 0",
      "external pages 1",
    ]);
  });
});

describe("internal articles paging", () => {
  it("an Intercom that ignores `page` is a failed read that keeps the indexed internal articles, not a short list", async () => {
    await syncKb({ reads, index: kb.index, now });
    expect(internalCount()).toBe(160);
    // The spec lists no paging parameters for GET /internal_articles: a server that drops `page` sends page 1 again.
    const pageIgnored: AuditedReads = {
      read: (tool, args, prompt) => {
        if (tool !== "INTERCOM_LIST_INTERNAL_ARTICLES") return reads.read(tool, args, prompt);
        const { page: _page, ...rest } = args as Record<string, unknown>;
        return reads.read(tool, rest, prompt);
      },
    };
    const report = await syncKb({ reads: pageIgnored, index: kb.index, now: now + 60 });
    expect(report.errors).toEqual(["INTERCOM_LIST_INTERNAL_ARTICLES sent page 2 with only items it had already sent (paging ignored); kept the indexed ones"]);
    expect(report.removed).toBe(0);
    expect(internalCount()).toBe(160);
  });
});

class FakeStream extends Writable {
  readonly chunks: string[] = [];
  columns = 100;
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk.toString());
    done();
  }
  get drawn(): string {
    return this.chunks.join("");
  }
}

/** Forwards to the emulator, except that it refuses the second page of help-center articles. */
async function proxyFailingArticlesPage2(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://proxy");
    if (url.pathname === "/articles" && url.searchParams.get("page") === "2") {
      res.writeHead(403, { "content-type": "application/json" });
      res.end(JSON.stringify({ type: "error.list", errors: [{ code: "forbidden", message: "Not allowed for page 2" }] }));
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string" && !["host", "connection", "content-length"].includes(name)) headers[name] = value;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await fetch(`${target}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let cliDir: ReturnType<typeof makeTempDir>;
let output: string[];

beforeEach(() => {
  cliDir = makeTempDir();
  output = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    output.push(args.join(" "));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  cliDir.cleanup();
});

function config(baseUrl = emulator.url, token = emulator.token) {
  return loadConfig({
    env: {
      SWITCHBOARD_DB_PATH: join(cliDir.dir, "switchboard.db"),
      SWITCHBOARD_SECRET_KEY: Buffer.alloc(32, 9).toString("base64"),
      SWITCHBOARD_LOG_LEVEL: "silent",
      INTERCOM_ACCESS_TOKEN: token,
      INTERCOM_BASE_URL: baseUrl,
    },
    envFile: false,
  });
}

const line = (text: string) => `\r\x1b[2K  ${text}`;
const SHOW_CURSOR = "\x1b[?25h";

describe("switchboard kb sync on a terminal", () => {
  it("draws each source's pages as they arrive, then the indexing bar, and prints the summary", async () => {
    const tty = new FakeStream(true);
    await runKbSync(config(), { full: false, stream: tty });
    const drawn = tty.drawn;
    const expected = [
      line("reading help-center articles…"),
      line("reading help-center articles: page 1 of 3, 150 so far"),
      line("reading help-center articles: page 2 of 3, 300 so far"),
      line("reading help-center articles: page 3 of 3, 350 so far"),
      `\n${line("reading internal articles…")}`,
      line("reading internal articles: page 1 of 2, 150 so far"),
      line("reading internal articles: page 2 of 2, 160 so far"),
      `\n${line("reading external pages…")}`,
      `${line("reading external pages: page 1 of 1, 4 so far")}\n`,
    ];
    let at = 0;
    for (const piece of expected) {
      const found = drawn.indexOf(piece, at);
      expect(found, `drawn in order: ${JSON.stringify(piece)}`).toBeGreaterThanOrEqual(at);
      at = found + piece.length;
    }
    expect(output).toHaveLength(1);
    const [, synced] = output[0].match(/^synced (\d+) articles \(\1 new, 0 changed, 0 removed\)$/) ?? [];
    expect(Number(synced)).toBeGreaterThan(500);
    // The bar comes after the reading lines, ends full, and gives the cursor back.
    const bar = drawn.slice(at);
    expect(bar).toContain(`${synced}/${synced} articles`);
    expect(bar.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(bar.lastIndexOf(`${synced}/${synced} articles`));
    expect(bar.endsWith("\n")).toBe(true);
  });

  it("draws nothing on a stream that is not a terminal: the output is exactly the summary line", async () => {
    const piped = new FakeStream(false);
    await runKbSync(config(), { full: false, stream: piped });
    expect(piped.chunks).toEqual([]);
    expect(output).toHaveLength(1);
    expect(output[0]).toMatch(/^synced \d+ articles \(\d+ new, 0 changed, 0 removed\)$/);
  });

  it("a read that fails part way: the line ends where it stopped, the bar is stopped, the summary says what was not read", async () => {
    const proxy = await proxyFailingArticlesPage2(emulator.url);
    try {
      const tty = new FakeStream(true);
      await runKbSync(config(proxy.url), { full: false, stream: tty });
      const drawn = tty.drawn;
      expect(drawn).toContain(`${line("reading help-center articles: page 1 of 3, 150 so far")}\n`);
      expect(drawn).not.toContain("page 2 of 3");
      expect(drawn).toContain("page 2 of 2, 160 so far");
      expect(drawn.endsWith("\n")).toBe(true);
      expect(drawn.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(drawn.lastIndexOf("so far"));
      expect(output).toHaveLength(1);
      expect(output[0]).toMatch(/^synced \d+ articles \(\d+ new, 0 changed, 0 removed\); could not read: INTERCOM_LIST_ALL_ARTICLES failed: .*403/);
      expect(process.exitCode).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it("when nothing can be read: the reading line is ended, no bar is drawn, and the error says the index was left as it was", async () => {
    const tty = new FakeStream(true);
    await expect(runKbSync(config(emulator.url, "not-the-emulator-token"), { full: false, stream: tty })).rejects.toThrow(
      /could not be read from Intercom, so it was left as it was/,
    );
    expect(tty.drawn).toContain(line("reading external pages…"));
    expect(tty.drawn.endsWith("\n")).toBe(true);
    expect(tty.drawn).not.toContain("articles\x1b");
    expect(output).toEqual([]);
  });
});
