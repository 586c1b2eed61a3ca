/** The body of `switchboard kb sync`: reads through the audited tools, shows its progress only on a terminal. */

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

/** Where progress is drawn: stderr in the CLI, a fake terminal in tests. */
export type ProgressStream = NodeJS.WritableStream & { isTTY?: boolean };

export interface SyncProgressView {
  show(progress: SyncProgress): void;
  /** Ends whatever is on screen (the reading line, the bar); safe to call more than once. */
  stop(): void;
}

/** Pure: the line shown while one source is read. */
export function readingLine(p: Extract<SyncProgress, { phase: "reading" }>): string {
  if (p.pages === 0) return `  reading ${p.source}…`;
  const page = p.totalPages && p.totalPages >= p.pages ? `page ${p.pages} of ${p.totalPages}` : `page ${p.pages}`;
  return `  reading ${p.source}: ${page}, ${p.articles} so far`;
}

/**
 * On a terminal: one line per source, rewritten as each page arrives, then the indexing bar. Anywhere else
 * nothing at all, so piped output is only the summary line.
 */
export async function createSyncProgressView(stream: ProgressStream): Promise<SyncProgressView> {
  if (!stream.isTTY) return { show: () => {}, stop: () => {} };
  const { SingleBar, Presets } = await import("cli-progress");
  const bar = new SingleBar({ format: "  {bar} {value}/{total} articles", stream, hideCursor: true }, Presets.shades_classic);
  /** The source whose line is on screen and not yet ended. */
  let reading: string | undefined;
  let barStarted = false;
  const endLine = () => {
    if (reading !== undefined) stream.write("\n");
    reading = undefined;
  };
  return {
    show(p) {
      if (p.phase === "reading") {
        if (reading !== p.source) endLine();
        reading = p.source;
        // Back to the start of the line and clear it, so a shorter line leaves nothing of the longer one.
        stream.write(`\r\x1b[2K${readingLine(p)}`);
        return;
      }
      endLine();
      if (!barStarted) {
        bar.start(p.total, p.done);
        barStarted = true;
      } else bar.update(p.done);
    },
    stop() {
      endLine();
      bar.stop();
    },
  };
}

export async function runKbSync(config: Readonly<Config>, options: { full: boolean; stream: ProgressStream }): Promise<void> {
  const deps = createDeps(config);
  const view = await createSyncProgressView(options.stream);
  try {
    const reads = createAuditedReads({
      executor: createToolExecutor({ transport: deps.transport, tools: allTools, logger: deps.logger }),
      audit: new AuditLog(deps.db),
      source: "cli:kb-sync",
      persona: config.defaultPersona,
    });
    const kb = createKnowledgeBase(deps.db, await knowledgeBaseOptions(config, deps.logger));
    const now = Math.floor(Date.now() / 1000);
    const report = await syncKb({ reads, index: kb.index, vectors: kb.vectors, now, full: options.full, onProgress: view.show });
    view.stop();
    // Nothing read is not "synced 0 articles": the index is as it was, and saying otherwise would mislead.
    if (report.errors.length > 0 && report.added + report.changed + report.unchanged + report.removed === 0)
      throw new AppError("INTERCOM_HTTP", `The knowledge base could not be read from Intercom, so it was left as it was: ${report.errors.join("; ")}`);
    console.log(syncSummary(report));
    if (report.errors.length > 0) process.exitCode = 1;
  } finally {
    view.stop();
    await closeDeps(deps);
  }
}
