/**
 * The `switchboard escalation score` contract as a pure function: JSON lines in (a conversation, with
 * optional `contact` and `now` keys), one `{"id","escalate","score","reasons"}` line out per good line, and a
 * plain-words error per bad one.
 */
import { type ScoreSettings, scoreConversation } from "./score.js";

export interface ScoreLinesResult {
  output: string[];
  errors: string[];
}

export function scoreLine(line: string, lineNumber: number, settings: ScoreSettings, defaultNow: number): { output?: string; error?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { error: `line ${lineNumber}: not valid JSON, skipped` };
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return { error: `line ${lineNumber}: expected a conversation object, skipped` };
  const doc = parsed as Record<string, unknown>;
  if (doc.id === undefined || doc.id === null) return { error: `line ${lineNumber}: the conversation has no id, skipped` };
  if (doc.now !== undefined && (typeof doc.now !== "number" || !Number.isFinite(doc.now)))
    return { error: `line ${lineNumber}: "now" must be Unix seconds (a number), skipped` };
  const now = typeof doc.now === "number" ? doc.now : defaultNow;
  const result = scoreConversation({ conversation: doc, contact: doc.contact, now }, settings);
  return { output: JSON.stringify({ id: String(doc.id), escalate: result.escalate, score: result.score, reasons: result.reasons }) };
}
