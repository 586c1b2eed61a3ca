/**
 * The Edit modal of an FAQ draft: the answer in a text box, sent on submit, closing a conversation too if ticked.
 * A ticket is never closed from the card, so its modal does not offer to.
 */
import { truncate } from "./mrkdwn.js";

export const FAQ_EDIT_CALLBACK = "faq_edit_submit";
export const FAQ_EDIT_BLOCK = "faq_answer";
export const FAQ_EDIT_INPUT = "text";
export const FAQ_EDIT_CLOSE_BLOCK = "faq_close";
export const FAQ_EDIT_CLOSE_INPUT = "close";

export function buildFaqEditModal(draftId: string, answerText: string, kind: "conversation" | "ticket" = "conversation"): Record<string, unknown> {
  const closeBlock = {
    type: "input",
    block_id: FAQ_EDIT_CLOSE_BLOCK,
    optional: true,
    label: { type: "plain_text", text: "After sending" },
    element: {
      type: "checkboxes",
      action_id: FAQ_EDIT_CLOSE_INPUT,
      options: [{ text: { type: "plain_text", text: "Close the conversation" }, value: "close" }],
    },
  };
  return {
    type: "modal",
    callback_id: FAQ_EDIT_CALLBACK,
    private_metadata: draftId,
    title: { type: "plain_text", text: "Edit the answer" },
    submit: { type: "plain_text", text: "Send" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      {
        type: "input",
        block_id: FAQ_EDIT_BLOCK,
        label: { type: "plain_text", text: "Answer to the customer (sources stay attached as links)" },
        element: { type: "plain_text_input", action_id: FAQ_EDIT_INPUT, multiline: true, initial_value: truncate(answerText, 2900), max_length: 3000 },
      },
      ...(kind === "conversation" ? [closeBlock] : []),
    ],
  };
}
