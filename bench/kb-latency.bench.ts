/**
 * Knowledge-base search latency at 10,000 articles (goal p99 <= 5 ms): the DSTC9 FAQ articles plus generated
 * help-center-like articles (two headed sections each, words drawn from the real articles' vocabulary), in
 * process, on the in-memory SQLite FTS5 index, searched from its posting lists in memory (src/kb/postings.ts).
 * The warm-up asks made-up questions, not the measured ones, so the figures are for questions the searcher has
 * never seen: their rare words are new to every cache, as in the app. Three rounds of different questions are
 * measured one after the other, each printed with its own verdict: round 1, the DSTC9 questions with their
 * dialogue and the help-center messages, is the hardest (entity and conversation queries); rounds 2 and 3 are
 * banking77 customer questions. Then the same questions again, and the worst case with every posting list
 * dropped before each search. Last, the three rounds again on the same corpus in a SQLite file opened as the app
 * opens its database (WAL, migrations, createKnowledgeBase), reopened after the build so its searcher has seen
 * nothing. The load average is printed at the start and the end (the run itself adds about 1).
 *
 * Measured here on 2026-12-01, eight runs with load 0.4-0.9 at the start (2 cores shared with other sessions):
 * round 1 p50 0.95-1.66 ms, p99 2.74-5.48 ms (over 5 ms in one run of eight); rounds 2 and 3 p99 1.52-3.05 ms;
 * all three rounds p99 2.38-3.82 ms; asked again p99 1.63-4.37 ms; every list dropped before each search p99
 * 2.39-5.90 ms (over 5 ms in four runs). Posting lists held after the rounds: 6.3 MB. The search before the
 * posting lists (FTS5 bm25 per query, commit a551c79), with this same warm-up, three runs: round 1 p50
 * 1.85-2.63 ms, p99 6.2-7.7 ms. The app-database round, first two runs: p99 2.32 and 3.34 ms (load 1.5 and 0.7).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsv } from "../src/emulator/demo/csv.js";
import { readArticlesFile } from "../src/kb/article-file.js";
import { createKnowledgeBase } from "../src/kb/knowledge-base.js";
import type { KbSearcher } from "../src/kb/search.js";
import { buildTempKb } from "../src/kb/temp-index.js";
import type { SourceArticle } from "../src/kb/types.js";
import { openDatabase } from "../src/store/database.js";
import { loadDstcQueries } from "./kb-dstc9.bench.js";

const here = dirname(fileURLToPath(import.meta.url));
const TARGET = 10_000;

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generated(base: readonly SourceArticle[], count: number): SourceArticle[] {
  const vocabulary = [...new Set(base.flatMap((a) => `${a.title} ${a.body}`.toLowerCase().match(/[a-z]{3,}/g) ?? []))];
  const next = prng(42);
  const pick = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(" ");
  return Array.from({ length: count }, (_, i) => ({
    id: `gen:${i}`,
    source: "file" as const,
    sourceId: String(i),
    title: pick(5),
    url: `https://help.example.com/articles/${i}`,
    collection: pick(2),
    visibility: "public" as const,
    locale: "en",
    updatedAt: 0,
    body: `<h2>${pick(3)}</h2><p>${pick(60)}</p><h2>${pick(3)}</h2><p>${pick(60)}</p>`,
  }));
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;

/** The 10,000 articles the latency figure is measured on (also used by the latency test). */
export function latencyCorpus(target = TARGET): SourceArticle[] {
  const dstc = readArticlesFile(join(here, "../vendor/dstc9_faq/articles.csv"));
  const helpCenter = readArticlesFile(join(here, "data/helpcenter/articles.jsonl"));
  return [...dstc, ...helpCenter, ...generated([...dstc, ...helpCenter], target - dstc.length - helpCenter.length)];
}

/**
 * Questions made of the corpus's own words, for warming up the JIT and the caches without the measured words.
 * Some name an entity in their conversation, so the entity and conversation code is compiled before the
 * measurement too (the first rounds of an app's life are not the figure); only entities that none of the
 * `measured` texts names, so the measured questions' entity lists are still new.
 */
