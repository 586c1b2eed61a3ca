/**
 * The emulator's workspace: one ordered map of documents per collection, plus counters for new ids. Reads
 * always come from memory (fast search at 50,000 conversations); a SqlitePersistence, when given, receives
 * every write so a --db file survives restarts.
 */
import type { Doc } from "./types.js";

export const COLLECTIONS = [
  "admins",
  "teams",
  "contacts",
  "companies",
  "conversations",
  "tickets",
  "ticket_types",
  "ticket_states",
  "tags",
  "segments",
  "articles",
  "collections",
  "sections",
  "help_centers",
  "internal_articles",
  "notes",
  "data_attributes",
  "events",
  "subscription_types",
  "away_status_reasons",
  "macros",
  "calls",
  "news_items",
  "content_import_sources",
  "external_pages",
  "custom_object_instances",
  "activity_logs",
  "visitors",
  "data_exports",
  "jobs",
] as const;

export type CollectionName = (typeof COLLECTIONS)[number];

export interface Persistence {
  save(collection: CollectionName, doc: Doc): void;
  remove(collection: CollectionName, id: string): void;
  saveMeta(key: string, value: unknown): void;
}

export interface WorkspaceInfo {
  id: string;
  name: string;
  /** The admin that GET /me answers with. */
  meAdminId: string;
}

export class EmulatorState {
  private readonly maps = new Map<CollectionName, Map<string, Doc>>();
  /** Insertion rank of each document: cursors carry it so a page can resume after items that were since deleted. */
  private readonly ranks = new Map<string, number>();
  private nextRank = 0;
  private counters: Record<string, number> = {};
  persistence?: Persistence;
  /** Short-lived, unpersisted bookkeeping (the companies scroll, export jobs in flight). */
  readonly runtime: Record<string, unknown> = {};

  constructor(
    readonly workspace: WorkspaceInfo,
    counters?: Record<string, number>,
  ) {
    for (const name of COLLECTIONS) this.maps.set(name, new Map());
    if (counters) this.counters = { ...counters };
  }

  get(collection: CollectionName, id: string): Doc | undefined {
    return this.maps.get(collection)!.get(id);
  }

  all(collection: CollectionName): Doc[] {
    return [...this.maps.get(collection)!.values()];
  }

  values(collection: CollectionName): IterableIterator<Doc> {
    return this.maps.get(collection)!.values();
  }

  count(collection: CollectionName): number {
    return this.maps.get(collection)!.size;
  }

  /** Inserts or replaces; a replaced document keeps its place in the order. */
  save(collection: CollectionName, doc: Doc): Doc {
    this.rank(collection, String(doc.id));
    this.maps.get(collection)!.set(String(doc.id), doc);
    this.persistence?.save(collection, doc);
    return doc;
  }

  /** Loads without writing through (used when restoring from the database). */
  load(collection: CollectionName, doc: Doc): void {
    this.rank(collection, String(doc.id));
    this.maps.get(collection)!.set(String(doc.id), doc);
  }

  /**
   * Where a document stands in its collection's order (rises with each new document, kept while it is
   * replaced); undefined for one that is not stored.
   */
  positionOf(collection: CollectionName, id: string): number | undefined {
    return this.ranks.get(`${collection}/${id}`);
  }

  private rank(collection: CollectionName, id: string): void {
    const key = `${collection}/${id}`;
    if (!this.ranks.has(key)) this.ranks.set(key, this.nextRank++);
  }

  remove(collection: CollectionName, id: string): boolean {
    this.ranks.delete(`${collection}/${id}`);
    const existed = this.maps.get(collection)!.delete(id);
    if (existed) this.persistence?.remove(collection, id);
    return existed;
  }

  /** Deterministic ids: numeric strings by default, 24 hex characters for contacts/companies style ids. */
  nextId(kind: string, style: "numeric" | "hex" = "numeric", start = 1000): string {
    // Skips ids a loaded workspace already uses, so new objects never overwrite seeded ones.
    const collection = this.maps.get(`${kind}s` as CollectionName);
    let value = this.counters[kind] ?? start;
    let id: string;
    do {
      value += 1;
      id = style === "hex" ? hexId(kind, value) : String(value);
    } while (collection?.has(id));
    this.counters[kind] = value;
    this.persistence?.saveMeta("counters", this.counters);
    return id;
  }

  counterSnapshot(): Record<string, number> {
    return { ...this.counters };
  }
}

/** A stable 24-hex id whose prefix depends on the kind, so ids of different resources never collide. */
export function hexId(kind: string, value: number): string {
  let prefix = 0;
  for (const char of kind) prefix = (prefix * 31 + char.charCodeAt(0)) % 0xffffff;
  return prefix.toString(16).padStart(6, "6").slice(0, 6) + value.toString(16).padStart(18, "0");
}
