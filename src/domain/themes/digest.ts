/** The digest as data: what the Slack blocks, the terminal dry run and the chart are all built from. Pure. */
import type { Theme, ThemeSet } from "./build-themes.js";
import type { KbGap } from "./kb-gaps.js";
import { type ThemeChange, topMovers } from "./week-over-week.js";

export interface DigestExample {
  kind: "conversation" | "ticket";
  id: string;
  text: string;
  url: string;
}

export interface DigestTheme {
  id: number;
  name: string;
  summary?: string;
  keywords: string[];
  size: number;
  share: number;
  previousSize: number;
  change: number;
  isNew: boolean;
  examples: DigestExample[];
}

export interface Digest {
  days: number;
  from: number;
  to: number;
  conversations: number;
  tickets: number;
  previous?: { conversations: number; tickets: number };
  themes: DigestTheme[];
  newThemes: DigestTheme[];
  kbGaps: (DigestTheme & { unanswered: number })[];
  otherCount: number;
  /** "no model": keyword names; otherwise the model's names and summaries. */
  naming: "keywords" | "model";
}

export interface DigestInput {
  days: number;
  from: number;
  to: number;
  conversations: number;
  tickets: number;
  previous?: { conversations: number; tickets: number };
  set: ThemeSet;
  changes: Map<number, ThemeChange>;
  kbGaps: KbGap[];
  naming: "keywords" | "model";
  link: (kind: "conversation" | "ticket", id: string) => string;
}

export function buildDigest(input: DigestInput): Digest {
  const toDigestTheme = (theme: Theme): DigestTheme => {
    const change = input.changes.get(theme.id);
    return {
      id: theme.id,
      name: theme.name,
      summary: theme.summary,
      keywords: theme.keywords,
      size: theme.size,
      share: theme.share,
      previousSize: change?.previousSize ?? 0,
      change: change?.change ?? theme.size,
      isNew: change?.isNew ?? false,
      examples: theme.examples.map((e) => ({ kind: e.kind, id: e.id, text: e.opening, url: input.link(e.kind, e.id) })),
    };
  };
  const all = input.set.themes.map(toDigestTheme);
  const byId = new Map(all.map((t) => [t.id, t]));
  const ordered = topMovers(input.set.themes, input.changes).map((t) => byId.get(t.id)!);
  return {
    days: input.days,
    from: input.from,
    to: input.to,
    conversations: input.conversations,
    tickets: input.tickets,
    previous: input.previous,
    themes: ordered,
    newThemes: ordered.filter((t) => t.isNew),
    kbGaps: input.kbGaps.map((g) => ({ ...byId.get(g.theme)!, unanswered: g.unanswered })).filter((g) => g.id !== undefined),
    otherCount: input.set.other.length,
    naming: input.naming,
  };
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : "±0";
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
