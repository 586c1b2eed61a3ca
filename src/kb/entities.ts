/**
 * Which named thing (a hotel, a plan, a product) a question is about. "Can I bring my dog?" has a different
 * answer per hotel, and the hotel was often named turns earlier. The names come from the articles' own entity
 * field; words shared by many names of one domain ("guest house") become that domain's words, so "this hotel"
 * in a question points at the hotel named last.
 */
import { words } from "./analyze.js";

export interface EntityInfo {
  name: string;
  domain: string;
}

export interface Mention {
  kind: "entity" | "domain";
  /** 3: a name or the domain itself ("train"); 2: a word from many names ("guest house"); 1: a word only that domain's questions use. */
  strength: number;
  /** The entity's name or the domain. */
  value: string;
  domain: string;
  /** Larger is more recent; the question itself ranks above every context turn. */
  position: number;
}

export interface EntityTarget {
  entity?: string;
  domain?: string;
}

interface Pattern {
  tokens: string[];
  entity: EntityInfo;
}

/** Weak domain words count in the question only: in a long conversation they would point everywhere. */
const MIN_CONTEXT_STRENGTH = 2;

const GLUE = new Set(["the", "a", "an", "and", "of", "at", "&"]);

export class EntityMatcher {
  private readonly byFirst = new Map<string, Pattern[]>();
  private readonly domainWords = new Map<string, { domain: string; strength: number }>();
  readonly size: number;

  constructor(entities: readonly EntityInfo[], domainTitles: readonly { domain: string; title: string }[] = []) {
    const unique = new Map<string, EntityInfo>();
    const domains = new Set<string>();
    for (const e of entities) {
      if (e.domain) domains.add(e.domain);
      if (e.name.trim() && e.name !== "*") unique.set(`${e.domain}\u0000${e.name}`, e);
    }
    this.size = unique.size;
    // A word in many names of one domain and in no other domain's names is a word for the domain itself.
    const counts = new Map<string, Map<string, number>>();
    for (const e of unique.values()) {
      for (const w of new Set(words(e.name))) {
        const perDomain = counts.get(w) ?? new Map<string, number>();
        perDomain.set(e.domain, (perDomain.get(e.domain) ?? 0) + 1);
        counts.set(w, perDomain);
      }
    }
    // The domain's own name inside an entity's name ("Sea View Hotel") does not tell entities apart.
    const generic = new Set<string>([...domains].flatMap((d) => words(d)));
    for (const [w, perDomain] of counts) {
      const total = [...perDomain.values()].reduce((a, b) => a + b, 0);
      if (total >= 3 && total >= unique.size * 0.03) generic.add(w);
      if (perDomain.size === 1 && total >= 3 && !GLUE.has(w) && w.length > 2)
        this.domainWords.set(w, { domain: [...perDomain.keys()][0] as string, strength: 2 });
    }
    if (unique.size > 0) this.learnTitleWords(domainTitles, unique);
    for (const d of domains) for (const w of words(d)) this.domainWords.set(w, { domain: d, strength: 3 });
    for (const entity of unique.values()) {
      const all = words(entity.name).filter((w) => w !== "&");
      const core = all.filter((w) => !generic.has(w) && !GLUE.has(w));
      const variants = [all];
      // The distinctive part alone ("acorn" for Acorn Guest House), when it is specific enough to trust.
      if (core.length > 0 && core.join("").length >= 4 && core.join(" ") !== all.join(" ")) variants.push(core);
      for (const tokens of variants) {
        if (tokens.length === 0) continue;
        const list = this.byFirst.get(tokens[0] as string) ?? [];
        list.push({ tokens, entity });
        this.byFirst.set(tokens[0] as string, list);
      }
    }
  }

  /**
   * Words that only one domain's questions use ("ticket", "station" for trains) point at that domain. Only
   * learnt when the articles name entities, where picking the wrong domain is the costly mistake.
   */
  private learnTitleWords(titles: readonly { domain: string; title: string }[], entities: ReadonlyMap<string, EntityInfo>): void {
    const names = new Set<string>();
    for (const e of entities.values()) for (const w of words(e.name)) names.add(w);
    const counts = new Map<string, Map<string, number>>();
    for (const { domain, title } of titles) {
      for (const w of new Set(words(title))) {
        if (w.length < 4 || names.has(w)) continue;
        const perDomain = counts.get(w) ?? new Map<string, number>();
        perDomain.set(domain, (perDomain.get(domain) ?? 0) + 1);
        counts.set(w, perDomain);
      }
    }
    for (const [w, perDomain] of counts) {
      if (perDomain.size !== 1) continue;
      const [domain, n] = [...perDomain.entries()][0] as [string, number];
      if (n >= 2 && !this.domainWords.has(w)) this.domainWords.set(w, { domain, strength: 1 });
    }
  }

  /** Mentions in one text; `base` offsets positions so later turns rank above earlier ones. */
  mentionsIn(text: string, base: number): Mention[] {
    const tokens = words(text.replace(/-/g, " "));
    const out: Mention[] = [];
    const covered = new Set<number>();
    for (let i = 0; i < tokens.length; i++) {
      let best: Pattern | undefined;
      for (const pattern of this.byFirst.get(tokens[i] as string) ?? []) {
        if (pattern.tokens.every((t, j) => tokens[i + j] === t) && (!best || pattern.tokens.length > best.tokens.length)) best = pattern;
      }
      if (best) {
        out.push({ kind: "entity", value: best.entity.name, domain: best.entity.domain, strength: 3, position: base + i });
        for (let j = 0; j < best.tokens.length; j++) covered.add(i + j);
      }
    }
    tokens.forEach((token, i) => {
      const word = this.domainWords.get(token);
      if (word && !covered.has(i)) out.push({ kind: "domain", value: word.domain, domain: word.domain, strength: word.strength, position: base + i });
    });
    return out;
  }

  /** What the question is about: its own mentions first, then the most recent ones in the conversation. */
  resolve(question: string, context: readonly string[]): EntityTarget {
    if (this.size === 0 && this.domainWords.size === 0) return {};
    const mentions: Mention[] = [];
    context.forEach((turn, i) => {
      mentions.push(...this.mentionsIn(turn, i * 10_000).filter((m) => m.strength >= MIN_CONTEXT_STRENGTH));
    });
    // In the question itself the clearest signal wins; in the conversation, the most recent one.
    const own = this.mentionsIn(question, 1e9).sort((a, b) => b.strength - a.strength || b.position - a.position);
    mentions.sort((a, b) => b.position - a.position);
    if (own[0]) mentions.unshift(own[0]);
    const latest = mentions[0];
    if (!latest) return {};
    if (latest.kind === "entity") return { entity: latest.value, domain: latest.domain };
    const sameDomain = mentions.find((m) => m.kind === "entity" && m.domain === latest.domain);
    return { entity: sameDomain?.value, domain: latest.domain };
  }
}
