import { MIN_PREFIX_STEM } from "./stem.js";
import { elementMatches, isYear, matchAt, type Atom, type Element, type Pattern, type PatternEnv } from "./pattern.js";
import type { Token } from "../stages/segment/tokens.js";
import { lexiconEntry, takeLexiconSlot } from "./lexicon.js";
import { DASHES } from "./text-norm.js";

/**
 * A list of patterns indexed by what their first token can be, so that at
 * each position of a text only the patterns that can start there are tried.
 * Order is kept: candidates come back in the order of the list.
 */
export class PatternSet<T extends { pattern: Pattern }> {
  /**
   * Patterns by what their first token is keyed by: the whole word (exact
   * words, punctuation, a stem's own word), the first 2-4 letters (prefix
   * patterns, by length), the first MIN_PREFIX_STEM letters of a long stem,
   * or a whole short stem ("нн" read as "н" in stems).
   */
  private readonly exact = new Map<string, number[]>();
  private readonly prefixes: Array<Map<string, number[]>> = Array.from({ length: PREFIX_KEY + 1 }, () => new Map());
  private readonly longStems = new Map<string, number[]>();
  private readonly shortStems = new Map<string, number[]>();
  /** Patterns whose first token can be any word or number (e.g. <word>, <num>): tried everywhere they can apply. */
  private readonly anyWord: number[] = [];
  private readonly anyNum: number[] = [];
  /** Patterns starting with <year>: tried only at numbers that can be years. */
  private readonly years: number[] = [];
  private readonly months: number[] = [];
  private readonly cardinals: number[] = [];

  constructor(readonly items: T[]) {
    items.forEach((item, i) => {
      for (const atom of firstAtoms(item.pattern)) this.add(atom, i);
    });
  }

  /** The first two letters (or the one letter) of every key, as numbers (`headCode`): most words start with none of them. */
  private readonly heads = new Set<number>();
  /** The first three letters of every key of three letters or more, hashed (`head3`). */
  private readonly heads3 = new Set<number>();
  /** The keys of two letters (`headCode`). */
  private readonly twoLetterKeys = new Set<number>();

