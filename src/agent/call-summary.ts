/**
 * One plain line describing a tool call for a person deciding on it, e.g.
 * `Close conversation 123 — Jane Doe, "Refund not received"` or
 * `Reply to conversation 123 — Jane Doe, "Refund not received" — "Hi Jane, your refund…"`.
 * Every argument is still shown next to it (the card's field list, the terminal's arguments line); this line
 * says what is touched and what will be sent.
 */

const MAX_FIELDS = 5;
const MAX_VALUE = 80;
const ID_KEY = /(^|_)ids?$/;
// What a person reads first after the target: the words that will be sent or stored.
const TEXT_KEYS = ["body", "message", "note", "text", "reason", "name", "subject"];

function show(value: unknown): string {
  if (typeof value === "string") {
    const flat = value.replace(/\s+/g, " ").trim();
    return JSON.stringify(flat.length > MAX_VALUE ? `${flat.slice(0, MAX_VALUE)}…` : flat);
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

const isScalarId = (value: unknown) => (typeof value === "string" && value.length <= 40 && !/\s/.test(value)) || typeof value === "number";

/** `target` is who or what the call is about, when it was looked up (see call-target.ts). */
export function summarizeCall(title: string, args: Record<string, unknown>, target?: string): string {
  const entries = Object.entries(args).filter(([, v]) => v !== undefined && v !== null && v !== "");
  // The first id names the thing acted on ("conversation 123").
  const primary = entries.find(([k, v]) => ID_KEY.test(k) && isScalarId(v));
  const head = primary ? `${title} ${String(primary[1])}` : title;
  const words = entries.find(([k, v]) => TEXT_KEYS.includes(k) && typeof v === "string");
  if (words) return [head, target, show(words[1])].filter(Boolean).join(" — ");
  if (target) return `${head} — ${target}`;
  // Nothing in plain words to go on: list the other fields, ids first.
  const rest = entries.filter((e) => e !== primary).sort(([a], [b]) => Number(!ID_KEY.test(a)) - Number(!ID_KEY.test(b)));
  const shown = rest.slice(0, MAX_FIELDS).map(([k, v]) => `${k}=${show(v)}`);
  const more = rest.length > MAX_FIELDS ? ` (+${rest.length - MAX_FIELDS} more)` : "";
  return shown.length ? `${head} — ${shown.join(", ")}${more}` : head;
}
