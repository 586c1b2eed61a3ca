/** The App Home tab: connections, personas and scopes, pending approvals, latest audit entries. */
import type { HomeView, KnownBlock } from "@slack/types";
import type { PendingApproval } from "../../agent/run-types.js";
import type { AuditEntrySummary, ConnectionStatus, PersonaSummary } from "../slack-services.js";
import { auditLine } from "./audit-line.js";
import { escapeMrkdwn, slackDate, truncate } from "./mrkdwn.js";

export interface HomeData {
  slack: { botUserId?: string; mode: "socket" | "http" };
  connections: ConnectionStatus;
  personas: PersonaSummary[];
  defaultPersona: string;
  pending: PendingApproval[];
  audit: AuditEntrySummary[];
}

const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text: truncate(text, 2900) } });
const header = (text: string): KnownBlock => ({ type: "header", text: { type: "plain_text", text } });
const who = (id: string | undefined) => (id && /^[UWS][A-Z0-9]+$/.test(id) ? (id.startsWith("S") ? `<!subteam^${id}>` : `<@${id}>`) : escapeMrkdwn(id ?? "—"));

export function homeView(data: HomeData): HomeView {
  const { connections } = data;
  const intercomIcon = connections.intercom.mode === "emulator" ? ":large_yellow_circle:" : ":large_green_circle:";
  const blocks: KnownBlock[] = [
    header("Switchboard"),
    section(
      [
        `:large_green_circle: *Slack* — connected${data.slack.botUserId ? ` as <@${data.slack.botUserId}>` : ""} (${data.slack.mode === "socket" ? "Socket Mode" : "HTTP events"})`,
        `${intercomIcon} *Intercom* — ${escapeMrkdwn(connections.intercom.detail)}`,
        `${connections.model.configured ? ":large_green_circle:" : ":white_circle:"} *Model* — ${escapeMrkdwn(connections.model.detail)}`,
      ].join("\n"),
    ),
    { type: "divider" },
    header("Personas"),
  ];
  for (const p of data.personas.slice(0, 10)) {
    const approvers =
      p.approvers.length > 0
        ? p.approvers.map(who).join(", ")
        : p.selfApproval
          ? "anyone in Slack, the asker included"
          : "anyone in Slack except the person who asked";
    blocks.push(
      section(
        `*${escapeMrkdwn(p.name)}*${p.name === data.defaultPersona ? " (default)" : ""}${p.description ? ` — ${escapeMrkdwn(p.description)}` : ""}\nMay: ${escapeMrkdwn(p.scope)}\nApprovers: ${approvers}`,
      ),
    );
  }
  blocks.push({ type: "divider" }, header(`Pending approvals (${data.pending.length})`));
  if (data.pending.length === 0) blocks.push(section("_Nothing is waiting for a decision._"));
  for (const a of data.pending.slice(0, 10)) {
    blocks.push(
      section(
        `*${escapeMrkdwn(a.title)}* — ${escapeMrkdwn(truncate(a.summary, 300))}\n_persona ${escapeMrkdwn(a.persona)}, expires ${slackDate(a.expiresAt)}_`,
      ),
    );
  }
  if (data.pending.length > 10) blocks.push(section(`…and ${data.pending.length - 10} more.`));
  blocks.push({ type: "divider" }, header("Latest activity"));
  if (data.audit.length === 0) blocks.push(section("_No tool calls yet._"));
  else {
    const lines = data.audit.map(auditLine);
    blocks.push(section(lines.join("\n")));
  }
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: "Type `/switchboard help` in any channel for commands." }] });
  return { type: "home", blocks: blocks.slice(0, 100) };
}
