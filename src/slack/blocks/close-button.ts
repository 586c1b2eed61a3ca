/** The "Close conversation" button offered under answers that were about one Intercom conversation. */
import type { KnownBlock } from "@slack/types";

export const CLOSE_CONVERSATION_ACTION = "close_conversation";

export interface CloseRef {
  conversationId: string;
  persona: string;
}

export function closeConversationBlock(ref: CloseRef): KnownBlock {
  return {
    type: "actions",
    block_id: `close:${ref.conversationId}`.slice(0, 255),
    elements: [
      {
        type: "button",
        action_id: CLOSE_CONVERSATION_ACTION,
        text: { type: "plain_text", text: "Close conversation" },
        value: JSON.stringify({ c: ref.conversationId, p: ref.persona }),
        confirm: {
          title: { type: "plain_text", text: "Close this conversation?" },
          text: { type: "mrkdwn", text: `This asks for approval to close Intercom conversation ${ref.conversationId}. Any pending reply goes out first.` },
          confirm: { type: "plain_text", text: "Ask to close" },
          deny: { type: "plain_text", text: "Cancel" },
        },
      },
    ],
  };
}

export function decodeCloseRef(value: string | undefined): CloseRef | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as { c?: unknown; p?: unknown };
    if (typeof parsed.c === "string" && /^\w[\w-]*$/.test(parsed.c) && typeof parsed.p === "string") return { conversationId: parsed.c, persona: parsed.p };
  } catch {
    // not ours
  }
  return undefined;
}

const CONVERSATION_ARG = ["conversation_id", "conversationId"];

/** The conversation a tool call was about, when it names exactly one. */
export function conversationOf(tool: string, args: unknown): string | undefined {
  if (!/conversation/i.test(tool) || !args || typeof args !== "object") return undefined;
  const record = args as Record<string, unknown>;
  for (const key of [...CONVERSATION_ARG, "id"]) {
    const value = record[key];
    if ((typeof value === "string" && value.length > 0) || typeof value === "number") return String(value);
  }
  return undefined;
}

export const isCloseTool = (tool: string) => /close_conversation/i.test(tool);
export const isReplyTool = (tool: string) => /reply_to_conversation/i.test(tool);