  private key(map: Map<string, number[]>, text: string, i: number) {
    this.heads.add(headCode(text, Math.min(2, text.length)));
    if (text.length === 2) this.twoLetterKeys.add(headCode(text, 2));
    if (text.length >= 3) this.heads3.add(head3(text));
    const list = map.get(text);
    if (!list) map.set(text, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  }

  private add(a: Atom, i: number) {
    switch (a.kind) {
      case "exact":
        this.key(this.exact, a.word, i);
        break;
      case "punct":
        this.key(this.exact, a.text, i);
        break;
      case "prefix": {
        // by up to its first four letters: "прошл*" is not tried at every word in "пр"
        const n = Math.min(a.prefix.length, PREFIX_KEY);
        this.key(this.prefixes[n], a.prefix.slice(0, n), i);
        break;
      }
      case "stem": {
        this.key(this.exact, a.word, i);
        const k = undouble(a.stem);
        if (a.stem.length >= MIN_PREFIX_STEM) this.key(this.longStems, k.slice(0, MIN_PREFIX_STEM), i);
        else this.key(this.shortStems, k, i);
        break;
      }
      case "class":
        if (a.name === "word") this.anyWord.push(i);
        else if (a.name === "num") {
          this.anyNum.push(i);
          this.cardinals.push(i);
        } else if (a.name === "year") this.years.push(i);
        else if (a.name === "month") this.months.push(i);
        else for (const d of DASHES) this.key(this.exact, d, i);
        break;
    }
  }

  /**
   * Every candidate list is an array of objects (V8's PACKED_ELEMENTS), this
   * empty one too: lists of mixed kinds (an empty literal is an array of small
   * integers, `map` may make a holey one) made the code reading them throw
   * its optimized form away as each new kind came along.
   */
  private static readonly NONE: never[] = emptyObjectArray();
  /** This set's place in every lexicon entry. */
  private readonly slot = takeLexiconSlot();

  /**
   * The items whose pattern may start at this token, in list order.
   * Candidates depend only on the token's normal form, so they are kept in the
   * form's lexicon entry, which the token holds: one lookup per token, shared
   * by every pattern set.
   */
  candidates(t: Token, env: PatternEnv): T[] {
    if ((t.classes & this.gate) !== this.gate) return PatternSet.NONE;
    return this.lookup(t, env);
  }

  /** Only tokens having this lexical class bit can start a pattern (0: any token). */
  private gate = 0;

  /**
   * Makes `candidates` answer from the token's lexical classes alone when it
   * lacks `bit`: the rule compiler sets the bit on exactly the forms where
   * `canStartAt` is true (src/rules/form-classes.ts).
   */
  gateBy(bit: number): this {
    this.gate = bit;
    return this;
  }

  /** The candidates, by the token's lexicon entry (the gate not asked). */
  private lookup(t: Token, env: PatternEnv): T[] {
    const entry = (t.lex ??= lexiconEntry(t.norm));
    const hit = entry[this.slot] as T[] | undefined;
    if (hit) return hit;
    const found = this.compute(t, env);
    entry[this.slot] = found;
    return found;
  }

  /**
   * Whether some pattern may start at this token: false for sure when none
   * can (the token's first letters start no key and no class pattern
   * applies), else the candidates say.
   */
  canStartAt(t: Token, env: PatternEnv): boolean {
    const n = t.norm;
    const classOnly =
      (t.kind === "word" && (this.anyWord.length > 0 || (this.months.length > 0 && env.isMonth(n)) || (this.cardinals.length > 0 && env.isCardinal(n)))) ||
      (t.kind === "num" && (this.anyNum.length > 0 || (this.years.length > 0 && isYear(t))));
    if (!classOnly && !this.mayHaveKey(n)) return false;
    return this.lookup(t, env).length > 0;
  }

  /**
   * False when no key can be one of the word's index keys. Every index key of
   * a word starts the word ("нн" read as "н" for stems): a key of one or two
   * letters is the word's first one or two, and a longer key has the word's
   * first two letters in `heads` and its first three in `heads3`.
   */
  private mayHaveKey(n: string): boolean {
    const heads = this.heads;
    if (n.length === 0) return false;
    if (heads.has(headCode(n, 1))) return true;
    if (n.length >= 2) {
      const two = headCode(n, 2);
      if (heads.has(two) && (this.twoLetterKeys.has(two) || (n.length >= 3 && this.heads3.has(head3(n))))) return true;
    }
    // the undoubled form differs in its first three letters only for a word with "нн" at its start or after one letter
    const nn = n.indexOf("нн");
    return nn >= 0 && nn <= 1 && this.mayHaveKey(undouble(n));
  }

  private compute(t: Token, env: PatternEnv): T[] {
    const idx: number[] = [];
    const take = (list: number[] | undefined) => {
      if (list) for (const i of list) idx.push(i);
    };
    if (this.mayHaveKey(t.norm)) this.takeKeyed(t, take);
    if (t.kind === "word") {
      take(this.anyWord);
      if (this.months.length && env.isMonth(t.norm)) take(this.months);
      if (this.cardinals.length && env.isCardinal(t.norm)) take(this.cardinals);
    } else if (t.kind === "num") {
      take(this.anyNum);
      if (this.years.length && isYear(t)) take(this.years);
    }
    if (idx.length === 0) return PatternSet.NONE;
    if (idx.length === 1) return [this.items[idx[0]]];
    const list: T[] = [];
    for (const i of [...new Set(idx)].sort((a, b) => a - b)) list.push(this.items[i]);
    return list;
  }

  /**
   * The keyed patterns that can start at this form: under the word itself,
   * its first 2-4 letters (prefix patterns), and its first letters as a stem
   * would start (stem patterns). A stem is a prefix of its word once "нн" is
   * read as "н" (the stemmer undoubles it), so the word's own prefixes find
   * the stem patterns without stemming every token.
   */
  private takeKeyed(t: Token, take: (list: number[] | undefined) => void): void {
    const n = t.norm;
    take(this.exact.get(n));
    if (t.kind !== "word") return;
    for (let k = 2; k <= PREFIX_KEY && k <= n.length; k++) if (this.prefixes[k].size) take(this.prefixes[k].get(n.slice(0, k)));
    const u = n.includes("нн") ? undouble(n) : n;
    if (this.longStems.size) take(this.longStems.get(u.slice(0, MIN_PREFIX_STEM)));
    if (this.shortStems.size) for (let k = 1; k < MIN_PREFIX_STEM && k <= u.length; k++) take(this.shortStems.get(u.slice(0, k)));
  }
}

/** An empty array whose elements kind is that of an array of objects (an empty literal's is small integers'). */
function emptyObjectArray(): never[] {
  const a: unknown[] = [null];
  a.pop();
  return a as never[];
}

/** The first `n` (1 or 2) UTF-16 units of `s` as one number; one-letter and two-letter heads never share a number. */
function headCode(s: string, n: number): number {
  return n === 1 ? s.charCodeAt(0) : 0x10000 * (s.charCodeAt(0) + 1) + s.charCodeAt(1);
}

/**
 * A word's first three UTF-16 units hashed (FNV-1a steps, as `mix` in
 * src/stages/segment/word-forms.ts) into a small integer, so that sets hold it
 * unboxed: equal heads give equal numbers (unequal ones may too, which only
 * lets a word through to the full lookup). Written out rather than calling
 * `mix`: sharing the tokenizer's hot function cost 0.9 G instructions a run (callgrind).
 */
function head3(s: string): number {
  return (Math.imul(Math.imul(s.charCodeAt(0), 0x01000193) ^ s.charCodeAt(1), 0x01000193) ^ s.charCodeAt(2)) & 0x3fffffff;
}

/** Prefix patterns are indexed by this many of their first letters at most. */
const PREFIX_KEY = 4;

/** Atoms that can match a pattern's first token: every leading optional element's, and the first required one's. */
function firstAtoms(p: Pattern): Atom[] {
  const out: Atom[] = [];
  for (const el of p.elements) {
    out.push(...el.alternatives);
    if (!el.optional) break;
  }
  return out;
}

function undouble(s: string): string {
  return s.replace(/нн/g, "н");
}


/**
 * How rare a pattern element is likely to be in text: the element a pattern
 * is best found by. A month name is rarer than a year, a year than a word of
 * three letters or more, and such a word than any number (one token in ten of
 * news text is a number); punctuation and short words are the commonest.
 */
function rarity(el: Element): number {
  if (el.optional) return -1;
  let worst = 5;
  for (const a of el.alternatives) {
    let score = 0;
    if (a.kind === "class") score = a.name === "month" ? 5 : a.name === "year" ? 4 : a.name === "num" ? 1.5 : 0;
    else if (a.kind !== "punct") {
      const n = (a.kind === "prefix" ? a.prefix : a.word).length;
      score = n >= 4 ? 2 : n === 3 ? 1.8 : 0.5;
    }
    worst = Math.min(worst, score);
  }
  return worst;
}

/** A pattern found by one of its required elements: where that element stands in the pattern. */
export interface Anchored<T> {
  item: T;
  /** Required elements before the anchor: the fewest tokens a match has before it. */
  minBefore: number;
  /** All elements before the anchor: the most tokens a match has before it. */
  maxBefore: number;
  /** Place in the list: the tie-break between equally long matches. */
  order: number;
  /**
   * The elements right before and right after the anchor when they are
   * required (null otherwise): where the anchor stands at token i, they can
   * only be at tokens i - 1 and i + 1 (each element is one token), so one
   * comparison each rules out most places a year or a month could anchor.
   */
  prev: Element | null;
  next: Element | null;
}

/**
 * Patterns indexed by their rarest required element (a number, a month, a
 * long word) rather than their first: a text is then searched only around the
 * tokens that element can match, not at every token. Finds exactly the
 * matches a scan of every position would.
 */
export class AnchoredPatternSet<T extends { pattern: Pattern }> {
  private readonly set: PatternSet<{ pattern: Pattern; anchored: Anchored<T> }>;
  private readonly size: number;

