/** Builds a run engine on a real SQLite file and a real HTTP Intercom stand-in, the way the app does. */
import { join } from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { createRunEngine, type RunEngineOptions, type SwitchboardRunEngine } from "../../../src/agent/create-run-engine.js";
import { loadPersonas, type Persona } from "../../../src/agent/personas.js";
import { IntercomClient } from "../../../src/intercom/client.js";
import { createSilentLogger } from "../../../src/logger.js";
import { type Db, openDatabase } from "../../../src/store/database.js";
import type { ToolDefinition } from "../../../tools/define.js";
import { fixtureTools } from "./fixture-tools.js";

export const shippedPersonas = (): Persona[] => loadPersonas(join(import.meta.dirname, "../../../data/personas.yml"));

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
  const engine = createRunEngine({
    db,
    transport,
    tools: input.tools ?? fixtureTools,
    personas: input.personas ?? shippedPersonas(),
    chatModel: input.model,
    logger: createSilentLogger(),
    maxToolsPerRequest: 12,
    approvalTtlMinutes: 60,
    ...input.extra,
  });
  return { engine, db, close: () => db.close() };
}

export const cliDecider = { source: "cli:tester" };
