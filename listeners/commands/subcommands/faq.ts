/**
 * `/switchboard faq <question>`: the knowledge base's answer with its sources, for the teammate who asked,
 * in a thread under their question. Built with the KB searcher, which the Slack context does not carry.
 */

import { DEFAULT_FAQ_POLICY } from "../../../src/domain/faq/types.js";
import type { KbSearcher } from "../../../src/kb/search.js";
import { buildFaqAnswerBlocks } from "../../../src/slack/blocks/faq-answer-blocks.js";
import { escapeMrkdwn, truncate } from "../../../src/slack/blocks/mrkdwn.js";
import { usageHelp } from "../../../src/slack/blocks/usage-help.js";
import { answerQuestion } from "../../../src/workflows/faq/answer-question.js";
import { ephemeral, type Subcommand } from "../subcommand.js";

export function createFaqSubcommand(deps: { searcher: KbSearcher }): Subcommand {
  return async (input) => {
    const { context, args, rest } = input;
    if (!rest) {
      await ephemeral(input, usageHelp("`faq` needs a question, e.g. `/switchboard faq how do I change my PIN?`"));
      return;
    }
    await args.ack();
    const { command } = args;
    context.work.start("faq command", async () => {
      // Teammates may see internal articles; the policy only matters for the confidence shown.
      const answer = answerQuestion(deps.searcher, { message: rest, policy: DEFAULT_FAQ_POLICY, needsPerson: () => ({ needed: false }) });
      const reply = buildFaqAnswerBlocks(rest, answer);
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
