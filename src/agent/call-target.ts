/**
 * Who and what a gated call is about, for the person deciding on it: "Jane Doe, "Refund not received"" for a
 * conversation. Looked up once when the run pauses, best effort: a slow or failed lookup only leaves it out.
 */
import type { ToolDefinition, ToolResult } from "../../tools/define.js";
import { htmlToText } from "../text/html-to-text.js";
import type { ToolExecutorLike } from "./guard-middleware.js";

const GET_CONVERSATION = "INTERCOM_GET_CONVERSATION";
const TOPIC_MAX = 60;

/** The conversation a call acts on, read from its path template (`/conversations/{conversation_id}/...`). */
export function conversationIdOf(tool: ToolDefinition, args: Record<string, unknown>): string | undefined {
  if (!tool.path.startsWith("/conversations/{conversation_id}")) return undefined;
  const value = args.conversation_id;
  return (typeof value === "string" && value.length > 0) || typeof value === "number" ? String(value) : undefined;
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? value : undefined);

function plain(html: string): string {
  return htmlToText(html, { singleLine: true });
}

/** `Jane Doe, "Refund not received"` from a conversation object; undefined when it says nothing useful. */
export function describeConversation(data: unknown): string | undefined {
  if (!data || typeof data !== "object") return undefined;
  const c = data as { title?: unknown; source?: { subject?: unknown; body?: unknown; author?: { name?: unknown; email?: unknown } } };
  const who = text(c.source?.author?.name) ?? text(c.source?.author?.email);
  const rawTopic = text(c.title) ?? text(c.source?.subject) ?? (text(c.source?.body) ? plain(String(c.source?.body)) : undefined);
  const topic = rawTopic ? plain(rawTopic) : undefined;
  const shortTopic = topic && topic.length > TOPIC_MAX ? `${topic.slice(0, TOPIC_MAX - 1)}…` : topic;
  const parts = [who, shortTopic ? `"${shortTopic}"` : undefined].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : undefined;
}

/** Looks up the target of each call (keyed by tool-call id) within `timeoutMs` overall. */
export async function lookUpTargets(input: {
  calls: readonly { id?: string; name: string; args?: unknown }[];
  catalog: ReadonlyMap<string, ToolDefinition>;
  executor: ToolExecutorLike;
  timeoutMs?: number;
}): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  if (!input.catalog.has(GET_CONVERSATION)) return targets;
  const wanted = new Map<string, string[]>();
  input.calls.forEach((call, position) => {
    const tool = input.catalog.get(call.name);
    const id = tool ? conversationIdOf(tool, (call.args ?? {}) as Record<string, unknown>) : undefined;
    if (id) wanted.set(id, [...(wanted.get(id) ?? []), call.id ?? `call_${position}`]);
  });
  if (wanted.size === 0) return targets;
  const lookups = [...wanted].map(async ([id, callIds]) => {
    const result: ToolResult = await input.executor.execute(GET_CONVERSATION, { conversation_id: id });
    const label = result.ok ? describeConversation(result.raw ?? result.data) : undefined;
    if (label) for (const callId of callIds) targets.set(callId, label);
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, input.timeoutMs ?? 3_000);
  });
  await Promise.race([Promise.allSettled(lookups), timeout]);
  clearTimeout(timer);
  return new Map(targets);
}
