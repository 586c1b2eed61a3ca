/**
 * `/switchboard brief <conversation id or Intercom URL>`: the escalation briefing on demand, posted as a
 * thread under a short parent message in the channel where it was asked.
 */
import { briefBlocks } from "../../../src/slack/blocks/escalation-brief.js";
import type { EscalationWorkflow } from "../../../src/workflows/escalation/escalation-workflow.js";
import { ephemeral, type Subcommand } from "../subcommand.js";

/** A bare id, or the id at the end of an Intercom inbox or API URL. */
export function parseConversationRef(text: string): string | undefined {
  const trimmed = text.trim().replace(/^<|>$/g, "").split("|")[0]?.trim() ?? "";
  if (/^\d{1,30}$/.test(trimmed)) return trimmed;
  const match = /\/conversations?\/(\d{1,30})(?:[/?#]|$)/.exec(trimmed);
  return match?.[1];
}

export function briefSubcommand(workflow: () => Pick<EscalationWorkflow, "brief"> | undefined): Subcommand {
  return async (input) => {
    const id = parseConversationRef(input.rest);
    if (!id) {
      await ephemeral(input, {
        text: "`brief` needs an Intercom conversation id or link, e.g. `/switchboard brief 215470` or `/switchboard brief https://app.intercom.com/a/inbox/abc/inbox/conversation/215470`.",
      });
      return;
    }
    const flow = workflow();
    if (!flow) {
      await ephemeral(input, { text: "Escalation briefings are not set up in this workspace (no support channel or Intercom connection)." });
      return;
    }
    await ephemeral(input, { text: `Reading conversation ${id} and its customer's history…` });
    const channel = input.args.command.channel_id;
    const client = input.args.client;
    try {
      const result = await flow.brief(id);
      if (!result) {
        await client.chat.postEphemeral({
          channel,
          user: input.args.command.user_id,
          text: `Conversation ${id} could not be read from Intercom, so there is no briefing.`,
        });
        return;
      }
      const parent = await client.chat.postMessage({ channel, text: `Briefing for conversation ${id}, asked by <@${input.args.command.user_id}>` });
      await client.chat.postMessage({
        channel,
        thread_ts: parent.ts,
        text: `Briefing for conversation ${id}`,
        blocks: briefBlocks(result),
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (error) {
      input.context.logger.warn({ err: error, conversationId: id }, "brief failed");
      await client.chat
        .postEphemeral({ channel, user: input.args.command.user_id, text: `The briefing for conversation ${id} could not be posted; try again in a moment.` })
        .catch(() => undefined);
    }
  };
}
