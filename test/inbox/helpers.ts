/** Shared by the inbox, scheduler and jobs tests: a database file in a temp folder, a hand-moved clock, waiting on state. */
import { join } from "node:path";
import { type Db, openDatabase } from "../../src/store/database.js";
import { makeTempDir } from "../helpers/temp-dir.js";

export class TestClock {
  constructor(public ms = Date.parse("2026-11-25T10:00:00Z")) {}
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
}

export interface TempDb {
  file: string;
  db: Db;
  /** Another connection to the same file, as a second process would have. */
  open(): Db;
  cleanup(): void;
}

export function tempDb(): TempDb {
  const temp = makeTempDir("switchboard-inbox-");
  const file = join(temp.dir, "switchboard.db");
  const db = openDatabase(file);
  const extra: Db[] = [];
  return {
    file,
    db,
    open: () => {
      const other = openDatabase(file);
      extra.push(other);
      return other;
    },
    cleanup: () => {
      for (const d of [db, ...extra]) if (d.open) d.close();
      temp.cleanup();
    },
  };
}

/** Checks `condition` until it holds; fails with `what` if it never does. Checks state, never sleeps a fixed time. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
