/**
 * The phrases behind the text-judged reasons, in English, Spanish, French, German, Portuguese, Italian, Dutch,
 * Polish and Swedish. Every pattern runs on folded text (lower case, accents removed), so write them that way.
 * They look for what a customer says about themselves and us ("I will close my account"), not for single
 * scary words: "cancel my order", "my lawyer needs a statement" and "how do I dispute a payment?" stay calm.
 */
import type { ReasonCode } from "./reasons.js";

export type TextReason = Extract<ReasonCode, "angry_customer" | "legal_threat" | "churn_risk" | "payment_dispute" | "security_or_data_incident">;

export const TEXT_LEXICONS: Record<TextReason, RegExp[]> = {
  angry_customer: [
    // en
    /\b(unacceptable|pathetic|disgrace(ful)?|disgusting|appalling|outrageous|furious|livid|fuming|incompetent|shambles|ridiculous|useless)\b/,
    /\b(worst|terrible|awful|horrible|shocking) (service|bank|app|experience|support|company)\b/,
    /\bworst\b.{0,30}\b(ever|i have|i've)\b/,
    /\b(sick and tired|fed up|ripped off|rip[- ]off|a (complete |total )?joke|this is a joke|how dare you|load of rubbish|what a joke)\b/,
    /\b(scammers|is a scam|are a scam)\b/,
    // es
    /\b(verguenza|vergonzoso|indignante|pesim[oa]|inaceptable|inadmisible|lamentable|intolerable|inutiles|estafa|una broma|un desastre|ridiculo)\b/,
    /\b(estoy|estamos) (hart[oa]s?|cansad[oa]s? de|hasta las narices)\b/,
    /\bhart[oa]s? de (vosotros|ustedes|esperar)\b/,
    // fr
    /\b(inadmissible|inacceptable|scandaleu(x|se)|honteu(x|se)|lamentable|deplorable|intolerable|minable|nuls?)\b/,
    /\b(j'en ai marre|ras le bol|c'est une honte|vous vous moquez|foutez)\b/,
    // de
    /\b(frechheit|unverschamt|lacherlich|miserab\w*|katastroph\w*|zumutung|skandal\w*|wutend|inakzeptabel|unzumutbar|armselig)\b/,
    /\b(schlechteste\w*|mieseste\w*)\b/,
    // pt
    /\b(absurdo|vergonha|pessim[oa]|inaceitavel|inadmissivel|lamentavel|ridicul[oa]|palhacada|revoltad[oa]|vergonhoso)\b/,
    /\b(estou|ja estou) (fart[oa]|cansad[oa] de)\b/,
    /\bfart[oa]!/,
    // it
    /\b(vergogna|vergognoso|pessim[oa]|inaccettabile|ridicolo|schifo|scandaloso|indecente|assurdo)\b/,
    /\bsono stuf[oa]\b/,
    // nl
    /\b(belachelijk|waardeloze?|schandalig|onacceptabel|bagger)\b/,
    /\bben het (spuug)?zat\b/,
    // pl
    /\b(skandal|zenada|kpina|beznadziejn\w*|nie do przyjecia|mam dosc)\b/,
    // sv
    /\b(skandal|oacceptabelt|vardelos\w*|under all kritik)\b/,
  ],
  legal_threat: [
    // en
    /\b(legal action|legal proceedings|take (you|this|it) to court|small claims|sue you|suing you|i will sue|see you in court)\b/,
    /\b(ombudsman|regulators?|fca|cfpb|trading standards|formal complaint|report(ing)? you to)\b/,
    // es
    /\b(acciones legales|via judicial|demandar(os|les)?|denunciar(os|les)?|os denunciare|banco de espana|ocu|hoja de reclamaciones|reclamacion (formal|oficial|ante))\b/,
    // fr
    /\b(mediateur|action en justice|poursuites|porter plainte|tribunal|acpr|reclamation formelle|mise en demeure)\b/,
    // de
    /\b(rechtliche schritte|bafin|klage|verklagen|gericht|verbraucherzentrale|schlichtungsstelle|formelle beschwerde|anwalt einschalten)\b/,
    // pt
    /\b(processo judicial|acao judicial|tribunal|banco de portugal|reclamacao formal|livro de reclamacoes|procon)\b/,
    // it
    /\b(vie legali|banca d'italia|reclamo formale|tribunale|vi denuncio)\b/,
    // nl
    /\b(juridische stappen|rechter|kifid)\b/,
    // pl, sv
    /\b(pozew|do sadu|rzecznik finansowy|stamning|finansinspektionen)\b/,
  ],
  churn_risk: [
    // en
    /\b(clos(e|ing)|delet(e|ing)|cancel+(ing)?|terminat(e|ing)) (my|the|our) (account|subscription|membership|plan|premium)\b/,
    /\b(my|the) (account|subscription|membership) (is )?(closed|cancel+ed) (today|now)\b/,
    /\b(switch(ing)?|mov(e|ing)|go(ing)?) (over )?to (a competitor|another bank|a different bank|monzo|revolut|n26|wise|starling)\b/,
    /\b(leav(e|ing)) (you|your bank|this bank|for good|for a competitor|for another bank)\b/,
    /\b(mov(e|ing)|tak(e|ing)) my (money|salary|business|savings) (elsewhere|to)\b/,
    /\bno point in me paying\b/,
    /\bi'?m done with (you|this bank)\b/,
    // es
    /\b(darme de baja|dar de baja (mi|la) cuenta|(cerrar|cancelar|cierro|cancelo) (mi|la) cuenta|me voy (a|con) (otro banco|la competencia)|cambiarme de banco)\b/,
    // fr
    /\b((cloturer|fermer|resilier) (mon|ce) compte|resilier|partir (chez|pour) (la concurrence|un concurrent|une autre banque)|changer de banque|quitter (votre banque|vos services))\b/,
    // de
    /\b(konto|mitgliedschaft|abo|vertrag)\w* (zu )?kundig\w*/,
    /\bkundig\w* (ich )?(mein|das|meine) (konto|mitgliedschaft|abo|vertrag)/,
    /\b(zu einer anderen bank|die bank) wechseln\b/,
    /\bkonto (auflosen|schliessen)\b/,
    // pt
    /\b(encerrar|fechar|cancelar) a (minha )?conta\b/,
    /\b(mudar (para outro banco|de banco)|vou para outro banco)\b/,
    // it
    /\b(chiudo il conto|chiudere il conto|passo a un'?altra banca|cambio banca)\b/,
    // nl
    /\b(rekening opzeggen|rekening opheffen|overstappen naar)\b/,
    // pl, sv
    /\b(zamykam konto|zamknac konto|przechodze do innego banku|avsluta mitt konto|byta bank)\b/,
  ],
  payment_dispute: [
    // en
    /\b(charged (me )?(twice|two times|2 times|double|again)|double[- ]charged?|duplicate (charge|payment|transaction)|charge ?back|taken (twice|again))\b/,
    /\b(i'?m |i am |i want to |please )?disput(e|ing) (the|this|that|a|my) (second )?(payment|charge|transaction|one)\b/,
    /\b(payment|refund|charge) (was |has been )?reversed\b/,
    /\bunauthori[sz]ed (charge|payment|transaction|debit)s?\b/,
    // es
    /\b(cobrado dos veces|cargo duplicado|doble cargo|cobro duplicado|contracargo|anul\w* el cargo|disputar el (cargo|pago))\b/,
    // fr
    /\b((debite|preleve|facture|paye) deux fois|double prelevement|je conteste|contester (le|ce) (paiement|prelevement)|retrofacturation)\b/,
    // de
    /\b(doppelt|zweimal) (abgebucht|belastet)|doppelte abbuchung|zuruckbuchen|ruckbuchung\b/,
    // pt
    /\b(cobrad[oa] duas vezes|cobranca (em )?duplicad[oa]|contestar a cobranca)\b/,
    // it
    /\b(addebitat[oa] due volte|doppio addebito|contestare l'addebito)\b/,
    // nl
    /\b(twee keer|dubbel) afgeschreven|terugboeking\b/,
  ],
  security_or_data_incident: [
    // en
    /\b(hacked|compromised|account takeover|taken over|data breach|breach|leaked|phished)\b/,
    /\bsomeone (else )?(has )?(logged|logging|broke|accessed|changed)\b/,
    /\banother customer'?s (statement|data|details|information)\b/,
    /\b(gdpr|right to be forgotten)\b.{0,80}\b(delet|eras|remov)/,
    /\b(delete|erase) all (the )?(my )?(personal )?(data|information)\b/,
    // es
    /\b(hackead[oa]|me han robado la cuenta|alguien ha (cambiado|entrado|accedido)|filtracion de datos|brecha de seguridad|derecho al olvido)\b/,
    /\b(rgpd)\b.{0,80}\b(supresion|borr|elimin)/,
    // fr
    /\b(pirate|quelqu'un (s'est connecte|a change|a accede)|fuite de donnees|violation de donnees|droit a l'oubli)\b/,
    /\b(rgpd)\b.{0,80}\b(suppression|effac)/,
    // de
    /\b(gehackt|jemand hat sich (eingeloggt|angemeldet)|datenleck|datenpanne)\b/,
    /\b(dsgvo)\b.{0,80}\b(loschung|losch)/,
    // pt
    /\b(hackead[oa]|invadid[oa]|fuga de dados|vazamento de dados|alguem (entrou|acedeu|acessou|mudou))\b/,
    /\b(rgpd|lgpd)\b.{0,80}\b(apag|elimin)/,
    // it, nl, pl, sv
    /\b(hackerat[oa]|violazione dei dati|furto di dati|datalek|zhakowan\w*|wyciek danych|hackat|dataintrang|nagon har loggat in)\b/,
  ],
};

/**
 * "My lawyer" threatens; "my lawyer needs a statement" asks for a document. Counted as a legal threat only when
 * the sentence does not go on to ask for something.
 */
export const OWN_LAWYER =
  /\b(my|mi|mon|mein\w*|meu|il mio|mijn|moj\w*) (lawyer|solicitor|attorney|abogad[oa]|avocat|anwalt|advogad[oa]|avvocato|advocaat|prawnik)\b/;
export const LAWYER_REQUEST = /\b(needs?|asked|wants?|requires?|necesita|pide|a besoin|demande|braucht|mochte|precisa|pede|ha bisogno|heeft nodig)\b/;
/** "spoken to a solicitor" without "my". */
export const CONSULTED_LAWYER = /\b(spoken|talked|been) to (a|an) (lawyer|solicitor|attorney)\b/;

/** Sentences that only wonder about something ("what if I ever need to dispute…?") say nothing about now. */
export const HYPOTHETICAL = [
  /\b(if i ever|in case i|just asking|out of curiosity|what happens if|what'?s your process|how (do|can) i (prevent|avoid|protect)|make sure .{0,40}never|any tips)\b/,
  /\b(si alguna vez|por curiosidad|au cas ou|par curiosite|falls ich (mal|jemals)|aus neugier|se um dia|por curiosidade|per curiosita)\b/,
];

/** Asking for a person instead of the bot. */
export const WANTS_A_PERSON = [
  /\b(talk|speak|chat) (to|with) (a |an )?(real |actual |live )?(person|human|agent|someone|somebody|advisor)\b/,
  /\b(real|actual) (person|human)\b|\bhuman (please|agent|being)\b|\blive agent\b/,
  /\bhablar con (una persona|un humano|alguien|un agente)|persona real\b/,
  /\bparler a (un|une) (conseiller|conseillere|humain|personne|agent)|\bhumain\b/,
  /\b(mitarbeiter|mit einem menschen|echte person)\b/,
  /\bfalar com (um|uma) (atendente|pessoa|humano|assistente)|\bhumano\b/,
  /\bparlare con (un operatore|una persona)|\boperatore\b/,
  /\b(medewerker|echt persoon)\b/,
];

/** The customer says earlier messages went unanswered. */
export const UNANSWERED_BEFORE = [
  /\b(third|fourth|fifth|3rd|4th) time (i'?ve |i have |i'?m |i am )?(written|writing|asked|asking|contacted|contacting|emailed|emailing|messaged|messaging)\b/,
  /\b(nobody|no one|no-one|noone) (has )?(answered|replied|responded|got back|is answering|answers|is replying)\b/,
  /\b(never|still haven'?t|didn'?t) (got|had|received|get) (a |any )?(reply|response|answer)\b/,
  /\b(nobody|no one) answered my\b|\b(emails?|messages?) (went|have gone|were) unanswered\b/,
  /\b(tercera|cuarta|quinta) vez que (os |les |te )?(escribo|pregunto|contacto|llamo)\b|\bnadie (me )?(responde|contesta|ha respondido|ha contestado)\b/,
  /\b(troisieme|quatrieme|3e) fois que (je |j')?(vous )?(ecri[st]|demande|contacte)|\bpersonne ne (me )?repond\b|\b(toujours )?aucune reponse\b/,
  /\bzum (dritten|vierten|funften) mal\b.{0,30}\b(schreibe|frage|melde|kontaktiere)|\b(nie|noch nie|keine) (eine )?antwort (bekommen|erhalten)|\bniemand antwortet\b/,
  /\b(terceira|quarta) vez que (escrevo|pergunto|contacto|ligo)\b|\bninguem (me )?(responde|respondeu)\b|\bsem (qualquer )?resposta\b/,
  /\bnessuno (mi )?(risponde|ha risposto)\b|\bterza volta che (scrivo|chiedo)\b/,
  /\bniemand reageert\b|\bnooit (een )?antwoord\b/,
];

/** Short messages that close a conversation rather than ask for anything. */
export const CLOSING_WORDS =
  /\b(thanks?|thank you|thx|ty|cheers|great|perfect|brilliant|awesome|sorted|got it|all good|that worked|ok(ay)?|gracias|vale|perfecto|genial|merci|parfait|super|d'accord|danke|alles klar|perfekt|obrigad[oa]|otimo|grazie|perfetto|bedankt|dank je|dzieki|tack)\b|👍|🙏|🙂|😊/;
export const NOT_CLOSED_YET =
  /\?|\b(but|still|however|although|pero|todavia|sigue|mais|toujours|aber|immer noch|mas|ainda|nog steeds|not working|doesn'?t work|didn'?t work|in advance|d'avance|de antemano|im voraus|desde ja|in anticipo|alvast)\b/;

/** Positive mood that makes "!!!" and capitals excitement, not anger. */
export const POSITIVE = /\b(thanks?|thank you|amazing|love|great|awesome|brilliant|gracias|merci|danke|obrigad[oa]|grazie)\b/;

/** Capitalised words that are names of things, not shouting. */
export const ACRONYMS = new Set([
  "ATM",
  "PIN",
  "IBAN",
  "SEPA",
  "BIC",
  "SWIFT",
  "USD",
  "EUR",
  "GBP",
  "CHF",
  "AED",
  "UK",
  "EU",
  "US",
  "USA",
  "ID",
  "SMS",
  "FCA",
  "GDPR",
  "RGPD",
  "DSGVO",
  "BAFIN",
  "OCU",
  "PDF",
  "VAT",
  "IVA",
  "NFC",
  "ASOS",
  "CVV",
  "OTP",
  "APP",
  "API",
  "IOS",
  "BBVA",
  "ACPR",
  "LGPD",
  "MRR",
  "VIP",
]);
