/**
 * Lexical tool retrieval: BM25 over each tool's name, title, description, parameter names, resource and
 * keywords, with the query widened by a synonym map of the words people type. Pure: tools in, ranking out.
 */
import type { ToolDefinition } from "../../tools/define.js";
import { type Bm25Index, buildBm25, scoreBm25, type WeightedTerm } from "../retrieval/bm25.js";
import { createSpeller, type Speller } from "../retrieval/spelling.js";
import { analyze, isStopWord, splitWords, stem } from "../retrieval/text-analysis.js";
import { SYNONYMS } from "./synonyms.js";

export type RetrievableTool = Pick<ToolDefinition, "name" | "title" | "description" | "resource" | "keywords"> & {
  risk?: ToolDefinition["risk"];
  /** Parameter names; taken from the zod shape when built from a ToolDefinition. */
  params?: readonly string[];
};

export interface ToolIndex {
  bm25: Bm25Index;
  tools: Map<string, RetrievableTool>;
  /** Corrects query words the tool texts and the synonym map never use (typos). */
  speller?: Speller;
}

export interface RankedTool {
  name: string;
  score: number;
}

const SYNONYM_WEIGHT = 0.6;
const HINT_WEIGHT = 0.4;
// A corrected typo is probably what the person meant, but less surely than what they typed.
const CORRECTED_WEIGHT = 0.8;

/** Parameter names of a ToolDefinition's zod object (contact_id → contact, id). */
export function paramNames(tool: Pick<ToolDefinition, "input">): string[] {
  const shape = (tool.input as { shape?: Record<string, unknown> }).shape ?? {};
  return Object.keys(shape);
}

export function toRetrievable(tool: ToolDefinition): RetrievableTool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    resource: tool.resource,
    keywords: tool.keywords,
    risk: tool.risk,
    params: paramNames(tool),
  };
}

/** How much each field's words count; titles and keywords say most about what a tool is for. */
export const FIELD_WEIGHTS = { title: 3, name: 1, resource: 1.5, keywords: 2, params: 0.5, description: 1 };

export function buildToolIndex(tools: readonly RetrievableTool[], weights: typeof FIELD_WEIGHTS = FIELD_WEIGHTS): ToolIndex {
  const documents = tools.map((tool) => ({
    id: tool.name,
    fields: [
      { tokens: analyze(tool.title), weight: weights.title },
      { tokens: analyze(tool.name.replace(/^INTERCOM_/, "")), weight: weights.name },
      { tokens: analyze(tool.resource.replace(/_/g, " ")), weight: weights.resource },
      { tokens: (tool.keywords ?? []).flatMap((k) => analyze(k)), weight: weights.keywords },
      { tokens: (tool.params ?? []).flatMap((p) => analyze(p)), weight: weights.params },
      { tokens: analyze(tool.description), weight: weights.description },
    ],
  }));
  const bm25 = buildBm25(documents);
  return { bm25, tools: new Map(tools.map((t) => [t.name, t])), speller: createSpeller([...bm25.docFreq.keys(), ...SINGLE_WORD.keys()], isStopWord) };
}

