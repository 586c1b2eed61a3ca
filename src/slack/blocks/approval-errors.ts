/** Plain words for what can go wrong when someone decides an approval. */
import { isAppError, toUserMessage } from "../../errors.js";
import { escapeMrkdwn } from "./mrkdwn.js";

export type ApprovalProblem = "decided" | "expired" | "forbidden" | "not_found" | "other";

export function approvalProblem(error: unknown): ApprovalProblem {
  if (isAppError(error, "APPROVAL_DECIDED")) return "decided";
  if (isAppError(error, "APPROVAL_EXPIRED")) return "expired";
  if (isAppError(error, "APPROVAL_FORBIDDEN")) return "forbidden";
  if (isAppError(error, "APPROVAL_NOT_FOUND")) return "not_found";
  return "other";
}

/** Who decided, from the error's details or its message ("... was already approved by U123; ..."). */
function decidedBy(error: unknown): string {
  if (!isAppError(error)) return "";
  // The last match: the quoted summary at the start of the message may itself contain such words.
  const fromMessage = [...error.message.matchAll(/already \w+ by ([^;\s]+)/g)].at(-1)?.[1];
  const by = error.details.decidedBy ?? error.details.decided_by ?? fromMessage;
  if (typeof by !== "string" || by.length === 0) return "";
  const slackUser = by.replace(/^slack:/, "");
  return /^[UW][A-Z0-9]+$/.test(slackUser) ? ` by <@${slackUser}>` : ` by ${by}`;
}

/** What the person who clicked reads (ephemeral). */
export function approvalErrorText(error: unknown, reference?: string): string {
  switch (approvalProblem(error)) {
    case "decided":
      return `This request was already decided${decidedBy(error)}, so your click changed nothing. The card shows the outcome.`;
    case "expired":
      return "This request expired before anyone decided, so nothing was done. Ask again if it is still needed.";
    case "forbidden":
      // The engine's words name who can approve (src/agent/policy.ts whoMayDecide).
      return isAppError(error) && /approv/i.test(error.userMessage) && error.userMessage !== "not an approver"
        ? error.userMessage
        : "You are not one of the approvers for this request, so nothing was changed. Ask one of the approvers named in the persona to decide.";
    case "not_found":
      return "This request no longer exists (it may have been cleaned up), so nothing was done. Ask again if it is still needed.";
    default:
      return toUserMessage(error, reference);
  }
}

/** The line the card itself shows when a click reveals it can no longer be decided. */
export function cardNoteFor(error: unknown): string | undefined {
  switch (approvalProblem(error)) {
    case "expired":
      return "Expired before anyone decided; nothing was done.";
    case "not_found":
      return "This request no longer exists; nothing was done.";
    default:
      return undefined;
  }
}

/** For a click refused before the engine is asked (opening Edit or Reject): who can approve instead. */
export function notApproverText(persona: string, approvers: readonly string[], ownRequest = false): string {
  const named = approvers.map((id) => (id.startsWith("S") ? `<!subteam^${id}>` : `<@${id}>`));
  if (named.length === 0 && ownRequest) {
    return `You asked for this write yourself, and the ${escapeMrkdwn(persona)} persona needs someone else to approve it, so nothing was changed. Anyone else in Slack may approve it.`;
  }
  const who =
    named.length > 0 ? `The approvers of the ${escapeMrkdwn(persona)} persona are ${named.join(", ")}.` : "Ask someone other than the person who asked for it.";
  return `You are not one of the approvers for this request, so nothing was changed. ${who}`;
}
