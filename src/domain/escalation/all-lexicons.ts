/** Every language's phrases for one job, gathered so the rules read one list per job. */
import { CLOSING_WORDS, NOT_CLOSED_YET, TEXT_LEXICONS, type TextReason, UNANSWERED_BEFORE, WANTS_A_PERSON } from "./lexicons.js";
import { MORE_LATIN_CLOSING, MORE_LATIN_LEXICONS, MORE_LATIN_NOT_CLOSED, MORE_LATIN_UNANSWERED, MORE_LATIN_WANTS_A_PERSON } from "./lexicons-more-latin.js";
import {
  OTHER_SCRIPT_CLOSING,
  OTHER_SCRIPT_LEXICONS,
  OTHER_SCRIPT_NOT_CLOSED,
  OTHER_SCRIPT_UNANSWERED,
  OTHER_SCRIPT_WANTS_A_PERSON,
} from "./lexicons-other-scripts.js";

const REASONS = Object.keys(TEXT_LEXICONS) as TextReason[];

export const ALL_TEXT_LEXICONS: Record<TextReason, RegExp[]> = Object.fromEntries(
  REASONS.map((reason) => [reason, [...TEXT_LEXICONS[reason], ...MORE_LATIN_LEXICONS[reason], ...OTHER_SCRIPT_LEXICONS[reason]]]),
) as Record<TextReason, RegExp[]>;

export const ALL_UNANSWERED_BEFORE = [...UNANSWERED_BEFORE, ...MORE_LATIN_UNANSWERED, ...OTHER_SCRIPT_UNANSWERED];
export const ALL_WANTS_A_PERSON = [...WANTS_A_PERSON, ...MORE_LATIN_WANTS_A_PERSON, ...OTHER_SCRIPT_WANTS_A_PERSON];

/** Folded text that reads as a closing thanks, in any of the languages. */
export const saysClosingWords = (folded: string) => CLOSING_WORDS.test(folded) || MORE_LATIN_CLOSING.test(folded) || OTHER_SCRIPT_CLOSING.test(folded);
/** Folded text that still asks for something or says it still fails. */
export const saysNotClosedYet = (folded: string) => NOT_CLOSED_YET.test(folded) || MORE_LATIN_NOT_CLOSED.test(folded) || OTHER_SCRIPT_NOT_CLOSED.test(folded);
