/** Each week's themes and counts in SQLite (migration 9), so next week's digest can say what changed. */
import type { Theme } from "../../domain/themes/build-themes.js";
import type { StoredTheme } from "../../domain/themes/week-over-week.js";
import type { Db } from "../../store/database.js";

export interface WeekCounts {
  conversations: number;
  tickets: number;
}

export interface ThemeSnapshotStore {
  /** The latest stored week strictly before `week` (YYYY-MM-DD), with its themes. */
  previous(week: string): { week: string; counts: WeekCounts; themes: StoredTheme[] } | undefined;
  /** Replaces the week's snapshot (a re-run of the same week overwrites it). */
  save(week: string, counts: WeekCounts, themes: Theme[], total: number, now: number): void;
}

export function createThemeSnapshotStore(db: Db): ThemeSnapshotStore {
  return {
    previous(week) {
      const row = db.prepare("SELECT week, conversations, tickets FROM theme_weeks WHERE week < ? ORDER BY week DESC LIMIT 1").get(week) as
        | { week: string; conversations: number; tickets: number }
        | undefined;
      if (!row) return undefined;
      const themes = (
        db.prepare("SELECT theme, name, keywords, centroid, size FROM theme_snapshots WHERE week = ? ORDER BY theme").all(row.week) as {
          theme: number;
          name: string;
          keywords: string;
          centroid: string;
          size: number;
        }[]
      ).map((r) => ({ theme: r.theme, name: r.name, keywords: JSON.parse(r.keywords), centroid: JSON.parse(r.centroid), size: r.size }));
      return { week: row.week, counts: { conversations: row.conversations, tickets: row.tickets }, themes };
    },
    save(week, counts, themes, total, now) {
      db.transaction(() => {
        db.prepare("DELETE FROM theme_snapshots WHERE week = ?").run(week);
        db.prepare("INSERT OR REPLACE INTO theme_weeks (week, conversations, tickets, created_at) VALUES (?, ?, ?, ?)").run(
          week,
          counts.conversations,
          counts.tickets,
          now,
        );
        const insert = db.prepare(
          "INSERT INTO theme_snapshots (week, theme, name, keywords, centroid, size, total, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        );
        for (const t of themes) insert.run(week, t.id, t.name, JSON.stringify(t.keywords), JSON.stringify(t.centroid), t.size, total, now);
      })();
    },
  };
}
