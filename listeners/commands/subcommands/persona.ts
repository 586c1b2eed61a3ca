/** `/switchboard persona [name]`: shows the channel's persona and the choices, or sets it. */

import { escapeMrkdwn } from "../../../src/slack/blocks/mrkdwn.js";
import { isSlackApprover } from "../../../src/slack/flows/approver-check.js";
import { personaForChannel } from "../../../src/slack/slack-app-context.js";
import { ephemeral, type Subcommand } from "../subcommand.js";

export const personaSubcommand: Subcommand = async (input) => {
  const { context, args, rest } = input;
  const { personas } = context.services;
  const channel = args.command.channel_id;
  const choices = personas
    .list()
    .map((p) => `• *${escapeMrkdwn(p.name)}* — ${escapeMrkdwn(p.description ?? p.scope)}`)
    .join("\n");
  if (!rest) {
    const current = personaForChannel(context, channel);
    const summary = personas.get(current);
    await ephemeral(input, {
      text: `This channel uses the ${current} persona.`,
      blocks: [
        {
          type: "section",
          text: { type: "mrkdwn", text: `This channel uses *${escapeMrkdwn(current)}*${summary ? `: ${escapeMrkdwn(summary.scope)}` : ""}.` },
        },
        { type: "section", text: { type: "mrkdwn", text: `Personas:\n${choices}\nChange it with \`/switchboard persona NAME\`.` } },
      ],
    });
    return;
  }
  const name = rest.split(/\s+/)[0];
  const chosen = personas.get(name) ?? personas.list().find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (!chosen) {
    await ephemeral(input, {
      text: `There is no persona called “${name}”.`,
      blocks: [{ type: "section", text: { type: "mrkdwn", text: `There is no persona called “${escapeMrkdwn(name)}”. Choose one of:\n${choices}` } }],
    });
    return;
  }
  // A persona decides what the agent may do in the channel, so only someone who could approve its changes
  // may put it in charge here.
  if (!(await isSlackApprover(context, args.command.user_id, chosen.name))) {
    await ephemeral(input, {
      text: `Only the approvers of the ${chosen.name} persona can make it this channel's persona; it still uses ${personaForChannel(context, channel)}.`,
    });
    return;
  }
  context.channels.setPersona(channel, chosen.name, args.command.user_id);
  await ephemeral(input, { text: `This channel now uses the ${chosen.name} persona: ${chosen.scope}.` });
};
