/** `/switchboard connect [revoke]`: Intercom connection status, an install link, or removing the stored token. */
import { isAppError } from "../../../src/errors.js";
import { escapeMrkdwn } from "../../../src/slack/blocks/mrkdwn.js";
import { usageHelp } from "../../../src/slack/blocks/usage-help.js";
import { isSlackApprover } from "../../../src/slack/flows/approver-check.js";
import { personaForChannel } from "../../../src/slack/slack-app-context.js";
import { ephemeral, type Subcommand } from "../subcommand.js";

export const connectSubcommand: Subcommand = async (input) => {
  const { context, args, rest } = input;
  const connection = context.intercom;
  if (rest === "revoke") {
    // Revoking disconnects Intercom for everyone, so it takes the same standing as approving a write here.
    const persona = personaForChannel(context, args.command.channel_id);
    if (!(await isSlackApprover(context, args.command.user_id, persona))) {
      context.logger.warn({ slackUserId: args.command.user_id, persona }, "Intercom revoke refused: not an approver");
      await ephemeral(input, {
        text: `Only the people who approve changes for the ${persona} persona can disconnect Intercom; nothing was changed. Ask one of them, or an admin can run \`switchboard secrets revoke intercom.oauth_token\` on the server.`,
      });
      return;
    }
    const removed = connection.revoke();
    context.logger.info({ slackUserId: args.command.user_id, removed }, "Intercom OAuth token revoke requested from Slack");
    const after = connection.status();
    await ephemeral(input, {
      text: removed ? `The stored Intercom token was deleted. Now: ${after.detail}.` : `No Intercom token from OAuth was stored. Now: ${after.detail}.`,
    });
    return;
  }
  if (rest) {
    await ephemeral(input, usageHelp("`connect` takes nothing, or `revoke` to delete the stored Intercom token."));
    return;
  }
  const status = connection.status();
  const lines = [`*Intercom:* ${escapeMrkdwn(status.detail)}.`];
  if (status.mode !== "token") {
    try {
      const link = connection.installLink(args.command.user_id);
      lines.push(`<${link}|Connect Intercom> (a one-time link for you, valid for 10 minutes).`);
    } catch (error) {
      if (!isAppError(error, "INTERCOM_NOT_CONFIGURED")) throw error;
      lines.push(escapeMrkdwn(connection.howToEnableOAuth()));
    }
  }
  if (status.mode === "oauth") lines.push("To disconnect, use `/switchboard connect revoke`.");
  await ephemeral(input, { text: `Intercom: ${status.detail}`, blocks: [{ type: "section", text: { type: "mrkdwn", text: lines.join("\n") } }] });
};
