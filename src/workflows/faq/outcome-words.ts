/**
 * What a card says about a write, from the executor's outcome only: sent, failed, refused, or uncertain (the
 * request went out and no answer came back, so it may or may not have reached the customer).
 */
import type { WriteOutcome } from "../contracts.js";

export const UNCERTAIN_REPLY = "The reply may or may not have been sent; check the conversation in Intercom before sending anything again.";

export function replyWords(outcome: WriteOutcome, teammate: string): string {
  switch (outcome.status) {
    case "sent":
      return `Sent to the customer as ${teammate}.`;
    case "failed":
      return `Could not send: ${outcome.reason}. Nothing reached the customer.`;
    case "uncertain":
      return `${UNCERTAIN_REPLY} (${outcome.reason})`;
    case "refused":
      return `Not sent: ${outcome.reason}.`;
  }
}

export function closeWords(outcome: WriteOutcome, who: string): string {
  switch (outcome.status) {
    case "sent":
      return `Closed by ${who}.`;
    case "failed":
      return `Could not close: ${outcome.reason}. The conversation is still open.`;
    case "uncertain":
      return `Closing may or may not have happened (${outcome.reason}); check the conversation in Intercom.`;
    case "refused":
      return `Not closed: ${outcome.reason}.`;
  }
}
