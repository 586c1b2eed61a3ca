/**
 * Masks personal data before a message is clustered, sent to a model or posted: emails, card numbers (13-19
 * digits, spaced or dashed), IBAN-like account numbers, sort codes and long digit runs, and phone numbers.
 */
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/g;
const CARD = /\b(?:\d[ -]?){12,18}\d\b/g;
const SORT_CODE = /\b\d{2}-\d{2}-\d{2}\b/g;
const PHONE = /(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?)?\d{2,4}[ .-]\d{3,4}[ .-]?\d{3,4}\b/g;
const LONG_DIGITS = /\b\d{6,}\b/g;

export function maskPersonalData(text: string): string {
  return text
    .replace(EMAIL, "[email]")
    .replace(IBAN, "[account]")
    .replace(CARD, "[card]")
    .replace(SORT_CODE, "[account]")
    .replace(PHONE, "[phone]")
    .replace(LONG_DIGITS, "[number]");
}
