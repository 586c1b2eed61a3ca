/**
 * Text-reason phrases for Latin-script languages beyond the first nine: Turkish, Indonesian, Vietnamese and
 * romanised Hindi. Like lexicons.ts they run on folded text (lower case, no accents or tone marks; ı → i,
 * đ → d), so "Hesabımı kapatıyorum" is written "hesabimi kapatiyorum" and "đóng tài khoản" "dong tai khoan".
 */
import type { TextReason } from "./lexicons.js";

export const MORE_LATIN_LEXICONS: Record<TextReason, RegExp[]> = {
  angry_customer: [
    // tr
    /\b(rezalet\w*|berbat|ne bicim|sacmalik|yeter artik|biktim|kabul edilemez|utanmaz\w*|dolandirici\w*|skandal|sacma|rezillik|felaket|cok kizgin\w*|sinir oldum|utanc verici|igrenc)\b/,
    // id
    /\b((kalian|bank ini|aplikasi ini|app ini|pelayanan\w*|layanan\w*) (\w+ )?parah|parah (banget|sekali)|(sangat )?kecewa (berat|banget|sekali)|sangat kecewa|payah|ngaco|(gak|nggak|tidak|ga) becus|penipu\w*|pelayanan (buruk|jelek|parah)|kesel banget|kesal|marah|keterlaluan|brengsek|nyebelin|tidak profesional)\b/,
    // vi (tone marks folded away)
    /\b(qua te|te qua|te hai|khong the chap nhan|lua dao|vo ly|buc minh|qua dang|qua kem)\b/,
    // hi, romanised
    /\b(bakwas|bekaar|bekar|ghatiya|bahut (kharab|bura|ganda)|pagal bana|chor (ho|hai))\b/,
  ],
  legal_threat: [
    /\b(avukat\w* (verecegim|gorusecegim|basvuracagim)|avukatimla gorus\w*|dava (acacagim|acarim|acmak)|mahkeme\w*|tuketici hakem\w*|bddk'?(ye|ya)|sikayet edecegim)\b/,
    /\b((lewat|melalui|pakai|sewa|hubungi) pengacara|pengacara saya akan|(lapor|laporkan|adukan|mengadu) ke (ojk|polisi|ylki)|jalur hukum|tuntut|gugat|somasi)\b/,
    /\b(khoi kien|kien ngan hang|thue luat su|nho luat su|luat su cua toi se|toa an)\b/,
    /\b((vakil|lawyer) (se|ko) (baat|bhej|de)\w*|vakil karunga|consumer (court|forum)|court (me|mein) (case|jaunga|jaungi)|police complaint|rbi (ko|me|mein))\b/,
  ],
  churn_risk: [
    /\b(hesabimi (kapat|iptal)\w*|aboneligimi iptal\w*|baska (bir )?bankaya (gec|gid)\w*|bankayi degistir\w*|bankanizi birak\w*)\b/,
    /\b(tutup (akun|rekening)|pindah (ke )?bank lain|berhenti (pakai|pake|menggunakan|langganan)|hapus akun|(gak|nggak|tidak) mau pakai lagi)\b/,
    /\b(dong tai khoan|huy tai khoan|chuyen sang ngan hang khac|khong dung nua)\b/,
    /\b(account (band|close) kar\w*|khata band|dusre bank (me|mein) (chala|shift|ja))\b/,
  ],
  payment_dispute: [
    /\b(iki (kez|kere|defa) (cekil|odeme|alin|tahsil)\w*|cift cekim|mukerrer|iki (kez|kere|defa) ucret|harcama itiraz\w*|islem itiraz\w*)\b/,
    /\b((ter|di|ke)potong (dua kali|2x|2 kali)|ketarik (dua kali|2x)|(tertagih|ditagih|tertarik|ditarik) (dua kali|2x|2 kali)|tagihan ganda)\b/,
    /\b(tru tien hai lan|bi tru hai lan|tru hai lan|thanh toan hai lan)\b/,
    /\b(do baar (paise )?(kat|cut|deduct)\w*|double (kat|deduct)\w*)\b/,
  ],
  security_or_data_incident: [
    /\b(hacklendi|hesabim (calindi|ele gecirildi)|biri (hesabima|girdi|sifremi)|ben yapmadim|benim yapmadigim (islem|harcama)\w*|sifrem (degistiril|degismis)\w*|tanimadigim (cihaz|islem|harcama)\w*|bilgilerim calindi|dolandirildim)\b/,
    /\b((di|ke)bobol|diretas|di-?hack|dibajak|ada (orang )?yang (masuk|login|ganti|pakai)|bukan saya yang|(otp|kode)\w*.{0,30}(tidak|gak|nggak) (pernah )?(minta|request))\b/,
    /\b(bi hack|bi danh cap|ai do da (doi|dang nhap|lay|dung|chuyen)|khong phai toi|lo thong tin)\b/,
    /\b(hack ho gaya|kisi ne (mera|login|password)|maine nahi kiya)\b/,
  ],
};

/** Saying earlier contact went unanswered, or counting the tries, in the same languages. */
export const MORE_LATIN_UNANSWERED = [
  /\b(kimse (cevap|geri donmedi|donmedi|ilgilenmedi)|(kez|defa|kere) (aradim|yazdim|mail attim)|(ikinci|ucuncu|dorduncu) (kez|defa|kere) (yaziyorum|ariyorum)|cevap (alamadim|vermediniz|vermiyorsunuz)|kimse cevap vermiyor)\b/,
  /\b(tidak ada yang (balas|respon|jawab)|gak ada yang (bales|balas|respon)|sudah \w+ kali (telepon|nelpon|chat|email)|sudah (berkali-kali|berkali kali|beberapa kali) (hubungi|menghubungi|telepon|chat|email)|belum ada (balasan|jawaban|respon)|tidak ada (balasan|jawaban))\b/,
  /\b(khong ai tra loi|goi (dien )?\w+ lan)\b/,
  /\b(koi jawab nahi|koi reply nahi|kitni baar (call|message))\b/,
];

/** Closing thanks in the same languages. */
export const MORE_LATIN_CLOSING = /\b(tesekkur(ler|ederim)?|sagol|sag ol|terima kasih|makasih|trims|cam on|dhanyavaad|dhanyawad|shukriya)\b/;

/** Words that keep a short thanks from closing anything: "but", "still", "not yet". */
export const MORE_LATIN_NOT_CLOSED = /\b(ama|hala|henuz|tapi|masih|belum|nhung|van chua|chua duoc|lekin|abhi tak|nahi hua)\b/;

/** Asking for a person in the same languages. */
export const MORE_LATIN_WANTS_A_PERSON = [
  /\b(insan(la|a)? (gorus|konus)\w*|musteri temsilcisi|canli destek|gercek (bir )?insan|temsilciye)\b/,
  /\b(bicara|ngomong) (dengan|sama) (cs|orang|manusia|petugas)|bukan bot|cs asli\b/,
  /\b(nhan vien|nguoi that)\b/,
  /\b(insaan|agent) se baat\b/,
];
