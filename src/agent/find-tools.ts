/**
 * The `find_tools` tool: the model describes what it needs and gets up to a few more tools from the persona's
 * scope. The answer is plain JSON in the tool message, so the set of loaded tools survives a restart with the
 * checkpoint and can be read back from the conversation itself.
 */
import type { BaseMessage } from "langchain";
import { tool } from "langchain";
import * as z from "zod";
import type { ToolSelector } from "./tool-selector.js";

export const FIND_TOOLS = "find_tools";
const PER_QUERY = 5;

export function createFindToolsTool(selector: ToolSelector, allowed: ReadonlySet<string>) {
  return tool(
    async ({ query }: { query: string }) => {
      const found = await selector.select(query, PER_QUERY, allowed);
      return JSON.stringify({
        loaded: found.map((t) => ({ name: t.name, title: t.title, risk: t.risk, description: t.description.slice(0, 300) })),
        note: found.length
          ? "These tools are now available to call for the rest of this request."
          : "No tool in your scope matches; answer with what you have or say what is missing.",
      });
    },
    {
      name: FIND_TOOLS,
      description:
        "Load more Intercom tools when none of the tools you have fits the task. Describe the action in a few plain words " +
        "(for example 'list ticket types' or 'remove a tag from a contact'); the best matching tools become callable.",
      schema: z.object({ query: z.string().min(2).describe("A few words describing the action or data you need.") }),
    },
  );
}

/** Names loaded by earlier find_tools calls in this conversation, most recent first. */
export function loadedToolNames(messages: readonly BaseMessage[]): string[] {
  const names: string[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i] as BaseMessage & { name?: string };
    if (message.getType() !== "tool" || message.name !== FIND_TOOLS || typeof message.content !== "string") continue;
    try {
      const parsed = JSON.parse(message.content) as { loaded?: { name?: unknown }[] };
      for (const item of parsed.loaded ?? []) if (typeof item.name === "string" && !names.includes(item.name)) names.push(item.name);
    } catch {
      // A find_tools message that is not our JSON adds nothing.
    }
  }
  return names;
}
