/** Shared pieces of the Slack end-to-end tests: personas, emulator lookups, card helpers. */
import { join } from "node:path";
import { loadPersonas, type Persona } from "../../src/agent/personas.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import type { Doc } from "../../src/emulator/types.js";
import type { SlackCall } from "../fakes/fake-slack-server.js";

export const APPROVER = "U0APPROVER";
export const OTHER = "U0OTHER";

/** The shipped personas; `support` may also close conversations, and only APPROVER approves its writes. */
export function testPersonas(): Persona[] {
  const personas = loadPersonas(join(import.meta.dirname, "../../data/personas.yml"));
  return personas.map((p) =>
    p.name === "support"
      ? {
          ...p,
          scope: { ...p.scope, allow: { ...p.scope.allow, names: [...p.scope.allow.names, "INTERCOM_CLOSE_CONVERSATION"] } },
          approvers: { users: [APPROVER], groups: [] },
        }
      : p,
  );
}

export function openConversation(emulator: RunningEmulator): { id: string; adminId: string } {
  const conversation = emulator.state.all("conversations").find((c: Doc) => c.state === "open");
  if (!conversation) throw new Error("the emulator has no open conversation");
  return { id: String(conversation.id), adminId: emulator.state.workspace.meAdminId };
}

export function conversationParts(emulator: RunningEmulator, id: string): Doc[] {
  const conversation = emulator.state.get("conversations", id);
  return (conversation?.conversation_parts?.conversation_parts ?? []) as Doc[];
}

export const partsOfType = (emulator: RunningEmulator, id: string, type: string) => conversationParts(emulator, id).filter((p) => p.part_type === type);

/** The approval cards posted so far (chat.postMessage calls with approve buttons), oldest first. */
export function approvalCards(calls: SlackCall[]): { ts?: string; call: SlackCall; value: string; blocks: unknown[] }[] {
  return calls
    .filter((c) => c.method === "chat.postMessage" && JSON.stringify(c.args.blocks ?? []).includes("approval_approve"))
    .map((call) => {
      const blocks = call.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
      const value = blocks.find((b) => b.type === "actions")!.elements!.find((e) => e.action_id === "approval_approve")!.value;
      return { ts: call.result?.ts as string | undefined, call, value, blocks };
    });
}

export const text = (call: SlackCall | undefined) => JSON.stringify(call?.args ?? {});
