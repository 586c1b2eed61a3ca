/** Where the database file cannot live, the error says which folder and what to change, never a raw EEXIST trace. */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isAppError } from "../../src/errors.js";
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

describe("the database folder", () => {
  it("creates missing folders several levels deep", () => {
    const file = join(temp(), "a", "b", "c", "switchboard.db");
    openDatabase(file).close();
    expect(existsSync(file)).toBe(true);
  });

  it("names the folder and the setting when a file stands where a folder must go", () => {
    const dir = temp();
    writeFileSync(join(dir, "data"), "a file, not a folder");
    let caught: unknown;
    try {
      openDatabase(join(dir, "data", "sub", "switchboard.db"));
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, "STORE_CORRUPT")).toBe(true);
    expect((caught as Error).message).toMatch(/cannot be created \(E[A-Z]+\)\. Point SWITCHBOARD_DB_PATH at a file in a writable folder\./);
  });
});
