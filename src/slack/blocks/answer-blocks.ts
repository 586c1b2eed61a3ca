/**
 * Splits a (possibly long) answer into Slack messages that respect the limits: at most 3,000 characters in a
 * section and 50 blocks in a message. Splits at paragraphs, then lines, then words, and keeps code fences
 * balanced across a cut.
 */
import type { KnownBlock } from "@slack/types";
import { markdownToMrkdwn, fallbackText as plainFallback, truncate } from "./mrkdwn.js";

export const SECTION_LIMIT = 3000;
export const BLOCKS_PER_MESSAGE = 50;

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit);
  for (const separator of ["\n\n", "\n", " "]) {
    const at = window.lastIndexOf(separator);
    if (at > limit / 2) return at + separator.length;
  }
  return limit;
}

/** Pieces of at most `limit` characters, with ``` fences closed and reopened where a cut falls inside one. */
export function splitText(text: string, limit = SECTION_LIMIT): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  let reopenFence = false;
  while (rest.length > 0) {
    const prefix: string = reopenFence ? "```\n" : "";
    const room = limit - prefix.length - 4; // leave room for a closing fence
    if (prefix.length + rest.length <= limit) {
      pieces.push(prefix + rest);
      break;
    }
    const at = cutPoint(rest, room);
    let piece: string = prefix + rest.slice(0, at).trimEnd();
    rest = rest.slice(at).trimStart();
    const fences: number = (piece.match(/```/g) ?? []).length;
    reopenFence = fences % 2 === 1;
    if (reopenFence) piece += "\n```";
    pieces.push(piece);
  }
  return pieces;
}

export interface AnswerOptions {
  /** Blocks added to the last message (e.g. a Close conversation button); they count toward its 50. */
  trailingBlocks?: KnownBlock[];
  /** Blocks put before the answer in the first message (e.g. the outcome of each write). */
  leadingBlocks?: KnownBlock[];
  /** Plain words put first in the first message's notification text (escaped here). */
  fallbackPrefix?: string;
  sectionLimit?: number;
  blocksPerMessage?: number;
}

export function answerMessages(answer: string, options: AnswerOptions = {}): SlackMessage[] {
  const sectionLimit = options.sectionLimit ?? SECTION_LIMIT;
  const perMessage = options.blocksPerMessage ?? BLOCKS_PER_MESSAGE;
  const trailing = options.trailingBlocks ?? [];
  const mrkdwn = markdownToMrkdwn(answer.trim() || "(The agent returned an empty answer.)");
  const sections: KnownBlock[] = [
    ...(options.leadingBlocks ?? []),
    ...splitText(mrkdwn, sectionLimit).map((piece): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text: piece } })),
  ];
  const messages: SlackMessage[] = [];
  for (let i = 0; i < sections.length; i += perMessage) {
    const blocks = sections.slice(i, i + perMessage);
    messages.push({ text: fallbackText(blocks), blocks });
  }
  const first = messages[0];
  if (first && options.fallbackPrefix) first.text = truncate(`${plainFallback(options.fallbackPrefix, 200)} · ${first.text}`, 300);
  if (trailing.length > 0) {
    const last = messages[messages.length - 1];
    if (last.blocks.length + trailing.length <= perMessage) last.blocks.push(...trailing);
    else messages.push({ text: "More actions", blocks: [...trailing] });
  }
  return messages;
}

/** Notification text for a message (shown in push notifications and by clients without blocks); already escaped mrkdwn. */
function fallbackText(blocks: KnownBlock[]): string {
  const first = blocks.find((b) => b.type === "section" && b.block_id !== "write_outcomes");
  const text = first && first.type === "section" && first.text ? first.text.text : "";
  return truncate(text, 300);
}
