/**
 * The working message of one run in a Slack thread, kept up to date as tools run. Updates are coalesced (at
 * most one in flight, the latest state wins) and stop once the final answer is being written.
 */
import type { RunEvent } from "../../agent/run-types.js";
import { conversationOf } from "../blocks/close-button.js";
import { applyProgress, workingMessage } from "../blocks/progress-blocks.js";
import type { SlackAppContext } from "../slack-app-context.js";

/** Where a run is shown: a thread in a channel. */
export interface ThreadTarget {
  teamId?: string;
  channel: string;
  threadTs: string;
}

export class LiveProgress {
  private lines: string[] = [];
  private ts: string | undefined;
  private creating: Promise<string> | undefined;
  private inFlight: Promise<void> | undefined;
  private dirty = false;
  private closed = false;
  /** Conversations the tools touched, so an answer about one can offer Close. */
  readonly conversations = new Set<string>();
  readonly toolsUsed = new Set<string>();
  /** Every tool event of this leg of the run, for the write outcome lines when the engine keeps no ledger. */
  readonly events: RunEvent[] = [];

  constructor(
    private readonly context: SlackAppContext,
    private readonly target: ThreadTarget,
    existingTs?: string,
  ) {
    this.ts = existingTs;
  }

  /** Posts the working message now (for fresh runs, so the person sees something at once). */
  async begin(headline?: string): Promise<void> {
    await this.ensure(headline);
  }

  readonly onEvent = (event: RunEvent): void => {
    this.events.push(event);
    if (event.type === "tool_started") {
      this.toolsUsed.add(event.tool);
      const conversation = conversationOf(event.tool, event.args);
      if (conversation) this.conversations.add(conversation);
    }
    if (this.closed) return;
    this.lines = applyProgress(this.lines, event);
    this.dirty = true;
    if (!this.inFlight) this.inFlight = this.flush().finally(() => (this.inFlight = undefined));
  };

  /** Stops progress updates and returns the message ts to put the final content in. */
  async finish(): Promise<string> {
    this.closed = true;
    await this.inFlight;
    return this.ensure();
  }

  private ensure(headline?: string): Promise<string> {
    if (this.ts) return Promise.resolve(this.ts);
    this.creating ??= this.context.poster
      .post(this.target.channel, { ...workingMessage(this.lines, headline), threadTs: this.target.threadTs })
      .then((ts) => (this.ts = ts));
    return this.creating;
  }

  private async flush(): Promise<void> {
    while (this.dirty && !this.closed) {
      this.dirty = false;
      try {
        const ts = await this.ensure();
        if (this.closed) return;
        await this.context.poster.update(this.target.channel, ts, workingMessage(this.lines));
      } catch (error) {
        this.context.logger.warn({ err: error }, "Could not update the working message");
        return;
      }
    }
  }
}
