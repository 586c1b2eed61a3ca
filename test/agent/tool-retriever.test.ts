import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fullCoverageRank, meanReciprocalRank, recallAt } from "../../src/agent/selection-metrics.js";
import { buildToolIndex, expandQuery, rankTools, toRetrievable } from "../../src/agent/tool-retriever.js";
import { ToolSelector } from "../../src/agent/tool-selector.js";
import { runSelect } from "../../src/cli/tools-select-command.js";
import { cacheKey, EmbeddingCache, type EmbeddingsLike } from "../../src/retrieval/embedding-cache.js";
import { createSpeller, editDistance } from "../../src/retrieval/spelling.js";
import { analyze, stem } from "../../src/retrieval/text-analysis.js";
import { openDatabase } from "../../src/store/database.js";
import { allTools } from "../../tools/index.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const index = buildToolIndex(allTools.map(toRetrievable));
const top = (query: string, k = 3) =>
  rankTools(index, query)
    .slice(0, k)
    .map((r) => r.name);

describe("text analysis", () => {
  it("folds plurals and verb endings the same way for queries and tools", () => {
    for (const [a, b] of [
      ["tagged", "tag"],
      ["tags", "tagging"],
      ["archived", "archive"],
      ["replies", "reply"],
      ["closing", "close"],
      ["companies", "company"],
    ]) {
      expect(stem(a as string)).toBe(stem(b as string));
    }
  });

  it("drops stop words, ids and numbers", () => {
    expect(analyze("please close 215590445566778 for me and 6681bc23de45f60012bb2211")).toEqual([stem("close")]);
  });
});

describe("lexical tool retrieval", () => {
  it("finds tools from the words people type, not the API's words", () => {
    expect(top("unsubscribe jane from the newsletter", 5)).toContain("INTERCOM_REMOVE_SUBSCRIPTION_FROM_A_CONTACT");
    expect(top("put a vip label on this chat")).toContain("INTERCOM_ATTACH_TAG_TO_CONVERSATION");
    expect(top("who is on vacation today?", 5)).toContain("INTERCOM_LIST_AWAY_STATUS_REASONS");
    expect(top("find the customer with email ann@acme.io", 2)).toContain("INTERCOM_SEARCH_CONTACTS");
    expect(top("respond to the chat 215590445566778", 3)).toContain("INTERCOM_REPLY_TO_CONVERSATION");
  });

  it("respects a negation: 'delete, not archive' does not ask for Archive", () => {
    const terms = expandQuery("delete it for real (not archive)").map((t) => t.term);
    expect(terms).not.toContain(stem("archive"));
    expect(top("contact 6681bc23de45f60012bb2211: delete it for real, not archive", 3)).toContain("INTERCOM_DELETE_A_CONTACT");
  });

  it("synonyms count less than the person's own words", () => {
    const weights = new Map(expandQuery("customer").map((t) => [t.term, t.weight]));
    expect(weights.get(stem("customer"))).toBe(1);
    expect(weights.get(stem("contact"))).toBeLessThan(1);
  });

  it("limits candidates to an allowed set (a persona's scope)", () => {
    const allowed = new Set(["INTERCOM_LIST_ALL_TAGS", "INTERCOM_GET_CONVERSATION"]);
    expect(
      rankTools(index, "delete the contact", allowed)
        .map((r) => r.name)
        .sort(),
    ).toEqual([...allowed].sort());
  });
});

