/** `switchboard audit [--since 1h|ISO] [--persona P] [--tool T] [--json] [--limit N]`: what the agent did, newest first. */
import type { Command } from "commander";
import { allTools } from "../../tools/index.js";
import { AppError } from "../errors.js";
import type { AuditRecord } from "../store/audit-log.js";
import type { CliContext } from "./context.js";

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** "90m", "1h", "2d", "1w" back from now, or an ISO date/time; milliseconds since the epoch. */
export function parseSince(text: string, now: number): number {
  const relative = /^(\d+)\s*([smhdw])$/i.exec(text.trim());
  if (relative) return now - Number(relative[1]) * (UNITS[(relative[2] as string).toLowerCase()] as number);
  const at = Date.parse(text);
  if (Number.isNaN(at))
    throw new AppError("USAGE", `--since expects a duration such as 30m, 1h, 2d or 1w, or an ISO date such as 2026-11-25T09:00Z; got "${text}".`);
  return at;
}

/** Accepts a tool's name or its title ("Reply to conversation"). */
export function resolveToolName(text: string): string {
  const lower = text.trim().toLowerCase();
  return allTools.find((t) => t.name.toLowerCase() === lower || t.title.toLowerCase() === lower)?.name ?? text.trim();
}

const clip = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

export function formatAuditRows(rows: readonly AuditRecord[]): string {
  if (rows.length === 0) return "No audited tool calls match.";
  return rows
    .map((r) => {
      const who = r.requesterUser ?? r.requesterSource;
      const approval = r.approver ? ` by ${r.approver}` : "";
      const latency = r.latencyMs !== undefined ? ` ${r.latencyMs}ms` : "";
      // The run id ties a row to the log lines of the same run (they carry runId).
      const run = r.runId ? `  ${r.runId}` : "";
      return `${new Date(r.at).toISOString()}  ${r.status.padEnd(8)} ${r.persona.padEnd(8)} ${clip(who, 14).padEnd(14)} ${r.tool}  [${r.decision}${approval}]${latency}${run}  ${clip(JSON.stringify(r.args), 100)}`;
    })
    .join("\n");
}

export function registerAuditCommands(program: Command, context: CliContext): void {
  program
    .command("audit")
    .description("Show the audit log of the agent's tool calls, newest first")
    .option("--since <when>", "only calls since a duration ago (30m, 1h, 2d) or an ISO date")
    .option("--persona <name>", "only calls made as this persona")
    .option("--tool <name>", "only calls of this tool (name or title)")
    .option("--limit <n>", "at most this many rows", "50")
    .option("--json", "print JSON (one array) instead of a table")
    .action(async (options: { since?: string; persona?: string; tool?: string; limit: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new AppError("USAGE", `--limit expects a whole number above 0; got "${options.limit}".`);
      const since = options.since ? parseSince(options.since, Date.now()) : undefined;
      const config = context.loadConfig();
      const [{ closeDeps, createDeps }, { AuditLog }] = await Promise.all([import("../app.js"), import("../store/audit-log.js")]);
      const deps = createDeps(config);
      try {
        const rows = new AuditLog(deps.db).recent({ since, persona: options.persona, tool: options.tool ? resolveToolName(options.tool) : undefined, limit });
        console.log(options.json ? JSON.stringify(rows, null, 2) : formatAuditRows(rows));
      } finally {
        await closeDeps(deps);
      }
    });
}
