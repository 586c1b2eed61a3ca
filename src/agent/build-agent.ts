/**
 * Builds the LangChain agent for one persona and one run: the persona's tools (each callable only through the
 * guard), find_tools, per-request tool selection, the human-in-the-loop pause for gated tools and the guard.
 * The same inputs always give the same graph, which is what lets a paused run resume in a new process.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseCheckpointSaver } from "@langchain/langgraph";
import { createAgent, humanInTheLoopMiddleware, type InterruptOnConfig } from "langchain";
import type { ToolDefinition } from "../../tools/define.js";
import { toLangChainTool } from "../../tools/to-langchain.js";
import { AppError } from "../errors.js";
import { summarizeCall } from "./call-summary.js";
import { createFindToolsTool } from "./find-tools.js";
import { type GuardContext, toolGuardMiddleware } from "./guard-middleware.js";
import { systemPromptFor } from "./personas.js";
import { approvalMode, scopedTools } from "./policy.js";
import { provenanceCheckedTools, provenanceInterrupts } from "./provenance-pause.js";
import { danglingCallsMiddleware } from "./repair-middleware.js";
import { toolSelectionMiddleware } from "./selection-middleware.js";
import type { ToolSelector } from "./tool-selector.js";

export interface BuildAgentOptions {
  model: BaseChatModel;
  checkpointer: BaseCheckpointSaver;
  selector: ToolSelector;
  maxTools: number;
  guard: GuardContext;
  onSelect?: (names: string[]) => void;
}

/** Tools of a persona that always pause for a person. */
function alwaysGated(guard: Pick<GuardContext, "persona">, tools: readonly ToolDefinition[]): string[] {
  return scopedTools(guard.persona, tools)
    .filter((t) => approvalMode(guard.persona, t) === "ask")
    .map((t) => t.name);
}

/** Tools of a persona that may pause for a person: those it always asks about, and its automatic writes (when customer text steered them). */
export function gatedToolNames(guard: Pick<GuardContext, "persona">, tools: readonly ToolDefinition[]): string[] {
  const scoped = scopedTools(guard.persona, tools);
  return [...alwaysGated(guard, tools), ...provenanceCheckedTools(guard.persona, scoped).map((t) => t.name)];
}

export function buildAgent(options: BuildAgentOptions) {
  const { guard, selector } = options;
  const scoped = scopedTools(guard.persona, selector.tools);
  const allowed = new Set(scoped.map((t) => t.name));
  // The guard executes every call itself; reaching a tool's own function means the guard was bypassed.
  const bypassed = async () => {
    throw new AppError("INTERNAL", "A tool was called outside the approval guard; nothing was sent.");
  };
  const tools = [createFindToolsTool(selector, allowed), ...scoped.map((t) => toLangChainTool(t, bypassed))];

  const interruptOn: Record<string, InterruptOnConfig | boolean> = { ...provenanceInterrupts(guard.persona, scoped) };
  for (const name of alwaysGated(guard, selector.tools)) {
    const title = selector.get(name)?.title ?? name;
    interruptOn[name] = {
      allowedDecisions: ["approve", "edit", "reject"],
      description: (toolCall: { args: Record<string, unknown> }) => summarizeCall(title, toolCall.args ?? {}),
    };
  }

  return createAgent({
    model: options.model,
    tools,
    systemPrompt: systemPromptFor(guard.persona),
    checkpointer: options.checkpointer,
    middleware: [
      toolSelectionMiddleware({ selector, allowed, maxTools: options.maxTools, onSelect: options.onSelect }),
      danglingCallsMiddleware(),
      humanInTheLoopMiddleware({ interruptOn, descriptionPrefix: "Waiting for a person to approve" }),
      toolGuardMiddleware(guard),
    ],
  });
}
