/**
 * Runs the agent for a Slack thread and shows it: a working message that is updated as tools run, then the
 * answer (split to fit Slack), approval cards, or a plain-words failure. Used by `ask`, mentions, follow-ups,
 * the Close button and decisions on approval cards.
 */
import { summarizeCall } from "../agent/call-summary.js";
import type { RunEvent, RunOutcome } from "../agent/run-types.js";
import { newErrorReference, toUserMessage } from "../errors.js";
import { answerMessages } from "./answer-blocks.js";
import { approvalCard } from "./approval-card.js";
import { closeConversationBlock, conversationOf, isCloseTool } from "./close-button.js";
import { applyProgress, failureMessage, workingMessage } from "./progress-message.js";
import { type SlackAppContext, threadIdFor } from "./slack-app-context.js";

export interface ThreadTarget {
  teamId?: string;
  channel: string;
  threadTs: string;
}

/**
 * A message in the thread that shows progress. Updates are coalesced (at most one in flight, the latest
 * state wins) and stop once the final answer is being written.
 */
export class ProgressMessage {
  private lines: string[] = [];
  private ts: string | undefined;
  private creating: Promise<string> | undefined;
  private inFlight: Promise<void> | undefined;
  private dirty = false;
  private closed = false;
  /** Conversations the tools touched, so an answer about one can offer Close. */
  readonly conversations = new Set<string>();
  readonly toolsUsed = new Set<string>();

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

function offersClose(context: SlackAppContext, persona: string, progress: ProgressMessage): string | undefined {
  if (progress.conversations.size !== 1) return undefined;
  if ([...progress.toolsUsed].some(isCloseTool)) return undefined;
  const { tools } = context.services.tools.forPersona(persona, "close conversation", 200);
  if (!tools.some((t) => isCloseTool(t.name) && t.policy !== "deny")) return undefined;
  return [...progress.conversations][0];
}

/**
 * Writes an outcome into the thread: the answer, approval cards, or what went wrong. `alreadyShown` lists
 * approvals that have a card already (the rest of a step decided one card at a time).
 */
export async function presentOutcome(
  context: SlackAppContext,
  target: ThreadTarget,
  progress: ProgressMessage,
  persona: string,
  outcome: RunOutcome,
  alreadyShown: ReadonlySet<string> = new Set(),
): Promise<void> {
  const ts = await progress.finish();
  const { poster } = context;
  if (outcome.status === "answered") {
    const conversation = offersClose(context, persona, progress);
    const messages = answerMessages(outcome.text, { trailingBlocks: conversation ? [closeConversationBlock({ conversationId: conversation, persona })] : [] });
    await poster.update(target.channel, ts, messages[0]);
    for (const message of messages.slice(1)) await poster.post(target.channel, { ...message, threadTs: target.threadTs });
    remember(context, target, outcome.text);
    return;
  }
  if (outcome.status === "needs_approval") {
    const fresh = outcome.approvals.filter((a) => !alreadyShown.has(a.approvalId));
    if (fresh.length === 0) {
      await poster.update(target.channel, ts, workingMessage([], "Noted. The other requests of this step are still waiting for a decision above."));
      return;
    }
    const count = fresh.length;
    await poster.update(
      target.channel,
      ts,
      workingMessage([], count === 1 ? "This needs an approval first (below)." : `This needs ${count} approvals first (below).`),
    );
    for (const approval of fresh) {
      const cardTs = await poster.post(target.channel, { ...approvalCard(approval), threadTs: target.threadTs });
      context.cards.record(approval.approvalId, target.channel, cardTs);
    }
    // Not a.summary: it names the customer and topic read from Intercom, and untrusted text must not become the
    // assistant's own words in the thread history the model reads next turn.
    remember(context, target, `(Waiting for approval: ${fresh.map((a) => summarizeCall(a.title, a.args)).join("; ")})`);
    return;
  }
  await poster.update(target.channel, ts, failureMessage(outcome.error));
}

function remember(context: SlackAppContext, target: ThreadTarget, text: string): void {
  if (context.threads.get(target.channel, target.threadTs)) context.threads.append(target.channel, target.threadTs, { role: "assistant", text });
}

/** Shows an unexpected failure in the thread in plain words, with a reference that is also in the logs. */
export async function presentFailure(context: SlackAppContext, target: ThreadTarget, progress: ProgressMessage, error: unknown): Promise<void> {
  const reference = newErrorReference();
  context.logger.error({ err: error, reference }, "Agent run failed");
  try {
    const ts = await progress.finish();
    await context.poster.update(target.channel, ts, failureMessage(toUserMessage(error, reference)));
  } catch (postError) {
    context.logger.error({ err: postError, reference }, "Could not tell the person about a failure");
  }
}

export interface AskInput {
  target: ThreadTarget;
  persona: string;
  userId: string;
  text: string;
  /** Earlier turns; defaults to the stored copy of the thread. */
  history?: { role: "user" | "assistant"; text: string }[];
  /** Whether the bot owns a thread it starts remembering now (see SlackThread.owned). Default true. */
  owned?: boolean;
}

/** Starts an agent run for a thread the bot owns (creating the record of it) and shows the result. */
export async function askInThread(context: SlackAppContext, input: AskInput): Promise<void> {
  const { target } = input;
  context.threads.open({
    channelId: target.channel,
    threadTs: target.threadTs,
    teamId: target.teamId,
    persona: input.persona,
    startedBy: input.userId,
    owned: input.owned ?? true,
  });
  const history = input.history ?? context.threads.history(target.channel, target.threadTs).map(({ role, text }) => ({ role, text }));
  context.threads.append(target.channel, target.threadTs, { role: "user", text: input.text, userId: input.userId });
  const progress = new ProgressMessage(context, target);
  try {
    await progress.begin();
    const outcome = await context.services.engine.start(
      {
        persona: input.persona,
        requester: { slackUserId: input.userId, source: "slack", teamId: target.teamId },
        text: input.text,
        threadId: threadIdFor(target.teamId, target.channel, target.threadTs),
        history,
        channelId: target.channel,
      },
      progress.onEvent,
    );
    await presentOutcome(context, target, progress, input.persona, outcome);
  } catch (error) {
    await presentFailure(context, target, progress, error);
  }
}
