/**
 * What `switchboard kb search` shows with hybrid retrieval. The lexical score stays on every hit (the FAQ
 * confidence was calibrated on it), so a page found only by its embedding carries a lexical score of 0: the
 * person must be told it was found by meaning, not shown "score 0.00". The command as the CLI registers it,
 * Intercom = the emulator over loopback HTTP, embeddings = the fake OpenAI endpoint over loopback HTTP, the
 * database a SQLite file in a temp dir. The `--articles` evaluation contract keeps its exact shape.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { kbSearchFile } from "../../src/cli/kb-commands.js";
import { formatHits } from "../../src/kb/format-hits.js";
import type { FusedHit } from "../../src/kb/hybrid-search.js";
import type { SearchHit } from "../../src/kb/types.js";
import type { EmbeddingsLike } from "../../src/retrieval/embedding-cache.js";
import { startFakeOpenAI } from "../fakes/fake-openai-server.js";
import { useKbCli } from "./kb-cli-harness.js";

/** "kangaroo" and the branch article share one axis; nothing else is near them. */
const vectorOf = (text: string): number[] => (/kangaroo|wombat/i.test(text) ? [1, 0, 0] : [0.05, 1, 0]);

const cli = useKbCli(async () => {
  const fake = await startFakeOpenAI([], { embed: vectorOf });
  return { env: { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: fake.baseUrl, OPENAI_EMBEDDING_MODEL: "fake-embed" }, close: () => fake.close() };
});
const run = (argv: string[]) => cli.run(argv);

async function addBranchArticle(): Promise<void> {
  const admin = cli.emulator.state.all("admins")[0] as { id: string };
  const created = await fetch(`${cli.emulator.url}/articles`, {
    method: "POST",
    headers: { Authorization: `Bearer ${cli.emulator.token}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      title: "Visiting a branch",
      body: "<p>Bring your passport if you want to collect a wombat token at the counter.</p>",
      author_id: Number(admin.id),
      state: "published",
    }),
  });
  expect(created.status).toBe(200);
}

describe("kb search with hybrid retrieval", () => {
  it("says a page was found by meaning only, in text and in --json, instead of a score of 0", async () => {
    await addBranchArticle();
    expect(await run(["kb", "sync"])).toMatch(/embedded \d+ chunks/);

    const text = await run(["kb", "search", "--k", "1", "kangaroo"]);
    expect(text).toMatch(/^1\. Visiting a branch {2}\(found by meaning only, article:\d+\)$/m);
    expect(text).not.toContain("score 0.00");

    const [hit] = JSON.parse(await run(["kb", "search", "--k", "1", "--json", "kangaroo"])) as FusedHit[];
    expect(hit?.title).toBe("Visiting a branch");
    // The lexical score is kept as it is (the FAQ confidence reads it); the fusion says how the page was found.
    expect(hit?.score).toBe(0);
    expect(hit?.fusion).toEqual({ foundBy: "meaning", fusedScore: expect.any(Number) });
    expect(hit?.fusion?.fusedScore ?? 0).toBeGreaterThan(0);
  });

  it("a page both rankings found shows its word score and says meaning agreed", async () => {
    await addBranchArticle();
    await run(["kb", "sync"]);
    const text = await run(["kb", "search", "--k", "1", "wombat token"]);
    expect(text).toMatch(/^1\. Visiting a branch {2}\(score \d+\.\d\d, also found by meaning, article:\d+\)$/m);
    const [hit] = JSON.parse(await run(["kb", "search", "--k", "1", "--json", "wombat token"])) as FusedHit[];
    expect(hit?.score).toBeGreaterThan(0);
    expect(hit?.fusion?.foundBy).toBe("both");
  });
});

describe("formatHits", () => {
  const hit = (extra: object): SearchHit =>
    ({
      articleId: "a1",
      title: "Visiting a branch",
      url: "https://help.example.com/a1",
      visibility: "public",
      collection: "",
      entity: "",
      score: 0,
      chunk: { id: 1, heading: "", text: "Bring your passport." },
      ...extra,
    }) as SearchHit;

  it("shows the lexical score as before for a search with no embeddings", () => {
    expect(formatHits([hit({ score: 2.5 })])).toMatch(/^1\. Visiting a branch {2}\(score 2\.50, a1\)$/m);
  });

  it("never shows a word score for a page found by meaning only", () => {
    const shown = formatHits([hit({ fusion: { foundBy: "meaning", fusedScore: 1 / 61 } })]);
    expect(shown).toMatch(/\(found by meaning only, a1\)/);
    expect(shown).not.toMatch(/score/);
  });
});

describe("the --articles evaluation contract with embeddings", () => {
  it('keeps its exact shape {"id","articles":[{"id","score"}]}', async () => {
    const file = join(cli.dir, "articles.jsonl");
    writeFileSync(
      file,
      [
        { id: "branch", title: "Visiting a branch", body: "Bring your passport to collect a wombat token." },
        { id: "pin", title: "Change your PIN", body: "Change your PIN in the app." },
      ]
        .map((a) => JSON.stringify(a))
        .join("\n"),
    );
    const embeddings: EmbeddingsLike = {
      embedDocuments: async (texts) => texts.map(vectorOf),
      embedQuery: async (text) => vectorOf(text),
    };
    const lines: string[] = [];
    const failed = await kbSearchFile({
      articlesFile: file,
      k: 5,
      input: Readable.from([`${JSON.stringify({ id: "q1", query: "kangaroo" })}\n`]),
      write: (line) => lines.push(line),
      embeddings: { embeddings, model: "scripted" },
    });
    expect(failed).toBe(0);
    const row = JSON.parse(lines[0] as string) as { id: string; articles: Record<string, unknown>[] };
    expect(Object.keys(row)).toEqual(["id", "articles"]);
    expect(row.articles[0]?.id).toBe("branch");
    for (const article of row.articles) expect(Object.keys(article)).toEqual(["id", "score"]);
  });
});
