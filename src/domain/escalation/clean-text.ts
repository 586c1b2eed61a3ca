/**
 * Turns a part's HTML into the words the customer actually wrote now: no markup, no quoted earlier messages,
 * no forwarded mail, no signature or disclaimer. Judging the quote of our own reply, or a lawyer's signature,
 * as the customer speaking is the commonest false alarm.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

export function htmlToText(html: string): string {
  return html
    .replace(/<blockquote[\s\S]*?<\/blockquote>/gi, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h\d)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (ENTITIES[name.toLowerCase()] !== undefined) return ENTITIES[name.toLowerCase()] as string;
      if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
      return whole;
    })
    .replace(/[ \t]+/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A line that introduces quoted or forwarded mail, in the languages customers write in. */
const QUOTE_HEADER = [
  /^on .{3,80} wrote:?$/i,
  /^el .{3,80} escribi[oó]:?$/i,
  /^le .{3,80} a [ée]crit ?:?$/i,
  /^am .{3,80} schrieb .{0,60}:?$/i,
  /^em .{3,80} escreveu:?$/i,
  /^il .{3,80} ha scritto:?$/i,
  /^op .{3,80} schreef .{0,60}:?$/i,
  /^-{2,}\s*(original message|forwarded message|message d'origine|mensaje original|urspr[üu]ngliche nachricht|mensagem original|messaggio originale)\s*-*$/i,
  /^-{5,}.*-{5,}$/,
  /^(from|de|von|da|van):\s.+/i,
];

/** A line after which the rest is a signature or a disclaimer. */
const SIGN_OFF = [
  /^--\s*$/,
  /^(best|kind|warm)?\s*regards,?$/i,
  /^(best|cheers|thanks|many thanks|sincerely|yours sincerely|yours faithfully|best wishes),$/i,
  /^(un saludo|saludos|saludos cordiales|atentamente|un abrazo),?$/i,
  /^(cordialement|bien [àa] vous|bien cordialement|salutations),?$/i,
  /^(mit freundlichen gr[üu](ß|ss)en|viele gr[üu](ß|ss)e|beste gr[üu](ß|ss)e|liebe gr[üu](ß|ss)e|lg|mfg),?$/i,
  /^(cumprimentos|atenciosamente|com os melhores cumprimentos|abra[çc]os),?$/i,
  /^(cordiali saluti|distinti saluti|saluti),?$/i,
  /^(met vriendelijke groet(en)?|groeten),?$/i,
  /^(sent from my|envoy[ée] de mon|enviado desde mi|von meinem .* gesendet|enviado do meu|inviato da)/i,
];

export function stripQuotesAndSignature(text: string): string {
  const kept: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (QUOTE_HEADER.some((pattern) => pattern.test(line))) break;
    if (SIGN_OFF.some((pattern) => pattern.test(line))) break;
    if (line.startsWith(">")) continue;
    kept.push(raw);
  }
  return kept.join("\n").trim();
}

/** What the customer wrote in this part, ready to judge. */
export function customerWords(html: string | null | undefined): string {
  if (!html) return "";
  return stripQuotesAndSignature(htmlToText(html));
}

/**
 * Lower case without accents, so one pattern matches "résilier", "resilier" and "RÉSILIER". Letters that do not
 * decompose (ß, ł, đ, ı, ø) are spelled out, and Arabic vowel and hamza marks go, because customers write those
 * both ways.
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/ł/g, "l")
    .replace(/đ/g, "d")
    .replace(/ı/g, "i")
    .replace(/ø/g, "o");
}
