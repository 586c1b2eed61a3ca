/**
 * `switchboard escalation score [--now UNIX]`: reads conversations as JSON lines on stdin and writes one
 * `{"id","escalate","score","reasons"}` line each. Bad lines are named on stderr and skipped (exit 1).
 */
import type { Command } from "commander";
import { AppError } from "../errors.js";
import type { CliContext } from "./context.js";

function parseNow(text: string | undefined): number {
  if (text === undefined) return Math.floor(Date.now() / 1000);
  if (!/^\d{9,11}$/.test(text.trim())) throw new AppError("USAGE", `--now expects Unix seconds such as 1764000000; got "${text}".`);
  return Number(text.trim());
}

export function registerEscalationCommands(program: Command, context: CliContext): void {
  const escalation = program.command("escalation").description("Smart escalation: score conversations for escalation");
  escalation
    .command("score")
    .description('Score conversations read as JSON lines on stdin (optional keys "contact" and "now"); writes {"id","escalate","score","reasons"} lines')
    .option("--now <unix>", 'the time to judge waits against, in Unix seconds (default: now; a line\'s own "now" wins)')
    .action(async (options: { now?: string }) => {
      const now = parseNow(options.now);
      const { scoreLine } = await import("../domain/escalation/score-lines.js");
      const { scoreSettingsFrom } = await import("../workflows/escalation/deps.js");
      const settings = scoreSettingsFrom(context.loadConfig());
      const { createInterface } = await import("node:readline");
      let lineNumber = 0;
      let bad = 0;
      for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
        lineNumber++;
        if (!line.trim()) continue;
        const result = scoreLine(line, lineNumber, settings, now);
        if (result.output) process.stdout.write(`${result.output}\n`);
        if (result.error) {
          bad++;
          process.stderr.write(`switchboard: ${result.error}\n`);
        }
      }
      if (bad > 0) process.exitCode = 1;
    });
}
