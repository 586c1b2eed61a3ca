/**
 * What `npm start` shows before Slack is connected: a short look at the Intercom workspace through the same
 * client the agent uses (the built-in emulator when no token is set), so a first run proves the Intercom side
 * works and shows the kind of thing the agent will be asked about. Reads only.
 */
import type { IntercomTransport } from "../intercom/types.js";
import type { Conversation, ConversationSource } from "../intercom/wire-types.js";
import { htmlToText } from "../text/html-to-text.js";

/** The fields of a 2.16 conversation this look uses; a search result may leave any of them out. */
type ConversationItem = Pick<Conversation, "id"> &
  Partial<Pick<Conversation, "title" | "waiting_since">> & { source?: Partial<Pick<ConversationSource, "subject" | "body">> };

export interface WorkspaceSnapshot {
  workspaceName?: string;
  adminCount: number;
  openConversations: number;
  waitingForReply: { id: string; title: string; waitingSeconds: number }[];
  articleCount?: number;
  takenAt: number;
}

function plainTitle(item: ConversationItem): string {
  const raw = item.title || item.source?.subject || item.source?.body || "(no subject)";
  const text = htmlToText(raw, { singleLine: true });
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}

export async function collectSnapshot(transport: IntercomTransport, nowSeconds: number): Promise<WorkspaceSnapshot> {
  const me = await transport.request<{ app?: { name?: string } }>({ method: "GET", path: "/me" });
  const admins = await transport.request<{ admins?: unknown[] }>({ method: "GET", path: "/admins" });
  const open = await transport.request<{ total_count?: number; conversations?: ConversationItem[] }>({
    method: "POST",
    path: "/conversations/search",
    body: { query: { field: "state", operator: "=", value: "open" }, pagination: { per_page: 150 } },
  });
  const articles = await transport
    .request<{ total_count?: number }>({ method: "GET", path: "/articles", query: { per_page: 1 } })
    .then((r) => r.data.total_count)
    .catch(() => undefined);
  const waiting = (open.data.conversations ?? [])
    .filter((c) => typeof c.waiting_since === "number" && c.waiting_since > 0)
    .map((c) => ({ id: c.id, title: plainTitle(c), waitingSeconds: nowSeconds - (c.waiting_since as number) }))
    .sort((a, b) => b.waitingSeconds - a.waitingSeconds);
  return {
    workspaceName: me.data.app?.name,
    adminCount: admins.data.admins?.length ?? 0,
    openConversations: open.data.total_count ?? open.data.conversations?.length ?? 0,
    waitingForReply: waiting,
    articleCount: articles,
    takenAt: nowSeconds,
  };
}

export function formatDuration(seconds: number): string {
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 86400 * 2) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} days`;
}

export function formatSnapshot(snapshot: WorkspaceSnapshot, source: string): string {
  const lines = [
    `${snapshot.workspaceName ? `Workspace "${snapshot.workspaceName}"` : "Workspace"} (${source}):`,
    `  ${snapshot.adminCount} teammates, ${snapshot.openConversations} open conversations, ${snapshot.waitingForReply.length} of them waiting for a reply` +
      (snapshot.articleCount === undefined ? "" : `, ${snapshot.articleCount} help-center articles`),
  ];
  if (snapshot.waitingForReply.length > 0) {
    lines.push("  Waiting longest:");
    for (const item of snapshot.waitingForReply.slice(0, 5)) lines.push(`    #${item.id}  ${formatDuration(item.waitingSeconds).padStart(7)}  ${item.title}`);
  }
  return `${lines.join("\n")}\n`;
}