export function warmUpQuestions(articles: readonly SourceArticle[], count: number, measured: readonly string[] = []): { query: string; context: string[] }[] {
  const vocabulary = [...new Set(articles.slice(-1000).flatMap((a) => a.title.toLowerCase().match(/[a-z]{4,}/g) ?? []))];
  const said = measured.join(" ").toLowerCase();
  const entities = [...new Set(articles.map((a) => a.entity ?? "").filter((e) => e && !said.includes(e.toLowerCase())))];
  const next = prng(7);
  const word = () => vocabulary[Math.floor(next() * vocabulary.length)] as string;
  const entity = () => entities[Math.floor(next() * entities.length)] as string;
  return Array.from({ length: count }, (_, i) => ({
    query: `How do I ${word()} my ${word()} ${word()}?`,
    context:
      i % 3 === 0 && entities.length > 0
        ? [`I am looking at ${entity()} for my ${word()}.`, `Yes, ${word()} please.`]
        : i % 2 === 0
          ? [`I have a question about ${word()} ${word()}.`]
          : [],
  }));
}

interface Figures {
  wall: number[];
  cpu: number[];
}

const none = (): Figures => ({ wall: [], cpu: [] });

function measure(
  kb: { searcher: Pick<KbSearcher, "rank"> },
  questions: readonly { query: string; context: string[] }[],
  into: Figures,
  before: () => void = () => {},
): void {
  // Wall time is the figure; CPU time is printed next to it because on a shared machine other processes
  // stretch wall time, and the gap between the two says how much of a slow search was waiting for a core.
  // (It is the whole process's CPU, so the garbage collector's and the compiler's threads count too.)
  const cpu = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  for (const q of questions) {
    before();
    const c = cpu();
    const t = performance.now();
    kb.searcher.rank({ text: q.query, context: q.context, k: 10 });
    into.wall.push(performance.now() - t);
    into.cpu.push(cpu() - c);
  }
}

const GOAL_MS = 5;

/** Prints one set's figures and says whether its p99 meets the goal; returns the p99. */
function report(label: string, figures: Figures, goal = true): number {
  const wall = [...figures.wall].sort((a, b) => a - b);
  const cpu = [...figures.cpu].sort((a, b) => a - b);
  const p99 = percentile(wall, 0.99);
  const verdict = !goal ? "" : p99 <= GOAL_MS ? "   goal p99 <= 5 ms: met" : "   goal p99 <= 5 ms: NOT met";
  console.log(`  ${label}, ${wall.length} searches:`);
  console.log(`    p50 ${percentile(wall, 0.5).toFixed(2)} ms   p99 ${p99.toFixed(2)} ms   max ${(wall.at(-1) as number).toFixed(2)} ms${verdict}`);
  console.log(`    CPU time per search: p50 ${percentile(cpu, 0.5).toFixed(2)} ms   p99 ${percentile(cpu, 0.99).toFixed(2)} ms`);
  return p99;
}

/** Real customer questions from banking77's test split, spread over its intents (the file is sorted by intent). */
function bankingQuestions(count: number, offset: number): { query: string; context: string[] }[] {
  const rows = parseCsv(readFileSync(join(here, "../vendor/banking77/test.csv"), "utf8")).slice(1);
  const stride = 11;
  return Array.from({ length: count }, (_, i) => ({ query: (rows[(offset + i * stride) % rows.length] as string[])[0] as string, context: [] }));
}

