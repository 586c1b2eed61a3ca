/**
 * `/switchboard themes [days]`: acknowledges at once, posts a short parent message in the command's channel,
 * then builds the digest and posts it (with the chart) in that message's thread. Built with the themes
 * workflow, which the composition root hands in.
 */
import { toUserMessage } from "../../../src/errors.js";
import { usageHelp } from "../../../src/slack/blocks/usage-help.js";
import { describeRun, type ThemesWorkflow } from "../../../src/workflows/themes/themes-workflow.js";
import { ephemeral, type Subcommand } from "../subcommand.js";

export function parseThemesDays(rest: string): number | undefined {
  if (rest === "") return 7;
  if (!/^\d{1,2}$/.test(rest)) return undefined;
  const days = Number(rest);
  return days >= 1 && days <= 90 ? days : undefined;
}

export function themesSubcommand(workflow: ThemesWorkflow): Subcommand {
  return async (input) => {
    const { context, rest, args } = input;
    const days = parseThemesDays(rest);
    if (days === undefined) {
      await ephemeral(input, usageHelp("`themes` takes a number of days from 1 to 90, e.g. `/switchboard themes 14`."));
      return;
    }
    await ephemeral(input, { text: `Building the themes digest of the last ${days} days; it will appear in a thread here.` });
    const channel = args.command.channel_id;
    const user = args.command.user_id;
    void context.work.start(`themes:${channel}`, async () => {
      let parentTs: string | undefined;
      try {
        const parent = await context.client.chat.postMessage({ channel, text: `Themes of the last ${days} days, asked for by <@${user}>: working on it…` });
        parentTs = String(parent.ts);
        const result = await workflow.run({ days, channel, threadTs: parentTs, source: `slack:${user}` });
        await context.client.chat.update({ channel, ts: parentTs, text: `Themes of the last ${days} days, asked for by <@${user}>: ${describeRun(result)}.` });
      } catch (error) {
        context.logger.warn({ err: error }, "themes digest failed");
        const text = `The themes digest could not be built: ${toUserMessage(error)}`;
        if (parentTs) await context.client.chat.update({ channel, ts: parentTs, text });
        else await args.respond({ response_type: "ephemeral", text });
      }
    });
  };
}
