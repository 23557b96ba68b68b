import { isDashText, normWord } from "./text-norm.js";
import { stem, stemsAgree } from "./stem.js";
import { FormMemo } from "./lexicon.js";
import { hasText, type Token } from "../stages/segment/tokens.js";

/**
 * Token patterns: the only pattern language of rule files. A pattern is a
 * space-separated list of elements, each matching exactly one token:
 *
 *   слово      the word in any inflected form (natural's Russian stemmer)
 *   =слово     exactly this word (lower case, ё = е)
 *   слов*      any word starting with "слов"
 *   a|b|c      any of the alternatives (each written as above);
 *              =a|b|c  exactly one of these words (a leading = applies to all)
 *   <num>      a run of digits or a number word; <year> a year 1900-2100; <month> a month name;
 *              <dash> a hyphen or dash; <word> any word
 *   , ( ) % .  that punctuation
 *   X?         X is optional
 *
 * There is no repetition operator, and a pattern has at most MAX_ELEMENTS
 * elements of which at most MAX_OPTIONAL are optional, so matching one
 * pattern at one position costs at most 2^MAX_OPTIONAL * MAX_ELEMENTS token
 * comparisons: no rule an analyst writes can make matching hang.
 */
export const MAX_ELEMENTS = 12;
export const MAX_OPTIONAL = 4;

export type Atom =
  | { kind: "stem"; word: string; stem: string }
  | { kind: "exact"; word: string }
  | { kind: "prefix"; prefix: string }
  | { kind: "class"; name: PatternClass }
  | { kind: "punct"; text: string };

export type PatternClass = "num" | "year" | "month" | "dash" | "word";
const CLASSES: PatternClass[] = ["num", "year", "month", "dash", "word"];

export interface Element {
  alternatives: Atom[];
  optional: boolean;
}

export interface Pattern {
  source: string;
  elements: Element[];
}

/** Context a pattern needs to match classes such as <month>. */
export interface PatternEnv {
  isMonth(norm: string): boolean;
  /** A cardinal number word ("восьми"): matched by <num> like digits. */
  isCardinal(norm: string): boolean;
}

export class PatternError extends Error {}

function parseAtom(raw: string): Atom {
  if (raw.startsWith("<") && raw.endsWith(">")) {
    const name = raw.slice(1, -1) as PatternClass;
    if (!CLASSES.includes(name)) throw new PatternError(`unknown class ${raw} (known: ${CLASSES.map((c) => `<${c}>`).join(", ")})`);
    return { kind: "class", name };
  }
  if (!/[\p{L}\p{N}]/u.test(raw)) return { kind: "punct", text: raw };
  if (raw.startsWith("=")) {
    const word = normWord(raw.slice(1));
    if (!word) throw new PatternError(`empty word in "${raw}"`);
    return { kind: "exact", word };
  }
  if (raw.endsWith("*")) {
    const prefix = normWord(raw.slice(0, -1));
    if (prefix.length < 2) throw new PatternError(`prefix "${raw}" is too short (at least 2 letters before *)`);
    if (prefix.includes("*")) throw new PatternError(`"*" may only end a word: "${raw}"`);
    return { kind: "prefix", prefix };
  }
  if (raw.includes("*")) throw new PatternError(`"*" may only end a word: "${raw}"`);
  const word = normWord(raw);
  return { kind: "stem", word, stem: stem(word) };
}

/** Parses a pattern; throws PatternError with a readable reason. */
export function parsePattern(source: string): Pattern {
  const parts = source.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) throw new PatternError("empty pattern");
  if (parts.length > MAX_ELEMENTS) throw new PatternError(`pattern has ${parts.length} elements; at most ${MAX_ELEMENTS}`);
  const elements: Element[] = parts.map((p) => {
    let optional = false;
    let body = p;
    if (body.length > 1 && body.endsWith("?")) {
      optional = true;
      body = body.slice(0, -1);
    }
    const allExact = body.startsWith("=");
    const alts = (allExact ? body.slice(1) : body).split("|");
    if (alts.some((a) => a === "" || a === "=")) throw new PatternError(`empty alternative in "${p}"`);
    const atoms = alts.map((a) => parseAtom(allExact && !a.startsWith("=") && !a.endsWith("*") && !a.startsWith("<") ? `=${a}` : a));
    return { alternatives: atoms, optional };
  });
  const optionalCount = elements.filter((e) => e.optional).length;
  if (optionalCount > MAX_OPTIONAL) throw new PatternError(`pattern has ${optionalCount} optional elements; at most ${MAX_OPTIONAL}`);
  if (elements.every((e) => e.optional)) throw new PatternError("every element is optional: the pattern would match nothing");
  return { source, elements };
}

