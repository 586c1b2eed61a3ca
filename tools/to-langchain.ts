/**
 * Turns a tool definition into a LangChain tool. The caller supplies `run`, which is where the agent puts its
 * approval policy, the executor call and the audit record; this file only adapts shapes.
 */
import { tool } from "langchain";
import type { ToolDefinition } from "./define.js";

export type ToolRunner = (args: Record<string, unknown>) => Promise<string>;

export function toLangChainTool(definition: ToolDefinition, run: ToolRunner) {
  return tool(async (args: Record<string, unknown>) => run(args), {
    name: definition.name,
    description: definition.description,
    schema: definition.input,
  });
}
