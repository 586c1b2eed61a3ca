/** The hourly knowledge-base sync (SWITCHBOARD_KB_SYNC_CRON): incremental, through the audited reads. */
import type { ChunkVectors } from "../src/kb/chunk-vectors.js";
import type { KbIndex } from "../src/kb/kb-index.js";
import { syncKb, syncSummary } from "../src/kb/sync.js";
import type { AuditedReads } from "../src/workflows/audited-reads.js";
import type { JobDefinition } from "../src/workflows/contracts.js";

export function kbSyncJob(deps: { reads: AuditedReads; index: KbIndex; cron: string; vectors?: ChunkVectors }): JobDefinition {
  return {
    name: "kb-sync",
    description: "Sync help-center, internal and Fin content articles into the knowledge base (changed ones only)",
    cron: deps.cron,
    async run(context) {
      const report = await syncKb({ reads: deps.reads, index: deps.index, now: Math.floor(context.slot / 1000), vectors: deps.vectors });
      if (report.errors.length > 0 && report.added + report.changed + report.unchanged === 0) throw new Error(syncSummary(report));
      return { summary: syncSummary(report) };
    },
  };
}
