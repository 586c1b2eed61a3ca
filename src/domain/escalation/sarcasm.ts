/**
 * Sarcasm with no model: praise that cannot be meant. Some phrases are ironic on their own ("thanks for
 * nothing"); ordinary praise ("great job", "bravo") counts only next to a complaint in the same message
 * ("declined again", "day five", "three weeks") and never in a question, so a happy "great job, the card came
 * in a day!" or "Genial, ya funciona. ¿Puedo…?" stays calm. Runs on folded text.
 */
import { anyOf } from "./lexicons-other-scripts.js";

const IRONIC = [
  /\b(thanks|thank you|cheers) (so much |very much |a lot )?for (nothing|the copy[- ]?paste\w*|the (generic|automated|canned|template\w*) (answer|reply|response))\b/,
  /\bcopy[- ]?paste(d)? (answer|reply|response)\b/,
  /\b(so much for (your|the) \w+|yeah,? right|surprise,? surprise)\b/,
  /\b(gracias por nada|merci pour rien|merci du cadeau|danke fur nichts|danke auch|na toll|ganz grosses kino|valeu por nada|obrigad[oa] por nada|bedankt voor niks|nou lekker dan|dzieki za nic|tack for ingenting)\b/,
  anyOf("ну спасибо", "спасибо за ничего"),
];

const PRAISE = [
  /\b(oh (great|wonderful|fantastic|brilliant|lovely|perfect|joy|good|nice)|(really |just |i )?lov(e|ing) (how|that|the way)|great job|good job|well done|stellar|bravo|super helpful|so helpful|very helpful|fantastic service|great service|amazing service|cool cool|what a (great|fantastic|wonderful|brilliant) (service|bank|app)|top notch|nice one|genius|what a surprise|shocker|just (brilliant|perfect|great|fantastic|wonderful))\b/,
  /\b(genial|que maravilla|estupendo|fenomenal|felicitations|toll|klasse|complimenti|bravi|fantastico|servizio da premio|parabens|maravilhos[oa]|otimo servico|top service|geweldig|echt bedankt|bedankt hoor)\b/,
  anyOf("отличный сервис", "отличная работа", "молодцы", "браво"),
];

const COMPLAINT = [
  /\b(again|still|declined|blocked|frozen|locked|another (week|day|month)|day (two|three|four|five|six|seven|\d+)|(\d+|two|three|four|five|six|seven) (days|weeks|months)|weeks|a month|can'?t|cannot|nothing|crash\w*|down again)\b/,
  /\b(otra vez|de nuevo|caid[ao]|bloquead[ao]|semanas|un mes|no puedo|encore|semaines|un mois|bloque(e)?|toujours pas|schon wieder|wieder|gesperrt|wochen|immer noch|bloccat[oa]|ancora|di nuovo|settiman\w*|mese|de novo|outra vez|bloque\w*|weer|geen geld|nog steeds|geblokkeerd)\b/,
  anyOf("опять", "снова", "не могу", "третий день", "неделю", "недели"),
];

/** The ironic words, if the message is sarcastic. */
export function sarcasm(folded: string): string | undefined {
  for (const pattern of IRONIC) {
    const match = pattern.exec(folded);
    if (match) return match[0];
  }
  if (/[?？]/.test(folded)) return undefined;
  const praise = PRAISE.map((pattern) => pattern.exec(folded)).find(Boolean);
  if (!praise) return undefined;
  const complaint = COMPLAINT.map((pattern) => pattern.exec(folded)).find(Boolean);
  return complaint ? `${praise[0]} … ${complaint[0]}` : undefined;
}
