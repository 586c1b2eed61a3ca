/** Every Web API call the listeners make goes through here, so posts are queued per channel and 429s honoured. */
import type { KnownBlock, View } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { ChannelPostQueue } from "./post-queue.js";

export interface OutgoingMessage {
  text: string;
  blocks?: KnownBlock[];
  threadTs?: string;
}

export class SlackPoster {
  constructor(
    private readonly client: WebClient,
    private readonly queue: ChannelPostQueue,
  ) {}

  async post(channel: string, message: OutgoingMessage): Promise<string> {
    const result = await this.queue.run(channel, () =>
      this.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, thread_ts: message.threadTs, unfurl_links: false }),
    );
    return String(result.ts);
  }

  async update(channel: string, ts: string, message: OutgoingMessage): Promise<void> {
    await this.queue.run(channel, () => this.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks ?? [] }));
  }

  async ephemeral(channel: string, user: string, message: OutgoingMessage): Promise<void> {
    await this.queue.run(channel, () =>
      this.client.chat.postEphemeral({ channel, user, text: message.text, blocks: message.blocks, thread_ts: message.threadTs }),
    );
  }

  async publishHome(userId: string, view: View): Promise<void> {
    await this.queue.run(`home:${userId}`, () => this.client.views.publish({ user_id: userId, view }));
  }

  /** Not queued: a trigger id is only valid for 3 seconds. */
  async openModal(triggerId: string, view: View): Promise<void> {
    await this.client.views.open({ trigger_id: triggerId, view });
  }
}
