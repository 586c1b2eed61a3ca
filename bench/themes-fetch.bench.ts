/**
 * The themes digest's fetch: a week of about 10,000 conversations (and the week's tickets) from the emulator,
 * over loopback HTTP, through the tools' executor and the audit log (a real SQLite file), exactly as the
 * weekly job reads them. Goal: ≤ 10 s. The emulator starts with 60,000 conversations over its 42 days of
 * history, so that the last 7 days hold about 10,000; building that workspace is not part of the figure.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../src/emulator/server.js";
import { IntercomClient } from "../src/intercom/client.js";
import { AuditLog } from "../src/store/audit-log.js";
import { openDatabase } from "../src/store/database.js";
import { createAuditedReads } from "../src/workflows/audited-reads.js";
import { fetchWindow } from "../src/workflows/themes/fetch-window.js";
import { createToolExecutor } from "../tools/execute.js";
import { allTools } from "../tools/index.js";

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const WEEK = 7 * 86_400_000;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "themes-fetch-bench-"));
  const startedEmulator = performance.now();
  const emulator = await startEmulator({ port: 0, conversations: 50_000, now: Math.floor(NOW / 1000) });
  const emulatorSeconds = (performance.now() - startedEmulator) / 1000;
  const db = openDatabase(join(dir, "bench.db"));
  try {
    const executor = createToolExecutor({ transport: new IntercomClient({ baseUrl: emulator.url, token: emulator.token }), tools: allTools });
    const reads = createAuditedReads({ executor, audit: new AuditLog(db), source: "job:weekly-themes", persona: "analyst", now: () => NOW });
    let requests = 0;
    const counting: typeof reads = {
      read(tool, args, prompt) {
        requests++;
        return reads.read(tool, args, prompt);
      },
    };
    const started = performance.now();
    const cpu = process.cpuUsage();
    const fetched = await fetchWindow(counting, NOW - WEEK, NOW);
    const used = process.cpuUsage(cpu);
    const seconds = (performance.now() - started) / 1000;
    console.log(`emulator with 50,000 conversations started in ${emulatorSeconds.toFixed(1)} s (not counted)`);
    console.log(
      `a week from the emulator: ${fetched.conversations.length} conversations and ${fetched.tickets.length} tickets in ${seconds.toFixed(1)} s wall, ` +
        `${((used.user + used.system) / 1e6).toFixed(1)} s CPU (server and client share this process), ${requests} requests (goal ≤ 10 s)`,
    );
  } finally {
    db.close();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
