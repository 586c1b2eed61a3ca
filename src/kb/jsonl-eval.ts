/**
 * The evaluation contracts' line loop: one JSON object per stdin line, one answer line per input, a bad line
 * answered with {"id","error"} while the run goes on. The caller exits 1 when any line failed.
 */
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

export interface LineResult {
  failed: number;
  total: number;
}

export async function runJsonLines(
  input: Readable,
  write: (line: string) => void,
  handle: (value: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>,
): Promise<LineResult> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let failed = 0;
  let total = 0;
  let n = 0;
  for await (const read of lines) {
    n += 1;
    // A queries file saved on Windows may start with a byte-order mark, which JSON.parse refuses.
    const line = n === 1 && read.startsWith("\uFEFF") ? read.slice(1) : read;
    if (!line.trim()) continue;
    total += 1;
    let id: unknown = null;
    try {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`line ${n} is not valid JSON`);
      }
      if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`line ${n} is not a JSON object`);
      const given = (value as Record<string, unknown>).id;
      // The id is how an answer is matched to its question: a line without a usable one is a bad line.
      if (given === undefined || given === null || given === "") throw new Error(`line ${n} has no "id"`);
      if (typeof given !== "string" && !(typeof given === "number" && Number.isFinite(given))) throw new Error(`line ${n}: "id" must be a string or a number`);
      id = given;
      write(JSON.stringify({ id, ...(await handle(value as Record<string, unknown>)) }));
    } catch (error) {
      failed += 1;
      write(JSON.stringify({ id, error: (error as Error).message }));
    }
  }
  return { failed, total };
}

export function requireText(value: Record<string, unknown>, key: string): string {
  const text = value[key];
  if (typeof text !== "string" || !text.trim()) throw new Error(`"${key}" must be a non-empty string`);
  return text;
}

/** `context` may be one string with turns joined by " || " or a list of turns. */
export function contextTurns(value: Record<string, unknown>): string[] {
  const context = value.context;
  if (context === undefined || context === null) return [];
  if (typeof context === "string")
    return context
      .split(" || ")
      .map((t) => t.replace(/^\s*[US]:\s*/, "").trim())
      .filter(Boolean);
  if (Array.isArray(context) && context.every((t) => typeof t === "string")) return context as string[];
  throw new Error(`"context" must be a string (turns joined by " || ") or a list of strings`);
}
