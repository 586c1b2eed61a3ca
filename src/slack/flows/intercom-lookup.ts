/**
 * What the Slack cards read from Intercom to speak in names rather than ids (teammates, teams, tags,
 * contacts) and to know whether a conversation is still open. Reads only, through the same tool executor as
 * everything else, best effort and bounded in time: a slow or failed lookup leaves the id on the card.
 */
import type { ToolResult } from "../../../tools/define.js";

export interface ToolReader {
  execute(name: string, args: unknown): Promise<ToolResult>;
}

export type RefKind = "admin" | "team" | "tag" | "contact";

export interface IntercomLookup {
  /** Names by `kind:id`; ids it could not name are left out. */
  names(refs: readonly { kind: RefKind; id: string }[]): Promise<Map<string, string>>;
  /** "open", "closed" or "snoozed"; undefined when it could not be read. */
  conversationState(id: string): Promise<string | undefined>;
}

export interface IntercomLookupOptions {
  /** How long a list of admins, teams or tags is trusted (default 5 minutes). */
  ttlMs?: number;
  /** Longest wait for any one lookup (default 2 s). */
  timeoutMs?: number;
  now?: () => number;
}

const LISTS: Record<Exclude<RefKind, "contact">, { tool: string; field: string }> = {
  admin: { tool: "INTERCOM_LIST_ALL_ADMINS", field: "admins" },
  team: { tool: "INTERCOM_LIST_ALL_TEAMS", field: "teams" },
  tag: { tool: "INTERCOM_LIST_ALL_TAGS", field: "data" },
};

function within<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work.catch(() => fallback), timeout]).finally(() => clearTimeout(timer));
}

const bodyOf = (result: ToolResult): unknown => (result.ok ? (result.raw ?? result.data) : undefined);

/** `id → name` from a list answer (`{admins: [...]}`, `{teams: [...]}`, `{data: [...]}` for tags). */
export function namesFromList(body: unknown, field: string): Map<string, string> {
  const names = new Map<string, string>();
  const list = (body as Record<string, unknown> | null)?.[field];
  if (!Array.isArray(list)) return names;
  for (const item of list) {
    const { id, name } = (item ?? {}) as { id?: unknown; name?: unknown };
    if ((typeof id === "string" || typeof id === "number") && typeof name === "string" && name.trim()) names.set(String(id), name.trim());
  }
  return names;
}

/** A contact by name only: an email address must not be posted in a channel. */
export function contactName(body: unknown): string {
  const name = (body as { name?: unknown } | null)?.name;
  return typeof name === "string" && name.trim() ? name.trim() : "a contact without a name";
}

export function createIntercomLookup(reader: ToolReader, options: IntercomLookupOptions = {}): IntercomLookup {
  const ttl = options.ttlMs ?? 5 * 60_000;
  const timeoutMs = options.timeoutMs ?? 2_000;
  const now = options.now ?? Date.now;
  const lists = new Map<string, { at: number; names: Promise<Map<string, string>> }>();

  const listOf = (kind: Exclude<RefKind, "contact">): Promise<Map<string, string>> => {
    const cached = lists.get(kind);
    if (cached && now() - cached.at < ttl) return cached.names;
    const { tool, field } = LISTS[kind];
    const names = reader.execute(tool, {}).then((result) => {
      // A failed read is not cached: the next card tries again.
      if (!result.ok) lists.delete(kind);
      return namesFromList(bodyOf(result), field);
    });
    lists.set(kind, { at: now(), names });
    return names;
  };

  return {
    async names(refs) {
      const found = new Map<string, string>();
      const work = refs.map(async ({ kind, id }) => {
        const name =
          kind === "contact"
            ? await reader.execute("INTERCOM_GET_A_CONTACT", { contact_id: id }).then((r) => (r.ok ? contactName(bodyOf(r)) : undefined))
            : (await listOf(kind)).get(id);
        if (name) found.set(`${kind}:${id}`, name);
      });
      await within(Promise.allSettled(work), timeoutMs, []);
      return new Map(found);
    },
    conversationState(id) {
      const read = reader.execute("INTERCOM_GET_CONVERSATION", { conversation_id: id }).then((result) => {
        const state = (bodyOf(result) as { state?: unknown } | undefined)?.state;
        return typeof state === "string" ? state : undefined;
      });
      return within(read, timeoutMs, undefined);
    },
  };
}
