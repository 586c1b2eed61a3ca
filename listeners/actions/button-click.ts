/** The parts of a block_actions payload the button listeners use, read once in one place. */
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";

export interface ButtonClick {
  value?: string;
  userId: string;
  teamId?: string;
  channel?: string;
  messageTs?: string;
  threadTs?: string;
  triggerId: string;
  blocks?: KnownBlock[];
}

export function readButtonClick(body: BlockAction<ButtonAction>, action: ButtonAction): ButtonClick {
  const message = body.message as { ts?: string; thread_ts?: string; blocks?: KnownBlock[] } | undefined;
  return {
    value: action.value,
    userId: body.user.id,
    teamId: body.team?.id,
    channel: body.channel?.id ?? body.container?.channel_id,
    messageTs: message?.ts ?? body.container?.message_ts,
    threadTs: message?.thread_ts ?? message?.ts,
    triggerId: body.trigger_id,
    blocks: message?.blocks,
  };
}
