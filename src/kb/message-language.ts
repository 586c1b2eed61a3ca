/**
 * Which language a customer wrote in, from the small words every sentence of a language carries, and what that
 * means for an article in some locale: a Portuguese question should not be answered first with a Spanish
 * article, nor an English one with a French article. Trigram detectors (tried: franc) misread short support
 * messages ("do you take paypal?" as Portuguese), so only a clear majority of function words counts, and
 * anything less is "not known", which changes nothing. Pure.
 */
import { foldText } from "./analyze.js";

export type MessageLanguage = "en" | "fr" | "es" | "pt" | "it" | "nl" | "de";

// Words frequent in one language and rare as words of the others (accents folded). Words shared with English
// ("no", "me", "come", "die", "is", "in") are left out of the other languages, so English text never counts for them.
const FUNCTION_WORDS: Readonly<Record<MessageLanguage, readonly string[]>> = {
  en: "the a an is are was my how do does can could i you what why where when it to and with not don't doesn't this that have get of on for be there your please want".split(
    " ",
  ),
  fr: "le la les un une des du je j est mon ma pas qui pour dans avec comment pourquoi ne vous nous il elle ca c suis ai au aux sur ce cette et ou mais plus".split(
    " ",
  ),
  es: "el los las del y es mi mis para por como con una uno quiero puedo tengo se lo al esta porque que cual donde hay mes".split(" "),
  pt: "o os do da dos das nao meu minha pra com uma um como e eu vou faco voce em na seu sua tenho posso".split(" "),
  it: "il gli della di che non mio mia per con una uno sono ho mi si dove perche l esiste anche".split(" "),
  nl: "de het een ik mijn niet hoe wat waarom kan met voor van op te en dat er wil mag maar naar".split(" "),
  de: "der das ein eine ich mein meine nicht wie kann mit fur und ist zu auf den dem es sie wir warum unsere unser".split(" "),
};

const LANGUAGES = Object.keys(FUNCTION_WORDS) as MessageLanguage[];
const WORD_SETS = new Map(LANGUAGES.map((l) => [l, new Set(FUNCTION_WORDS[l])] as const));

/** At least this many function words of the winning language... */
const MIN_WORDS = 2;
/** ...and this many times the runner-up's count. */
const MIN_LEAD = 2;

/** The language the text is clearly in, or undefined when the text does not say clearly enough. */
export function messageLanguage(text: string): MessageLanguage | undefined {
  const tokens = foldText(text).match(/[\p{L}']+/gu) ?? [];
  const counts = LANGUAGES.map((language) => {
    const words = WORD_SETS.get(language) as Set<string>;
    return { language, count: tokens.filter((t) => words.has(t)).length };
  }).sort((a, b) => b.count - a.count);
  const [first, second] = counts as [{ language: MessageLanguage; count: number }, { count: number }];
  if (first.count < MIN_WORDS || first.count < MIN_LEAD * second.count) return undefined;
  return first.language;
}

/**
 * What an article in another language than the customer's counts: less, not nothing, since a translated help
 * center may hold the only article on a topic. An article in the customer's own language is not lifted: a
 * translation often covers less than its English original (measured: lifting it put partial Spanish pages
 * above complete English ones).
 */
export const OTHER_LANGUAGE_WEIGHT = 0.6;

/**
 * What an article's locale does to its score for a message in `language`. English articles are the help
 * center's default and stay as they are; so does everything when the language is not known.
 */
export function localeFactor(articleLocale: string, language: MessageLanguage | undefined, otherLanguage = OTHER_LANGUAGE_WEIGHT): number {
  const base = articleLocale.toLowerCase().split(/[-_]/)[0] ?? "";
  if (language === undefined || base === "" || base === "en" || base === language) return 1;
  return otherLanguage;
}
