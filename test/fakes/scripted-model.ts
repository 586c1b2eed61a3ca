/**
 * A chat model for tests that follows a script instead of thinking. Each step sees what a real model would
 * (the messages and the tools offered) and returns the next AI message; `calls` records every request, so a
 * test can check how many tools were sent and what the model was told.
 */
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { ChatResult } from "@langchain/core/outputs";
import { AIMessage, type BaseMessage } from "langchain";

export interface ScriptContext {
  messages: BaseMessage[];
  tools: string[];
  call: number;
}

export type ScriptStep = AIMessage | ((context: ScriptContext) => AIMessage);

interface SharedState {
  steps: ScriptStep[];
  calls: { messages: BaseMessage[]; tools: string[] }[];
  fallback?: (context: ScriptContext) => AIMessage;
  ids: number;
}

type ToolLike = { name?: string; function?: { name?: string } };

export class ScriptedChatModel extends BaseChatModel {
  private readonly shared: SharedState;
  private readonly boundTools: string[];

  constructor(steps: ScriptStep[] = [], options: { fallback?: (context: ScriptContext) => AIMessage; shared?: SharedState; tools?: string[] } = {}) {
    super({});
    this.shared = options.shared ?? { steps: [...steps], calls: [], fallback: options.fallback, ids: 0 };
    this.boundTools = options.tools ?? [];
  }

  get calls() {
    return this.shared.calls;
  }

  /** Steps left unused; a test that expects the script to be finished checks this is 0. */
  get remaining(): number {
    return this.shared.steps.length;
  }

  _llmType(): string {
    return "scripted";
  }

  override bindTools(tools: ToolLike[]) {
    const names = tools.map((t) => t.name ?? t.function?.name ?? "?");
    return new ScriptedChatModel([], { shared: this.shared, tools: names }) as never;
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const context = { messages, tools: this.boundTools, call: this.shared.calls.length };
    this.shared.calls.push({ messages, tools: this.boundTools });
    const step = this.shared.steps.shift();
    let message: AIMessage;
    if (step) message = typeof step === "function" ? step(context) : step;
    else if (this.shared.fallback) message = this.shared.fallback(context);
    else throw new Error(`The scripted model ran out of steps at call ${context.call + 1}.`);
    // Unique ids per call, as real providers give, so approvals can be matched to calls.
    for (const call of message.tool_calls ?? []) call.id ??= `call_${++this.shared.ids}_${Math.random().toString(36).slice(2, 8)}`;
    return { generations: [{ text: typeof message.content === "string" ? message.content : "", message }] };
  }
}

export function callTool(name: string, args: Record<string, unknown>, id?: string): AIMessage {
  return new AIMessage({ content: "", tool_calls: [{ name, args, id, type: "tool_call" }] });
}

export function callTools(calls: { name: string; args: Record<string, unknown> }[]): AIMessage {
  return new AIMessage({ content: "", tool_calls: calls.map((c) => ({ ...c, type: "tool_call" as const })) });
}

export function say(text: string): AIMessage {
  return new AIMessage(text);
}

/** Text of the last tool message the model saw. */
export function lastToolResult(context: ScriptContext): string {
  const tool = [...context.messages].reverse().find((m) => m.getType() === "tool");
  return tool ? String(tool.content) : "";
}
