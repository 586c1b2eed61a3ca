/**
 * A second tuning set for the escalation scorer, written by hand before the scorer was changed, to give it the
 * breadth the first set lacked: sarcasm and polite-but-furious anger, long rambling emails, one-liners, typos and
 * slang, non-native English, reported speech, closing thanks in many languages, security incidents described
 * indirectly, repeated contact over phone, chat and email, and seventeen languages. build-dev2.ts turns these into
 * Intercom 2.16 conversation objects (dev2.jsonl) with the same shape and labelling rules as cases.ts.
 */
import type { LabelledCase, Part } from "./cases.js";

type Extra = Partial<Pick<LabelledCase, "state" | "snoozedFor" | "vip" | "reopens" | "name" | "plan">>;

/** A positive case: the reasons a support lead would put on it. */
const yes = (id: string, lang: string, kind: string, reasons: string[], parts: Part[], extra: Extra = {}): LabelledCase => ({
  id,
  lang,
  escalate: true,
  reasons,
  kind,
  parts,
  ...extra,
});

/** A negative case. */
const no = (id: string, lang: string, kind: string, parts: Part[], extra: Extra = {}): LabelledCase => ({
  id,
  lang,
  escalate: false,
  reasons: [],
  kind,
  parts,
  ...extra,
});

const one = (hoursAgo: number, text: string): Part[] => [["u", hoursAgo, text]];

/** Asked, answered, then the customer's closing words left open for two days. */
const thanked = (question: string, answer: string, thanks: string): Part[] => [
  ["u", 80, question],
  ["a", 79, answer],
  ["u", 78, thanks],
];

const ANGRY = ["angry_customer"];
const CHURN = ["churn_risk"];
const LEGAL = ["legal_threat"];
const DISPUTE = ["payment_dispute"];
const SECURITY = ["security_or_data_incident"];
const CONTACT = ["repeated_contact"];

