import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { isAppError } from "../../src/errors.js";
import { migrate, openDatabase, schemaVersion } from "../../src/store/database.js";
import { type Migration, migrations } from "../../src/store/migrations.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const temp = makeTempDir();
afterAll(temp.cleanup);
let n = 0;
const file = () => join(temp.dir, `db-${n++}.sqlite`);

const v1: Migration = { version: 1, name: "one", sql: "CREATE TABLE a (id INTEGER PRIMARY KEY);" };
const v2: Migration = { version: 2, name: "two", sql: "CREATE TABLE b (id INTEGER PRIMARY KEY); ALTER TABLE a ADD COLUMN label TEXT;" };

describe("migrations", () => {
  it("brings a fresh database to the latest version with WAL and foreign keys", () => {
    const db = openDatabase(file());
    expect(schemaVersion(db)).toBe(Math.max(...migrations.map((m) => m.version)));
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    db.close();
  });

  it("numbers the shipped migrations 1..N without gaps", () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it("upgrades an older database and keeps its rows", () => {
    const path = file();
    const first = openDatabase(path, { migrations: [v1] });
    first.prepare("INSERT INTO a (id) VALUES (7)").run();
    first.close();
    const second = openDatabase(path, { migrations: [v1, v2] });
    expect(schemaVersion(second)).toBe(2);
    expect(second.prepare("SELECT id, label FROM a").all()).toEqual([{ id: 7, label: null }]);
    second.close();
  });

  it("re-running applies nothing", () => {
    const path = file();
    openDatabase(path, { migrations: [v1, v2] }).close();
    const db = openDatabase(path, { migrations: [v1, v2] });
    expect(migrate(db, [v1, v2])).toEqual([]);
    db.close();
  });

  it("a failing migration is rolled back whole and the version stays", () => {
    const path = file();
    openDatabase(path, { migrations: [v1] }).close();
    const broken: Migration = { version: 2, name: "broken", sql: "CREATE TABLE c (id INTEGER); INSERT INTO nowhere VALUES (1);" };
    let caught: unknown;
    try {
      openDatabase(path, { migrations: [v1, broken] });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, "STORE_CORRUPT")).toBe(true);
    expect((caught as Error).message).toContain("Migration 2 (broken) failed and was rolled back");
    const raw = new Database(path);
    expect(raw.pragma("user_version", { simple: true })).toBe(1);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'c'").get()).toBeUndefined();
    raw.close();
  });

  it("refuses a database from a newer version", () => {
    const path = file();
    openDatabase(path, { migrations: [v1, v2] }).close();
    expect(() => openDatabase(path, { migrations: [v1] })).toThrow(/newer than this Switchboard knows/);
  });

  it("says plainly when the file is not a database, and leaves it alone", () => {
    const path = file();
    writeFileSync(path, "this is not sqlite, just some text that is long enough to look like a header".repeat(20));
    let caught: unknown;
    try {
      openDatabase(path);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, "STORE_CORRUPT")).toBe(true);
    expect((caught as Error).message).toContain("is not a readable SQLite database");
  });

  it("says plainly when another process holds the write lock", () => {
    const path = file();
    openDatabase(path, { migrations: [v1] }).close();
    const holder = new Database(path);
    holder.exec("BEGIN IMMEDIATE");
    let caught: unknown;
    try {
      openDatabase(path, { migrations: [v1, v2], busyTimeoutMs: 50 });
    } catch (error) {
      caught = error;
    }
    holder.exec("ROLLBACK");
    holder.close();
    expect(isAppError(caught, "STORE_LOCKED")).toBe(true);
    const raw = new Database(path);
    expect(raw.pragma("user_version", { simple: true })).toBe(1);
    raw.close();
  });
});
