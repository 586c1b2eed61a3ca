/**
 * A knowledge base synced from the emulator, the way the app does it: the emulator over loopback HTTP with a
 * clock the test moves, the audited tool executor (no client retries, so a 429 reaches the sync), and a SQLite
 * file with the app's migrations.
 */
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.js";
import { IntercomClient } from "../../src/intercom/client.js";
import { createKnowledgeBase, type KnowledgeBase } from "../../src/kb/knowledge-base.js";
import { AuditLog } from "../../src/store/audit-log.js";
import { type AuditedReads, createAuditedReads } from "../../src/workflows/audited-reads.js";
import { createToolExecutor } from "../../tools/execute.js";
import { allTools } from "../../tools/index.js";
import { ManualClock, smallWorkspace, TEST_NOW } from "../emulator/helpers.js";
import { type TempDb, tempDb } from "../inbox/helpers.js";

export interface EmulatorKb {
  temp: TempDb;
  emulator: RunningEmulator;
  clock: ManualClock;
  kb: KnowledgeBase;
  reads: AuditedReads;
  close(): Promise<void>;
}

export async function startEmulatorKb(): Promise<EmulatorKb> {
  const temp = tempDb();
  const clock = new ManualClock((TEST_NOW + 600) * 1000);
  const emulator = await startEmulator({ workspace: smallWorkspace(), clock });
  const transport = new IntercomClient({ baseUrl: emulator.url, token: emulator.token, maxRetries: 0 });
  const reads = createAuditedReads({
    executor: createToolExecutor({ transport, tools: allTools }),
    audit: new AuditLog(temp.db),
    source: "test:kb",
    persona: "support",
  });
  return {
    temp,
    emulator,
    clock,
    kb: createKnowledgeBase(temp.db),
    reads,
    close: async () => {
      await emulator.close();
      temp.cleanup();
    },
  };
}
