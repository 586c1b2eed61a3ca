/**
 * How customers say what a help center says in other words. Customers write "bin", "label", "stop paying";
 * articles say "trash", "tag", "cancel". Questions also arrive in languages the articles are not written in.
 * This is general support vocabulary (no product's names): a help center of any product shares it.
 *
 * Three kinds of entries, all single words (a word the index sees as one token, so the in-memory matcher can
 * score it), folded like analyze.ts folds text (lower case, no accents):
 * - groups: words used for the same thing either way round; each one brings in the others;
 * - leans: a customer's word that points at help-center words, one way only (an article's "dark" must not
 *   pull in "eyes");
 * - cross-language: the commonest support concepts in French, Spanish, Portuguese, Italian, Dutch and German,
 *   each pointing at the English words and at the same language's other words for it (so an article written
 *   in the customer's language still meets them), one way: an English question must not pull in a French one.
 * Pure data and a pure builder; analyze.ts merges the result into its synonym expansion.
 */

export const SUPPORT_GROUPS: readonly (readonly string[])[] = [
  ["trash", "bin", "recycle", "wastebasket"],
  ["tag", "label", "category", "hashtag"],
  ["attachment", "upload"],
  ["cancel", "unsubscribe"],
  ["dark", "theme", "appearance", "darkmode"],
  ["unpublish", "unshare", "revoke"],
  ["mention", "ping"],
  ["seat", "license", "licence"],
  ["template", "layout", "boilerplate", "preset"],
  ["declined", "rejected", "refused", "bounced"],
  ["slow", "freeze", "lag", "hang", "sluggish"],
  ["guest", "contractor", "freelancer", "viewer"],
  ["import", "migrate", "migration"],
  ["export", "backup"],
  ["limit", "quota", "maximum"],
  ["confirmation", "verification", "activation"],
  ["discount", "coupon", "promo"],
  ["nonprofit", "charity", "ngo"],
  ["sso", "saml"],
  ["language", "translation"],
  ["image", "photo", "picture", "screenshot"],
];

export interface Lean {
  /** The customer's words. */
  from: readonly string[];
  /** The help-center words they point at. */
  to: readonly string[];
}

export const SUPPORT_LEANS: readonly Lean[] = [
  { from: ["eyes", "eye", "eyestrain", "glare", "brightness"], to: ["dark", "appearance"] },
  { from: ["locked", "lockout"], to: ["sign", "login"] },
  { from: ["okta", "onelogin", "entra"], to: ["sso", "saml"] },
  { from: ["revert", "rollback", "snapshot"], to: ["version", "history", "restore"] },
  { from: ["colleague", "coworker", "staff", "employee"], to: ["teammate", "member"] },
  { from: ["paste", "pasted", "overwrote", "overwritten"], to: ["version", "restore"] },
  { from: ["undelete", "recover"], to: ["restore", "trash"] },
  { from: ["unpaid", "reimbursed"], to: ["refund"] },
  { from: ["cheaper", "discounted"], to: ["discount"] },
  { from: ["notified", "notify"], to: ["mention"] },
  { from: ["kill"], to: ["stop", "off"] },
  { from: ["forever", "ages"], to: ["slow"] },
  { from: ["address"], to: ["email"] },
  { from: ["internet", "wifi", "connection", "signal"], to: ["offline"] },
  { from: ["kick", "boot"], to: ["remove"] },
  { from: ["synchronize", "synchronise", "synchronization", "synchronisation"], to: ["sync"] },
  { from: ["english", "french", "spanish", "german", "portuguese", "italian", "dutch", "japanese"], to: ["language"] },
];

export type LanguageCode = "fr" | "es" | "pt" | "it" | "nl" | "de";

export interface CrossLanguage {
  /** The English help-center words for the concept. */
  en: readonly string[];
  /** A language may have no word of its own for it (Italians say "password"). */
  words: Readonly<Partial<Record<LanguageCode, readonly string[]>>>;
}

