/**
 * Runs the agent for a Slack thread and shows it: a working message that is updated as tools run, then the
 * answer (split to fit Slack), approval cards, or a plain-words failure. Used by `ask`, mentions, follow-ups,
 * the Close button and decisions on approval cards.
 */

import type { KnownBlock } from "@slack/types";
import { summarizeCall } from "../../agent/call-summary.js";
import type { RunOutcome } from "../../agent/run-types.js";
import { newErrorReference, toUserMessage } from "../../errors.js";
import type { ReplyProgress } from "../../store/slack-threads-repo.js";
import { answerMessages, type SlackMessage } from "../blocks/answer-blocks.js";
import { approvalCard } from "../blocks/approval-card.js";
import { closeConversationBlock, isCloseTool } from "../blocks/close-button.js";
import { failureMessage, workingMessage } from "../blocks/progress-blocks.js";
import { anyNotSent, type WriteLine, writeLinesBlock, writeLinesFallback } from "../blocks/write-lines.js";
import { type SlackAppContext, threadIdFor } from "../slack-app-context.js";
import { cardFacts } from "./card-facts.js";
import { LiveProgress, type ThreadTarget } from "./live-progress.js";
import { runWriteLines } from "./run-writes.js";

/**
 * Close is offered only where it makes sense: the run made at least one write, every write went through, it
 * was about exactly one conversation, the persona may close, and that conversation is not already closed.
 */
async function offersClose(context: SlackAppContext, persona: string, progress: LiveProgress, writes: readonly WriteLine[]): Promise<string | undefined> {
  if (progress.conversations.size !== 1) return undefined;
  if (writes.length === 0 || anyNotSent(writes)) return undefined;
  if ([...progress.toolsUsed].some(isCloseTool)) return undefined;
  const { tools } = context.services.tools.forPersona(persona, "close conversation", 200);
  if (!tools.some((t) => isCloseTool(t.name) && t.policy !== "deny")) return undefined;
  const conversation = [...progress.conversations][0] as string;
  const state = await context.services.lookup?.conversationState(conversation).catch(() => undefined);
  return state === "closed" ? undefined : conversation;
}

/** Once per thread, an answer drawn from the built-in demo workspace says so. */
function demoNotice(context: SlackAppContext, target: ThreadTarget): KnownBlock[] {
  if (context.intercom.status().mode !== "emulator") return [];
  // `has` first: inside an inbox item's scope every claim is granted (src/slack/create-slack-app.ts).
  const key = `demo-notice:${target.channel}:${target.threadTs}`;
  if (context.events.has(key)) return [];
  context.events.claim(key);
  return [
    {
      type: "context",
      block_id: "demo_notice",
      elements: [{ type: "mrkdwn", text: DEMO_NOTICE }],
    },
  ];
}

export const DEMO_NOTICE =
  ":information_source: These answers come from the built-in demo workspace (a fictional bank's inbox), not from your Intercom. Connect Intercom with `/switchboard connect`.";

/**
 * Writes an outcome into the thread: the answer, approval cards, or what went wrong. `alreadyShown` lists
 * approvals that have a card already (the rest of a step decided one card at a time). Every write the run
 * made is listed with its real outcome above the answer, whatever the answer says.
 */
