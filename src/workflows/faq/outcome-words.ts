/**
 * What a card says about a write, from the executor's outcome only: sent, failed, refused, or uncertain (the
 * request went out and no answer came back, so it may or may not have reached the customer).
 */
import type { WriteOutcome } from "../contracts.js";

/** Intercom's and the gate's reasons often end with their own full stop; the words here add one. */
const clause = (reason: string) => reason.trim().replace(/[.\s]+$/, "");

export const UNCERTAIN_REPLY = "The reply may or may not have been sent; check the conversation in Intercom before sending anything again.";

export function replyWords(outcome: WriteOutcome, teammate: string): string {
  switch (outcome.status) {
    case "sent":
      return `Sent to the customer as ${teammate}.`;
    case "failed":
      return `Could not send: ${clause(outcome.reason)}. Nothing reached the customer.`;
    case "uncertain":
      return `${UNCERTAIN_REPLY} (${outcome.reason})`;
    case "refused":
      return `Not sent: ${clause(outcome.reason)}.`;
  }
}

export function closeWords(outcome: WriteOutcome, who: string): string {
  switch (outcome.status) {
    case "sent":
      return `Closed by ${who}.`;
    case "failed":
      return `Could not close: ${clause(outcome.reason)}. The conversation is still open.`;
    case "uncertain":
      return `Closing may or may not have happened (${outcome.reason}); check the conversation in Intercom.`;
    case "refused":
      return `Not closed: ${clause(outcome.reason)}.`;
  }
}

/** The second step of Send & close, said after the reply's own sentence (only ever run once the reply was sent). */
export function closeAfterReplyWords(outcome: WriteOutcome | "ticket"): string {
  if (outcome === "ticket") return "The ticket was not closed: tickets are not closed from this card, so it is unchanged in Intercom.";
  switch (outcome.status) {
    case "sent":
      return "The conversation is closed.";
    case "uncertain":
      return `Closing the conversation may or may not have happened (${clause(outcome.reason)}); check it in Intercom.`;
    case "failed":
    case "refused":
      return `The conversation was not closed: ${clause(outcome.reason)}.`;
  }
}
