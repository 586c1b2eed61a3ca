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
  const blocks = [];
  for (let i = 0; i < lines.length; i += 12)
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: lines
          .slice(i, i + 12)
          .join("\n")
          .slice(0, 2990),
      },
    });
  await ephemeral(input, { text: `The last ${entries.length} tool calls`, blocks });
};