export async function presentOutcome(
  context: SlackAppContext,
  target: ThreadTarget,
  progress: LiveProgress,
  persona: string,
  outcome: RunOutcome,
  alreadyShown: ReadonlySet<string> = new Set(),
  replyKey?: string,
): Promise<void> {
  const ts = await progress.finish();
  const { poster } = context;
  const writes = runWriteLines(context, outcome.runId, persona, progress.events);
  const writesBlock = writeLinesBlock(writes);
  if (outcome.status === "answered") {
    const conversation = await offersClose(context, persona, progress, writes);
    const messages = answerMessages(outcome.text, {
      leadingBlocks: writesBlock ? [writesBlock] : [],
      fallbackPrefix: writes.length > 0 ? writeLinesFallback(writes) : undefined,
      trailingBlocks: [...demoNotice(context, target), ...(conversation ? [closeConversationBlock({ conversationId: conversation, persona })] : [])],
    });
    await poster.update(target.channel, ts, messages[0] as SlackMessage);
    for (const message of messages.slice(1)) await poster.post(target.channel, { ...message, threadTs: target.threadTs });
    // The next turn reads the facts too, so a follow-up cannot build on a claim that did not happen.
    remember(context, target, writes.length > 0 ? `${outcome.text}\n\n(What happened in Intercom: ${writeLinesFallback(writes)}.)` : outcome.text, {
      replyKey,
      ts,
    });
    return;
  }
  if (outcome.status === "needs_approval") {
    const fresh = outcome.approvals.filter((a) => !alreadyShown.has(a.approvalId));
    if (fresh.length === 0) {
      const waiting = workingMessage([], "Noted. The other requests of this step are still waiting for a decision above.");
      await poster.update(target.channel, ts, writesBlock ? { ...waiting, blocks: [...waiting.blocks, writesBlock] } : waiting);
      if (replyKey) context.threads.recordAnswered(target.channel, target.threadTs, undefined, replyKey, ts);
      return;
    }
    const count = fresh.length;
    const waiting = workingMessage([], count === 1 ? "This needs an approval first (below)." : `This needs ${count} approvals first (below).`);
    await poster.update(target.channel, ts, writesBlock ? { ...waiting, blocks: [...waiting.blocks, writesBlock] } : waiting);
    for (const approval of fresh) {
      const cardTs = await poster.post(target.channel, {
        ...approvalCard(approval, { kind: "pending" }, await cardFacts(context, approval)),
        threadTs: target.threadTs,
      });
      context.cards.record(approval.approvalId, target.channel, cardTs);
    }
    // Not a.summary: it names the customer and topic read from Intercom, and untrusted text must not become the
    // assistant's own words in the thread history the model reads next turn.
    remember(context, target, `(Waiting for approval: ${fresh.map((a) => summarizeCall(a.title, a.args)).join("; ")})`, { replyKey, ts });
    return;
  }
  const failure = failureMessage(outcome.error);
  await poster.update(target.channel, ts, writesBlock ? { ...failure, blocks: [writesBlock, ...failure.blocks] } : failure);
  if (replyKey) context.threads.recordAnswered(target.channel, target.threadTs, undefined, replyKey, ts);
}

/**
 * Keeps the bot's copy of what it said. With a reply key, the same transaction records that the answer to
 * that request was posted (in message `ts`), so a replay of the request does not answer it again.
 */
function remember(context: SlackAppContext, target: ThreadTarget, text: string, posted: { replyKey?: string; ts: string }): void {
  const message = { role: "assistant" as const, text };
  if (posted.replyKey) context.threads.recordAnswered(target.channel, target.threadTs, message, posted.replyKey, posted.ts);
  else if (context.threads.get(target.channel, target.threadTs)) context.threads.append(target.channel, target.threadTs, message);
}

