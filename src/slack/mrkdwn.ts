/** Moved to blocks/mrkdwn.ts; kept so imports written before the move still resolve. Import from blocks/. */
export * from "./blocks/mrkdwn.js";
