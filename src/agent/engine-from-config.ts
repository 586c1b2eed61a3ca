/**
 * Wires a run engine from configuration: the shipped tool catalog, personas from SWITCHBOARD_PERSONAS_FILE
 * (checked against the catalog), the configured chat model and, when set, embeddings for hybrid selection.
 * The Slack app and the terminal both build their engine here.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { ToolDefinition } from "../../tools/define.js";
import { allTools } from "../../tools/index.js";
import type { Config } from "../config.js";
import type { IntercomTransport } from "../intercom/types.js";
import type { Logger } from "../logger.js";
import type { Db } from "../store/database.js";
import { createChatModel, createEmbeddings } from "./chat-model.js";
import { createRunEngine, type RunEngineOptions, type SwitchboardRunEngine } from "./create-run-engine.js";
import { checkPersonaToolNames, loadPersonas, type Persona } from "./personas.js";

export function loadCheckedPersonas(config: Pick<Config, "personasFile">, tools: readonly ToolDefinition[] = allTools): Persona[] {
  const personas = loadPersonas(config.personasFile);
  checkPersonaToolNames(personas, new Set(tools.map((t) => t.name)), config.personasFile);
  return personas;
}

export interface EngineFromConfigInput {
  config: Readonly<Config>;
  db: Db;
  transport: IntercomTransport;
  logger?: Logger;
  tools?: readonly ToolDefinition[];
  /** Overrides the model built from config (tests, or a caller that already has one). */
  chatModel?: BaseChatModel;
  extra?: Partial<RunEngineOptions>;
}

export function createRunEngineFromConfig(input: EngineFromConfigInput): SwitchboardRunEngine {
  const tools = input.tools ?? allTools;
  const { config } = input;
  return createRunEngine({
    db: input.db,
    transport: input.transport,
    tools,
    personas: loadCheckedPersonas(config, tools),
    chatModel: input.chatModel ?? createChatModel(config.model),
    embeddings: createEmbeddings(config.model),
    embeddingModel: config.model.embeddingModel,
    logger: input.logger,
    maxToolsPerRequest: config.maxToolsPerRequest,
    approvalTtlMinutes: config.approvalTtlMinutes,
    ...input.extra,
  });
}
