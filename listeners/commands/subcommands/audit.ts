/** `/switchboard audit [n]`: the latest n tool calls from the audit log. */
import { auditLine } from "../../../src/slack/blocks/audit-line.js";
import { usageHelp } from "../../../src/slack/blocks/usage-help.js";
import { ephemeral, type Subcommand } from "../subcommand.js";

export const auditSubcommand: Subcommand = async (input) => {
  const { context, rest } = input;
  if (rest && !/^\d{1,3}$/.test(rest)) {
    await ephemeral(input, usageHelp("`audit` takes a number of entries, e.g. `/switchboard audit 20`."));
    return;
  }
  const count = Math.min(Math.max(Number(rest || 10), 1), 50);
  const entries = context.services.audit.latest(count);
  if (entries.length === 0) {
    await ephemeral(input, { text: "The audit log is empty: no tool has run yet." });
    return;
  }
  const lines = entries.map(auditLine);
  // Sections of whole lines, each within Slack's 3,000 characters.
  const blocks: { type: "section"; text: { type: "mrkdwn"; text: string } }[] = [];
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length > 0) blocks.push({ type: "section", text: { type: "mrkdwn", text: chunk.join("\n").slice(0, 2990) } });
    chunk = [];
  };
  for (const line of lines) {
    if ([...chunk, line].join("\n").length > 2990) flush();
    chunk.push(line);
  }
  flush();
  await ephemeral(input, { text: `The last ${entries.length} tool calls`, blocks: blocks.slice(0, 50) });
};