export const CROSS_LANGUAGE: readonly CrossLanguage[] = [
  {
    en: ["password"],
    words: { fr: ["passe", "mdp"], es: ["contrasena", "clave"], pt: ["senha"], nl: ["wachtwoord"], de: ["passwort", "kennwort"] },
  },
  { en: ["account"], words: { fr: ["compte"], es: ["cuenta"], pt: ["conta"], it: ["profilo"], nl: ["profiel"], de: ["konto"] } },
  {
    en: ["cancel", "subscription"],
    words: {
      fr: ["annuler", "resilier", "desabonner", "resiliation"],
      es: ["cancelar", "baja"],
      pt: ["cancelar", "cancelamento"],
      it: ["annullare", "disdire", "disdetta"],
      nl: ["opzeggen", "annuleren"],
      de: ["kundigen", "kundigung", "stornieren"],
    },
  },
  {
    en: ["subscription"],
    words: { fr: ["abonnement"], es: ["suscripcion"], pt: ["assinatura"], it: ["abbonamento"], nl: ["abonnement"], de: ["abo"] },
  },
  {
    en: ["refund"],
    words: {
      fr: ["remboursement", "rembourser", "rembourse"],
      es: ["reembolso", "reembolsar"],
      pt: ["reembolso", "estorno"],
      it: ["rimborso", "rimborsare"],
      nl: ["terugbetaling", "restitutie"],
      de: ["ruckerstattung", "erstattung", "zuruckerstatten"],
    },
  },
  { en: ["invoice"], words: { fr: ["facture"], es: ["factura"], pt: ["fatura"], it: ["fattura"], nl: ["factuur"], de: ["rechnung"] } },
  {
    en: ["export"],
    words: { fr: ["exporter"], es: ["exportar"], pt: ["exportar"], it: ["esportare"], nl: ["exporteren"], de: ["exportieren"] },
  },
  {
    en: ["download", "export"],
    words: { fr: ["telecharger"], es: ["descargar"], pt: ["baixar"], it: ["scaricare"], nl: ["downloaden"], de: ["herunterladen"] },
  },
  {
    en: ["delete"],
    words: { fr: ["supprimer"], es: ["borrar", "eliminar"], pt: ["apagar", "excluir"], it: ["eliminare"], nl: ["verwijderen"], de: ["loschen"] },
  },
  {
    en: ["sync"],
    words: {
      fr: ["synchroniser", "synchronisation"],
      es: ["sincronizar", "sincronizacion"],
      pt: ["sincronizar", "sincronizacao"],
      it: ["sincronizzare", "sincronizzazione"],
      nl: ["synchroniseren"],
      de: ["synchronisieren"],
    },
  },
  { en: ["offline"], words: { fr: ["deconnecte"], es: ["desconectado"], pt: ["desconectado"], it: ["disconnesso"], nl: ["verbinding"], de: ["verbindung"] } },
  {
    en: ["share"],
    words: { fr: ["partager"], es: ["compartir"], pt: ["compartilhar"], it: ["condividere"], nl: ["delen"], de: ["teilen"] },
  },
  {
    en: ["language"],
    words: {
      fr: ["langue", "francais"],
      es: ["idioma", "espanol"],
      pt: ["idioma", "portugues"],
      it: ["lingua", "italiano", "inglese"],
      nl: ["taal", "nederlands"],
      de: ["sprache", "deutsch"],
    },
  },
  { en: ["price"], words: { fr: ["prix", "tarif"], es: ["precio"], pt: ["preco"], it: ["prezzo"], nl: ["prijs"], de: ["preis"] } },
  { en: ["plan"], words: { fr: ["forfait"], es: [], pt: ["plano"], it: ["piano"], nl: ["pakket"], de: ["tarif"] } },
  {
    en: ["sign", "login"],
    words: {
      fr: ["connexion", "connecter"],
      es: ["iniciar", "sesion"],
      pt: ["entrar"],
      it: ["accedere", "accesso"],
      nl: ["inloggen", "aanmelden"],
      de: ["anmelden", "anmeldung", "einloggen"],
    },
  },
  { en: ["email"], words: { fr: ["courriel"], es: ["correo"], pt: ["correio"], it: ["posta"], nl: ["mail"], de: ["mail"] } },
  {
    en: ["payment"],
    words: {
      fr: ["paiement", "payer"],
      es: ["pago", "pagar"],
      pt: ["pagamento", "pagar"],
      it: ["pagamento", "pagare"],
      nl: ["betaling", "betalen"],
      de: ["zahlung", "bezahlen"],
    },
  },
  {
    en: ["charge"],
    words: { fr: ["debiter", "preleve"], es: ["cobrar", "cobro"], pt: ["cobrar", "cobranca"], it: ["addebito"], nl: ["afschrijving"], de: ["abbuchung"] },
  },
  {
    en: ["reset"],
    words: { fr: ["reinitialiser"], es: ["restablecer"], pt: ["redefinir"], it: ["reimpostare"], nl: ["resetten"], de: ["zurucksetzen"] },
  },
  {
    en: ["attachment"],
    words: { fr: ["jointe"], es: ["adjunto"], pt: ["anexo"], it: ["allegato"], nl: ["bijlage"], de: ["anhang"] },
  },
  { en: ["file"], words: { fr: ["fichier"], es: ["archivo"], pt: ["arquivo"], nl: ["bestand"], de: ["datei"] } },
  { en: ["note"], words: { es: ["nota"], pt: ["nota"], it: ["nota"], nl: ["notitie", "notities"], de: ["notiz", "notizen"] } },
  {
    en: ["free"],
    words: {
      fr: ["gratuit", "gratuite"],
      es: ["gratis", "gratuito"],
      pt: ["gratis", "gratuito"],
      it: ["gratuito", "gratis"],
      nl: ["gratis"],
      de: ["kostenlos"],
    },
  },
  { en: ["size"], words: { fr: ["taille"], es: ["tamano"], pt: ["tamanho"], it: ["dimensione"], nl: ["groot", "grootte"], de: ["grosse"] } },
];

