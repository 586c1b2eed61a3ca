/** Small helpers for Slack's mrkdwn: escaping, markdown conversion, dates and plain-words argument lists. */

/**
 * The one escaping function for every text Slack receives, in blocks and in a message's top-level `text`
 * alike. Slack only needs these three escaped; once they are, no mention (`<!channel>`, `<@U…>`,
 * `<!subteam^…>`) and no disguised link (`<https://…|…>`) in untrusted text can come alive.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** A message's top-level `text` (notifications, clients without blocks): escaped, on one line, short. */
export function fallbackText(text: string, max = 300): string {
  return escapeMrkdwn(truncate(text.replace(/\s+/g, " ").trim(), max));
}

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const TABLE_MAX_WIDTH = 72;

function cellsOf(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((cell) => cell.trim().replace(/\*\*(.+?)\*\*/g, "$1"));
}

/** A markdown table as Slack can show it: aligned columns in a code block when narrow, else one line per row. */
function tableToMrkdwn(lines: string[]): string {
  const [head, , ...body] = lines.map(cellsOf);
  const header = head ?? [];
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? "").length)));
  const total = widths.reduce((sum, w) => sum + w + 3, 0);
  if (total <= TABLE_MAX_WIDTH) {
    const line = (cells: string[]) =>
      widths
        .map((w, i) => (cells[i] ?? "").padEnd(w))
        .join(" | ")
        .trimEnd();
    return ["```", line(header), widths.map((w) => "-".repeat(w)).join("-+-"), ...body.map(line), "```"].join("\n");
  }
  return body.map((row) => `• ${row.map((cell, i) => (header[i] ? `*${header[i]}*: ${cell}` : cell)).join(" · ")}`).join("\n");
}

/** Formatting outside code: headings, bold, italics, strike-through, links, lists (nested ones indented). */
function inlineToMrkdwn(text: string): string {
  return text
    .replace(/^#{1,6}[ \t]+(.+?)[ \t]*#*$/gm, "\u0002$1\u0002")
    .replace(/\*\*(.+?)\*\*/g, "\u0002$1\u0002")
    .replace(/__(.+?)__/g, "\u0002$1\u0002")
    .replace(/(^|[^*\w])\*(?!\s)([^*\n]+?)\*(?![*\w])/g, "$1_$2_")
    .replace(/~~(.+?)~~/g, "~$1~")
    .replace(/!?\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, "<$2|$1>")
    .replace(/^([ \t]*)[*+-][ \t]+/gm, (_, indent: string) => {
      const depth = Math.floor(indent.replace(/\t/g, "  ").length / 2);
      return depth === 0 ? "• " : `${"    ".repeat(depth)}${depth % 2 === 1 ? "◦" : "▪"} `;
    })
    .replace(/^([ \t]+)(\d+[.)])[ \t]+/gm, (_, indent: string, marker: string) => `${"    ".repeat(Math.max(1, Math.floor(indent.length / 2)))}${marker} `)
    .replace(/^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$/gm, "──────────")
    .replace(/\u0002/g, "*");
}

/**
 * Common markdown from a model into Slack mrkdwn that reads well: tables become aligned code blocks (or one
 * line per row when wide), headings bold, nested lists indented bullets, links Slack links. Everything is
 * escaped first, code included (Slack shows &lt; in code as <), so only the markup made here is live.
 */
export function markdownToMrkdwn(markdown: string): string {
  const out: string[] = [];
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  let prose: string[] = [];
  const flushProse = () => {
    if (prose.length === 0) return;
    // Inline code spans keep their text as typed; only the text around them is formatted.
    const parts = escapeMrkdwn(prose.join("\n")).split(/(`[^`\n]*`)/g);
    out.push(parts.map((part, index) => (index % 2 === 1 ? part : inlineToMrkdwn(part))).join(""));
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\s*```/.test(line)) {
      flushProse();
      let end = i + 1;
      while (end < lines.length && !/^\s*```/.test(lines[end] as string)) end++;
      const code = lines.slice(i + 1, end).map(escapeMrkdwn);
      out.push(["```", ...code, "```"].join("\n"));
      i = end;
      continue;
    }
    if (TABLE_ROW.test(line) && TABLE_RULE.test(lines[i + 1] ?? "")) {
      flushProse();
      const table = [line, lines[i + 1] as string];
      let j = i + 2;
      while (j < lines.length && TABLE_ROW.test(lines[j] as string)) table.push(lines[j++] as string);
      out.push(escapeMrkdwn(tableToMrkdwn(table)));
      i = j - 1;
      continue;
    }
    prose.push(line);
  }
  flushProse();
  return out.join("\n");
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
