/**
 * The real parts the FAQ tests run on: the emulator's demo workspace over HTTP, the tools' executor, a SQLite
 * file, the knowledge base synced from the emulator, the fake Slack Web API, the real write service (ledger,
 * policy and the destructive rule, audit) and the real teammate directory (Slack email → Intercom admin).
 */
import { join } from "node:path";
import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll } from "vitest";
import { loadPersonas, type Persona } from "../../src/agent/personas.js";
import { generateDemoWorkspace } from "../../src/emulator/demo/generate.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.js";
import { IntercomClient } from "../../src/intercom/client.js";
import { createTeammateDirectory } from "../../src/intercom/teammate-directory.js";
import { createKnowledgeBase, type KnowledgeBase } from "../../src/kb/knowledge-base.js";
import { syncKb } from "../../src/kb/sync.js";
import { createSilentLogger } from "../../src/logger.js";
import { AuditLog, type AuditRecord } from "../../src/store/audit-log.js";
import { type Db, openDatabase } from "../../src/store/database.js";
import { transactionOn } from "../../src/store/stores.js";
import { WriteLedgerRepo } from "../../src/store/write-ledger-repo.js";
import { type AuditedReads, createAuditedReads } from "../../src/workflows/audited-reads.js";
import { FaqDraftsRepo } from "../../src/workflows/faq/drafts-repo.js";
import type { FaqWorkflowDeps } from "../../src/workflows/faq/faq-deps.js";
import { createWritesService } from "../../src/writes/writes-service.js";
import { createToolExecutor } from "../../tools/execute.js";
import { allTools } from "../../tools/index.js";
import { callOverHttp } from "../emulator/helpers.js";
import { type FakeSlackServer, startFakeSlack } from "../fakes/fake-slack-server.js";
import { makeTempDir } from "../helpers/temp-dir.js";

/** Slack users whose email is the first Intercom admin's (matched by email), and one nobody knows. */
export const CLICKER = "U0CLICKER1";
export const OTHER = "U0OTHER001";
export const STRANGER = "U0STRANGER";

export interface FaqWorld {
  emulator: RunningEmulator;
  slack: FakeSlackServer;
  db: Db;
  kb: KnowledgeBase;
  reads: AuditedReads;
  audit: AuditLog;
  /** Gated writes as the audit log holds them, oldest first. */
  writeCalls(): AuditRecord[];
  persona: Persona;
  deps: FaqWorkflowDeps;
  adminId: string;
  close(): Promise<void>;
}

export interface FaqWorldOptions {
  persona?: Partial<Persona>;
  /** Set INTERCOM_DEFAULT_ADMIN_ID (auto-resolve needs it; a stranger's click falls back to it). */
  defaultAdminId?: boolean;
  /** How long a write may wait for Intercom before its outcome is uncertain. */
  writeTimeoutMs?: number;
}