describe("typos", () => {
  it("counts a swap of neighbouring letters as one edit", () => {
    expect(editDistance("segmnet", "segment")).toBe(1);
    expect(editDistance("recnt", "recent")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("corrects unknown words to the nearest known ones, and leaves short words and known words alone", () => {
    const speller = createSpeller(["segment", "ticket", "tag", "newsletter", "back", "want"], (w) => w === "want");
    expect(speller.correct("segmnet")).toEqual(["segment"]);
    expect(speller.correct("tiket")).toEqual(["ticket"]);
    expect(speller.correct("bakc")).toEqual(["back"]);
    expect(speller.correct("paul")).toEqual([]);
    expect(speller.correct("wnat")).toEqual([]);
    expect(speller.correct("tga")).toEqual([]);
    expect(speller.correct("ticket")).toEqual([]);
    expect(speller.join("news", "letter")).toBe("newsletter");
  });

  it("finds the tool a misspelt request needs", () => {
    const index = buildToolIndex(allTools.map(toRetrievable));
    const top = (q: string) =>
      rankTools(index, q)
        .slice(0, 12)
        .map((r) => r.name);
    expect(top("is this usr in any segmnets?")).toContain("INTERCOM_LIST_ATTACHED_SEGMENTS_FOR_CONTACT");
    expect(top("show me the most recnt convos")).toContain("INTERCOM_LIST_CONVERSATIONS");
    expect(top("please subscribe this contact to the product news letter")).toContain("INTERCOM_ADD_SUBSCRIPTION_TO_A_CONTACT");
    // An address is a name, not a typo: "paul@..." must not add "pause".
    expect(expandQuery("paul@initrode.com wants the beta", index.speller).map((t) => t.term)).not.toContain("paus");
  });
});

describe("metrics", () => {
  it("counts a request only when all expected tools are in the top k", () => {
    const cases = [
      { id: "a", ranked: ["x", "y", "z"], expected: ["x", "z"] },
      { id: "b", ranked: ["y", "x"], expected: ["q"] },
    ];
    expect(fullCoverageRank(cases[0]?.ranked ?? [], ["x", "z"])).toBe(3);
    expect(recallAt(cases, 2)).toBe(0);
    expect(recallAt(cases, 3)).toBe(0.5);
    expect(meanReciprocalRank(cases)).toBeCloseTo(1 / 6);
  });
});

describe("tools select contract", () => {
  it("reads JSON lines and writes one line per request with k tools, best first", async () => {
    const out: string[] = [];
    async function* lines() {
      yield '{"id":"r1","request":"close conversation 215590445566778"}';
      yield "";
      yield '{"id":"r2","request":"list all ticket types"}';
    }
    const count = await runSelect(lines(), new ToolSelector(allTools), 4, (l) => out.push(l));
    expect(count).toBe(2);
    const parsed = out.map((l) => JSON.parse(l) as { id: string; tools: { name: string; title: string }[] });
    expect(parsed.map((p) => p.id)).toEqual(["r1", "r2"]);
    expect(parsed[0]?.tools).toHaveLength(4);
    expect(parsed[0]?.tools[0]).toEqual({ name: "INTERCOM_CLOSE_CONVERSATION", title: "Close conversation" });
    expect(parsed[1]?.tools[0]?.title).toBe("List all ticket types");
  });

  it("answers a bad line with an error line (naming its real line number) and keeps going", async () => {
    const out: string[] = [];
    const problems: string[] = [];
    async function* lines() {
      yield "";
      yield "not json";
      yield '{"id":"r2"}';
      yield '{"id":"r3","request":"close the conversation"}';
    }
    const count = await runSelect(
      lines(),
      new ToolSelector(allTools),
      2,
      (l) => out.push(l),
      (p) => problems.push(p),
    );
    expect(count).toBe(3);
    const parsed = out.map((l) => JSON.parse(l) as { id: string | null; tools: unknown[]; error?: string });
    expect(parsed.map((p) => p.id)).toEqual([null, "r2", "r3"]);
    expect(parsed[0]).toMatchObject({ tools: [], error: expect.stringContaining("Line 2 is not JSON") });
    expect(parsed[1]?.error).toContain('Line 3 has no "request"');
    expect(parsed[2]?.tools).toHaveLength(2);
    expect(problems).toHaveLength(2);
  });
});

describe("hybrid selection with embeddings", () => {
  // A toy embedding: one dimension per concept word, so "holiday" lands near the away-status tools.
  const concepts = ["away", "holiday", "tag", "contact", "delete", "ticket"];
  const embed = (text: string) => concepts.map((c) => (text.toLowerCase().includes(c) || (c === "away" && /holiday/i.test(text)) ? 1 : 0));
  const counting = (): EmbeddingsLike & { documents: number } => {
    const e = {
      documents: 0,
      embedDocuments: async (texts: string[]) => {
        e.documents += texts.length;
        return texts.map(embed);
      },
      embedQuery: async (text: string) => embed(text),
    };
    return e;
  };

  it("fuses embedding and BM25 rankings, and caches tool vectors in SQLite across restarts", async () => {
    const temp = makeTempDir();
    const db = openDatabase(join(temp.dir, "vectors.db"));
    try {
      const first = counting();
      const selector = new ToolSelector(allTools, { embeddings: first, cache: new EmbeddingCache(db, "toy") });
      const ranked = await selector.rank("everyone on holiday?");
      expect(ranked.slice(0, 12).map((r) => r.name)).toContain("INTERCOM_LIST_AWAY_STATUS_REASONS");
      expect(first.documents).toBe(allTools.length);
      const second = counting();
      await new ToolSelector(allTools, { embeddings: second, cache: new EmbeddingCache(db, "toy") }).rank("tag");
      expect(second.documents).toBe(0);
    } finally {
      db.close();
      temp.cleanup();
    }
  });

  it("keeps each namespace's vectors apart, and the tools namespace under the bare model name", async () => {
    expect(cacheKey("tools", "m")).toBe("m");
    expect(cacheKey("kb", "m")).toBe("kb:m");
    const scratch = openDatabase(":memory:");
    expect(() => new EmbeddingCache(scratch, "m", "Bad Name")).toThrow(/namespace/);
    scratch.close();
    const temp = makeTempDir();
    const db = openDatabase(join(temp.dir, "namespaces.db"));
    try {
      const tools = counting();
      await new EmbeddingCache(db, "toy").vectors(["same text"], tools, 1);
      const kb = counting();
      await new EmbeddingCache(db, "toy", "kb").vectors(["same text"], kb, 1);
      expect([tools.documents, kb.documents]).toEqual([1, 1]);
      const again = counting();
      await new EmbeddingCache(db, "toy", "kb").vectors(["same text"], again, 1);
      expect(again.documents).toBe(0);
    } finally {
      db.close();
      temp.cleanup();
    }
  });

  it("falls back to lexical ranking when the embedding service fails", async () => {
    const broken: EmbeddingsLike = {
      embedDocuments: async () => {
        throw new Error("connection refused");
      },
      embedQuery: async () => {
        throw new Error("connection refused");
      },
    };
    const selector = new ToolSelector(allTools, { embeddings: broken });
    expect((await selector.rank("close conversation"))[0]?.name).toBe("INTERCOM_CLOSE_CONVERSATION");
  });
});
