/**
 * Optional --db storage: one table per collection holding JSON documents (id, seq, doc), and a meta table
 * for counters and the workspace identity. Loading restores memory in insertion order.
 */
import Database from "better-sqlite3";
import { COLLECTIONS, type CollectionName, EmulatorState, type Persistence, type WorkspaceInfo } from "./state.js";
import type { Doc } from "./types.js";

type Db = InstanceType<typeof Database>;

export class SqlitePersistence implements Persistence {
  private readonly db: Db;
  private readonly upserts = new Map<CollectionName, Database.Statement>();
  private readonly deletes = new Map<CollectionName, Database.Statement>();
  private readonly metaUpsert: Database.Statement;
  private seq = 0;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec("CREATE TABLE IF NOT EXISTS emulator_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    for (const name of COLLECTIONS) {
      this.db.exec(`CREATE TABLE IF NOT EXISTS "${name}" (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, doc TEXT NOT NULL)`);
      // seq is kept on replace so the list order of a document never changes.
      this.upserts.set(name, this.db.prepare(`INSERT INTO "${name}" (id, seq, doc) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`));
      this.deletes.set(name, this.db.prepare(`DELETE FROM "${name}" WHERE id = ?`));
    }
    this.metaUpsert = this.db.prepare("INSERT INTO emulator_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    const row = this.db.prepare("SELECT value FROM emulator_meta WHERE key = 'seq'").get() as { value: string } | undefined;
    this.seq = row ? Number(row.value) : 0;
  }

  isSeeded(): boolean {
    return Boolean(this.db.prepare("SELECT 1 FROM emulator_meta WHERE key = 'workspace'").get());
  }

  /** Writes a whole freshly seeded state in one transaction, then marks the file as seeded. */
  writeAll(state: EmulatorState): void {
    this.db.transaction(() => {
      for (const name of COLLECTIONS) for (const doc of state.values(name)) this.save(name, doc);
      this.saveMeta("counters", state.counterSnapshot());
      this.saveMeta("workspace", state.workspace);
    })();
  }

  readAll(): EmulatorState {
    const workspace = JSON.parse(this.meta("workspace") ?? "null") as WorkspaceInfo;
    const counters = JSON.parse(this.meta("counters") ?? "{}") as Record<string, number>;
    const state = new EmulatorState(workspace, counters);
    for (const name of COLLECTIONS) {
      for (const row of this.db.prepare(`SELECT doc FROM "${name}" ORDER BY seq`).iterate() as Iterable<{ doc: string }>) {
        state.load(name, JSON.parse(row.doc) as Doc);
      }
    }
    return state;
  }

  save(collection: CollectionName, doc: Doc): void {
    this.seq += 1;
    this.upserts.get(collection)!.run(String(doc.id), this.seq, JSON.stringify(doc));
    this.metaUpsert.run("seq", String(this.seq));
  }

  remove(collection: CollectionName, id: string): void {
    this.deletes.get(collection)!.run(id);
  }

  saveMeta(key: string, value: unknown): void {
    this.metaUpsert.run(key, JSON.stringify(value));
  }

  close(): void {
    this.db.close();
  }

  private meta(key: string): string | undefined {
    return (this.db.prepare("SELECT value FROM emulator_meta WHERE key = ?").get(key) as { value: string } | undefined)?.value;
  }
}
