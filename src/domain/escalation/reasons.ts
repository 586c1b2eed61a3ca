/** The fixed reason codes an escalation can carry, with the words a person sees on the card. */
export const REASON_CODES = [
  "angry_customer",
  "long_wait",
  "vip_waiting",
  "repeated_reopen",
  "legal_threat",
  "churn_risk",
  "payment_dispute",
  "security_or_data_incident",
  "repeated_contact",
  "bot_loop",
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export const REASON_LABELS: Record<ReasonCode, string> = {
  angry_customer: "Angry customer",
  long_wait: "Long wait",
  vip_waiting: "VIP waiting",
  repeated_reopen: "Reopened again and again",
  legal_threat: "Legal threat",
  churn_risk: "Churn risk",
  payment_dispute: "Payment dispute",
  security_or_data_incident: "Security or data incident",
  repeated_contact: "Repeated contact",
  bot_loop: "Stuck with the bot",
};

/**
 * How much each reason alone should worry a lead; the score combines them as independent risks, so two
 * middling reasons outrank one. Legal and security come first because they carry obligations, not just mood.
 */
export const REASON_WEIGHTS: Record<ReasonCode, number> = {
  legal_threat: 0.9,
  security_or_data_incident: 0.9,
  churn_risk: 0.75,
  payment_dispute: 0.7,
  vip_waiting: 0.65,
  angry_customer: 0.6,
  repeated_contact: 0.6,
  repeated_reopen: 0.6,
  bot_loop: 0.55,
  long_wait: 0.5,
};

export const isReasonCode = (value: string): value is ReasonCode => (REASON_CODES as readonly string[]).includes(value);
