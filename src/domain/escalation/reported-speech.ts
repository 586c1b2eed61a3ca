/**
 * "My landlord says it's unacceptable" is the landlord's anger, not the customer's. A sentence that hands the
 * words to someone else (a relative, a landlord, a shop) reports them; the report runs until a "but" turns
 * back to the customer ("…, but honestly I'm happy here"). Text reasons found inside a report do not count.
 */

const PEOPLE_EN =
  "landlord|landlady|accountant|daughter|son|wife|husband|partner|boyfriend|girlfriend|friend|mum|mom|dad|mother|father|brother|sister|boss|manager|colleague|coworker|co-worker|neighbou?r|flatmate|roommate|tenant|client|shop|shop owner|owner|merchant|seller|store|gym|hotel|employer|family";

const REPORTED_LEAD_INS = [
  new RegExp(
    `\\b(my|our|the|his|her|their) (${PEOPLE_EN})\\b.{0,30}?\\b(says?|said|thinks?|thought|told|tells|keeps? (saying|telling)|reckons?|claims?|insists?|threatened|was|is|were|got)\\b`,
  ),
  // A friend's or colleague's account is theirs; a household member's may well be the customer's own problem.
  /\b(my|a) (friend|colleague|coworker|neighbou?r|boss)'?s (account|card|phone|email)\b/,
  /\b(mi|el|la|nuestro|nuestra) (casero|casera|contable|gestor|gestora|marido|mujer|esposo|esposa|pareja|novio|novia|hijo|hija|amigo|amiga|jefe|jefa|madre|padre|hermano|hermana|vecino|vecina|tienda|comercio|gimnasio|hotel)\b.{0,30}?\b(dice|dijo|cree|piensa|opina|asegura|estaba|esta)\b/,
  /\b(mon|ma|le|la|notre) (proprietaire|proprio|comptable|mari|femme|conjoint|copain|copine|fils|fille|ami|amie|patron|patronne|chef|mere|pere|frere|soeur|voisin|voisine|commercant|magasin|hotel)\b.{0,30}?\b(dit|a dit|trouve|pense|croit|estime|etait|est)\b/,
  /\b(mein|meine|der|die|unser|unsere) (vermieter|vermieterin|steuerberater|steuerberaterin|mann|frau|partner|partnerin|freund|freundin|sohn|tochter|chef|chefin|mutter|vater|bruder|schwester|nachbar|nachbarin|handler|laden|hotel)\b.{0,30}?\b(meint|sagt|sagte|findet|denkt|glaubt|war|ist)\b/,
  /\b(o meu|a minha|meu|minha) (senhorio|senhoria|contabilista|contador|marido|mulher|esposa|esposo|namorado|namorada|filho|filha|amigo|amiga|chefe|mae|pai|irmao|irma|vizinho|vizinha)\b.{0,30}?\b(acha|diz|disse|pensa|cre|estava|esta)\b/,
  /\b(il mio|la mia|mio|mia) (padrone di casa|proprietario|commercialista|marito|moglie|compagno|compagna|figlio|figlia|amico|amica|capo|madre|padre|fratello|sorella|vicino|vicina)\b.{0,30}?\b(dice|ha detto|pensa|crede|trova|era)\b/,
  /\b(mijn|onze) (huisbaas|verhuurder|boekhouder|man|vrouw|partner|vriend|vriendin|zoon|dochter|baas|moeder|vader|broer|zus|buurman|buurvrouw)\b.{0,30}?\b(zegt|zei|vindt|denkt|was|is)\b/,
];

/** Where the customer takes the word back: "but", "pero", "mais", "aber"… */
const TURN_BACK = /(,|;|\s)\s*(but|however|though|pero|sin embargo|mais|aber|doch|mas|porem|ma|maar|men|ale|ama|tapi|nhung)\b/g;

/** The stretches of a folded sentence that report someone else's words, as [start, end) offsets. */
export function reportedSpans(folded: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const pattern of REPORTED_LEAD_INS) {
    const lead = pattern.exec(folded);
    if (!lead) continue;
    let end = folded.length;
    TURN_BACK.lastIndex = lead.index + lead[0].length;
    const back = TURN_BACK.exec(folded);
    if (back) end = back.index;
    spans.push([lead.index, end]);
  }
  return spans;
}

export const insideSpans = (index: number, spans: readonly [number, number][]) => spans.some(([start, end]) => index >= start && index < end);
