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
      text: escapeMrkdwn(`This channel uses the ${current} persona.`),
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
      text: escapeMrkdwn(`There is no persona called “${name}”.`),
      blocks: [{ type: "section", text: { type: "mrkdwn", text: `There is no persona called “${escapeMrkdwn(name)}”. Choose one of:\n${choices}` } }],
    });
    return;
  }
  // A persona decides what the agent may do in the channel, so switching needs the standing to approve for the
  // persona in charge now and for the one taking over: otherwise anyone could hand the channel to a persona
  // whose writes run on their own.
  const current = personaForChannel(context, channel);
  const user = args.command.user_id;
  for (const name of new Set([current, chosen.name])) {
    if (await isSlackApprover(context, user, name)) continue;
    const approvers = personas.get(name)?.approvers ?? [];
    const who = approvers.map((id) => (id.startsWith("S") ? `<!subteam^${id}>` : `<@${id}>`)).join(", ");
    const role = name === current ? "the persona this channel uses now" : "the persona you chose";
    const words = `Only the approvers of the ${escapeMrkdwn(name)} persona (${role}) can switch this channel to ${escapeMrkdwn(chosen.name)}; it still uses ${escapeMrkdwn(current)}.`;
    await ephemeral(input, { text: `${words}${who ? ` They are ${who}.` : ""}` });
    return;
  }
  context.channels.setPersona(channel, chosen.name, user);
  await ephemeral(input, { text: escapeMrkdwn(`This channel now uses the ${chosen.name} persona: ${chosen.scope}.`) });
};
