/** The `/switchboard` usage text: what each subcommand does. Shown for `help` and for anything malformed. */
import type { KnownBlock } from "@slack/types";
import { escapeMrkdwn, fallbackText } from "./mrkdwn.js";

export const SUBCOMMANDS: readonly { usage: string; does: string }[] = [
  { usage: "/switchboard ask <question or request>", does: "ask the agent; the answer comes in a thread" },
  { usage: "/switchboard persona [name]", does: "show this channel's persona, or set it" },
  { usage: "/switchboard tools [words]", does: "what the agent may do here (optionally only tools matching the words)" },
  { usage: "/switchboard audit [n]", does: "the last n tool calls from the audit log (default 10)" },
  { usage: "/switchboard faq <question>", does: "an answer from the knowledge base, with its sources, in a thread" },
  { usage: "/switchboard brief <conversation id or Intercom link>", does: "a one-paragraph briefing on a customer's conversation" },
  { usage: "/switchboard themes [days]", does: "the themes of the last days' conversations (default 7), with a chart" },
  { usage: "/switchboard jobs", does: "the scheduled jobs: when each runs, and how its last run went" },
  { usage: "/switchboard connect", does: "Intercom connection status and how to connect (or `connect revoke`)" },
  { usage: "/switchboard help", does: "this message" },
];

export function usageHelp(problem?: string): { text: string; blocks: KnownBlock[] } {
  const lines = SUBCOMMANDS.map((s) => `• \`${escapeMrkdwn(s.usage)}\` — ${escapeMrkdwn(s.does)}`).join("\n");
  const blocks: KnownBlock[] = [];
  if (problem) blocks.push({ type: "section", text: { type: "mrkdwn", text: `:grey_question: ${escapeMrkdwn(problem)}` } });
  blocks.push({ type: "section", text: { type: "mrkdwn", text: `*Switchboard* — your Intercom agent in Slack\n${lines}` } });
  blocks.push({
    type: "context",
    elements: [{ type: "mrkdwn", text: "You can also @-mention the bot with a question; follow-ups in its thread continue the conversation." }],
  });
  return { text: problem ? fallbackText(`${problem} Try /switchboard help.`) : "Switchboard commands", blocks };
}
