/** The digest as plain text for the terminal (`switchboard themes digest --dry-run`). */
import { type Digest, percent, signed } from "../../domain/themes/digest.js";

export function digestForTerminal(digest: Digest): string {
  const from = new Date(digest.from).toISOString().slice(0, 16).replace("T", " ");
  const to = new Date(digest.to).toISOString().slice(0, 16).replace("T", " ");
  const vs = (now: number, before?: number) => (before === undefined ? "" : ` (${signed(now - before)})`);
  const lines = [
    `Weekly themes, ${from} → ${to} UTC (${digest.days} days)`,
    `${digest.conversations} conversations${vs(digest.conversations, digest.previous?.conversations)}, ${digest.tickets} tickets${vs(digest.tickets, digest.previous?.tickets)}, ${digest.themes.length} themes, ${digest.otherCount} messages in no theme`,
    "",
  ];
  for (const theme of digest.themes) {
    const trend = theme.isNew ? "new" : theme.previousSize ? `${signed(theme.change)} vs last week` : "";
    lines.push(`${theme.name} — ${theme.size} (${percent(theme.share)})${trend ? `, ${trend}` : ""}`);
    if (theme.summary) lines.push(`  ${theme.summary}`);
    for (const e of theme.examples) lines.push(`  · ${e.text.slice(0, 100)}  ${e.url}`);
  }
  if (digest.newThemes.length) lines.push("", `New this week: ${digest.newThemes.map((t) => t.name).join("; ")}`);
  if (digest.kbGaps.length) lines.push("", `Knowledge-base gaps: ${digest.kbGaps.map((g) => `${g.name} (${percent(g.unanswered)} unanswered)`).join("; ")}`);
  return lines.join("\n");
}
