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

/** An older card of a conversation whose customer asked again: the newer card cites the same article. */
export const SUPERSEDED = "Superseded: the customer wrote again, see the newer card.";

/** An older card of a conversation whose newest message needs a person (anger, a threat, asking for someone). */
export const SUPERSEDED_NEEDS_PERSON =
  "Not sendable any more: the customer wrote again, and what they wrote needs a person. Read the conversation in Intercom.";

/** On an older card still sendable: the customer wrote about something else since, which it does not answer. */
export const WROTE_AGAIN = "The customer wrote again after this message; read the conversation in Intercom before sending.";

/** The conversation (or ticket) could not be found in Intercom when someone clicked Send. */
export const goneWords = (what: "conversation" | "ticket") => `Not sent: the ${what} is gone from Intercom (it may have been deleted).`;

/** Nothing was claimed: the draft stays open for another try. */
export function uncheckedWords(what: "conversation" | "ticket", reason: string): string {
  return `Nothing was sent: Intercom could not be checked for a newer reply or a close on this ${what} (${clause(reason)}). The draft is still open; try again in a moment.`;
}
