/**
 * Runs the agent for a Slack thread and shows it: a working message that is updated as tools run, then the
 * answer (split to fit Slack), approval cards, or a plain-words failure. Used by `ask`, mentions, follow-ups,
 * the Close button and decisions on approval cards.
 */
import { summarizeCall } from "../../agent/call-summary.js";
import type { RunOutcome } from "../../agent/run-types.js";
import { newErrorReference, toUserMessage } from "../../errors.js";
import { answerMessages } from "../blocks/answer-blocks.js";
import { approvalCard } from "../blocks/approval-card.js";
import { closeConversationBlock, isCloseTool } from "../blocks/close-button.js";
import { failureMessage, workingMessage } from "../blocks/progress-blocks.js";
import { type SlackAppContext, threadIdFor } from "../slack-app-context.js";
import { LiveProgress, type ThreadTarget } from "./live-progress.js";

function offersClose(context: SlackAppContext, persona: string, progress: LiveProgress): string | undefined {
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
  progress: LiveProgress,
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
export async function presentFailure(context: SlackAppContext, target: ThreadTarget, progress: LiveProgress, error: unknown): Promise<void> {
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
  const progress = new LiveProgress(context, target);
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
