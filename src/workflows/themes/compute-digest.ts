/**
 * One digest, computed: fetch the window → customer documents → clusters → themes (named) → compare with the
 * stored previous week → KB gaps → the digest and its chart. Nothing is posted or stored here.
 */
import type { TopLevelSpec } from "vega-lite";
import { renderPng } from "../../charts/render-png.js";
import { themeChartSpec } from "../../charts/theme-chart-spec.js";
import { buildThemes, type ThemeSet } from "../../domain/themes/build-themes.js";
import { clusterTexts } from "../../domain/themes/cluster-texts.js";
import { buildDigest, type Digest } from "../../domain/themes/digest.js";
import { conversationDocument, type ThemeDocument, ticketDocument } from "../../domain/themes/documents.js";
import { findKbGaps, type KbMatch } from "../../domain/themes/kb-gaps.js";
import { matchWeeks } from "../../domain/themes/week-over-week.js";
import type { AuditedReads } from "../audited-reads.js";
import { type FetchProgress, fetchWindow } from "./fetch-window.js";
import type { ThemeSnapshotStore, WeekCounts } from "./snapshot-store.js";
import type { ThemeNamer } from "./theme-namer.js";

export interface ThemesDeps {
  reads: AuditedReads;
  snapshots: ThemeSnapshotStore;
  /** With OPENAI_EMBEDDING_MODEL: vectors for texts (cached by the caller); the lexical space otherwise. */
  embed?: (texts: string[]) => Promise<ArrayLike<number>[]>;
  namer?: ThemeNamer;
  /** The knowledge-base search's best score for a text (0..1), or undefined when nothing matches. */
  kbMatch?: KbMatch;
  link?: (kind: "conversation" | "ticket", id: string) => string;
  now?: () => number;
}

export interface ComputedDigest {
  digest: Digest;
  set: ThemeSet;
  week: string;
  counts: WeekCounts;
  documents: ThemeDocument[];
  chart: TopLevelSpec;
  png: Buffer;
}

export const intercomLink = (kind: "conversation" | "ticket", id: string) =>
  `https://app.intercom.com/a/inbox/_/inbox/${kind === "ticket" ? "ticket" : "conversation"}/${encodeURIComponent(id)}`;

const DAY = 86_400_000;

export async function computeDigest(deps: ThemesDeps, options: { days: number; progress?: FetchProgress }): Promise<ComputedDigest> {
  const to = (deps.now ?? Date.now)();
  const from = to - options.days * DAY;
  const fetched = await fetchWindow(deps.reads, from, to, options.progress);
  const documents = [...fetched.conversations.map(conversationDocument), ...fetched.tickets.map(ticketDocument)].filter(
    (d): d is ThemeDocument => d !== undefined,
  );
  const texts = documents.map((d) => d.text);
  let embeddings: { vectors: Float64Array; dims: number } | undefined;
  if (deps.embed && texts.length > 0) {
    const rows = await deps.embed(texts);
    const dims = rows[0]?.length ?? 0;
    const vectors = new Float64Array(texts.length * dims);
    rows.forEach((row, i) => {
      vectors.set(Array.from(row), i * dims);
    });
    if (dims > 0) embeddings = { vectors, dims };
  }
  const clustering = clusterTexts(texts, { k: "auto", embeddings });
  const set = buildThemes(documents, clustering);
  let naming: "keywords" | "model" = "keywords";
  if (deps.namer) {
    for (const theme of set.themes) {
      const named = await deps.namer.name(theme);
      if (named) {
        theme.name = named.name;
        theme.summary = named.summary;
        naming = "model";
      }
    }
  }
  const week = new Date(to).toISOString().slice(0, 10);
  const previous = deps.snapshots.previous(week);
  const changes = matchWeeks(set.themes, previous?.themes ?? []);
  const kbGaps = deps.kbMatch ? await findKbGaps(set.themes, deps.kbMatch) : [];
  const counts = { conversations: fetched.conversations.length, tickets: fetched.tickets.length };
  const digest = buildDigest({
    days: options.days,
    from,
    to,
    ...counts,
    previous: previous?.counts,
    set,
    changes,
    kbGaps,
    naming,
    link: deps.link ?? intercomLink,
  });
  const chart = themeChartSpec(digest.themes.slice(0, 10).map((t) => ({ name: t.name, thisWeek: t.size, lastWeek: t.previousSize })));
  const png = await renderPng(chart);
  return { digest, set, week, counts, documents, chart, png };
}