/** Stems of word forms, each computed once and kept in the form's lexicon entry. */
const stems = new FormMemo((norm) => stem(norm));

/** A word token's stem. */
export function tokenStem(t: Token): string {
  return stems.get(t);
}

/** A number token that can be a year: four digits, 1900-2100. */
export function isYear(t: Token): boolean {
  if (t.kind !== "num" || t.text.length !== 4) return false;
  const y = Number(t.text);
  return y >= 1900 && y <= 2100;
}

function atomMatches(a: Atom, t: Token, env: PatternEnv): boolean {
  switch (a.kind) {
    case "punct":
      return t.kind === "punct" && hasText(t, a.text);
    case "exact":
      return t.norm === a.word;
    case "prefix":
      return t.kind === "word" && t.norm.startsWith(a.prefix);
    case "stem":
      return t.kind === "word" ? t.norm === a.word || stemsAgree(tokenStem(t), a.stem) : t.norm === a.word;
    case "class":
      switch (a.name) {
        case "num":
          return t.kind === "num" || (t.kind === "word" && env.isCardinal(t.norm));
        case "year":
          return isYear(t);
        case "month":
          return t.kind === "word" && env.isMonth(t.norm);
        case "dash":
          return t.kind === "punct" && isDashText(t.text);
        case "word":
          return t.kind === "word";
      }
  }
}

export interface PatternMatch {
  /** Token index of the first matched token. */
  from: number;
  /** Token index after the last matched token. */
  to: number;
}

/** Whether one element of a pattern matches one token. */
export function elementMatches(el: Element, t: Token, env: PatternEnv): boolean {
  const alts = el.alternatives;
  for (let k = 0; k < alts.length; k++) if (atomMatches(alts[k], t, env)) return true;
  return false;
}

/** The furthest token index at which elements [e..] can end when starting at token ti, or -1. */
function longest(els: Element[], e: number, tokens: Token[], ti: number, limit: number, env: PatternEnv): number {
  // required elements in a row need no backtracking
  while (e < els.length && !els[e].optional) {
    if (ti >= limit || !elementMatches(els[e], tokens[ti], env)) return -1;
    e++;
    ti++;
  }
  if (e === els.length) return ti;
  // an optional element: take it or leave it, keep the longer match. One call for both: a call
  // made only when the element is taken went unexecuted until some document took one, and the
  // optimized code of the pattern matchers was thrown away there.
  const canTake = ti < limit && elementMatches(els[e], tokens[ti], env);
  let best = -1;
  for (let k = canTake ? 1 : 0; k >= 0; k--) {
    const end = longest(els, e + 1, tokens, ti + k, limit, env);
    if (end > best) best = end;
  }
  return best;
}

/**
 * Matches the pattern at token `i` (anchored), not past token `limit`.
 * Returns the longest match.
 */
export function matchAt(p: Pattern, tokens: Token[], i: number, limit: number, env: PatternEnv): PatternMatch | null {
  const to = longest(p.elements, 0, tokens, i, limit, env);
  return to > i ? { from: i, to } : null;
}

/** All non-overlapping matches of any of the patterns in tokens [from, to), leftmost-longest. */
export function findAll<T extends { pattern: Pattern }>(
  rules: T[],
  tokens: Token[],
  from: number,
  to: number,
  env: PatternEnv,
): Array<{ rule: T; match: PatternMatch }> {
  const out: Array<{ rule: T; match: PatternMatch }> = [];
  let i = from;
  while (i < to) {
    let best: { rule: T; match: PatternMatch } | null = null;
    for (const r of rules) {
      const m = matchAt(r.pattern, tokens, i, to, env);
      if (m && (!best || m.to > best.match.to)) best = { rule: r, match: m };
    }
    if (best) {
      out.push(best);
      i = best.match.to;
    } else i++;
  }
  return out;
}