export const DEV2_CASES: LabelledCase[] = [
  // ---- sarcasm ----
  yes(
    "sarc-en-1",
    "en",
    "sarcasm",
    ANGRY,
    one(3, "Oh wonderful, my card got declined at the pharmacy again. Really loving this premium experience. Great job, guys."),
  ),
  yes("sarc-en-2", "en", "sarcasm", ANGRY, [
    ["u", 60, "Where is my transfer to my sister? It left on Monday."],
    ["a", 58, "It's processing and can take up to 3 working days."],
    ["u", 2, "Thanks so much for the copy-paste answer, super helpful. Day five now. Bravo."],
  ]),
  yes("sarc-en-3", "en", "sarcasm", ANGRY, one(5, "Love how I can order a metal card in two taps but getting my own money back takes a month. Stellar work.")),
  yes(
    "sarc-en-4",
    "en",
    "sarcasm",
    ["angry_customer", "churn_risk"],
    one(4, "Cool cool cool. Fourth declined payment this week. Guess it's time to take my money somewhere that actually works."),
  ),
  yes("sarc-es-1", "es", "sarcasm", ANGRY, one(2, "Genial, otra vez la app caída justo el día de cobro. Muchas gracias por nada.")),
  yes("sarc-fr-1", "fr", "sarcasm", ANGRY, one(6, "Bravo, vraiment. Trois semaines pour un virement, on se croirait en 1995. Merci pour rien.")),
  yes("sarc-de-1", "de", "sarcasm", ANGRY, one(3, "Na toll. Schon wieder ist meine Karte gesperrt. Ganz großes Kino, danke auch.")),
  yes("sarc-it-1", "it", "sarcasm", ANGRY, one(4, "Complimenti davvero, terzo bonifico bloccato in un mese. Un servizio da premio, grazie tante.")),
  yes("sarc-pt-1", "pt", "sarcasm", ANGRY, one(2, "Parabéns, conseguiram bloquear minha conta justo no dia do aluguel. Que serviço maravilhoso, hein.")),
  yes("sarc-nl-1", "nl", "sarcasm", ANGRY, one(5, "Nou lekker dan. Weer geen geld op mijn rekening. Top service hoor, echt bedankt.")),
  yes("sarc-ru-1", "ru", "sarcasm", ANGRY, one(3, "Ну спасибо, отличный сервис: третий день не могу снять свои же деньги.")),

  // ---- polite but furious ----
  yes("polite-en-1", "en", "polite_fury", ANGRY, [
    ["u", 50, "My salary hasn't landed in my account."],
    ["a", 48, "I'm looking into it with the payments team."],
    [
      "u",
      2,
      "Good afternoon. I have tried to remain courteous throughout, but I must be honest: I am deeply upset by how this has been handled. I have been without my salary for nine days. I expect far better.",
    ],
  ]),
  yes(
    "polite-en-2",
    "en",
    "polite_fury",
    ANGRY,
    one(4, "With respect, this is not good enough. I am a patient person, but I am now extremely frustrated at being passed from one department to another."),
  ),
  yes(
    "polite-en-3",
    "en",
    "polite_fury",
    ANGRY,
    one(6, "I don't usually complain and I'm sorry to be blunt, but I am beyond disappointed. I have never been treated this poorly by a bank."),
  ),
  yes(
    "polite-de-1",
    "de",
    "polite_fury",
    ANGRY,
    one(5, "Sehr geehrte Damen und Herren, ich bin wirklich sehr enttäuscht und verärgert. Seit zwei Wochen warte ich auf mein Geld und werde nur vertröstet."),
  ),
  yes(
    "polite-fr-1",
    "fr",
    "polite_fury",
    ANGRY,
    one(3, "Bonjour, je reste poli mais je suis profondément déçu et en colère. On me promet ce remboursement depuis un mois."),
  ),
  yes("polite-ja-1", "ja", "polite_fury", ANGRY, one(4, "大変恐縮ですが、正直かなり腹が立っています。二週間も返金を待っています。")),
  yes(
    "polite-es-1",
    "es",
    "polite_fury",
    ANGRY,
    one(5, "Con todo respeto, estoy muy molesta y decepcionada con el trato recibido. Llevo diez días sin acceso a mi dinero."),
  ),

  // ---- long rambling emails ----
  yes(
    "ramble-en-1",
    "en",
    "rambling",
    ["churn_risk", "repeated_contact"],
    [
      [
        "u",
        8,
        "Hi there, sorry this is long. I moved flat at the start of the month and at the same time started a new job, so everything has been a bit chaotic. My card stopped working the week I moved, which I assumed was the new address, so I updated it in the app.\n\nThen my rent bounced and my landlord charged me a late fee. I phoned on Monday and again on Wednesday, and emailed twice, and nobody has come back to me. My partner keeps asking what's going on and I honestly don't know.\n\nSo at this point I'm going to move my salary to another bank, which I didn't want to do after six years with you, but I can't keep living like this.",
      ],
    ],
  ),
  yes("ramble-en-2", "en", "rambling", LEGAL, [
    [
      "u",
      5,
      "Hello. My father passed away in August and I am the executor of his estate. I sent the death certificate in September, then again in October because your team said the scan was unclear.\n\nSince then his account has been frozen, the funeral director has been chasing me, and I have spent hours on hold. I understand these things take time, and I know the people I speak to are doing their best.\n\nHowever, I have now handed everything to our family solicitor, who will be writing to you formally next week.",
    ],
  ]),
  yes("ramble-es-1", "es", "rambling", LEGAL, [
    [
      "u",
      6,
      "Buenas tardes. Os cuento la historia completa porque ya no sé a quién acudir. En julio abrí la cuenta para cobrar la nómina y todo fue bien hasta septiembre, cuando me bloquearon la tarjeta por una revisión.\n\nMandé el DNI, el contrato de trabajo y las nóminas. Cada vez me piden algo nuevo. Tengo dos hijos y el alquiler no espera.\n\nSi esto no se soluciona esta semana presentaré una reclamación ante el Banco de España.",
    ],
  ]),
  yes(
    "ramble-de-1",
    "de",
    "rambling",
    ["repeated_contact", "churn_risk"],
    [
      [
        "u",
        7,
        "Guten Tag, ich muss etwas ausholen. Im Oktober habe ich eine Überweisung an meinen Handwerker gemacht, die nie angekommen ist. Der Handwerker hat mir dann eine Mahnung geschickt, was mir sehr unangenehm war.\n\nIch habe zweimal bei Ihrer Hotline angerufen und eine E-Mail geschrieben, aber niemand hat sich zurückgemeldet.\n\nIch überlege ernsthaft, mein Konto zu kündigen, obwohl ich eigentlich zufrieden war.",
      ],
    ],
  ),
  yes("ramble-fr-1", "fr", "rambling", DISPUTE, [
    [
      "u",
      4,
      "Bonjour, je vous écris parce que je ne comprends plus rien à mes comptes. Je suis partie en vacances en Italie fin octobre, tout s'est bien passé, j'ai payé l'hôtel avec ma carte.\n\nEn rentrant, j'ai vu que l'hôtel m'a été prélevé deux fois, exactement le même montant, le même jour. J'ai appelé l'hôtel, ils disent que c'est la banque.\n\nJe veux récupérer le deuxième paiement, s'il vous plaît.",
    ],
  ]),

  // ---- one-liners ----
  yes("one-en-1", "en", "one_liner", ANGRY, one(2, "scam bank. give me my money back")),
  yes("one-en-2", "en", "one_liner", ANGRY, one(1, "wtf is going on with my account??")),
  yes("one-en-3", "en", "one_liner", CHURN, one(3, "close my account. now.")),
  yes("one-en-4", "en", "one_liner", DISPUTE, one(2, "Charged twice. Fix it.")),
  yes("one-es-1", "es", "one_liner", DISPUTE, one(1, "Me habéis cobrado dos veces!!")),
  yes("one-fr-1", "fr", "one_liner", SECURITY, one(2, "Quelqu'un a utilisé ma carte. C'est pas moi.")),

  // ---- typos and slang ----
  yes("typo-en-1", "en", "typo_slang", ANGRY, one(3, "ur app is trash honestly, logged me out again and i cant pay my bills")),
  yes("typo-en-2", "en", "typo_slang", ANGRY, one(2, "this is unaceptable i want my mony back NOW")),
  yes("typo-en-3", "en", "typo_slang", DISPUTE, one(4, "yall charged me 2x for the same coffee subscription??")),
  yes("typo-en-4", "en", "typo_slang", CHURN, one(5, "gonna cancel my acount if this isnt sorted by friday")),
  yes("typo-en-5", "en", "typo_slang", ANGRY, one(6, "absolute joke of a bank mate, been waiting all week for my card")),

  // ---- non-native English ----
  yes(
    "nn-en-1",
    "en",
    "non_native",
    ANGRY,
    one(3, "Hello, I am very angry because you are blocking my account without reason and I cannot pay my rent. This is not normal!"),
  ),
  yes("nn-en-2", "en", "non_native", CHURN, one(4, "Please I want to close the account and take all my money, I am not more happy with this bank")),
  yes("nn-en-3", "en", "non_native", SECURITY, one(2, "Somebody is doing payments from my card in other country, I am not doing this payments")),
  yes("nn-en-4", "en", "non_native", CONTACT, one(5, "I write you already three times by email and one time by telephone, nobody is answer me")),

  // ---- security incidents described indirectly ----
  yes(
    "sec-en-1",
    "en",
    "security_indirect",
    SECURITY,
    one(2, "Why is someone else's name showing on my account? It says Daniel Kowalski under profile, that's not me."),
  ),
  yes("sec-en-2", "en", "security_indirect", SECURITY, one(1, "I just got a login code by text that I didn't ask for. Then another one. What's going on?")),
  yes("sec-en-3", "en", "security_indirect", SECURITY, one(3, "There's a new iPhone listed in my trusted devices and I've only ever had an Android.")),
  yes("sec-en-4", "en", "security_indirect", SECURITY, one(2, "My email address on the account got changed to one I don't recognise and now I can't log in")),
  yes("sec-es-1", "es", "security_indirect", SECURITY, one(1, "Me ha llegado un código de acceso que yo no he pedido y ahora no puedo entrar en la app.")),
  yes("sec-de-1", "de", "security_indirect", SECURITY, one(3, "In meinem Konto steht plötzlich eine fremde Telefonnummer, die ich nie eingetragen habe.")),
  yes("sec-pt-1", "pt", "security_indirect", SECURITY, one(2, "Recebi um e-mail a dizer que a minha senha foi alterada, mas eu não alterei nada.")),
  yes("sec-it-1", "it", "security_indirect", SECURITY, one(4, "Vedo un accesso da Milano stanotte, ma io vivo a Bari e stavo dormendo. Non ero io.")),

  // ---- repeated contact over phone, chat and email ----
  yes(
    "rep-en-1",
    "en",
    "repeated_channels",
    CONTACT,
    one(3, "I've rung your helpline twice, done the live chat yesterday and sent an email on Monday. Still no sign of my replacement card."),
  ),
  yes(
    "rep-en-2",
    "en",
    "repeated_channels",
    CONTACT,
    one(4, "Following up again. I already raised this on the phone last Thursday and by email on Saturday, and no one has got back to me."),
  ),
  yes("rep-es-1", "es", "repeated_channels", CONTACT, one(2, "Ya he llamado tres veces por teléfono y he escrito por el chat, y sigo sin respuesta.")),
  yes("rep-fr-1", "fr", "repeated_channels", CONTACT, one(5, "J'ai déjà appelé deux fois et envoyé un mail la semaine dernière, et toujours rien.")),
  yes("rep-it-1", "it", "repeated_channels", CONTACT, one(3, "Ho già chiamato due volte e scritto una mail, nessuno mi ha ancora risposto.")),

  // ---- Turkish ----
  yes("tr-1", "tr", "angry", ANGRY, one(3, "Bu ne biçim hizmet! Üç gündür param gelmedi, tam bir rezalet!")),
  yes("tr-2", "tr", "churn", CHURN, one(4, "Hesabımı kapatmak istiyorum, başka bir bankaya geçiyorum.")),
  yes("tr-3", "tr", "dispute", DISPUTE, one(2, "Kartımdan aynı ödeme iki kez çekilmiş, lütfen fazla alınan parayı iade edin.")),
  yes("tr-4", "tr", "long_wait", ["long_wait"], one(40, "Merhaba, yeni kartım ne zaman gelecek?")),

  // ---- Japanese ----
  yes("ja-1", "ja", "angry", ANGRY, one(2, "ふざけないでください。もう一週間もカードが使えません。最悪です。")),
  yes("ja-2", "ja", "churn", CHURN, one(3, "アカウントを解約します。他の銀行に移ります。")),
  yes("ja-3", "ja", "security", SECURITY, one(1, "身に覚えのないログイン通知が来ました。誰かが私のアカウントに入ったかもしれません。")),
  yes("ja-4", "ja", "long_wait", ["long_wait"], one(50, "振込がまだ届いていません。確認してもらえますか？")),

  // ---- Indonesian ----
  yes("id-1", "id", "angry", ANGRY, one(4, "Pelayanan kalian parah banget, uang saya sudah seminggu belum masuk. Kecewa berat!")),
  yes("id-2", "id", "churn", CHURN, one(2, "Saya mau tutup akun saja, pindah ke bank lain.")),
  yes("id-3", "id", "dispute", DISPUTE, one(3, "Saldo saya terpotong dua kali untuk transaksi yang sama.")),
  yes(
    "id-4",
    "id",
    "bot_loop",
    ["bot_loop"],
    [
      ["u", 2, "Transfer saya gagal tapi saldo berkurang"],
      ["b", 2, "Transfer yang gagal akan dikembalikan dalam 3 hari kerja."],
      ["u", 1.9, "Sudah 5 hari"],
      ["b", 1.9, "Apakah maksud Anda: cara melakukan transfer?"],
      ["u", 1.8, "Bukan. Saya mau bicara dengan CS manusia, bukan bot."],
    ],
  ),

  // ---- Russian ----
  yes("ru-1", "ru", "angry", ANGRY, one(3, "Это просто безобразие! Неделю не могу получить свои деньги. Ужасный сервис.")),
  yes("ru-2", "ru", "security", SECURITY, one(1, "Мой аккаунт взломали, кто-то поменял пароль и номер телефона.")),
  yes("ru-3", "ru", "legal", LEGAL, one(4, "Я подам на вас в суд, если деньги не вернут до пятницы.")),
  yes("ru-4", "ru", "vip", ["vip_waiting"], one(2, "Добрый день, подтвердите, пожалуйста, что перевод отправлен."), { vip: true }),

  // ---- Chinese ----
  yes("zh-1", "zh", "angry", ANGRY, one(2, "你们的服务太差了！等了一个星期还没到账，简直是骗子！")),
  yes("zh-2", "zh", "churn", CHURN, one(3, "我要注销账户，换到别的银行。")),
  yes("zh-3", "zh", "dispute", DISPUTE, one(1, "同一笔交易被扣了两次款，请退回多扣的钱。")),
  yes("zh-4", "zh", "security", SECURITY, one(2, "我的账户被盗了，有人改了我的密码。")),

  // ---- Arabic ----
  yes("ar-1", "ar", "angry", ANGRY, one(3, "هذه خدمة سيئة جدا! أسبوع كامل وأموالي محجوزة بدون أي تفسير.")),
  yes("ar-2", "ar", "legal", LEGAL, one(2, "سأرفع دعوى قضائية ضدكم إذا لم تعيدوا أموالي.")),
  yes("ar-3", "ar", "security", SECURITY, one(1, "تم اختراق حسابي، شخص ما غير كلمة المرور.")),

  // ---- Hindi (romanised and Devanagari) ----
  yes("hi-1", "hi", "angry", ANGRY, one(4, "Yeh kya bakwas service hai, ek hafte se paisa atka hua hai!")),
  yes("hi-2", "hi", "combo", ["angry_customer", "churn_risk"], one(2, "मैं अपना खाता बंद करना चाहता हूँ, आपकी सेवा बहुत खराब है।")),
  yes("hi-3", "hi", "dispute", DISPUTE, one(3, "Mere account se do baar paise kat gaye, same payment ke liye.")),

  // ---- Vietnamese ----
  yes("vi-1", "vi", "angry", ANGRY, one(5, "Dịch vụ quá tệ! Một tuần rồi tiền vẫn chưa về, thật không thể chấp nhận được.")),
  yes("vi-2", "vi", "security", SECURITY, one(1, "Tài khoản của tôi bị hack, ai đó đã đổi mật khẩu.")),
  yes("vi-3", "vi", "churn", CHURN, one(3, "Tôi sẽ đóng tài khoản và chuyển sang ngân hàng khác.")),
  yes(
    "vi-4",
    "vi",
    "reopen",
    ["repeated_reopen"],
    [
      ["u", 200, "Tôi không chuyển tiền được."],
      ["a", 199, "Bạn hãy cập nhật ứng dụng."],
      ["c", 199, ""],
      ["o", 150, "Vẫn không được."],
      ["a", 149, "Chúng tôi đã sửa lỗi."],
      ["c", 149, ""],
      ["o", 80, "Vẫn lỗi."],
      ["a", 79, "Bạn thử lại nhé."],
      ["c", 79, ""],
      ["o", 3, "Hôm nay vẫn chưa được, nhờ bạn kiểm tra giúp."],
    ],
    { reopens: 3 },
  ),

  // ---- Dutch, Polish, Swedish, Italian, Portuguese, German, Spanish ----
  yes("nl-1", "nl", "angry", ANGRY, one(4, "Ik ben er helemaal klaar mee. Twee weken zonder pas, wat een puinhoop.")),
  yes("nl-2", "nl", "security", SECURITY, one(2, "Iemand heeft ingelogd op mijn account vanaf een onbekend apparaat.")),
  yes("pl-1", "pl", "angry", ANGRY, one(3, "To jest jakiś żart. Trzeci tydzień czekam na kartę. Jestem wściekły.")),
  yes("pl-2", "pl", "dispute", DISPUTE, one(2, "Pobraliście mi opłatę dwa razy za ten sam przelew.")),
  yes("sv-1", "sv", "angry", ANGRY, one(3, "Det här är helt sjukt, ni har låst mitt konto utan förklaring igen!")),
  yes("sv-2", "sv", "churn", CHURN, one(5, "Jag kommer att byta bank om detta inte löses i dag.")),
  yes("it-2", "it", "churn", CHURN, one(4, "Chiudo il conto e passo alla concorrenza, non se ne può più.")),
  yes("pt-2", "pt", "legal", LEGAL, one(3, "Vou registrar uma reclamação no Banco Central e no Reclame Aqui.")),
  yes("de-2", "de", "legal", LEGAL, one(2, "Mir reicht es. Ich schalte jetzt meinen Anwalt ein.")),
  yes("es-2", "es", "legal", LEGAL, one(4, "Voy a poner una denuncia en consumo si no me devolvéis el dinero.")),
  yes(
    "en-bot-1",
    "en",
    "bot_loop",
    ["bot_loop"],
    [
      ["u", 3, "My pay didn't arrive"],
      ["b", 3, "Payments can take up to 2 working days. Here's an article about incoming payments."],
      ["u", 2.9, "no it's been a week"],
      ["b", 2.9, "Did you mean: how do I receive a payment?"],
      ["u", 2.8, "get me a human"],
    ],
  ),

  // ======== negatives ========
  // ---- reported speech: someone else's words, not the customer's ----
  no(
    "rs-en-1",
    "en",
    "neg_reported_speech",
    one(3, "My landlord says it's unacceptable that the rent is late again. Could you tell me when Friday's transfer will arrive?"),
  ),
  no(
    "rs-en-2",
    "en",
    "neg_reported_speech",
    one(4, "My accountant thought I'd been charged twice by a supplier, but I've checked and it's fine. Can you send me the October statement as a PDF?"),
  ),
  no(
    "rs-en-3",
    "en",
    "neg_reported_speech",
    one(2, "My daughter keeps saying I should switch to another bank, but honestly I'm happy here. Can I add her as a second cardholder?"),
  ),
  no(
    "rs-en-4",
    "en",
    "neg_reported_speech",
    one(2, "The shop owner was furious when my card got declined, so embarrassing. Could you check why? I had plenty of money."),
  ),
  no(
    "rs-en-5",
    "en",
    "neg_reported_speech",
    one(5, "My colleague's account was hacked last month, so I'd like to turn on two-step login. Where is the setting?"),
  ),
  no(
    "rs-en-6",
    "en",
    "neg_reported_speech",
    one(3, "The gym said they'd take legal action if I didn't pay, so I paid yesterday. Can you confirm it left my account?"),
  ),
  no(
    "rs-es-1",
    "es",
    "neg_reported_speech",
    one(3, "Mi casero dice que es inaceptable que el pago llegue tarde. ¿Podéis decirme cuándo llegará la transferencia?"),
  ),
  no(
    "rs-fr-1",
    "fr",
    "neg_reported_speech",
    one(4, "Mon patron trouve scandaleux que le virement ne soit pas arrivé, mais je sais que ça prend deux jours. Vous pouvez me confirmer la date ?"),
  ),
  no(
    "rs-de-1",
    "de",
    "neg_reported_speech",
    one(2, "Mein Vermieter meint, es sei eine Frechheit, dass die Miete zu spät kommt. Wann wird die Überweisung gutgeschrieben?"),
  ),
  no(
    "rs-pt-1",
    "pt",
    "neg_reported_speech",
    one(3, "O meu marido acha que devíamos encerrar a conta, mas eu prefiro resolver. Como altero o limite do cartão?"),
  ),
  no(
    "rs-it-1",
    "it",
    "neg_reported_speech",
    one(5, "Il mio commercialista dice che è inaccettabile non avere l'estratto conto annuale. Dove lo trovo nell'app?"),
  ),
  no(
    "rs-nl-1",
    "nl",
    "neg_reported_speech",
    one(2, "Mijn vriend zegt dat jullie waardeloos zijn, maar ik heb nooit problemen gehad. Hoe open ik een spaarrekening?"),
  ),

  // ---- closing thanks in many languages, left open for days ----
  no("thx-tr", "tr", "neg_thanks_lang", thanked("Kart limitimi nasıl artırırım?", "Uygulamada Kart > Limitler bölümünden.", "Tamam, çok teşekkürler!")),
  no("thx-ja", "ja", "neg_thanks_lang", thanked("カードの再発行はできますか？", "アプリのカード画面から再発行できます。", "ありがとうございました！")),
  no("thx-id", "id", "neg_thanks_lang", thanked("Cara ganti PIN gimana?", "Buka Kartu > Ganti PIN di aplikasi.", "Oke, makasih banyak ya!")),
  no("thx-ru", "ru", "neg_thanks_lang", thanked("Как заказать новую карту?", "В приложении: Карты > Заказать.", "Спасибо большое!")),
  no("thx-zh", "zh", "neg_thanks_lang", thanked("怎么查看我的账单？", "在应用的“账户”页面可以下载账单。", "好的，谢谢！")),
  no("thx-ar", "ar", "neg_thanks_lang", thanked("كيف أغير رمز البطاقة؟", "من التطبيق: البطاقة ثم تغيير الرمز.", "شكرا جزيلا")),
  no("thx-hi-1", "hi", "neg_thanks_lang", thanked("Card ka PIN kaise badlein?", "App mein Card > Change PIN par jaiye.", "Bahut dhanyavaad!")),
  no("thx-hi-2", "hi", "neg_thanks_lang", thanked("मेरा स्टेटमेंट कहाँ मिलेगा?", "ऐप में Account > Statements पर।", "धन्यवाद जी")),
  no("thx-vi", "vi", "neg_thanks_lang", thanked("Làm sao để đổi mã PIN?", "Bạn vào Thẻ > Đổi PIN trong ứng dụng.", "Cảm ơn bạn nhiều!")),
  no("thx-pl", "pl", "neg_thanks_lang", thanked("Jak zamówić nową kartę?", "W aplikacji: Karty > Zamów.", "Dziękuję bardzo!")),
  no("thx-sv", "sv", "neg_thanks_lang", thanked("Hur beställer jag ett nytt kort?", "I appen under Kort > Beställ.", "Tack så mycket!")),
  no("thx-nl", "nl", "neg_thanks_lang", thanked("Hoe vraag ik een nieuwe pas aan?", "In de app onder Kaarten > Nieuwe pas.", "Top, dank je wel!")),
  no("thx-it", "it", "neg_thanks_lang", thanked("Come cambio il PIN?", "Dall'app: Carta > Cambia PIN.", "Grazie mille!")),
  no("thx-pt", "pt", "neg_thanks_lang", thanked("Como peço um cartão novo?", "Na app: Cartões > Pedir novo.", "Valeu, obrigada!")),
  no("thx-de", "de", "neg_thanks_lang", thanked("Wie bestelle ich eine neue Karte?", "In der App unter Karten > Neue Karte.", "Super, vielen lieben Dank!")),
  no("thx-fr", "fr", "neg_thanks_lang", thanked("Comment commander une nouvelle carte ?", "Dans l'appli : Cartes > Commander.", "Parfait, merci beaucoup !")),
  no("thx-es", "es", "neg_thanks_lang", thanked("¿Cómo pido una tarjeta nueva?", "Desde la app: Tarjetas > Pedir.", "Mil gracias 🙏")),
  no("thx-en-1", "en", "neg_thanks_lang", thanked("How do I order a new card?", "In the app under Cards > Order.", "cheers mate, sorted")),
  no("thx-en-2", "en", "neg_thanks_lang", thanked("Can I change my PIN?", "Yes, Cards > Change PIN.", "Thank you so much, you're a star")),
  no("thx-en-3", "en", "neg_thanks_lang", thanked("Where's my IBAN?", "Account > Details.", "ta!")),

  // ---- calm questions in the newer languages ----
  no("calm-tr-1", "tr", "neg_calm_lang", one(3, "Merhaba, yurt dışında kartımı kullanabilir miyim? Komisyon var mı?")),
  no("calm-tr-2", "tr", "neg_calm_lang", one(2, "Otomatik ödeme talimatını nasıl iptal edebilirim?")),
  no("calm-ja-1", "ja", "neg_calm_lang", one(4, "カードの暗証番号を変更したいのですが、どうすればいいですか？")),
  no("calm-ja-2", "ja", "neg_calm_lang", one(2, "返金はいつ頃口座に反映されますか？")),
  no("calm-id-1", "id", "neg_calm_lang", one(3, "Halo, bagaimana cara membatalkan pesanan kartu fisik saya?")),
  no("calm-ru-1", "ru", "neg_calm_lang", one(2, "Здравствуйте, как отменить автоплатёж за спортзал?")),
  no("calm-zh-1", "zh", "neg_calm_lang", one(3, "请问怎么修改绑定的手机号？")),
  no("calm-zh-2", "zh", "neg_calm_lang", one(2, "商家说已经退款了，大概几天能到账？")),
  no("calm-ar-1", "ar", "neg_calm_lang", one(4, "مرحبا، كيف يمكنني تغيير رقم الهاتف المرتبط بحسابي؟")),
  no("calm-hi-1", "hi", "neg_calm_lang", one(2, "Namaste, main apna card limit kaise badhaoon?")),
  no("calm-vi-1", "vi", "neg_calm_lang", one(3, "Chào bạn, làm sao để hủy đơn đặt thẻ?")),
  no("calm-pl-1", "pl", "neg_calm_lang", one(2, "Jak mogę anulować zlecenie stałe?")),
  no("calm-sv-1", "sv", "neg_calm_lang", one(4, "Hej! Hur lång tid tar en återbetalning från en butik?")),
  no("calm-nl-1", "nl", "neg_calm_lang", one(1, "Hoe kan ik mijn pas tijdelijk blokkeren? Ik ben hem even kwijt.")),

  // ---- genuinely happy, which sarcasm cues must not catch ----
  no("happy-en-1", "en", "neg_genuine_praise", one(2, "Wow, that was fast! The card arrived in a day, great job guys.")),
  no("happy-en-2", "en", "neg_genuine_praise", one(3, "Honestly the best bank app I've used. Quick question: can I get a second virtual card?")),
  no("happy-es-1", "es", "neg_genuine_praise", one(2, "¡Genial, ya funciona! Una pregunta más: ¿puedo pedir una tarjeta para mi hijo?")),
  no("happy-de-1", "de", "neg_genuine_praise", one(1, "Toll, das hat geklappt. Kann ich jetzt auch Apple Pay einrichten?")),
  no("happy-fr-1", "fr", "neg_genuine_praise", one(2, "Bravo pour la nouvelle appli, elle est top ! Est-ce que je peux changer la couleur de ma carte ?")),

  // ---- security words in calm requests ----
  no("secneg-en-1", "en", "neg_security_calm", one(2, "I got a login code just now, that was me on my new laptop. Is it normal to get an email about it too?")),
  no("secneg-en-2", "en", "neg_security_calm", one(3, "How do I change the name on my account after getting married?")),
  no("secneg-en-3", "en", "neg_security_calm", one(2, "I changed my password yesterday and now my watch wants it again. How do I update it there?")),
  no("secneg-es-1", "es", "neg_security_calm", one(4, "¿Cómo añado un nuevo dispositivo de confianza? Me he comprado un móvil.")),
  no("secneg-fr-1", "fr", "neg_security_calm", one(2, "J'ai changé de numéro de téléphone, comment le mettre à jour dans l'appli ?")),
  no("secneg-en-4", "en", "neg_security_calm", one(3, "What would happen if someone stole my phone? Could they get into my account?")),

  // ---- earlier contact that was answered ----
  no(
    "repneg-en-1",
    "en",
    "neg_contact_answered",
    one(2, "I spoke to someone on the phone yesterday who sorted the card, thanks. One more thing: can I change my statement date?"),
  ),
  no(
    "repneg-en-2",
    "en",
    "neg_contact_answered",
    one(3, "Your colleague on the chat said I should email the document here, so attached is my proof of address."),
  ),
  no("repneg-de-1", "de", "neg_contact_answered", one(2, "Ich hatte gestern angerufen, Ihr Kollege meinte, ich soll das Formular hier schicken. Anbei.")),

  // ---- churn and dispute words in calm requests ----
  no("calmchurn-en-1", "en", "neg_calm_cancel", one(2, "Can I close my savings pot and move the money to my main account?")),
  no("calmchurn-en-2", "en", "neg_calm_cancel", one(3, "I'm moving to Spain next month, can I keep my account?")),
  no("calmchurn-en-3", "en", "neg_calm_cancel", one(4, "Please I need to close the old card because I receive the new one.")),
  no(
    "calmchurn-en-4",
    "en",
    "neg_calm_cancel",
    one(5, "My mother passed away last month and I need to close the account she had with you. What documents do you need?"),
  ),
  no("calmdispute-en-1", "en", "neg_hypothetical", one(3, "If a hotel ever charges me twice, how would I get the money back?")),
  no("calmdispute-es-1", "es", "neg_hypothetical", one(2, "Por si acaso, ¿qué tendría que hacer si alguna vez me hackean la cuenta?")),
  no("stress-en-1", "en", "neg_worried", one(2, "I'm a bit stressed, I just need to know when my salary lands, the rent is due tomorrow. Please let me know.")),

  // ---- not waiting on the team, in the newer languages ----
  no("short-ja-1", "ja", "neg_short_wait", one(20, "カードはいつ届きますか？")),
  no("short-ar-1", "ar", "neg_short_wait", one(25, "متى تصل البطاقة الجديدة؟")),
  no("short-ru-1", "ru", "neg_short_wait", one(10, "Когда придёт новая карта?")),
  no("replied-tr-1", "tr", "neg_teammate_replied", [
    ["u", 10, "Rezalet bir hizmet! Param nerede?"],
    ["a", 9, "Özür dileriz, transferiniz bugün hesabınıza geçti."],
  ]),
  no("replied-zh-1", "zh", "neg_teammate_replied", [
    ["u", 5, "太差了！我要投诉你们！"],
    ["a", 4, "非常抱歉，已经为您处理好了。"],
  ]),
  no("closed-vi-1", "vi", "neg_closed", [
    ["u", 40, "Dịch vụ tệ quá, tôi sẽ đóng tài khoản!"],
    ["a", 39, "Rất xin lỗi bạn, chúng tôi đã hoàn tiền."],
    ["c", 39, ""],
  ]),
  no("snoozed-id-1", "id", "neg_snoozed", one(40, "Kapan kartu baru saya dikirim?"), { state: "snoozed", snoozedFor: 5 }),
  no("quoted-ru-1", "ru", "neg_quoted", [
    ["u", 30, "Перевод не дошёл."],
    ["a", 29, "Мы нашли перевод, он зачислен сегодня."],
    ["u", 2, "Да, вижу, спасибо.\n\nOn Tue, 4 Nov, Support wrote:\n> We understand you said this is unacceptable and you want to close your account."],
  ]),
];
