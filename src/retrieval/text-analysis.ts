/**
 * Tokenizing and light stemming for tool retrieval. Deliberately small: lowercase word pieces, no ids or
 * numbers, a short stop list, and a suffix stripper that folds plurals and verb endings ("tagged", "tags",
 * "tagging" → "tag") without the over-eager cuts of a full Porter stemmer.
 */

const STOP_WORDS = new Set(
  (
    "a an the and or but if then than so of to in on at by for with from into onto about as is are was were be been being " +
    "do does did done doing have has had having i me my we our us you your he she they them their his her its it this that these those " +
    "there here what when where who whom how why can could would should will shall may might must please pls thanks thank hey hi hello " +
    "just also still yet again some any all every each not no yes ok okay up out over via per let lets need want like get got " +
    "im its dont cant wont whats one ones thing things stuff really actually someone something"
  ).split(/\s+/),
);

/** Words kept even though a stop list would drop them, because they decide between tools. */
const KEEP = new Set(["all", "out"]);

const IRREGULAR: Record<string, string> = {
  people: "person",
  children: "child",
  men: "man",
  women: "woman",
  companies: "company",
  replies: "reply",
  categories: "category",
  activities: "activity",
  entities: "entity",
  identities: "identity",
  statuses: "status",
  addresses: "address",
  analyses: "analysis",
  was: "be",
  sent: "send",
  made: "make",
  wrote: "write",
  written: "write",
};

/** Folds common English endings. Stable: stem(stem(w)) === stem(w) for the words we care about. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return IRREGULAR[w];
  if (w.length <= 3) return w;
  let s = w;
  if (s.endsWith("'s")) s = s.slice(0, -2);
  if (s.endsWith("ies") && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith("sses")) s = s.slice(0, -2);
  else if (/(xes|ches|shes)$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith("s") && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith("ing") && s.length > 5) s = undouble(s.slice(0, -3));
  else if (s.endsWith("ied") && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith("ed") && s.length > 4 && !s.endsWith("eed")) s = undouble(s.slice(0, -2));
  if (s.endsWith("e") && s.length > 4 && !s.endsWith("ee")) s = s.slice(0, -1);
  return s;
}

// "tagged" → "tagg" → "tag"; "archiving" → "archiv"; keep "ll"/"ss" words like "call", "access".
function undouble(s: string): string {
  if (/([b-df-hj-km-np-tv-z])\1$/.test(s) && !/(ll|ss|zz|ff)$/.test(s)) return s.slice(0, -1);
  return s;
}

/** Splits snake_case, camelCase, kebab-case and prose into lowercase words. */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .filter((w) => w.length > 0);
}

/** Ids, numbers and hashes carry no meaning for choosing a tool. */
function isNoise(word: string): boolean {
  if (/^\d+$/.test(word)) return true;
  if (/\d/.test(word) && word.length >= 5) return true;
  return word.length === 1;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word) && !KEEP.has(word);
}

/** Content words of a text, stemmed. Keeps the order, so callers can look at neighbours. */
export function analyze(text: string): string[] {
  return splitWords(text)
    .filter((w) => !isNoise(w))
    .filter((w) => !isStopWord(w))
    .map(stem);
}
