/**
 * `/switchboard tools [words]`: what the agent may do in this channel, under the channel's persona. With words,
 * only the tools that fit them (above a relevance floor); when none does, it says so and names the closest.
 */
import { escapeMrkdwn } from "../../../src/slack/blocks/mrkdwn.js";
import { personaForChannel } from "../../../src/slack/slack-app-context.js";
import type { ToolSummary } from "../../../src/slack/slack-services.js";
import { ephemeral, type Subcommand } from "../subcommand.js";

const POLICY_WORDS = { auto: "runs on its own", ask: "asks a person first", deny: "refused" } as const;
const LIMIT = 25;

const lineOf = (t: ToolSummary) => `• *${escapeMrkdwn(t.title)}* (\`${t.name}\`) — ${POLICY_WORDS[t.policy]}`;

export const toolsSubcommand: Subcommand = async (input) => {
  const { context, args, rest } = input;
  const persona = personaForChannel(context, args.command.channel_id);
  const { tools, total, closest } = context.services.tools.forPersona(persona, rest || undefined, LIMIT);
  if (tools.length === 0) {
    if (!rest) {
      await ephemeral(input, { text: escapeMrkdwn(`The ${persona} persona has no tools.`) });
      return;
    }
    const nothing = `No tool of the *${escapeMrkdwn(persona)}* persona fits “${escapeMrkdwn(rest)}”.`;
    const hint = closest && closest.length > 0 ? `\nThe nearest, though none is a good fit:\n${closest.map(lineOf).join("\n")}` : "";
    await ephemeral(input, {
      text: escapeMrkdwn(`No tool of the ${persona} persona fits “${rest}”.`),
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: `${nothing}${hint}\nTry other words, or \`/switchboard tools\` for the whole list.`.slice(0, 2990) } },
      ],
    });
    return;
  }
  const heading = rest
    ? `Tools that fit “${escapeMrkdwn(rest)}” under *${escapeMrkdwn(persona)}* (${tools.length}${total > tools.length ? ` of ${total}` : ""}):`
    : `What *${escapeMrkdwn(persona)}* may do here (${tools.length} of ${total}${total > tools.length ? "; add words to narrow it down" : ""}):`;
  await ephemeral(input, {
    text: escapeMrkdwn(`Tools for ${persona}`),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: `${heading}\n${tools.map(lineOf).join("\n")}`.slice(0, 2990) } }],
  });
};
