import { tokenAt, type Token } from "../segment/tokens.js";
import type { Sentence } from "../segment/sentences.js";

/** A clause of a sentence: tokens [from, to). */
export interface Clause {
  from: number;
  to: number;
}

const BOUNDARY = new Set([",", ";", ":"]);

/**
 * Splits a sentence at commas, semicolons and colons: the unit in which a
 * number's measure words and indicator cue are looked for first. A comma
 * inside a number ("1,5") is not a boundary (it has no space after it).
 */
export function clausesOf(tokens: Token[], s: Sentence): Clause[] {
  const out: Clause[] = [];
  let from = s.tokenFrom;
  for (let i = s.tokenFrom; i < s.tokenTo; i++) {
    const t = tokens[i];
    if (!BOUNDARY.has(t.text)) continue;
    const next = tokenAt(tokens, i + 1);
    if (t.text === "," && next && !next.spaceBefore && next.kind === "num") continue;
    if (i > from) out.push({ from, to: i + 1 });
    from = i + 1;
  }
  if (from < s.tokenTo) out.push({ from, to: s.tokenTo });
  return out;
}

export function clauseIndexOf(clauses: Clause[], tokenIndex: number): number {
  for (let k = 0; k < clauses.length; k++) if (tokenIndex >= clauses[k].from && tokenIndex < clauses[k].to) return k;
  return clauses.length - 1;
}
