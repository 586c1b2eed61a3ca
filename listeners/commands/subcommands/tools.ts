/** `/switchboard tools [words]`: what the agent may do in this channel, under the channel's persona. */
import { escapeMrkdwn } from "../../../src/slack/mrkdwn.js";
import { personaForChannel } from "../../../src/slack/slack-app-context.js";
import { ephemeral, type Subcommand } from "../subcommand.js";

const POLICY_WORDS = { auto: "runs on its own", ask: "asks a person first", deny: "refused" } as const;
const LIMIT = 25;

export const toolsSubcommand: Subcommand = async (input) => {
  const { context, args, rest } = input;
  const persona = personaForChannel(context, args.command.channel_id);
  const { tools, total } = context.services.tools.forPersona(persona, rest || undefined, LIMIT);
  if (tools.length === 0) {
    await ephemeral(input, { text: rest ? `No tool of the ${persona} persona matches “${rest}”.` : `The ${persona} persona has no tools.` });
    return;
  }
  const lines = tools.map((t) => `• *${escapeMrkdwn(t.title)}* (\`${t.name}\`) — ${POLICY_WORDS[t.policy]}`);
  const heading = rest
    ? `Best matches for “${escapeMrkdwn(rest)}” under *${escapeMrkdwn(persona)}*:`
    : `What *${escapeMrkdwn(persona)}* may do here (${tools.length} of ${total}${total > tools.length ? "; add words to narrow it down" : ""}):`;
  await ephemeral(input, {
    text: `Tools for ${persona}`,
    blocks: [{ type: "section", text: { type: "mrkdwn", text: `${heading}\n${lines.join("\n")}`.slice(0, 2990) } }],
  });
};