/**
 * Function words of the languages analyze.ts has no stopwords for (Italian, Portuguese, Dutch) and a few
 * common ones it misses. A word that is also an English content word ("come", "door", "piano") is left out.
 */
export const SUPPORT_STOPWORDS: readonly string[] =
  // Italian
  (
    "il lo gli di da con su per tra fra ed che non mi ti ci vi mio mia miei mie tuo tua cosa perche sono ho hai abbiamo " +
    "questo questa quello quella ma anche piu della dei delle alla nel nella " +
    // Portuguese
    "os um uma do da dos das em na nos nas com nao eu meu minha meus minhas voce faco fazer pra tem todas todos vou isso " +
    "esta esse essa ao vez " +
    // Dutch
    "het een en van ik mijn je jij uw zijn wat hoe wil maar niet wel met op te voor dat er aan bij ook nog al dan heb heeft kun mag " +
    // French, Spanish and German words analyze.ts misses
    "ai rien meme ca quelque chose suis mais ou tout tous fait faire peux peut veux quel quelle " +
    "quiero cual estuve estoy muy pero su sus les hay tiene hacer hago vuelvan " +
    "fur unsere unser jetzt alle auch noch oder aber bei von vom zum zur einen einem einer richte"
  ).split(/\s+/);

/** The forms a customer may write a word in: enough to meet "labels", "tagged", "cancelling". */
export function inflections(word: string): string[] {
  const out = [word, `${word}s`, `${word}es`, `${word}ed`, `${word}ing`];
  if (word.endsWith("e")) out.push(`${word}d`, `${word.slice(0, -1)}ing`);
  if (word.endsWith("y")) out.push(`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`);
  if (/[bdgklmnprt]$/.test(word) && /[aeiou][bdgklmnprt]$/.test(word)) out.push(`${word}${word.slice(-1)}ed`, `${word}${word.slice(-1)}ing`);
  return out;
}

/**
 * Word → the words it brings in, for every entry above. Keys include the usual inflections of each trigger
 * word; the words brought in are the entries' own forms only (a form per meaning, so bm25 does not count one
 * meaning several times). Lookups are by whole word: "bin" never matches inside "binary".
 */
export function supportExpansions(): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  const add = (trigger: string, targets: readonly string[]) => {
    for (const key of inflections(trigger)) {
      let set = out.get(key);
      if (!set) {
        set = new Set();
        out.set(key, set);
      }
      for (const t of targets) if (t !== key) set.add(t);
    }
  };
  for (const group of SUPPORT_GROUPS) for (const word of group) add(word, group);
  for (const lean of SUPPORT_LEANS) for (const word of lean.from) add(word, lean.to);
  for (const entry of CROSS_LANGUAGE) for (const list of Object.values(entry.words)) for (const word of list ?? []) add(word, [...entry.en, ...list]);
  const result = new Map<string, string[]>();
  for (const [key, set] of out) if (set.size > 0) result.set(key, [...set]);
  return result;
}

export interface Phrase {
  /** Two content words, the second within a few words of the first ("roll a note back"). */
  words: readonly [string, string];
  to: readonly string[];
}

/** Two-word phrases whose meaning neither word carries alone. */
export const SUPPORT_PHRASES: readonly Phrase[] = [
  { words: ["stop", "paying"], to: ["cancel", "subscription"] },
  { words: ["stop", "charging"], to: ["cancel", "subscription"] },
  { words: ["money", "back"], to: ["refund"] },
  { words: ["roll", "back"], to: ["version", "restore"] },
  { words: ["bring", "over"], to: ["import"] },
  { words: ["move", "over"], to: ["import"] },
  { words: ["back", "down"], to: ["downgrade"] },
  { words: ["go", "down"], to: ["downgrade"] },
  { words: ["kick", "out"], to: ["remove"] },
  { words: ["took", "out"], to: ["remove"] },
  { words: ["take", "back"], to: ["remove", "stop"] },
];
// "sign up" / "signed up" -> create account was tried and left out: customers mostly say it as background ("I
// signed up with Google and now...", "friends who sign up"), and it pulled the account-creation article over
// the one asked about.

/** Content words in a row (stopwords already out) that may hold a phrase's two words. */
const PHRASE_GAP = 3;

/** The words the phrases in a question's content terms stand for, not already among the terms. */
export function phraseTerms(terms: readonly string[], phrases: readonly Phrase[] = SUPPORT_PHRASES): string[] {
  const out: string[] = [];
  for (const phrase of phrases) {
    const [first, second] = phrase.words;
    const at = terms.indexOf(first);
    if (at < 0) continue;
    const end = terms.indexOf(second, at + 1);
    if (end < 0 || end - at > PHRASE_GAP) continue;
    for (const word of phrase.to) if (!terms.includes(word) && !out.includes(word)) out.push(word);
  }
  return out;
}
