/**
 * Wires the Slack app to the rest of Switchboard from Deps: the Intercom connection and transport, personas,
 * the 133 tools, the chat model and the run engine on the same database. `npm start` and the end-to-end tests
 * both build the app through here, so the tests exercise the real wiring.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { WebClientOptions } from "@slack/web-api";
import type { ToolDefinition } from "../../tools/define.js";
import { allTools } from "../../tools/index.js";
import type { SwitchboardRunEngine } from "../agent/create-run-engine.js";
import { createRunEngineFromConfig } from "../agent/engine-from-config.js";
import type { Persona } from "../agent/personas.js";
import type { Deps } from "../app.js";
import type { IntercomConnection } from "../connections/intercom-connection.js";
import { createSlackApp, type SlackApp } from "./create-slack-app.js";
import type { PostQueueOptions } from "./post-queue.js";
import { slackServicesFrom } from "./services-from-agent.js";

export interface ComposeOptions {
  /** Defaults to the model from the config (undefined when none is configured: runs then say how to set one). */
  chatModel?: BaseChatModel;
  personas?: readonly Persona[];
  tools?: readonly ToolDefinition[];
  clientOptions?: WebClientOptions;
  postQueue?: PostQueueOptions;
  /** Milliseconds since the epoch, for the run engine (approval expiry). */
  now?: () => number;
  /** How often the running app expires stale approvals and updates their cards (default 60 s; 0 turns it off). */
  approvalSweepMs?: number;
}

export interface SlackStack {
  slack: SlackApp;
  engine: SwitchboardRunEngine;
  intercom: IntercomConnection;
  /** Stops the Slack app, waiting for work in flight (closeDeps stops the emulator and the database). */
  close(): Promise<void>;
}

export function composeSlackApp(deps: Deps, options: ComposeOptions = {}): SlackStack {
  const { config, logger, db } = deps;
  const tools = options.tools ?? allTools;
  const { intercom, transport } = deps;
  const engine = createRunEngineFromConfig({
    config,
    db,
    transport,
    logger,
    tools,
    chatModel: options.chatModel,
    extra: { ...(options.personas ? { personas: options.personas } : {}), ...(options.now ? { now: options.now } : {}) },
  });
  const personas = engine.personas;
  const services = slackServicesFrom({
    engine,
    personas,
    defaultPersona: config.defaultPersona,
    tools,
    audit: engine.audit,
    model: config.model,
    expireStale: () => engine.expireStale(),
  });
  const slack = createSlackApp({
    config,
    db,
    secrets: deps.secrets,
    services,
    logger,
    intercom,
    clientOptions: options.clientOptions,
    postQueue: options.postQueue,
    approvalSweepMs: options.approvalSweepMs,
  });
  return {
    slack,
    engine,
    intercom,
    async close() {
      await slack.stop();
    },
  };
}
