/**
 * `/switchboard faq <question>`: the knowledge base's answer with its sources, for the teammate who asked,
 * in a thread under their question. Built with the KB searcher, which the Slack context does not carry.
 */

import { answersIn, type Persona } from "../../../src/agent/personas.js";
import { DEFAULT_FAQ_POLICY } from "../../../src/domain/faq/types.js";
import type { KbRetriever } from "../../../src/kb/hybrid-search.js";
import { buildFaqAnswerBlocks } from "../../../src/slack/blocks/faq-answer-blocks.js";
import { escapeMrkdwn, truncate } from "../../../src/slack/blocks/mrkdwn.js";
import { usageHelp } from "../../../src/slack/blocks/usage-help.js";
import { answerQuestion } from "../../../src/workflows/faq/answer-question.js";
import { createGroundedComposer, type FaqModel } from "../../../src/workflows/faq/grounded-answer.js";
import { ephemeral, type Subcommand } from "../subcommand.js";

/** `persona`: the FAQ flow's persona; its channel list limits where answers (with internal articles) are posted. */
export function createFaqSubcommand(deps: { searcher: KbRetriever; model?: FaqModel; persona?: Persona }): Subcommand {
  return async (input) => {
    const { context, args, rest } = input;
    if (!rest) {
      await ephemeral(input, usageHelp("`faq` needs a question, e.g. `/switchboard faq how do I change my PIN?`"));
      return;
    }
    if (deps.persona && !answersIn(deps.persona, args.command.channel_id)) {
      const where = deps.persona.channels.map((c) => `<#${c}>`).join(", ");
      await ephemeral(input, { text: `The ${deps.persona.name} persona does not answer in this channel, so nothing was posted here. Ask in ${where}.` });
      return;
    }
    await args.ack();
    const { command } = args;
    context.work.start("faq command", async () => {
      let reply: { text: string; blocks: unknown[] };
      // Teammates may see internal articles; the policy only matters for the confidence shown.
      try {
        const answer = await answerQuestion(deps.searcher, {
          message: rest,
          policy: DEFAULT_FAQ_POLICY,
          needsPerson: () => ({ needed: false }),
          composer: deps.model ? createGroundedComposer(deps.model) : undefined,
        });
        reply = buildFaqAnswerBlocks(rest, answer);
      } catch {
        const text = "The knowledge base could not be searched just now; try again in a moment.";
        reply = { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
      }
      try {
        const rootTs = await context.poster.post(command.channel_id, {
          text: `<@${command.user_id}> asked the knowledge base: ${escapeMrkdwn(truncate(rest, 200))}`,
        });
        await context.client.chat.postMessage({ channel: command.channel_id, thread_ts: rootTs, text: reply.text, blocks: reply.blocks as never });
      } catch {
        await args.respond({ response_type: "ephemeral", text: reply.text, blocks: reply.blocks as never });
      }
    });
  };
}
