/** The "working on it" message that is updated as tools run, then replaced by the answer. */
import type { KnownBlock } from "@slack/types";
import type { RunEvent } from "../../agent/run-types.js";
import { escapeMrkdwn, fallbackText, truncate } from "./mrkdwn.js";

export function progressLine(event: RunEvent): string {
  const title = escapeMrkdwn(event.title || event.tool);
  switch (event.type) {
    case "tool_started":
      return `:hourglass_flowing_sand: ${title}…`;
    case "tool_finished":
      return `${event.ok ? ":white_check_mark:" : ":warning:"} ${title}${event.summary ? ` — ${escapeMrkdwn(truncate(event.summary, 200))}` : ""}`;
    case "tool_refused":
      return `:no_entry: ${title} — ${escapeMrkdwn(truncate(event.reason, 200))}`;
  }
}

/** Keeps one line per tool call: a finished line replaces the matching started line. */
export function applyProgress(lines: string[], event: RunEvent): string[] {
  const next = [...lines];
  if (event.type !== "tool_started") {
    const started = progressLine({ type: "tool_started", tool: event.tool, title: event.title, args: undefined });
    const at = next.lastIndexOf(started);
    if (at >= 0) {
      next[at] = progressLine(event);
      return next;
    }
  }
  next.push(progressLine(event));
  return next.slice(-20);
}

export function workingMessage(lines: string[], headline = "Working on it…"): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [{ type: "context", elements: [{ type: "mrkdwn", text: `:gear: ${escapeMrkdwn(headline)}` }] }];
  if (lines.length > 0) blocks.push({ type: "section", text: { type: "mrkdwn", text: truncate(lines.join("\n"), 2900) } });
  return { text: fallbackText(headline), blocks };
}

export function failureMessage(message: string): { text: string; blocks: KnownBlock[] } {
  return {
    text: fallbackText(message),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: `:warning: ${escapeMrkdwn(truncate(message, 2900))}` } }],
  };
}
