/**
 * From a message body (HTML or text) to the customer's own words: HTML removed, quoted earlier mail, signatures,
 * greetings and sign-offs dropped, personal data masked.
 */
import { htmlToText } from "../../text/html-to-text.js";
import { maskPersonalData } from "./mask.js";

const QUOTE_START = [/^on .{4,80} wrote:?$/i, /^-{2,}\s*original message\s*-{2,}$/i, /^from: .+/i, /^sent from my \w+/i, /^>/];
const SIGNATURE_START = /^(--\s*|__+|(best|kind|warm)?\s*regards,?|thanks( a lot| so much)?,?|thank you,?|cheers,?|best,?|sincerely,?)$/i;
const GREETING_WORDS = "(hi|hello|hey|dear|good (morning|afternoon|evening))";
// A line that is only a greeting ("Hi team,"), or a greeting of at most three words before a comma.
const GREETING_LINE = new RegExp(`^${GREETING_WORDS}\\b[\\w ]{0,30}[,!.]?$`, "i");
const GREETING_PREFIX = new RegExp(`^${GREETING_WORDS}\\b(\\s+\\w+){0,3}\\s*[,!]\\s*`, "i");

// The shared converter keeps where a link points, as "(url)" after its text; a link target is not the customer's words.
const LINK_TARGET = /\s*\((?:https?:|mailto:)[^)\s]*\)/g;

export function htmlToPlainText(body: string): string {
  if (!/[<&]/.test(body)) return body;
  return htmlToText(body).replace(LINK_TARGET, "");
}

export function cleanCustomerText(body: string | null | undefined): string {
  if (!body) return "";
  const lines = htmlToPlainText(body).split(/\r?\n/);
  const kept: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (QUOTE_START.some((pattern) => pattern.test(line))) break;
    if (SIGNATURE_START.test(line) && kept.length > 0) break;
    if (kept.length === 0 && GREETING_LINE.test(line)) continue;
    if (line) kept.push(line);
  }
  let text = kept.join(" ").replace(/\s+/g, " ").trim();
  text = text.replace(GREETING_PREFIX, "").trim();
  // A trailing sign-off on the same line as the message ("... today. Thanks, Sam").
  text = text.replace(/[\s,.]*(thanks|thank you|cheers|regards|best)[,!.]?(\s+\w+)?[.!]?$/i, (match) => (match.length < 25 ? "" : match)).trim();
  return maskPersonalData(text);
}
