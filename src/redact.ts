/**
 * Secret scrubbing shared by the logger and the audit log. Keys that name secrets are masked whatever
 * their value; strings are scanned for token shapes (Slack, OpenAI, bearer headers) wherever they occur.
 */

const SECRET_KEY =
  /(^|[_-])(token|secret|password|passwd|authorization|api[_-]?key|apikey|cookie|signature|private[_-]?key|client[_-]?secret|access[_-]?token|refresh[_-]?token)$/i;
const SECRET_KEY_CAMEL = /(Token|Secret|Password|ApiKey|Authorization|Signature)$/;

const TOKEN_PATTERNS: RegExp[] = [
  /\bxox[abposr]-[A-Za-z0-9-]{6,}/g, // Slack bot/user/app tokens
  /\bxapp-[A-Za-z0-9-]{6,}/g,
  /\bsk-[A-Za-z0-9_-]{12,}/g, // OpenAI-style keys
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\bdG9rOj[A-Za-z0-9+/=]{8,}/g, // Intercom access tokens are base64 of "tok:..."
];

export const REDACTED = "[redacted]";

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) || SECRET_KEY_CAMEL.test(key);
}

export function redactString(text: string): string {
  let out = text;
  for (const pattern of TOKEN_PATTERNS) {
    out = out.replace(pattern, (match) => (/^(bearer|basic)\s/i.test(match) ? `${match.split(/\s+/)[0]} ${REDACTED}` : REDACTED));
  }
  return out;
}

/** Deep copy with secrets masked. Cycles and depth are bounded so a huge object cannot stall a log call. */
export function redactSecrets<T>(value: T, depth = 0, seen: WeakSet<object> = new WeakSet()): T {
  if (typeof value === "string") return redactString(value) as T;
  if (value === null || typeof value !== "object") return value;
  if (depth > 12) return "[too deep]" as T;
  if (seen.has(value as object)) return "[circular]" as T;
  seen.add(value as object);
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1, seen)) as T;
  if (value instanceof Error) {
    return { name: value.name, message: redactString(value.message), stack: value.stack ? redactString(value.stack) : undefined } as T;
  }
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]` as T;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    out[key] = isSecretKey(key) && item !== null && item !== undefined && item !== "" ? REDACTED : redactSecrets(item, depth + 1, seen);
  }
  return out as T;
}
