/**
 * The real parts the FAQ tests run on: the emulator's demo workspace over HTTP, the tools' executor, a SQLite
 * file, the knowledge base synced from the emulator, and the fake Slack Web API. Writes go through a small
 * GatedWrites stand-in that executes through the same executor and keeps each idempotency key's outcome
 * (src/writes is not built yet: switch `writes` to the real createGatedWrites in one line when it lands).
 */
import { join } from "node:path";
import { WebClient } from "@slack/web-api";
import { loadPersonas, type Persona } from "../../src/agent/personas.js";
import { generateDemoWorkspace } from "../../src/emulator/demo/generate.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.js";
import { IntercomClient } from "../../src/intercom/client.js";
import { createKnowledgeBase, type KnowledgeBase } from "../../src/kb/knowledge-base.js";
import { syncKb } from "../../src/kb/sync.js";
import { AuditLog } from "../../src/store/audit-log.js";
import { type Db, openDatabase } from "../../src/store/database.js";
import { type AuditedReads, createAuditedReads } from "../../src/workflows/audited-reads.js";
import type { GatedWriteRequest, GatedWrites, TeammateDirectory, WriteOutcome } from "../../src/workflows/contracts.js";
import { FaqDraftsRepo } from "../../src/workflows/faq/drafts-repo.js";
import type { FaqWorkflowDeps } from "../../src/workflows/faq/faq-deps.js";
import { createToolExecutor, type ToolExecutor } from "../../tools/execute.js";
import { allTools } from "../../tools/index.js";
import { type FakeSlackServer, startFakeSlack } from "../fakes/fake-slack-server.js";

export interface RecordingWrites extends GatedWrites {
  calls: GatedWriteRequest[];
}

export function executorWrites(executor: ToolExecutor): RecordingWrites {
  const outcomes = new Map<string, WriteOutcome>();
  const calls: GatedWriteRequest[] = [];
  return {
    calls,
    async run(request) {
      calls.push(request);
      const previous = outcomes.get(request.idempotencyKey);
      if (previous) return previous;
      const result = await executor.execute(request.tool, request.args);
      const outcome: WriteOutcome = result.ok
        ? { status: "sent", tool: request.tool, result: result.raw, summary: `${request.tool} done` }
        : { status: "failed", tool: request.tool, reason: result.message };
      outcomes.set(request.idempotencyKey, outcome);
      return outcome;
    },
  };
}

export interface FaqWorld {
  emulator: RunningEmulator;
  slack: FakeSlackServer;
  db: Db;
  kb: KnowledgeBase;
  reads: AuditedReads;
  writes: RecordingWrites;
  persona: Persona;
  deps: FaqWorkflowDeps;
  adminId: string;
  close(): Promise<void>;
}

export async function startFaqWorld(dir: string, options: { persona?: Partial<Persona>; defaultAdminId?: boolean } = {}): Promise<FaqWorld> {
  const emulator = await startEmulator({ port: 0, seed: 7, conversations: 12, generate: generateDemoWorkspace });
  const slack = await startFakeSlack();
  const db = openDatabase(join(dir, "faq.db"));
  const executor = createToolExecutor({ transport: new IntercomClient({ baseUrl: emulator.url, token: emulator.token, maxRetries: 0 }), tools: allTools });
  const reads = createAuditedReads({ executor, audit: new AuditLog(db), source: "workflow:faq", persona: "support" });
  const kb = createKnowledgeBase(db);
  await syncKb({ reads, index: kb.index, now: Math.floor(Date.now() / 1000) });
  const writes = executorWrites(executor);
  const base = loadPersonas(join(import.meta.dirname, "../../data/personas.yml")).find((p) => p.name === "support") as Persona;
  const persona = { ...base, ...options.persona } as Persona;
  const admin = emulator.state.all("admins")[0] as { id: string; name: string };
  const teammates: TeammateDirectory = { adminFor: async () => ({ adminId: String(admin.id), name: admin.name, matchedBy: "email" }) };
  const deps: FaqWorkflowDeps = {
    searcher: kb.searcher,
    drafts: new FaqDraftsRepo(db),
    slack: new WebClient("xoxb-test", { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
    writes,
    teammates,
    persona,
    supportChannel: "C0SUPPORT1",
    defaultAdminId: options.defaultAdminId ? String(admin.id) : undefined,
    reads,
  };
  return {
    emulator,
    slack,
    db,
    kb,
    reads,
    writes,
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

/** Replies from teammates on a conversation, as the emulator holds them. */
export function adminReplies(world: FaqWorld, conversationId: string): Doc[] {
  const conversation = world.emulator.state.get("conversations", conversationId) as Doc | undefined;
  const parts = ((conversation?.conversation_parts as Doc | undefined)?.conversation_parts as Doc[] | undefined) ?? [];
  return parts.filter((p) => p.part_type === "comment" && (p.author as Doc | undefined)?.type === "admin");
}
