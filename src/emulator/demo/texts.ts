/** Message wording for generated conversations: agent replies, customer follow-ups and the angry rewrites. */
import type { Rng } from "./prng.js";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export const paragraph = (text: string): string => `<p>${escapeHtml(text)}</p>`;

export const THANKS = ["Thanks, that helped!", "Great, all sorted now.", "Perfect, thank you.", "That worked, cheers.", "Thanks for the quick answer."];

export const CHASERS = ["Any update on this?", "Hello? Is anyone there?", "I'm still waiting for an answer.", "Could someone look at this please?"];

export const ANGRY_CHASERS = [
  "This is ridiculous. Third time I'm asking!",
  "WHY IS NOBODY ANSWERING ME?",
  "If nobody replies today I will cancel my account.",
  "I have been waiting for hours. This is unacceptable!!",
  "Third time I'm asking. Is there actually anyone working there?",
];

export const COMEBACKS = ["Sorry, it's happening again.", "This still isn't fixed.", "I tried that but it didn't work.", "Actually the problem is back today."];

export const INFO_REQUESTS = [
  "Could you send me the date and amount of the transaction so I can look into it?",
  "Can you tell me the last four digits of the card you used?",
  "Could you share a screenshot of the error you see in the app?",
];

export const CLOSING_LINES = [
  "Glad to hear it! I'll close this conversation, but just reply if you need anything else.",
  "Happy to help. Have a great day!",
  "You're welcome. I'll close this for now.",
];

export const ESCALATION_REPLIES = [
  "Sorry to hear that. I've passed this to our specialists and will update you as soon as I hear back.",
  "Thanks for your patience. I've escalated this and a specialist is looking at your account now.",
];

export const GAP_REPLIES = [
  "Thanks for reaching out. I've checked your account and asked our payments team to look into this; we'll get back to you within 2 working days.",
  "Thanks for letting us know. This needs a manual check on our side, so I've opened a case and will update you here.",
  "I understand. I've looked into it and sorted it out for you; it should show correctly in the app within 24 hours.",
];

export const NOTES = [
  "Checked the card status: active, no blocks.",
  "Customer verified via in-app selfie.",
  "Possible duplicate of an earlier conversation; linked for context.",
  "Asked payments team in #payments-ops for a trace.",
  "Customer is on the VIP plan, handle with priority.",
];

export const ANGRY_REOPEN = "This is ridiculous, it's the same problem AGAIN. Fix it or I'm closing my account.";

/** Rewrites a calm customer message so it reads as frustrated, using markers the escalation flow looks for. */
export function makeAngry(text: string, rng: Rng): string {
  switch (rng.int(0, 5)) {
    case 0:
      return `${text.toUpperCase()}!!!`;
    case 1:
      return `${text} This is ridiculous!`;
    case 2:
      return `Third time I'm asking: ${text}`;
    case 3:
      return `${text} Sort this out or I will cancel my account.`;
    case 4:
      return `${text.toUpperCase()} THIS IS RIDICULOUS.`;
    default:
      return `I'm furious. ${text} Nobody has helped me so far!!`;
  }
}
