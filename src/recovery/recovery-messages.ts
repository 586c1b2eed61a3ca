/** What a person is told about work a restart interrupted. Pure: data in, Slack text out. */
import { escapeMrkdwn } from "../slack/blocks/mrkdwn.js";
import { type WriteLine, writeLineText } from "../slack/blocks/write-lines.js";

export const RESTARTED_TEXT = "Switchboard restarted while working on this; please ask again.";

export interface SlackText {
  text: string;
  blocks: [{ type: "section"; text: { type: "mrkdwn"; text: string } }];
}

const section = (text: string, mrkdwn: string): SlackText => ({ text, blocks: [{ type: "section", text: { type: "mrkdwn", text: mrkdwn } }] });

/** A run that was stopped mid-way and cannot be continued. */
export function restartedMessage(asker: string | undefined): SlackText {
  const who = asker && /^[UW][A-Z0-9]+$/.test(asker) ? `<@${asker}> ` : "";
  return section(`${who}${RESTARTED_TEXT}`, `:warning: ${who}${escapeMrkdwn(RESTARTED_TEXT)}`);
}

/**
 * A write that was being sent when the process stopped, after it was checked in Intercom: found there
 * ("read-back"), proved missing and so sent now ("resent", the line carrying that send's outcome), or not
 * checkable ("unchecked").
 */
export function reconciledWriteMessage(line: WriteLine, asker: string | undefined, how: "read-back" | "resent" | "unchecked" = "read-back"): SlackText {
  const who = asker && /^[UW][A-Z0-9]+$/.test(asker) ? `<@${asker}> ` : "";
  const lead =
    how === "resent"
      ? "Switchboard restarted before an approved change reached Intercom; Intercom showed it had not arrived, so it was sent now, once:"
      : "Switchboard restarted while sending an approved change; it was not sent again. What Intercom shows:";
  const fallback =
    how === "resent"
      ? line.status === "sent"
        ? `${line.title}: sent after a restart (Intercom showed it had not arrived before).`
        : line.status === "failed"
          ? `${line.title}: sent again after a restart, and Intercom refused it.`
          : `${line.title}: sent again after a restart; it may or may not have been applied; check in Intercom.`
      : line.status === "sent"
        ? `${line.title}: sent (checked in Intercom after a restart).`
        : line.status === "failed"
          ? `${line.title}: not sent, and not resent (checked in Intercom after a restart).`
          : `${line.title}: may or may not have been applied; check in Intercom.`;
  return section(`${who}${escapeMrkdwn(fallback)}`, `${who}${escapeMrkdwn(lead)}\n${writeLineText(line)}`);
}

/** A run whose writes had all settled when the process stopped, before the agent wrote its answer. */
export function settledWritesMessage(lines: readonly WriteLine[], asker: string | undefined): SlackText {
  const who = asker && /^[UW][A-Z0-9]+$/.test(asker) ? `<@${asker}> ` : "";
  const lead = "Switchboard restarted before it finished answering. What happened in Intercom:";
  return section(
    `${who}${escapeMrkdwn(`${lead} ${lines.map((l) => `${l.title}: ${l.status}`).join("; ")}`)}`,
    `${who}${escapeMrkdwn(lead)}\n${lines.map(writeLineText).join("\n")}`,
  );
}
