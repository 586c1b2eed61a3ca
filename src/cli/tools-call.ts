/**
 * `switchboard tools call`: one tool against the configured Intercom. Writes ask first on a terminal and are
 * refused without one unless --yes is given; every write goes through the write gate (src/writes), so it is
 * recorded before it is sent and audited with who ran it ("cli:<os user>"). Loaded only when `call` runs.
 */
import { randomUUID } from "node:crypto";
import { userInfo } from "node:os";
import { createToolCatalog } from "../../tools/catalog.js";
import type { ToolDefinition } from "../../tools/define.js";
import { createToolExecutor, describeIssues } from "../../tools/execute.js";
import { allTools } from "../../tools/index.js";
import { trimForModel } from "../../tools/trim.js";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";
import { IntercomClient } from "../intercom/client.js";
import type { IntercomTransport } from "../intercom/types.js";
import { createLogger, type Logger } from "../logger.js";
import { AuditLog } from "../store/audit-log.js";
import { type Db, openDatabase } from "../store/database.js";
import { transactionOn } from "../store/stores.js";
import { WriteLedgerRepo } from "../store/write-ledger-repo.js";
import { operatorPersona } from "../writes/operator-persona.js";
import { createWritesService } from "../writes/writes-service.js";

export interface ToolsCallIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  confirm: (question: string) => Promise<boolean>;
}

export interface ToolsCallParams {
  config: Readonly<Config>;
  name: string;
  argsJson?: string;
  yes: boolean;
  io: ToolsCallIO;
  tools?: readonly ToolDefinition[];
  /** Where requests go; the CLI passes the app's transport (which falls back to the emulator). */
  transport?: IntercomTransport;
  /** How to name that target in a confirmation question. */
  target?: string;
  /** The database writes are recorded and audited in; opened from config.databasePath when absent. */
  db?: Db;
  /** Who runs it, for the audit log; defaults to the OS user. */
  operator?: string;
}

function osUser(): string {
  try {
    return userInfo().username || "unknown";
  } catch {
    return "unknown";
  }
}

/** A write from the terminal: the person who typed it (and confirmed, or passed --yes) is its approver. */
async function runWrite(
  params: ToolsCallParams,
  tool: ToolDefinition,
  args: Record<string, unknown>,
  transport: IntercomTransport,
  logger: Logger,
  tools: readonly ToolDefinition[],
): Promise<number> {
  const db = params.db ?? openDatabase(params.config.databasePath);
  try {
    const source = `cli:${params.operator ?? osUser()}`;
    const writes = createWritesService({ ledger: new WriteLedgerRepo(db), transaction: transactionOn(db), audit: new AuditLog(db), transport, tools, logger });
    const outcome = await writes.gated.run({
      tool: tool.name,
      args,
      persona: operatorPersona(),
      authority: { kind: "person", source },
      requester: { source },
      prompt: `switchboard tools call ${tool.name}`,
      idempotencyKey: `cli:${randomUUID()}`,
    });
    if (outcome.status === "sent") {
      // The same trimmed view a read prints; the full answer is in the ledger and the audit log.
      params.io.stdout(
        JSON.stringify(outcome.result === null || outcome.result === undefined ? { note: outcome.summary } : trimForModel(outcome.result), null, 2),
      );
      return 0;
    }
    const said = outcome.status === "uncertain" ? "outcome unknown" : outcome.status === "refused" ? "was not allowed" : "failed";
    params.io.stderr(`${tool.name} ${said}: ${outcome.reason}`);
    return 1;
  } finally {
    if (!params.db) db.close();
  }
}

function parseArgs(argsJson: string | undefined): Record<string, unknown> {
  if (argsJson === undefined || argsJson.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(argsJson);
  } catch (error) {
    throw new AppError("USAGE", `--args is not valid JSON (${(error as Error).message}). Example: --args '{"contact_id":"123"}'`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new AppError("USAGE", "--args must be a JSON object of named fields.");
  return parsed as Record<string, unknown>;
}

/** Runs one tool and prints its trimmed result as JSON; returns the exit code. */
export async function runToolsCall(params: ToolsCallParams): Promise<number> {
  const { config, io } = params;
  const catalog = createToolCatalog(params.tools ?? allTools, params.tools ? { seeds: [], expectedCount: null } : {});
  const tool = catalog.require(params.name);
  const args = parseArgs(params.argsJson);
  const token = config.intercom.accessToken;
  if (!token && !params.transport) {
    throw new AppError(
      "INTERCOM_NOT_CONFIGURED",
      "No Intercom is configured: set INTERCOM_ACCESS_TOKEN (Developer Hub → your app → Authentication) in .env or the environment, and INTERCOM_REGION=eu or au (or INTERCOM_BASE_URL) if the workspace is not in the US.",
    );
  }
  const checked = tool.input.safeParse(args);
  if (!checked.success) {
    io.stderr(`The arguments for ${tool.name} are invalid: ${describeIssues(checked.error.issues, args)}.`);
    return 1;
  }
  if (tool.risk !== "read" && !params.yes) {
    const what = `${tool.title} (${tool.risk}: ${tool.method} ${tool.path}) on ${params.target ?? config.intercom.baseUrl}`;
    if (!io.isTTY) throw new AppError("USAGE", `${tool.name} changes data in Intercom: ${what}. Without a terminal to confirm on, pass --yes to run it.`);
    if (!(await io.confirm(`Run ${what} with ${JSON.stringify(args)}? [y/N] `))) {
      io.stderr("Cancelled; nothing was sent to Intercom.");
      return 1;
    }
  }
  const logger = createLogger({ level: config.log.level, format: config.log.format });
  const transport =
    params.transport ?? new IntercomClient({ baseUrl: config.intercom.baseUrl, token: token as string, timeoutMs: config.intercom.timeoutMs, logger });
  if (tool.risk !== "read") return runWrite(params, tool, args, transport, logger, catalog.tools);
  const result = await createToolExecutor({ transport, tools: catalog.tools, logger }).execute(tool.name, args);
  if (!result.ok) {
    io.stderr(`${tool.name} failed: ${result.message}${result.requestId ? ` (Intercom request ${result.requestId})` : ""}`);
    return 1;
  }
  io.stdout(JSON.stringify(result.data, null, 2));
  return 0;
}

/** Names where a write would land, for the confirmation line: "Intercom at https://api.intercom.io (INTERCOM_ACCESS_TOKEN)". */
export function describeTarget(baseUrl: string, mode: string): string {
  return `Intercom at ${baseUrl} (${mode === "oauth" ? "OAuth connection" : "INTERCOM_ACCESS_TOKEN"})`;
}