const SINGLE_WORD = new Map<string, readonly string[]>();
const PHRASES: [RegExp, readonly string[]][] = [];
for (const [key, expansion] of Object.entries(SYNONYMS)) {
  // Multi-word keys, patterns and stop words ("where's") are matched against the raw text.
  if (/[\s.|(-]/.test(key) || isStopWord(key.replace(/'.*$/, "")))
    PHRASES.push([new RegExp(`(^|[^a-z])${key.replace(/ /g, "\\s+")}($|[^a-z])`, "i"), expansion]);
  else SINGLE_WORD.set(stem(key.replace(/_/g, " ")), expansion);
}

const NEGATIONS = new Set(["not", "don't", "dont", "never", "without", "instead", "rather"]);

/** Drops the first content word after a negation ("delete it, not archive" must not ask for Archive). */
function withoutNegated(text: string): string {
  const words = text.toLowerCase().split(/\s+/);
  const kept: string[] = [];
  let skip = 0;
  for (const word of words) {
    const bare = word.replace(/[^a-z']/g, "");
    if (NEGATIONS.has(bare)) {
      skip = 3;
      continue;
    }
    if (skip > 0) {
      skip--;
      if (bare && !isStopWord(bare) && bare !== "of" && bare !== "than") {
        skip = 0;
        continue;
      }
    }
    kept.push(word);
  }
  return kept.join(" ");
}

/** What pasted identifiers suggest: a 24-hex id is almost always a contact, a long number a conversation, an email a contact to look up. */
function idHints(text: string): string[] {
  const hints: string[] = [];
  if (/\b[0-9a-f]{24}\b/i.test(text)) hints.push("contact");
  if (/\b\d{12,}\b/.test(text)) hints.push("conversation");
  if (/[\w.+-]+@[\w-]+\.[\w.]+/.test(text)) hints.push("contact", "search", "email");
  return hints;
}

/** Typos put right against the index's words, and words typed apart that are one known word ("news letter"). */
function corrections(positive: string, speller: Speller): string[] {
  // Addresses and links are names, not misspelt words ("paul@initrode.com" is not "pause").
  const prose = positive.replace(/\S+@\S+|https?:\/\/\S+|\b[\w-]+\.(com|io|net|org|co|de|in|dev)\b/gi, " ");
  const fixed = analyze(prose).flatMap((term) => speller.correct(term));
  const words = splitWords(prose);
  for (let i = 0; i + 1 < words.length; i++) {
    const joined = speller.join(stem(words[i] as string), stem(words[i + 1] as string)) ?? speller.join(words[i] as string, stem(words[i + 1] as string));
    if (joined) fixed.push(joined);
  }
  return fixed;
}

/** The person's words at full weight, plus typo corrections, synonym expansions and id hints at a lower one. */
export function expandQuery(text: string, speller?: Speller): WeightedTerm[] {
  const positive = withoutNegated(text);
  const own = analyze(positive);
  const terms: WeightedTerm[] = own.map((term) => ({ term, weight: 1 }));
  const add = (words: readonly string[], weight = SYNONYM_WEIGHT) => {
    for (const word of words) for (const term of analyze(word)) terms.push({ term, weight });
  };
  const fixed = speller ? corrections(positive, speller) : [];
  for (const term of fixed) terms.push({ term, weight: CORRECTED_WEIGHT });
  for (const term of [...own, ...fixed]) {
    const expansion = SINGLE_WORD.get(term);
    if (expansion) add(expansion);
  }
  const raw = text.replace(/\s+/g, " ");
  for (const [pattern, expansion] of PHRASES) if (pattern.test(raw)) add(expansion);
  add(idHints(text), HINT_WEIGHT);
  return terms;
}

/** A question ("any tickets…?", "who is…", "does X have…") asks to look something up, not to change it. */
export function isQuestion(text: string): boolean {
  const t = text.trim().toLowerCase();
  return (
    t.endsWith("?") ||
    /^(is|are|was|were|does|do|did|has|have|any|which|what|what's|whats|who|who's|how|where|where's|when|can you (show|find|tell)|show|list|find)\b/.test(t)
  );
}

const QUESTION_READ_BOOST = 1.2;

/** Tools best first; ties keep catalog order. `allowed` limits the candidates (a persona's scope). */
export function rankTools(index: ToolIndex, query: string, allowed?: ReadonlySet<string>): RankedTool[] {
  const scored = scoreBm25(index.bm25, expandQuery(query, index.speller));
  const question = isQuestion(query);
  return scored
    .map((s, order) => ({ ...s, order, score: question && index.tools.get(s.id)?.risk === "read" ? s.score * QUESTION_READ_BOOST : s.score }))
    .filter((s) => !allowed || allowed.has(s.id))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((s) => ({ name: s.id, score: s.score }));
}
