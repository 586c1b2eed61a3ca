/**
 * Shrinks an Intercom answer for a model: no nulls or empty objects, lists cut to a few items with a note of
 * how many were left out, HTML reduced to text, long strings cut. Ids, types and links are never cut. If the
 * result is still too large it is trimmed again more tightly. The full answer goes to the audit log instead.
 */
import { htmlToText as convertHtml } from "../src/text/html-to-text.js";

export interface TrimOptions {
  maxItems: number;
  maxString: number;
  maxDepth: number;
}

export const DEFAULT_TRIM: TrimOptions = { maxItems: 25, maxString: 1200, maxDepth: 8 };
const TIGHTER: TrimOptions[] = [
  { maxItems: 10, maxString: 400, maxDepth: 6 },
  { maxItems: 5, maxString: 160, maxDepth: 4 },
];

/** Keys whose values a model needs whole: identifiers, types and links. */
const KEEP_WHOLE = /(^id$|_id$|^ids$|_ids$|^type$|url$|^href$|^links?$|^self$)/i;
/** Lists ordered oldest first where the newest entries matter most: a conversation's or ticket's parts. */
const NEWEST_LAST = /^(conversation_parts|ticket_parts)$/;
const HTML_TAG = /<\/?[a-z][a-z0-9-]*(\s[^>]*)?\/?>/i;

/** Text of an HTML fragment (one converter for the whole app: src/text/html-to-text.ts). */
export function htmlToText(html: string): string {
  return convertHtml(html);
}

function trimString(value: string, key: string, options: TrimOptions): string {
  if (KEEP_WHOLE.test(key)) return value;
  const text = HTML_TAG.test(value) ? htmlToText(value) : value;
  if (text.length <= options.maxString) return text;
  return `${text.slice(0, options.maxString)}… [${text.length - options.maxString} more characters cut]`;
}

function trimValue(value: unknown, key: string, depth: number, options: TrimOptions): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value === "" ? undefined : trimString(value, key, options);
  if (typeof value !== "object") return value;
  if (Buffer.isBuffer(value)) return `[binary content, ${value.length} bytes, not shown]`;
  if (depth >= options.maxDepth) return "[nested too deeply; not shown]";
  if (Array.isArray(value)) {
    const cut = value.length - options.maxItems;
    if (cut > 0 && NEWEST_LAST.test(key)) {
      // A thread reads oldest first; what a model needs is how it ends, so the earliest parts go.
      const kept = value
        .slice(-options.maxItems)
        .map((item) => trimValue(item, key, depth + 1, options))
        .filter((item) => item !== undefined);
      return [`[${cut} earlier parts cut; the newest ${options.maxItems} follow]`, ...kept];
    }
    const kept = value
      .slice(0, options.maxItems)
      .map((item) => trimValue(item, key, depth + 1, options))
      .filter((item) => item !== undefined);
    if (cut > 0) kept.push(`[${cut} more items cut; ask for a smaller page or filter]`);
    return kept;
  }
  const out: Record<string, unknown> = {};
  for (const [childKey, child] of Object.entries(value as Record<string, unknown>)) {
    const trimmed = trimValue(child, childKey, depth + 1, options);
    if (trimmed !== undefined) out[childKey] = trimmed;
  }
  const keys = Object.keys(out);
  // A nested object left with nothing but a type that restates its key ("avatar": {"type":"avatar"}) tells a model
  // nothing; a type that carries meaning ("assigned_to": {"type":"nobody_admin"}) stays.
  if (depth > 0 && keys.length === 1 && keys[0] === "type" && out.type === key) return undefined;
  return keys.length === 0 ? undefined : out;
}

/**
 * The answer as the model should see it. `maxChars` bounds the JSON size: past it the trim is repeated with
 * tighter limits.
 */
export function trimForModel(value: unknown, options: Partial<TrimOptions> & { maxChars?: number } = {}): unknown {
  const { maxChars = 24_000, ...overrides } = options;
  const attempts = [{ ...DEFAULT_TRIM, ...overrides }, ...TIGHTER];
  let result: unknown;
  for (const attempt of attempts) {
    result = trimValue(value, "", 0, attempt) ?? null;
    if ((JSON.stringify(result)?.length ?? 0) <= maxChars) return result;
  }
  return result;
}
