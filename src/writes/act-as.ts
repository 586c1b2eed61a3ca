/**
 * Replies, notes and other admin actions go out as the teammate who approved them: the tool's `admin_id` is
 * set to that teammate's Intercom admin (matched by email, else the configured default). A reply written as
 * the customer (`type: "user"`) is left alone. Pure.
 */
import type { ToolDefinition } from "../../tools/define.js";

export interface Teammate {
  adminId: string;
  name: string;
  matchedBy: "email" | "default";
}

export function takesAdmin(tool: Pick<ToolDefinition, "input">): boolean {
  return "admin_id" in tool.input.shape;
}

export function actAsTeammate(tool: Pick<ToolDefinition, "input">, args: Record<string, unknown>, teammate: Teammate | undefined): Record<string, unknown> {
  if (!teammate || !takesAdmin(tool) || args.type === "user") return args;
  return { ...args, admin_id: teammate.adminId };
}
