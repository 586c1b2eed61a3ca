/** Real parts for the write tests: the emulator over loopback HTTP, a SQLite file in a temp dir, the real catalog. */
import { join } from "node:path";
import { generateDemoWorkspace } from "../../src/emulator/demo/generate.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.js";
import { IntercomClient } from "../../src/intercom/client.js";
import type { IntercomTransport } from "../../src/intercom/types.js";
import { createSilentLogger } from "../../src/logger.js";
import { AuditLog } from "../../src/store/audit-log.js";
import { type Db, openDatabase } from "../../src/store/database.js";
import { transactionOn } from "../../src/store/stores.js";
import { WriteLedgerRepo } from "../../src/store/write-ledger-repo.js";
import { createWritesService, type WritesService } from "../../src/writes/writes-service.js";
import { allTools } from "../../tools/index.js";

export type Doc = Record<string, unknown>;

export async function demoEmulator(): Promise<RunningEmulator> {
  return startEmulator({ port: 0, seed: 11, conversations: 6, generate: generateDemoWorkspace });
}

export function emulatorClient(emulator: RunningEmulator, options: { timeoutMs?: number } = {}): IntercomClient {
  return new IntercomClient({ baseUrl: emulator.url, token: emulator.token, maxRetries: 0, timeoutMs: options.timeoutMs ?? 10_000 });
}

/** One "process": its own connection to the file, its own write service. */
export function openWrites(file: string, transport: IntercomTransport): { db: Db; writes: WritesService; audit: AuditLog; ledger: WriteLedgerRepo } {
  const db = openDatabase(file);
  const audit = new AuditLog(db);
  const ledger = new WriteLedgerRepo(db);
  const writes = createWritesService({ ledger, transaction: transactionOn(db), audit, transport, tools: allTools, logger: createSilentLogger() });
  return { db, writes, audit, ledger };
}

export const dbFile = (dir: string, name: string) => join(dir, `${name}.db`);

export function conversationOf(emulator: RunningEmulator, id: string): Doc {
  return emulator.state.get("conversations", id) as Doc;
}

export function partsOf(emulator: RunningEmulator, id: string): Doc[] {
  return ((conversationOf(emulator, id).conversation_parts as Doc).conversation_parts as Doc[]) ?? [];
}

let picked = 0;
/** A different demo conversation each call, reopened over HTTP when the demo left it closed. */
export async function anOpenConversation(emulator: RunningEmulator): Promise<string> {
  const all = emulator.state.all("conversations") as Doc[];
  const conversation = all[picked++ % all.length] as Doc;
  const id = String(conversation.id);
  if (conversation.state !== "open") {
    await emulatorClient(emulator).request({ method: "POST", path: `/conversations/${id}/parts`, body: { message_type: "open", admin_id: adminId(emulator) } });
  }
  if (conversationOf(emulator, id).state !== "open") throw new Error(`could not reopen conversation ${id}`);
  return id;
}

export function adminId(emulator: RunningEmulator, index = 0): string {
  return String((emulator.state.all("admins")[index] as Doc).id);
}

/** A transport that forwards to `inner` and, for the matching request, never answers: the process "dies" waiting. */
export function hangingTransport(inner: IntercomTransport, options: { deliverFirst: boolean; onHang: () => void }): IntercomTransport {
  return {
    async request(request) {
      if (request.method === "GET") return inner.request(request);
      try {
        if (options.deliverFirst) await inner.request(request);
      } finally {
        options.onHang();
      }
      return new Promise(() => {});
    },
  };
}
