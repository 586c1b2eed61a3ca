/** Builds a run engine on a real SQLite file and a real HTTP Intercom stand-in, the way the app does. */
import { join } from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { createRunEngine, type RunEngineOptions, type SwitchboardRunEngine } from "../../../src/agent/create-run-engine.js";
import { loadPersonas, type Persona } from "../../../src/agent/personas.js";
import { ToolSelector } from "../../../src/agent/tool-selector.js";
import { IntercomClient } from "../../../src/intercom/client.js";
import type { IntercomTransport } from "../../../src/intercom/types.js";
import { createSilentLogger } from "../../../src/logger.js";
import { type Db, openDatabase } from "../../../src/store/database.js";
import { createStores } from "../../../src/store/stores.js";
import type { ToolDefinition } from "../../../tools/define.js";
import { createToolExecutor } from "../../../tools/execute.js";
import { fixtureTools } from "./fixture-tools.js";

export const shippedPersonas = (): Persona[] => loadPersonas(join(import.meta.dirname, "../../../data/personas.yml"));

type EngineInput = Omit<RunEngineOptions, "stores" | "checkpointer" | "executor" | "selector" | "maxToolsPerRequest" | "approvalTtlMinutes"> &
  Partial<RunEngineOptions> & { db: Db; transport: IntercomTransport };

/** A run engine wired the way the composition root wires it: stores, checkpointer, executor and selector on one file. */
export function engineOn(input: EngineInput): SwitchboardRunEngine {
  const { db, transport, ...options } = input;
  const now = options.now ?? Date.now;
  return createRunEngine({
    stores: createStores(db, now),
    checkpointer: new SqliteSaver(db),
    executor: createToolExecutor({ transport, tools: options.tools, logger: options.logger }),
    selector: new ToolSelector(options.tools, { logger: options.logger, now }),
    maxToolsPerRequest: 12,
    approvalTtlMinutes: 60,
    ...options,
  });
}

export interface EngineHandle {
  engine: SwitchboardRunEngine;
  db: Db;
  close(): void;
}

export function buildEngine(input: {
  dbFile: string;
  intercomUrl: string;
  model?: BaseChatModel;
  tools?: readonly ToolDefinition[];
  personas?: readonly Persona[];
  extra?: Partial<RunEngineOptions>;
}): EngineHandle {
  const db = openDatabase(input.dbFile);
  const transport = new IntercomClient({ baseUrl: input.intercomUrl, token: "test-token-123456", maxRetries: 0 });
  const engine = engineOn({
    db,
    transport,
    tools: input.tools ?? fixtureTools,
    personas: input.personas ?? shippedPersonas(),
    chatModel: input.model,
    logger: createSilentLogger(),
    ...input.extra,
  });
  return { engine, db, close: () => db.close() };
}

export const cliDecider = { source: "cli:tester" };
