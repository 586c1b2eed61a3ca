/** One plain line describing a tool call for a person deciding on it: "Reply to conversation: conversation_id=123, body="Hi…"". */

const MAX_FIELDS = 5;
const MAX_VALUE = 80;

function show(value: unknown): string {
  if (typeof value === "string") {
    const flat = value.replace(/\s+/g, " ").trim();
    return JSON.stringify(flat.length > MAX_VALUE ? `${flat.slice(0, MAX_VALUE)}…` : flat);
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

export function summarizeCall(title: string, args: Record<string, unknown>): string {
  // Ids first: they say *what* is touched; free text after.
  const entries = Object.entries(args).filter(([, v]) => v !== undefined && v !== null && v !== "");
  entries.sort(([a], [b]) => Number(!/(^|_)ids?$/.test(a)) - Number(!/(^|_)ids?$/.test(b)));
  const shown = entries.slice(0, MAX_FIELDS).map(([k, v]) => `${k}=${show(v)}`);
  const more = entries.length > MAX_FIELDS ? ` (+${entries.length - MAX_FIELDS} more)` : "";
  return shown.length ? `${title}: ${shown.join(", ")}${more}` : title;
}