  constructor(items: T[]) {
    this.size = items.length;
    this.set = new PatternSet(
      items.map((item, order) => {
        const els = item.pattern.elements;
        let at = 0;
        for (let e = 1; e < els.length; e++) if (rarity(els[e]) > rarity(els[at])) at = e;
        const before = els.slice(0, at);
        const required = (e: Element | undefined) => (e && !e.optional ? e : null);
        return {
          pattern: { source: item.pattern.source, elements: [els[at]] },
          anchored: { item, minBefore: before.filter((e) => !e.optional).length, maxBefore: before.length, order, prev: required(els[at - 1]), next: required(els[at + 1]) },
        };
      }),
    );
  }

  /** Whether the anchor element of some pattern can match this token. */
  canAnchorAt(t: Token, env: PatternEnv): boolean {
    return this.set.canStartAt(t, env);
  }

  /**
   * Every match of any pattern in tokens [from, to), as {from, to, item, order}, sorted by start, longest first, then list order.
   * With `gate`, only tokens having that lexical class bit are tried as anchors (src/rules/form-classes.ts).
   */
  matches(tokens: Token[], from: number, to: number, env: PatternEnv, gate = 0): Array<{ from: number; to: number; item: T; order: number }> {
    const out: Array<{ from: number; to: number; item: T; order: number }> = [];
    // a match found from two anchors is kept once (made on the first match: most sentences have none)
    let seen: Set<number> | null = null;
    for (let i = from; i < to; i++) {
      if (gate && !(tokens[i].classes & gate)) continue;
      for (const c of this.set.candidates(tokens[i], env)) {
        const a = c.anchored;
        // a match with its anchor here has these neighbours; one anchored elsewhere is found from there
        if (a.next !== null && (i + 1 >= to || !elementMatches(a.next, tokens[i + 1], env))) continue;
        if (a.prev !== null && (i - 1 < from || !elementMatches(a.prev, tokens[i - 1], env))) continue;
        for (let start = Math.max(from, i - a.maxBefore); start <= i - a.minBefore; start++) {
          const m = matchAt(a.item.pattern, tokens, start, to, env);
          if (!m) continue;
          const order = a.order;
          const key = start * this.size + order;
          seen ??= new Set<number>();
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ from: start, to: m.to, item: a.item, order });
        }
      }
    }
    return out.length > 1 ? out.sort((x, y) => x.from - y.from || y.to - x.to || x.order - y.order) : out;
  }
}

const setsOfLists = new WeakMap<object, PatternSet<{ pattern: Pattern }>>();

/** The PatternSet of a list of patterns, built once per list (the list must not change afterwards). */
export function patternSetOf<T extends { pattern: Pattern }>(items: T[]): PatternSet<T> {
  let set = setsOfLists.get(items) as PatternSet<T> | undefined;
  if (!set) {
    set = new PatternSet(items);
    setsOfLists.set(items, set as PatternSet<{ pattern: Pattern }>);
  }
  return set;
}

const joined = new WeakMap<object, WeakMap<object, unknown[]>>();

/** The concatenation of lists, the same array each time for the same lists (so patternSetOf can keep its set). */
export function joinLists<T>(first: T[], ...rest: T[][]): T[] {
  return rest.reduce(joinTwo, first);
}

function joinTwo<T>(a: T[], b: T[]): T[] {
  let byB = joined.get(a);
  if (!byB) joined.set(a, (byB = new WeakMap()));
  let both = byB.get(b) as T[] | undefined;
  if (!both) byB.set(b, (both = [...a, ...b]));
  return both;
}
