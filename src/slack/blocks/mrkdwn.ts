/** Small helpers for Slack's mrkdwn: escaping, markdown conversion, dates and plain-words argument lists. */

/** Slack only needs these three escaped in text; everything else is literal. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Common markdown from a model into Slack mrkdwn: bold, links, headings, bullet stars. Code spans and fences
 * are left alone because Slack renders them the same way.
 */
export function markdownToMrkdwn(markdown: string): string {
  const parts = markdown.split(/(```[\s\S]*?```|`[^`\n]*`)/g);
  return parts
    .map((part, index) => {
      if (index % 2 === 1) return part;
      return escapeMrkdwn(part)
        .replace(/^#{1,6}\s+(.+)$/gm, "*$1*")
        .replace(/\*\*(.+?)\*\*/g, "*$1*")
        .replace(/__(.+?)__/g, "*$1*")
        .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, "<$2|$1>")
        .replace(/^(\s*)[*-]\s+/gm, "$1• ");
    })
    .join("");
}

/** Epoch seconds from seconds or milliseconds (the agent's stores use milliseconds, Slack uses seconds). */
export function toEpochSeconds(epoch: number): number {
  return Math.floor(epoch > 1e11 ? epoch / 1000 : epoch);
}

/** A Slack date token: shows in each reader's own time zone, with a UTC fallback for old clients. */
export function slackDate(epoch: number): string {
  const epochSeconds = toEpochSeconds(epoch);
  const fallback = new Date(epochSeconds * 1000).toISOString().replace("T", " ").slice(0, 16) + " UTC";
  return `<!date^${Math.floor(epochSeconds)}^{date_short_pretty} at {time}|${fallback}>`;
}

const labelOf = (key: string) => key.replace(/_/g, " ");

function valueInWords(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "string") return value.length === 0 ? "(empty)" : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** Tool arguments as a short bullet list a person can read ("• conversation id: 123"). */
export function argsInWords(args: Record<string, unknown>, maxValueChars = 600): string {
  const entries = Object.entries(args).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "_no arguments_";
  return entries.map(([key, value]) => `• *${escapeMrkdwn(labelOf(key))}*: ${escapeMrkdwn(truncate(valueInWords(value), maxValueChars))}`).join("\n");
}