export async function startFaqWorld(dir: string, options: FaqWorldOptions = {}): Promise<FaqWorld> {
  const emulator = await startEmulator({ port: 0, seed: 7, conversations: 12, generate: generateDemoWorkspace });
  const admin = emulator.state.all("admins")[0] as { id: string; name: string; email: string };
  const slack = await startFakeSlack({
    users: { [CLICKER]: { email: admin.email }, [OTHER]: { email: admin.email }, [STRANGER]: { email: "nobody@elsewhere.example" } },
  });
  const web = new WebClient("xoxb-test", { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  const db = openDatabase(join(dir, `faq-${Math.random().toString(36).slice(2)}.db`));
  const audit = new AuditLog(db);
  const readTransport = new IntercomClient({ baseUrl: emulator.url, token: emulator.token, maxRetries: 0 });
  const executor = createToolExecutor({ transport: readTransport, tools: allTools });
  const reads = createAuditedReads({ executor, audit, source: "workflow:faq", persona: "support" });
  const kb = createKnowledgeBase(db);
  await syncKb({ reads, index: kb.index, now: Math.floor(Date.now() / 1000) });
  const defaultAdminId = options.defaultAdminId ? String(admin.id) : undefined;
  const teammates = createTeammateDirectory({ slack: web, transport: readTransport, defaultAdminId });
  const writeTransport = new IntercomClient({ baseUrl: emulator.url, token: emulator.token, maxRetries: 0, timeoutMs: options.writeTimeoutMs ?? 10_000 });
  const writes = createWritesService({
    ledger: new WriteLedgerRepo(db),
    transaction: transactionOn(db),
    audit,
    transport: writeTransport,
    tools: allTools,
    logger: createSilentLogger(),
    teammates,
  });
  const base = loadPersonas(join(import.meta.dirname, "../../data/personas.yml")).find((p) => p.name === "support") as Persona;
  const persona = { ...base, ...options.persona } as Persona;
  const deps: FaqWorkflowDeps = {
    searcher: kb.searcher,
    drafts: new FaqDraftsRepo(db),
    slack: web,
    writes: writes.gated,
    teammates,
    persona,
    supportChannel: "C0SUPPORT1",
    defaultAdminId,
    reads,
  };
  const writeTools = new Set(allTools.filter((t) => t.risk !== "read").map((t) => t.name));
  return {
    emulator,
    slack,
    db,
    kb,
    reads,
    audit,
    writeCalls: () =>
      audit
        .recent({ limit: 1000 })
        .filter((r) => writeTools.has(r.tool))
        .sort((a, b) => a.id - b.id),
    persona,
    deps,
    adminId: String(admin.id),
    async close() {
      db.close();
      await slack.close();
      await emulator.close();
    },
  };
}

type Doc = Record<string, unknown>;

/**
 * A teammate answering in Intercom's inbox, through the emulator's API: a customer-visible comment, or a note,
 * on a conversation or a ticket. Resolves to the HTTP answer.
 */
export function teammateWrites(
  emulator: RunningEmulator,
  adminId: string,
  target: { conversationId: string } | { ticketId: string },
  body: string,
  messageType: "comment" | "note" = "comment",
): Promise<{ status: number; body: Record<string, unknown> }> {
  const path = "ticketId" in target ? `/tickets/${target.ticketId}/reply` : `/conversations/${target.conversationId}/reply`;
  return callOverHttp(emulator, "POST", path, { type: "admin", admin_id: adminId, message_type: messageType, body });
}

/** Replies from teammates on a conversation, as the emulator holds them. */
export function adminReplies(world: FaqWorld, conversationId: string): Doc[] {
  const conversation = world.emulator.state.get("conversations", conversationId) as Doc | undefined;
  const parts = ((conversation?.conversation_parts as Doc | undefined)?.conversation_parts as Doc[] | undefined) ?? [];
  return parts.filter((p) => p.part_type === "comment" && (p.author as Doc | undefined)?.type === "admin");
}

/**
 * The persona with FAQ auto-resolve on (at confidence 0.5) and the reply's and the close's approval set: "auto"
 * lets the answer go out on its own, "ask" keeps it for a person.
 */
export function autoResolvePersona(base: Persona, replyMode: "auto" | "ask", closeMode: "auto" | "ask" = "ask"): Persona {
  return {
    ...base,
    approval: { ...base.approval, tools: { ...base.approval.tools, INTERCOM_REPLY_TO_CONVERSATION: replyMode, INTERCOM_CLOSE_CONVERSATION: closeMode } },
    faq: { auto_resolve: true, min_confidence: 0.5, gap_notes: false },
  } as Persona;
}

/**
 * A world for the tests of one file or describe block: started before them, closed after them, its folder
 * removed. Tests use it as the world itself; it stands for the one beforeAll started (used before that, it throws).
 */
export function useFaqWorld(options: FaqWorldOptions = {}): FaqWorld {
  const temp = makeTempDir();
  let started: FaqWorld | undefined;
  beforeAll(async () => {
    started = await startFaqWorld(temp.dir, options);
  });
  afterAll(async () => {
    await started?.close();
    temp.cleanup();
  });
  return new Proxy({} as FaqWorld, {
    get: (_target, key) => {
      if (!started) throw new Error("the FAQ world is used before its beforeAll started it");
      const value = Reflect.get(started, key);
      return typeof value === "function" ? value.bind(started) : value;
    },
  });
}
