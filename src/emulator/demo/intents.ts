/** How each banking77 intent maps onto the demo bank's inbox: its area tag, extra tags and a readable label. */

export type AreaTag = "card" | "billing" | "transfers" | "cash" | "top-up" | "exchange" | "account";

interface IntentProfile {
  area: AreaTag;
  extra?: ("refund" | "fraud" | "bug")[];
}

const PROFILES: Record<string, IntentProfile> = {
  card_arrival: { area: "card" },
  card_linking: { area: "card" },
  exchange_rate: { area: "exchange" },
  card_payment_wrong_exchange_rate: { area: "exchange" },
  extra_charge_on_statement: { area: "billing" },
  pending_cash_withdrawal: { area: "cash" },
  fiat_currency_support: { area: "exchange" },
  card_delivery_estimate: { area: "card" },
  automatic_top_up: { area: "top-up" },
  card_not_working: { area: "card", extra: ["bug"] },
  exchange_via_app: { area: "exchange" },
  lost_or_stolen_card: { area: "card", extra: ["fraud"] },
  age_limit: { area: "account" },
  pin_blocked: { area: "card" },
  contactless_not_working: { area: "card", extra: ["bug"] },
  top_up_by_bank_transfer_charge: { area: "top-up" },
  pending_top_up: { area: "top-up" },
  cancel_transfer: { area: "transfers" },
  top_up_limits: { area: "top-up" },
  wrong_amount_of_cash_received: { area: "cash", extra: ["refund"] },
  card_payment_fee_charged: { area: "billing" },
  transfer_not_received_by_recipient: { area: "transfers" },
  supported_cards_and_currencies: { area: "card" },
  getting_virtual_card: { area: "card" },
  card_acceptance: { area: "card" },
  top_up_reverted: { area: "top-up", extra: ["refund"] },
  balance_not_updated_after_cheque_or_cash_deposit: { area: "top-up" },
  card_payment_not_recognised: { area: "billing", extra: ["fraud"] },
  edit_personal_details: { area: "account" },
  why_verify_identity: { area: "account" },
  unable_to_verify_identity: { area: "account", extra: ["bug"] },
  get_physical_card: { area: "card" },
  visa_or_mastercard: { area: "card" },
  topping_up_by_card: { area: "top-up" },
  disposable_card_limits: { area: "card" },
  compromised_card: { area: "card", extra: ["fraud"] },
  atm_support: { area: "cash" },
  direct_debit_payment_not_recognised: { area: "billing", extra: ["fraud"] },
  passcode_forgotten: { area: "account" },
  declined_cash_withdrawal: { area: "cash" },
  pending_card_payment: { area: "billing" },
  lost_or_stolen_phone: { area: "account", extra: ["fraud"] },
  request_refund: { area: "billing", extra: ["refund"] },
  declined_transfer: { area: "transfers" },
  Refund_not_showing_up: { area: "billing", extra: ["refund"] },
  declined_card_payment: { area: "billing" },
  pending_transfer: { area: "transfers" },
  terminate_account: { area: "account" },
  card_swallowed: { area: "cash" },
  transaction_charged_twice: { area: "billing", extra: ["refund"] },
  verify_source_of_funds: { area: "account" },
  transfer_timing: { area: "transfers" },
  "reverted_card_payment?": { area: "billing", extra: ["refund"] },
  change_pin: { area: "card" },
  beneficiary_not_allowed: { area: "transfers" },
  transfer_fee_charged: { area: "transfers" },
  receiving_money: { area: "transfers" },
  failed_transfer: { area: "transfers", extra: ["bug"] },
  transfer_into_account: { area: "transfers" },
  verify_top_up: { area: "top-up" },
  getting_spare_card: { area: "card" },
  top_up_by_cash_or_cheque: { area: "top-up" },
  order_physical_card: { area: "card" },
  virtual_card_not_working: { area: "card", extra: ["bug"] },
  wrong_exchange_rate_for_cash_withdrawal: { area: "cash" },
  get_disposable_virtual_card: { area: "card" },
  top_up_failed: { area: "top-up", extra: ["bug"] },
  balance_not_updated_after_bank_transfer: { area: "transfers" },
  cash_withdrawal_not_recognised: { area: "cash", extra: ["fraud"] },
  exchange_charge: { area: "exchange" },
  top_up_by_card_charge: { area: "top-up" },
  activate_my_card: { area: "card" },
  cash_withdrawal_charge: { area: "cash" },
  card_about_to_expire: { area: "card" },
  apple_pay_or_google_pay: { area: "card" },
  verify_my_identity: { area: "account" },
  country_support: { area: "account" },
};

/** The tag names an intent's conversations carry (area first). Unknown intents fall back to "account". */
export function intentTagNames(intent: string): string[] {
  const profile = PROFILES[intent] ?? { area: "account" };
  return [profile.area, ...(profile.extra ?? [])];
}

/** "card_payment_not_recognised" → "Card payment not recognised"; drops the dataset's stray "?". */
export function intentLabel(intent: string): string {
  const words = intent.replace(/\?$/, "").split("_").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}
