/** The on-demand briefing (`/switchboard brief`), posted in a thread. */
import type { KnownBlock } from "@slack/types";
import { escapeMrkdwn, truncate } from "./mrkdwn.js";

export function briefBlocks(input: { conversationId: string; url: string; briefing: string; reasonLabels: string[] }): KnownBlock[] {
  const why = input.reasonLabels.length ? `Would escalate: ${input.reasonLabels.join(", ")}` : "Nothing here would escalate right now.";
  return [
    { type: "section", text: { type: "mrkdwn", text: truncate(escapeMrkdwn(input.briefing), 2900), verbatim: true } },
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: `${why} · <${input.url}|conversation ${escapeMrkdwn(input.conversationId)} in Intercom>`, verbatim: true }],
    },
  ];
}
