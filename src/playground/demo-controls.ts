/**
 * The page's demo buttons. Customer activity goes through the emulator's simulate API, so it reaches the app as
 * a signed Intercom webhook, the way it does in production; the digest is asked for with the slash command in
 * #product, as a person would; reset starts everything over.
 */
import { escapeMrkdwn } from "../slack/blocks/mrkdwn.js";
import type { AppGateway } from "./app-gateway.js";
import type { SlackState } from "./slack-state.js";
import type { PlaygroundWorkspace } from "./workspace.js";

export interface DemoTopic {
  id: string;
  label: string;
  body: string;
}

/** Questions a customer of the demo bank asks; the last one has no help-center article on purpose. */
export const DEMO_TOPICS: readonly DemoTopic[] = [
  { id: "pin", label: "Change my PIN", body: "Hi, how do I change the PIN on my card?" },
  { id: "declined", label: "Card payment declined", body: "My card payment was declined at the supermarket today. Why?" },
  { id: "lost-card", label: "Lost card", body: "I think I lost my card yesterday, what should I do?" },
  { id: "top-up", label: "Top up by bank transfer", body: "How can I top up my account with a bank transfer?" },
  { id: "swallowed", label: "ATM kept my card (no article)", body: "The cash machine swallowed my card this morning. How do I get it back?" },
];

export const ANGRY_REPLY =
  "This is UNACCEPTABLE!!! I have written three times and nobody answers. If this is not fixed today I will close my account and move to another bank.";

export interface EmulatorControl {
  url: string;
  token: string;
}

export interface DemoControlsOptions {
  emulator: () => EmulatorControl;
  gateway: AppGateway;
  state: SlackState;
  workspace: PlaygroundWorkspace;
  /** Starts the whole demo over (a new emulator, a new database, a new app); without it only the page is cleared. */
  reset?: () => Promise<void>;
  /** Runs the weekly digest job; when it is absent or answers undefined, the page sends `/switchboard themes 7` in #product. */
  runDigest?: () => Promise<string | undefined>;
}

export class DemoError extends Error {}

export class DemoControls {
  private lastConversationId: string | undefined;

  constructor(private readonly options: DemoControlsOptions) {}

  private note(channel: string, text: string): void {
    this.options.state.addMessage({ channel, author: "Playground", text, ephemeralTo: this.options.workspace.person.id });
  }

  private async simulate(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { url, token } = this.options.emulator();
    let response: Response;
    try {
      response = await fetch(new URL("/__emulator/simulate", url), {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      throw new DemoError("The Intercom emulator did not answer; is the demo still starting?");
    }
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const message = (answer.errors as { message?: string }[] | undefined)?.[0]?.message;
      throw new DemoError(`The Intercom emulator refused: ${message ?? `HTTP ${response.status}`}`);
    }
    return answer;
  }

  /** A customer opens a new conversation, with their own words or one of the demo topics. */
  async customerWrites(input: { body?: string; topic?: string }): Promise<string> {
    const topic = input.topic ? DEMO_TOPICS.find((t) => t.id === input.topic) : undefined;
    if (input.topic && !topic) throw new DemoError(`There is no demo topic "${input.topic}".`);
    const body = (input.body ?? "").trim() || topic?.body;
    if (!body) throw new DemoError("Write what the customer says, or pick a demo topic.");
    if (body.length > 2000) throw new DemoError("That is too long for a demo message (2,000 characters at most).");
    const conversation = await this.simulate({ kind: "conversation", body });
    this.lastConversationId = String(conversation.id);
    const author = (conversation.source as { author?: { name?: string } } | undefined)?.author?.name ?? "A customer";
    const summary = `${author} wrote to the bank in Intercom (conversation ${conversation.id}): “${body}”. Switchboard hears about it through a signed webhook, as it would in production.`;
    // The note is mrkdwn: what the customer typed stays text (no live mentions or links).
    this.note(this.options.workspace.supportChannel, escapeMrkdwn(summary));
    return summary;
  }

  /** The customer of the latest demo conversation (or of the latest open one) answers, angrily. */
  async angryReply(): Promise<string> {
    const conversation = await this.simulate({
      kind: "reply",
      body: ANGRY_REPLY,
      ...(this.lastConversationId ? { conversation_id: this.lastConversationId } : {}),
    });
    this.lastConversationId = String(conversation.id);
    const summary = `The customer in conversation ${conversation.id} replied: “${ANGRY_REPLY}”`;
    this.note(this.options.workspace.supportChannel, escapeMrkdwn(summary));
    return summary;
  }

  async digest(): Promise<string> {
    const summary = await this.options.runDigest?.();
    if (summary !== undefined) {
      this.note(this.options.workspace.productChannel, escapeMrkdwn(`The weekly digest job ran: ${summary}`));
      return summary;
    }
    await this.options.gateway.compose(this.options.workspace.productChannel, "/switchboard themes 7");
    return "Asked for the digest with /switchboard themes 7 in #product.";
  }

  async reset(): Promise<string> {
    this.lastConversationId = undefined;
    if (this.options.reset) {
      await this.options.reset();
      this.options.state.reset();
      return "The demo started over: a fresh Intercom workspace, a fresh database and an empty Slack.";
    }
    this.options.state.reset();
    return "The page was cleared. The Intercom workspace and the app's database were kept (this playground was started without a full reset).";
  }
}
