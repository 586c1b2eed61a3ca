/** The body of `switchboard kb sync`: reads through the audited tools, a progress bar only on a terminal. */

import { createToolExecutor } from "../../tools/execute.js";
import { allTools } from "../../tools/index.js";
import { closeDeps, createDeps } from "../app.js";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";
import { knowledgeBaseOptions } from "../kb/kb-from-config.js";
import { createKnowledgeBase } from "../kb/knowledge-base.js";
import { type SyncProgress, syncKb, syncSummary } from "../kb/sync.js";
import { AuditLog } from "../store/audit-log.js";
import { createAuditedReads } from "../workflows/audited-reads.js";

export async function runKbSync(config: Readonly<Config>, options: { full: boolean; isTTY: boolean }): Promise<void> {
  const deps = createDeps(config);
  let bar: { start(total: number, value: number): void; update(value: number): void; setTotal(total: number): void; stop(): void } | undefined;
  try {
    if (options.isTTY) {
      const { SingleBar, Presets } = await import("cli-progress");
      bar = new SingleBar({ format: "  {bar} {value}/{total} articles", stream: process.stderr, hideCursor: true }, Presets.shades_classic);
    }
    const reads = createAuditedReads({
      executor: createToolExecutor({ transport: deps.transport, tools: allTools, logger: deps.logger }),
      audit: new AuditLog(deps.db),
      source: "cli:kb-sync",
      persona: config.defaultPersona,
    });
    let started = false;
    const onProgress = (p: SyncProgress) => {
      if (!bar || p.phase !== "indexing") return;
      if (!started) {
        bar.start(p.total, p.done);
        started = true;
      } else bar.update(p.done);
    };
    const kb = createKnowledgeBase(deps.db, await knowledgeBaseOptions(config, deps.logger));
    const now = Math.floor(Date.now() / 1000);
    const report = await syncKb({ reads, index: kb.index, vectors: kb.vectors, now, full: options.full, onProgress });
    bar?.stop();
    // Nothing read is not "synced 0 articles": the index is as it was, and saying otherwise would mislead.
    if (report.errors.length > 0 && report.added + report.changed + report.unchanged + report.removed === 0)
      throw new AppError("INTERCOM_HTTP", `The knowledge base could not be read from Intercom, so it was left as it was: ${report.errors.join("; ")}`);
    console.log(syncSummary(report));
    if (report.errors.length > 0) process.exitCode = 1;
  } finally {
    bar?.stop();
    await closeDeps(deps);
  }
}
