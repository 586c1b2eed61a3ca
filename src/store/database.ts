/**
 * Opens the SQLite file (WAL, foreign keys, a busy timeout) and brings its schema up to date. Errors that a
 * person can act on (locked by another process, not a database, made by a newer version) get plain words.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { AppError } from "../errors.js";
import { migrations as defaultMigrations, type Migration } from "./migrations.js";

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  migrations?: readonly Migration[];
  busyTimeoutMs?: number;
  readonly?: boolean;
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const onDisk = file !== ":memory:" && file !== "";
  if (onDisk) ensureFolder(file);
  if (onDisk && !options.readonly) {
    restrictFolder(dirname(resolve(file)));
    restrictFile(file, true);
  }
  let db: Db | undefined;
  try {
    db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000, readonly: options.readonly ?? false });
    db.pragma("foreign_keys = ON");
    if (onDisk && !options.readonly) {
      db.pragma("journal_mode = WAL");
      // SQLite gives the WAL and SHM files the database's mode; files left by an older version may be wider.
      for (const suffix of ["-wal", "-shm"]) restrictFile(`${file}${suffix}`, false);
    }
    db.pragma("synchronous = NORMAL");
    if (!options.readonly) migrate(db, options.migrations ?? defaultMigrations);
    return db;
  } catch (error) {
    db?.close();
    throw describeOpenError(error, file);
  }
}

/**
 * Creates the database's folder one level at a time. Node's recursive mkdir can spin forever under /proc, and
 * its raw EEXIST/EACCES would reach a person as a stack trace.
 */
function ensureFolder(file: string): void {
  const missing: string[] = [];
  for (let dir = dirname(file); !existsSync(dir); dir = dirname(dir)) {
    missing.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of missing) {
    try {
      // The audit log, prompts and thread copies live here: only the owner may list or read the folder.
      mkdirSync(dir, { mode: 0o700 });
      chmodSync(dir, 0o700);
    } catch (error) {
      const code = (error as { code?: string }).code ?? "error";
      throw new AppError(
        "STORE_CORRUPT",
        `The folder ${dir} for the database ${file} cannot be created (${code}). Point SWITCHBOARD_DB_PATH at a file in a writable folder.`,
        { cause: error },
      );
    }
  }
}

/**
 * The database's own folder (data/ by default) is closed to other users too. Never a shared folder: not one
 * with the sticky bit (/tmp), not one owned by someone else, not the home folder or the root.
 */
function restrictFolder(dir: string): void {
  try {
    const stat = statSync(dir);
    const shared = (stat.mode & 0o1000) !== 0 || stat.uid !== process.getuid?.() || dir === homedir() || dirname(dir) === dir;
    if (!shared && (stat.mode & 0o077) !== 0) chmodSync(dir, 0o700);
  } catch {
    // Not ours to change: the files themselves are still 0600.
  }
}

/**
 * The database holds the audit log, prompts and copies of Slack threads, so it is readable by its owner only
 * (0600, like the secret key file). Creates the file empty when `create` is set and it does not exist yet.
 */
function restrictFile(path: string, create: boolean): void {
  try {
    if (!existsSync(path)) {
      if (!create) return;
      closeSync(openSync(path, "a", 0o600));
    }
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  } catch (error) {
    const code = (error as { code?: string }).code ?? "error";
    // A file we may not chmod (owned by another user) still opens; SQLite reports what it cannot do.
    if (code !== "EPERM")
      throw new AppError("STORE_CORRUPT", `The database file ${path} cannot be created or restricted (${code}). Check the folder's permissions.`, {
        cause: error,
      });
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/** Applies every migration newer than the database, each in its own transaction. Returns the versions applied. */
export function migrate(db: Db, list: readonly Migration[]): number[] {
  const latest = list.reduce((max, m) => Math.max(max, m.version), 0);
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AppError(
      "STORE_TOO_NEW",
      `The database is at schema version ${current}, newer than this Switchboard knows (${latest}). Upgrade Switchboard or point SWITCHBOARD_DB_PATH at another file.`,
    );
  }
  const applied: number[] = [];
  for (const migration of [...list].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    // IMMEDIATE takes the write lock up front, so two processes starting together cannot both migrate.
    try {
      db.transaction(() => {
        if (schemaVersion(db) >= migration.version) return;
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } catch (error) {
      const code = (error as { code?: string }).code ?? "";
      if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_NOTADB") || code.startsWith("SQLITE_CORRUPT")) throw error;
      throw new AppError(
        "STORE_CORRUPT",
        `Migration ${migration.version} (${migration.name}) failed and was rolled back; the database is unchanged at version ${schemaVersion(db)}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    applied.push(migration.version);
  }
  return applied;
}

function describeOpenError(error: unknown, file: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? "";
  if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") {
    return new AppError(
      "STORE_LOCKED",
      `The database ${file} is locked by another process. Stop the other Switchboard (or whatever holds the file) and try again.`,
      { cause: error },
    );
  }
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
    return new AppError(
      "STORE_CORRUPT",
      `${file} is not a readable SQLite database (${code}). Nothing was changed. Restore it from a backup or point SWITCHBOARD_DB_PATH at a new file.`,
      { cause: error },
    );
  }
  if (code === "SQLITE_CANTOPEN" || code === "SQLITE_READONLY") {
    return new AppError("STORE_CORRUPT", `The database ${file} cannot be opened for writing (${code}). Check that the folder exists and is writable.`, {
      cause: error,
    });
  }
  return error;
}
