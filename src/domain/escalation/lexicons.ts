/**
 * The phrases behind the text-judged reasons, in English, Spanish, French, German, Portuguese, Italian, Dutch,
 * Polish and Swedish (more languages: lexicons-more-latin.ts and lexicons-other-scripts.ts). Every pattern runs on folded text (lower case, accents removed), so write them that way.
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
    // polite but furious: strong feeling said plainly, always with an intensifier ("I'm upset" alone is not it)
    /\b(deeply|extremely|very|really|so|incredibly|utterly|beyond|truly|seriously|absolutely|massively|hugely) (upset|frustrated|disappointed|angry|annoyed|unhappy|cross|irritated|disgusted|let down)\b/,
    /\b(not good enough|never been treated (this|so) (badly|poorly)|i expect (far |much )?better|how is this acceptable|this is not (ok|okay|acceptable|normal))\b/,
    // slang, one-liners and the common misspellings
    /\b(wtf|wth|ffs|omfg|bullshit|bloody hell|crooks|thieves|clowns|muppets|joke of a|(absolute|total|complete) (joke|shambles|disgrace))\b/,
    /\b(is|are|so|absolute|total|complete) (trash|garbage|rubbish|crap|shit|shite)\b|\b(trash|garbage|rubbish|crap|shite?) (app|bank|service|company|support)\b/,
    /\b(scam (bank|company|app|artists?)|(you'?re|you are|this is|total|absolute|what a) (a )?scam)\b/,
    /\b(horrendous|diabolical|abysmal|atrocious|dreadful|woeful|shambolic|appalled|outraged|unbelievable!|beyond a joke|taking the piss|having a laugh|not acceptable|(an absolute|a complete|an utter|a total) nightmare|i'?ve had enough|i have had enough|had it with you)\b/,
    /\b(un+a(c|cc|x)e+p?t[ai]ble|unexceptable|rediculous|ridiculus|ridicolous|pathetc|discusting)\b/,
    // es
    /\b(verguenza|vergonzoso|indignante|pesim[oa]|inaceptable|inadmisible|lamentable|intolerable|inutiles|estafa|una broma|un desastre|ridiculo)\b/,
    /\b(estoy|estamos) (hart[oa]s?|cansad[oa]s? de|hasta las narices)\b/,
    /\bhart[oa]s? de (vosotros|ustedes|esperar)\b/,
    /\b(muy (molest|enfadad|cabread|disgustad)[oa]s?|decepcionad[oa]s?|furios[oa]s?|cabread[oa]s?|indignad[oa]s?)\b/,
    // fr
    /\b(inadmissible|inacceptable|scandaleu(x|se)|honteu(x|se)|lamentable|deplorable|intolerable|minable|nuls?)\b/,
    /\b(j'en ai marre|ras le bol|c'est une honte|vous vous moquez|foutez)\b/,
    /\b(en colere|profondement decue?|tres decue?|furieu(x|se)|exaspere\w*|excede\w*|degoute\w*)\b/,
    // de
    /\b(frechheit|unverschamt|lacherlich|miserab\w*|katastroph\w*|zumutung|skandal\w*|wutend|inakzeptabel|unzumutbar|armselig)\b/,
    /\b(schlechteste\w*|mieseste\w*)\b/,
    /\b(verargert|sehr enttauscht|stinksauer|emport|wirklich sauer|total sauer)\b/,
    // pt
    /\b(absurdo|vergonha|pessim[oa]|inaceitavel|inadmissivel|lamentavel|ridicul[oa]|palhacada|revoltad[oa]|vergonhoso)\b/,
    /\b(estou|ja estou) (fart[oa]|cansad[oa] de)\b/,
    /\bfart[oa]!/,
    /\b(muito (chatead|irritad|zangad)[oa]|decepcionad[oa]|furios[oa]|indignad[oa])\b/,
    // it
    /\b(vergogna|vergognoso|pessim[oa]|inaccettabile|ridicolo|schifo|scandaloso|indecente|assurdo)\b/,
    /\bsono stuf[oa]\b/,
    /\b(arrabbiat[oa]|furios[oa]|delus[oa]|incazzat[oa])\b/,
    // nl
    /\b(belachelijk|waardeloze?|schandalig|onacceptabel|bagger)\b/,
    /\bben het (spuug)?zat\b/,
    /\b(boos|woedend|teleurgesteld|klaar mee|puinhoop|wat een (grap|schande))\b/,
    // pl
    /\b(skandal|zenada|kpina|beznadziejn\w*|nie do przyjecia|mam dosc)\b/,
    /\b(wsciekl\w*|jakis zart|to jest zart|kpiny|skandaliczn\w*|zenujac\w*)\b/,
    // sv
    /\b(skandal|oacceptabelt|vardelos\w*|under all kritik)\b/,
    /\b(helt sjukt|uselt|bedrovligt|skamligt|(ar|blir) (sa )?(arg|forbannad))\b/,
  ],
  legal_threat: [
    // en
    /\b(legal action|legal proceedings|take (you|this|it) to court|small claims|sue you|suing you|i will sue|see you in court)\b/,
    /\b(ombudsman|regulators?|fca|cfpb|trading standards|formal complaint|report(ing)? you to)\b/,
    /\b(handed|passed|given|forwarded|sent) (everything|this|it|the (matter|case|file)) (over )?to (my|our|a) (\w+ )?(solicitor|lawyer|attorney)s?\b/,
    /\b(our|my) (family |own )?(solicitor|lawyer|attorney)s? (will|is going to|are going to) (be )?(writ|contact|call|send)\w*/,
    // es
    /\b(acciones legales|via judicial|demandar(os|les)?|denunciar(os|les)?|os denunciare|banco de espana|ocu|hoja de reclamaciones|reclamacion (formal|oficial|ante))\b/,
    /\b((poner|presentar|interponer) una (denuncia|demanda|reclamacion)|denuncia en (consumo|la policia))\b/,
    // fr
    /\b(mediateur|action en justice|poursuites|porter plainte|tribunal|acpr|reclamation formelle|mise en demeure)\b/,
    // de
    /\b(rechtliche schritte|bafin|klage|verklagen|gericht|verbraucherzentrale|schlichtungsstelle|formelle beschwerde|anwalt einschalten)\b/,
    // pt
    /\b(processo judicial|acao judicial|tribunal|banco de portugal|reclamacao formal|livro de reclamacoes|procon)\b/,
    /\b(banco central|reclame aqui|(registrar|abrir|fazer) uma (reclamacao|queixa)|vou (te |vos )?processar)\b/,
    // it
    /\b(vie legali|banca d'italia|reclamo formale|tribunale|vi denuncio)\b/,
    // nl
    /\b(juridische stappen|rechter|kifid)\b/,
    /\b(ik stap naar (de rechter|het kifid|de consumentenbond)|advocaat inschakelen)\b/,
    // pl, sv
    /\b(pozew|do sadu|rzecznik finansowy|stamning|finansinspektionen)\b/,
    /\b((skontaktuje sie z|zglosze sie do|sprawa trafi do) prawnik\w*|(zglosze|skarga) do uokik|uokik|anmala er|konsumentverket|arn|(kontaktar|anlitar) (en |min )?advokat)\b/,
  ],
  churn_risk: [
    // en
    /\b(clos(e|ing)|delet(e|ing)|cancel+(ing)?|terminat(e|ing)) (my|the|our) (account|subscription|membership|plan|premium)\b(?! (she|he|they) had)/,
    /\b(my|the) (account|subscription|membership) (is )?(closed|cancel+ed) (today|now)\b/,
    /\b(switch(ing)?|mov(e|ing)|go(ing)?) (over )?to (a competitor|another bank|a different bank|monzo|revolut|n26|wise|starling)\b/,
    /\b(leav(e|ing)) (you|your bank|this bank|for good|for a competitor|for another bank)\b/,
    /\b(mov(e|ing)|tak(e|ing)) my (money|salary|business|savings) (elsewhere|to)\b/,
    /\bno point in me paying\b/,
    /\b((close|cancel) (everything|all my accounts)|(find|look(ing)? for|switch(ing)? to) (another|a (new|different|better)) bank|never (use|bank with|recommend) you again)\b/,
    /\bi'?m done with (you|this bank)\b/,
    /\b(clos(e|ing)|cancel+(ing)?) (my|the) (acc?ou?n?t|acount|accout)\b(?! (she|he|they) had)/,
    /\b(tak(e|ing)|mov(e|ing)) my (money|salary|savings|business) (somewhere|to a (real|proper|different) bank)\b/,
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
    /\b(charged|billed|debited|took|taken) (me )?(2x|x2|2 times|two times|twice)\b/,
    /\bi('ll| will| want to|'m going to| am going to) (raise|open|file|start|lodge) a (dispute|chargeback)\b|\bi('ve| have) (raised|opened|filed|started|lodged) a (dispute|chargeback)\b/,
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
    // pl, sv
    /\b(dwa razy|dwukrotnie) (pobra\w*|obciaz\w*|zaplaci\w*)|pobra\w* .{0,25}dwa razy|podwojn\w* (obciazeni|platnosc)\w*/,
    /\b(dragit|dragits|debiterat) (pengar )?(tva ganger|dubbelt)\b/,
  ],
  security_or_data_incident: [
    // en
    /\b(hacked|compromised|account takeover|taken over|data breach|breach|leaked|phished)\b/,
    /\bsomeone (else )?(has )?(logged|logging|broke|accessed|changed)\b/,
    /\banother customer'?s (statement|data|details|information)\b/,
    /\b(gdpr|right to be forgotten)\b.{0,80}\b(delet|eras|remov)/,
    /\b(delete|erase) all (the )?(my )?(personal )?(data|information)\b/,
    // described without the words "hacked" or "breach"
    /\bsomeone else'?s (name|details|email|phone|number|address|photo)\b/,
    /\b((unknown|unrecogni[sz]ed|strange|suspicious) (device|login|log-in|sign[- ]in|activity|transactions?)s?|identity theft|stole my identity|stolen identity|(cloned|skimmed) (card|my card)|my card (was|has been) (cloned|skimmed)|my (details|data) (were|was|have been|has been) (leaked|exposed|stolen))\b/,
    /\b(code|codes|text|texts|sms)\b.{0,30}\b(i )?(didn'?t|did not|never) (ask|request)(ed)? for\b|\b(didn'?t|did not|never) (ask|request)(ed)? for (a |this |that |any |these )?(login |verification |security |one[- ]time )?codes?\b/,
    /\b(device|phone|iphone|laptop|computer|tablet)s?\b.{0,40}\b(isn'?t mine|not mine|i don'?t (own|recogni[sz]e)|i'?ve (only )?ever had|i never (added|used))\b/,
    /\b(changed|added|updated) to (one|an? \w+) i don'?t recogni[sz]e|\b(email|phone number|address|password)\b.{0,30}\bchanged\b.{0,40}\b(i didn'?t|wasn'?t me|not me|i don'?t recogni[sz]e|i never)\b/,
    /\b(someone|somebody) (else )?(is |was |has )?(been )?(using|used|doing|making|made|spending|spent|taking|took) (payments?|my (card|account|money))/,
    /\b(payments?|transactions?|transfers?) (i|that i) (never|didn'?t|did not) (made|make|do|did|authori[sz]e)\b|\bi am not doing (this|these) payments?\b/,
    // es
    /\b(hackead[oa]|me han robado la cuenta|alguien ha (cambiado|entrado|accedido)|filtracion de datos|brecha de seguridad|derecho al olvido)\b/,
    /\b(rgpd)\b.{0,80}\b(supresion|borr|elimin)/,
    /\b(codigo|sms)\b.{0,40}\bque (yo )?no (he )?(pedido|solicitado)|\balguien (ha )?(usado|utilizado|entrado en) (mi|la)\b|\bno (he )?(hecho|realizado|autorizado) (esos?|estas?) (pagos?|compras?|cargos?)\b/,
    // fr
    /\b(pirate|quelqu'un (s'est connecte|a change|a accede)|fuite de donnees|violation de donnees|droit a l'oubli)\b/,
    /\b(rgpd)\b.{0,80}\b(suppression|effac)/,
    /\bquelqu'un (a|s'est) (utilise|connecte|change|accede|pris)\b|\bcode\b.{0,30}que je n'ai (pas|jamais) demande|\bje n'ai (jamais )?(fait|effectue|autorise) (ce|ces) (paiement|achat|virement)s?\b/,
    // de
    /\b(gehackt|jemand hat sich (eingeloggt|angemeldet)|datenleck|datenpanne)\b/,
    /\b(dsgvo)\b.{0,80}\b(loschung|losch)/,
    /\b(fremde (telefonnummer|e-mail|adresse|geratu?|handynummer)|nie eingetragen|habe ich nicht (angefordert|gemacht|autorisiert|veranlasst)|jemand (hat )?(meine karte |mein konto )?(benutzt|verwendet|zugegriffen))\b/,
    // pt
    /\b(hackead[oa]|invadid[oa]|fuga de dados|vazamento de dados|alguem (entrou|acedeu|acessou|mudou))\b/,
    /\b(rgpd|lgpd)\b.{0,80}\b(apag|elimin)/,
    /\b(senha|palavra-passe|e-mail|numero)\b.{0,30}\b(foi )?alterad[oa]\b.{0,30}\b(nao (alterei|mudei|fui eu|pedi))|\bnao fui eu\b|\balguem (usou|esta usando|esta a usar)\b/,
    // it, nl, pl, sv
    /\b(hackerat[oa]|violazione dei dati|furto di dati|datalek|zhakowan\w*|wyciek danych|hackat|dataintrang|nagon har loggat in)\b/,
    /\b(non ero io|non sono stat[oa] io|qualcuno (ha )?(usato|utilizzato|fatto accesso|entrato))\b/,
    /\b(iemand (heeft )?(ingelogd|mijn \w+ gebruikt|toegang)|onbekend apparaat|dat was ik niet)\b/,
    /\b(ktos (sie )?(zalogowal|uzyl|wszedl)|to nie ja)\b|\b(nagon har (anvant|loggat|andrat)|det var inte jag)\b/,
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
  /\b(if i ever|in case i|just asking|out of curiosity|what happens if|what would happen if|what if|if (a|the) \w+ ever|what'?s your process|how (do|can) i (prevent|avoid|protect)|make sure .{0,40}never|any tips)\b/,
  /\b(si alguna vez|por curiosidad|por si acaso|au cas ou|par curiosite|falls ich (mal|jemals)|aus neugier|se um dia|por curiosidade|per curiosita)\b/,
];

/** Asking for a person instead of the bot. */
export const WANTS_A_PERSON = [
  /\b(talk|speak|chat) (to|with) (a |an )?(real |actual |live )?(person|human|agent|someone|somebody|advisor)\b/,
  /\b(real|actual) (person|human)\b|\bhuman (please|agent|being)\b|\blive agent\b/,
  /\b(get|give|put) me (through to )?(a |an )?(human|person|agent|someone real)\b|\bnot (a|the|another) (bot|robot)\b/,
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
  /\b(nobody|no one|no-one|noone) (has |is |ever )?(got|gotten|come|came|answer|reply|respond)\w* back to me\b|\b(nobody|no one) is (answer|reply|respond)\w*( me)?\b/,
  /\balready (asked|emailed|written|told you|called|phoned|explained)\b.{0,30}\b(twice|three times|before|several times|multiple times)\b|\bstill waiting for (a|any) (reply|response|answer)\b|\byou (never|don'?t ever) (reply|answer|respond)\b|\bchasing (this|you) (up|again)\b/,
  // several tries over phone, chat and email, counted ("rung twice", "called three times", "emailed twice")
  /\b(rung|rang|called|phoned|emailed|e-mailed|written|wrote|write|messaged|chatted|contacted)\b.{0,40}\b(twice|three times|four times|\d+ times|several times|multiple times|many times)\b/,
  /\b(phone|call|chat|email)\b.{0,40}\b(and|,) (by |on |via )?(email|e-mail|phone|chat|live chat)\b.{0,60}\b(no one|nobody|no reply|no response|no answer|still no|still nothing|no sign)\b/,
  /\b(llamado|escrito|enviado|contactado)\b.{0,40}\b(dos|tres|cuatro|varias|\d+) veces\b|\bsigo sin (ninguna )?respuesta\b|\bnadie me (ha )?(contestado|respondido)\b/,
  /\b(appele|ecrit|envoye|relance|contacte)\b.{0,40}\b(deux|trois|quatre|plusieurs|\d+) fois\b/,
  /\b(zweimal|dreimal|mehrmals|mehrfach|\d+ mal)\b.{0,40}\b(angerufen|geschrieben|gemailt|kontaktiert)\b|\bniemand hat sich (zuruck)?gemeldet\b/,
  /\b(chiamato|scritto|contattato)\b.{0,40}\b(due|tre|piu|\d+) volte\b|\bnessuno (mi )?(ha )?(ancora )?(risposto|richiamato)\b/,
  /\b(liguei|escrevi|contactei|contatei|mandei)\b.{0,40}\b(duas|tres|varias|\d+) vezes\b/,
  /\b(gebeld|gemaild|geschreven)\b.{0,40}\b(twee|drie|meerdere|\d+) keer\b|\b(twee|drie|meerdere|\d+) keer\b.{0,40}\b(gebeld|gemaild|geschreven)\b/,
  /\b(tercera|cuarta|quinta) vez que (os |les |te )?(escribo|pregunto|contacto|llamo)\b|\bnadie (me )?(responde|contesta|ha respondido|ha contestado)\b/,
  /\b(troisieme|quatrieme|3e) fois que (je |j')?(vous )?(ecri[st]|demande|contacte)|\bpersonne ne (me )?repond\b|\b(toujours )?aucune reponse\b/,
  /\bzum (dritten|vierten|funften) mal\b.{0,30}\b(schreibe|frage|melde|kontaktiere)|\b(nie|noch nie|keine) (eine )?antwort (bekommen|erhalten)|\bniemand antwortet\b/,
  /\b(terceira|quarta) vez que (escrevo|pergunto|contacto|ligo)\b|\bninguem (me )?(responde|respondeu)\b|\bsem (qualquer )?resposta\b/,
  /\bnessuno (mi )?(risponde|ha risposto)\b|\bterza volta che (scrivo|chiedo)\b/,
  /\bniemand reageert\b|\bnooit (een )?antwoord\b/,
];

/** Short messages that close a conversation rather than ask for anything. */
export const CLOSING_WORDS =
  /^ta\b|\b(thanks?|thank you|thx|ty|cheers|great|perfect|brilliant|awesome|sorted|got it|all good|that worked|ok(ay)?|gracias|vale|perfecto|genial|merci|parfait|super|d'accord|danke|alles klar|perfekt|obrigad[oa]|otimo|grazie|perfetto|bedankt|dank je|dzieki|tack|dziekuje|vielen dank|grazie mille|valeu|dank u)\b|👍|🙏|🙂|😊/;
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