const merge = (sets: readonly Figures[]): Figures => ({ wall: sets.flatMap((s) => s.wall), cpu: sets.flatMap((s) => s.cpu) });
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function run(): Promise<void> {
  const loadAtStart = loadavg()[0] ?? 0;
  const articles = latencyCorpus();
  const started = performance.now();
  const kb = buildTempKb(articles);
  const buildMs = performance.now() - started;
  const vocabularyStarted = performance.now();
  kb.index.stats.refresh();
  const vocabularyMs = performance.now() - vocabularyStarted;
  const queries = loadDstcQueries();
  const messages = readFileSync(join(here, "data/helpcenter/messages.dev.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => ({ query: (JSON.parse(l) as { message: string }).message, context: [] as string[] }));
  const dstcAndHelpCenter = [...queries, ...messages];
  // Three different sets, each asked for the first time: the first has dialogue context, the other two are
  // short real customer questions in other words.
  const rounds = [
    { label: "round 1: DSTC9 questions with their dialogue, and help-center messages", questions: dstcAndHelpCenter },
    { label: "round 2: banking77 customer questions", questions: bankingQuestions(dstcAndHelpCenter.length, 0) },
    { label: "round 3: other banking77 customer questions", questions: bankingQuestions(dstcAndHelpCenter.length, 5) },
  ];
  const rssBefore = process.memoryUsage().rss;
  const sizesStarted = performance.now();
  kb.index.postings.ready();
  kb.index.postings.rowSizes();
  const sizesMs = performance.now() - sizesStarted;
  const measuredTexts = rounds.flatMap((r) => r.questions.flatMap((q) => [q.query, ...q.context]));
  measure(kb, warmUpQuestions(articles, 400, measuredTexts), none());
  const firstSeen = rounds.map(() => none());
  for (const [i, round] of rounds.entries()) measure(kb, round.questions, firstSeen[i] as Figures);
  const heldBytes = kb.index.postings.bytes();
  const heldPostings = kb.index.postings.size();
  const rssAfter = process.memoryUsage().rss;
  const again = none();
  measure(kb, dstcAndHelpCenter, again);
  measure(kb, dstcAndHelpCenter, again);
  // The worst case: no word's posting list in memory yet (the first questions after a start or a sync).
  const cold = none();
  measure(kb, dstcAndHelpCenter, cold, () => kb.index.postings.forget());
  const load = loadavg()[0] ?? 0;
  kb.close();
  console.log(
    `KB search at ${articles.length.toLocaleString("en")} articles (index built in ${(buildMs / 1000).toFixed(1)} s, vocabulary and stems read in ${vocabularyMs.toFixed(0)} ms, row sizes in ${sizesMs.toFixed(0)} ms), load average ${loadAtStart.toFixed(2)} at the start and ${load.toFixed(2)} at the end on ${cpus().length} cores${loadAtStart >= 1.5 ? " (a busy machine: the figures are stretched by other processes)" : ""}:`,
  );
  const p99s = rounds.map((round, i) => report(`questions never seen before, ${round.label}`, firstSeen[i] as Figures));
  report("questions never seen before, all three rounds (the figure)", merge(firstSeen));
  console.log(`  rounds meeting the goal: ${p99s.filter((p) => p <= GOAL_MS).length} of ${p99s.length}`);
  report("the same questions asked again (round 1, twice)", again);
  report("round 1 with every posting list dropped before each search (the worst case, after a start or a sync)", cold);
  const inApp = appDatabaseRound(articles, rounds, measuredTexts);
  report(`in the app's own database: ${inApp.label}`, inApp.figures);
  console.log(
    `  memory: posting lists and row sizes ${mb(heldBytes)} in typed arrays (${heldPostings.toLocaleString("en")} postings); process RSS ${mb(rssBefore)} before the first question, ${mb(rssAfter)} after the three rounds (+${mb(rssAfter - rssBefore)}, all the searches kept, not only the lists)`,
  );
}

/**
 * The same corpus in a SQLite file opened as the app opens its database (WAL, the app's migrations, the
 * knowledge base createKnowledgeBase builds), then closed and opened again as after a restart, so nothing is
 * cached but what SQLite's files hold. The three rounds are asked there for the first time.
 */
function appDatabaseRound(
  articles: readonly SourceArticle[],
  rounds: readonly { questions: readonly { query: string; context: string[] }[] }[],
  measuredTexts: readonly string[],
): { label: string; figures: Figures } {
  const folder = mkdtempSync(join(tmpdir(), "switchboard-kb-latency-"));
  const file = join(folder, "switchboard.db");
  try {
    const started = performance.now();
    const writer = openDatabase(file);
    const written = createKnowledgeBase(writer);
    writer.transaction(() => {
      for (const article of articles) written.index.upsert(article, 0);
    })();
    writer.close();
    const buildMs = performance.now() - started;
    const db = openDatabase(file);
    try {
      const kb = createKnowledgeBase(db);
      kb.index.stats.refresh();
      measure(kb, warmUpQuestions(articles, 400, measuredTexts), none());
      const figures = none();
      for (const round of rounds) measure(kb, round.questions, figures);
      return { label: `a SQLite file (built in ${(buildMs / 1000).toFixed(1)} s, then reopened), all three rounds asked there for the first time`, figures };
    } finally {
      db.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
