/**
 * Sets the tools of every model request: find_tools, then the tools find_tools loaded earlier in this run,
 * then the retriever's best matches for the person's request, never more than `maxTools` in all.
 */
import type { BaseMessage } from "langchain";
import { createMiddleware } from "langchain";
import { FIND_TOOLS, loadedToolNames } from "./find-tools.js";
import type { ToolSelector } from "./tool-selector.js";

export interface ToolSelectionOptions {
  selector: ToolSelector;
  /** The persona's scope: only these can be offered. */
  allowed: ReadonlySet<string>;
  maxTools: number;
  /** Told the names offered on each model call (tests and logs). */
  onSelect?: (names: string[]) => void;
}

export function latestHumanText(messages: readonly BaseMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as BaseMessage;
    if (m.getType() === "human") return typeof m.content === "string" ? m.content : m.text;
  }
  return "";
}

export function toolSelectionMiddleware(options: ToolSelectionOptions) {
  return createMiddleware({
    name: "ToolSelection",
    wrapModelCall: async (request, handler) => {
      const messages = (request.state?.messages as BaseMessage[] | undefined) ?? request.messages;
      const byName = new Map(request.tools.map((t) => [String((t as { name?: string }).name), t]));
      const budget = Math.max(0, options.maxTools - (byName.has(FIND_TOOLS) ? 1 : 0));
      const chosen: string[] = [];
      for (const name of loadedToolNames(messages)) {
        if (chosen.length >= budget) break;
        if (options.allowed.has(name) && byName.has(name)) chosen.push(name);
      }
      const ranked = await options.selector.rank(latestHumanText(messages), options.allowed);
      for (const { name, score } of ranked) {
        if (chosen.length >= budget || score <= 0) break;
        if (!chosen.includes(name) && byName.has(name)) chosen.push(name);
      }
      const names = [...(byName.has(FIND_TOOLS) && options.maxTools > 0 ? [FIND_TOOLS] : []), ...chosen];
      options.onSelect?.(names);
      return handler({ ...request, tools: names.map((n) => byName.get(n)).filter((t) => t !== undefined) });
    },
  });
}
