/**
 * Wires a run engine from configuration: personas from SWITCHBOARD_PERSONAS_FILE (checked against the tool
 * catalog), the configured chat model and, when set, embeddings for hybrid tool selection, the SQLite
 * checkpointer on the application's file. The composition root (src/app.ts) builds its engine here, and so
 * does the terminal `ask` command, so both run the same wiring.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import type { ToolDefinition } from "../../tools/define.js";
import { createToolExecutor } from "../../tools/execute.js";
import { allTools } from "../../tools/index.js";
import type { Config } from "../config.js";
import type { IntercomTransport } from "../intercom/types.js";
import type { Logger } from "../logger.js";
import { EmbeddingCache } from "../retrieval/embedding-cache.js";
import type { Db } from "../store/database.js";
import { createStores } from "../store/stores.js";
import { createChatModel, createEmbeddings } from "./chat-model.js";
import { createRunEngine, type RunEngineOptions, type RunEngineStores, type SwitchboardRunEngine } from "./create-run-engine.js";
import type { ToolExecutorLike } from "./guard-middleware.js";
import { checkPersonaToolNames, loadPersonas, type Persona } from "./personas.js";
import { ToolSelector } from "./tool-selector.js";

export function loadCheckedPersonas(config: Pick<Config, "personasFile">, tools: readonly ToolDefinition[] = allTools): Persona[] {
  const personas = loadPersonas(config.personasFile);
  checkPersonaToolNames(personas, new Set(tools.map((t) => t.name)), config.personasFile);
  return personas;
}

export interface EngineFromConfigInput {
  config: Readonly<Config>;
  /** The application database: the LangGraph checkpointer and the embedding cache keep their tables in it. */
  db: Db;
  /** Where tool calls go; used to build the executor when none is given. */
  transport: IntercomTransport;
  /** The stores built by the composition root; built from `db` when absent (the terminal). */
  stores?: RunEngineStores;
  /** The tool executor built by the composition root; built from `transport` when absent. */
  executor?: ToolExecutorLike;
  logger?: Logger;
  /** The checked catalog's tools (tools/catalog.ts); defaults to the shipped list. */
  tools?: readonly ToolDefinition[];
  /** Already loaded and checked personas; loaded from the config when absent. */
  personas?: readonly Persona[];
  /** Overrides the model built from config (tests, or a caller that already has one). */
  chatModel?: BaseChatModel;
  /** Milliseconds since the epoch. */
  now?: () => number;
  extra?: Partial<RunEngineOptions>;
}

export function createRunEngineFromConfig(input: EngineFromConfigInput): SwitchboardRunEngine {
  const tools = input.tools ?? allTools;
  const { config, db, logger } = input;
  const now = input.now ?? Date.now;
  const embeddings = createEmbeddings(config.model);
  const selector = new ToolSelector(tools, {
    embeddings,
    cache: embeddings ? new EmbeddingCache(db, config.model.embeddingModel ?? "default") : undefined,
    logger,
    now,
  });
  return createRunEngine({
    stores: input.stores ?? createStores(db, now),
    checkpointer: new SqliteSaver(db),
    executor: input.executor ?? createToolExecutor({ transport: input.transport, tools, logger }),
    selector,
    tools,
    personas: input.personas ?? loadCheckedPersonas(config, tools),
    chatModel: input.chatModel ?? createChatModel(config.model),
    logger,
    maxToolsPerRequest: config.maxToolsPerRequest,
    approvalTtlMinutes: config.approvalTtlMinutes,
    now,
    ...input.extra,
  });
}
