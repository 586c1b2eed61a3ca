/**
 * Whether two message bodies say the same thing once markup is gone: Intercom stores a reply as HTML
 * (a plain-text body comes back wrapped in <p>), and may return it as plain text with display_as=plaintext.
 */
import { htmlToText } from "../text/html-to-text.js";

export function plainText(body: string): string {
  const text = /<[a-z!/][^>]*>|&[a-z#0-9]+;/i.test(body) ? htmlToText(body, { singleLine: true }) : body;
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

export function sameText(a: string, b: string): boolean {
  const left = plainText(a);
  return left.length > 0 && left === plainText(b);
}