/** Shows an unexpected failure in the thread in plain words, with a reference that is also in the logs. */
export async function presentFailure(context: SlackAppContext, target: ThreadTarget, progress: LiveProgress, error: unknown, replyKey?: string): Promise<void> {
  const reference = newErrorReference();
  context.logger.error({ err: error, reference }, "Agent run failed");
  try {
    const ts = await progress.finish();
    await context.poster.update(target.channel, ts, failureMessage(toUserMessage(error, reference)));
    if (replyKey) context.threads.recordAnswered(target.channel, target.threadTs, undefined, replyKey, ts);
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
  /**
   * Names the incoming request this answers (e.g. the message's key), when it may be delivered again (Slack's
   * retry, the inbox's replay after a crash): a request already answered is not answered again, and a working
   * message a stopped attempt left behind is reused instead of staying "Working on it…" forever.
   */
  replyKey?: string;
}

export const RESTARTED_WORKING = "Switchboard restarted while working on this; working on it again…";

const LOOKUP_LIMIT_MS = 5000;

/**
 * A stopped attempt can die while its working message is being posted: Slack has it, but its ts never came
 * back to be recorded. Only then (a replay, so rarely) the thread is read once to find it. Best effort: on any
 * failure, or after a few seconds, there is simply no message to reuse.
 */
async function findUnrecordedWorking(context: SlackAppContext, target: ThreadTarget): Promise<string | undefined> {
  const working = workingMessage([]).text;
  let timer: NodeJS.Timeout | undefined;
  const lookup = context.client.conversations
    .replies({ channel: target.channel, ts: target.threadTs, limit: 200 })
    .then((page) => (page.messages ?? []).filter((m) => m.bot_id && m.text === working && m.ts).at(-1)?.ts)
    .catch((error: unknown) => {
      context.logger.warn({ err: error }, "Could not look for the working message of a stopped attempt");
      return undefined;
    });
  const limit = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), LOOKUP_LIMIT_MS);
  });
  try {
    return await Promise.race([lookup, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** The working message for a fresh run, or the one a stopped attempt at the same request left in the thread. */
async function workingMessageFor(context: SlackAppContext, target: ThreadTarget, replyKey: string, before: ReplyProgress | undefined): Promise<string> {
  const staleTs = before?.workingTs ?? (before?.asked ? await findUnrecordedWorking(context, target) : undefined);
  if (staleTs) {
    try {
      await context.poster.update(target.channel, staleTs, workingMessage([], RESTARTED_WORKING));
      return staleTs;
    } catch (error) {
      // Deleted in the meantime, most likely: post a fresh one instead.
      context.logger.warn({ err: error }, "Could not reuse the working message of a stopped attempt");
    }
  }
  const ts = await context.poster.post(target.channel, { ...workingMessage([]), threadTs: target.threadTs });
  // Recorded at once; a crash while the post is in flight is what findUnrecordedWorking covers.
  context.threads.recordWorking(replyKey, ts);
  return ts;
}

/** Starts an agent run for a thread the bot owns (creating the record of it) and shows the result. */
export async function askInThread(context: SlackAppContext, input: AskInput): Promise<void> {
  const { target, replyKey } = input;
  const before = replyKey ? context.threads.replyProgress(replyKey) : undefined;
  if (before?.answeredTs) {
    context.logger.info(
      { channel: target.channel, threadTs: target.threadTs, answerTs: before.answeredTs },
      "This request was already answered; not answering it again",
    );
    return;
  }
  context.threads.open({
    channelId: target.channel,
    threadTs: target.threadTs,
    teamId: target.teamId,
    persona: input.persona,
    startedBy: input.userId,
    owned: input.owned ?? true,
  });
  const stored = context.threads.history(target.channel, target.threadTs).map(({ role, text }) => ({ role, text }));
  // A replay of a request already in the thread copy: its question is the last message there, not history.
  const last = stored.at(-1);
  const earlier = before?.asked && last?.role === "user" && last.text === input.text ? stored.slice(0, -1) : stored;
  const history = input.history ?? earlier;
  const question = { role: "user" as const, text: input.text, userId: input.userId };
  if (!replyKey) context.threads.append(target.channel, target.threadTs, question);
  else if (!before?.asked) context.threads.recordAsked(target.channel, target.threadTs, question, replyKey);
  let progress = new LiveProgress(context, target);
  try {
    if (replyKey) progress = new LiveProgress(context, target, await workingMessageFor(context, target, replyKey, before));
    else await progress.begin();
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
    await presentOutcome(context, target, progress, input.persona, outcome, new Set(), replyKey);
  } catch (error) {
    await presentFailure(context, target, progress, error, replyKey);
  }
}
