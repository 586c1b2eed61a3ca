/** The database holds the audit log, prompts and thread copies: its folder is 0700 and its files 0600. */
import { chmodSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function temp(): string {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  return dir;
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe("database file permissions", () => {
  it("creates the folder 0700 and the database, WAL and SHM files 0600, whatever the umask", () => {
    const previous = process.umask(0o022);
    try {
      const file = join(temp(), "data", "switchboard.db");
      const db = openDatabase(file);
      db.prepare("CREATE TABLE IF NOT EXISTS probe (x)").run();
      db.prepare("INSERT INTO probe VALUES (1)").run();
      expect(mode(join(file, ".."))).toBe(0o700);
      for (const path of [file, `${file}-wal`, `${file}-shm`]) expect({ path, mode: mode(path).toString(8) }).toEqual({ path, mode: "600" });
      db.close();
    } finally {
      process.umask(previous);
    }
  });

  it("closes up files and a folder left readable by an older version", () => {
    const dir = join(temp(), "data");
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const file = join(dir, "switchboard.db");
    openDatabase(file).close();
    for (const path of [file, `${file}-wal`, `${file}-shm`]) {
      writeFileSync(path, "", { flag: "a" });
      chmodSync(path, 0o644);
    }
    const db = openDatabase(file);
    expect(mode(dir)).toBe(0o700);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect({ path, mode: mode(path).toString(8) }).toEqual({ path, mode: "600" });
    db.close();
  });

  it("leaves a shared folder (sticky bit, like /tmp) as it is", () => {
    const dir = join(temp(), "shared");
    mkdirSync(dir);
    chmodSync(dir, 0o1777);
    const db = openDatabase(join(dir, "s.db"));
    expect(statSync(dir).mode & 0o7777).toBe(0o1777);
    expect(mode(join(dir, "s.db"))).toBe(0o600);
    db.close();
  });
});
