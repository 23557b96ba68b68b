import type { CompiledRules, NamedPattern } from "../../rules/compile.js";
import { matchAt } from "../../rules/pattern.js";
import { joinLists, patternSetOf } from "../../rules/pattern-set.js";
import { isDash, type Token } from "../segment/tokens.js";
import { joinedTo, type Quantity } from "../detect/quantities.js";
import type { Clause } from "./clauses.js";
import type { Measure } from "../../core/record.js";

export interface MeasureResult {
  measure: Measure;
  direction: "up" | "down" | null;
  base: string | null;
  rules: string[];
}

/** The last match of any pattern starting in tokens [from, to), as [token index, rule id]. */
export function lastMatch(patterns: NamedPattern[], tokens: Token[], from: number, to: number, rules: CompiledRules, limit = to): { at: number; end: number; id: string } | null {
  // only the patterns that can start at a token are tried there (in list order)
  const set = patternSetOf(patterns);
  for (let i = to - 1; i >= from; i--)
    for (const p of set.candidates(tokens[i], rules.env)) {
      const m = matchAt(p.pattern, tokens, i, limit, rules.env);
      if (m) return { at: i, end: m.to, id: p.id };
    }
  return null;
}

export function firstMatch(patterns: NamedPattern[], tokens: Token[], from: number, to: number, rules: CompiledRules): { at: number; end: number; id: string } | null {
  const set = patternSetOf(patterns);
  for (let i = from; i < to; i++)
    for (const p of set.candidates(tokens[i], rules.env)) {
      const m = matchAt(p.pattern, tokens, i, to, rules.env);
      if (m) return { at: i, end: m.to, id: p.id };
    }
  return null;
}

/**
 * What the number says about its indicator (rules/measures.yaml): rank,
 * change (signed, multiple, "на N%" after a change word, "на N% больше",
 * "рост составил N%"), share, or level. `others` are the sentence's other
 * quantities: a change word that belongs to an earlier number does not make
 * this one a change.
 */
/** Whether a change preposition governs the number ("на 5%", "by 5%"; measures.yaml: change_prepositions). */
export function changedBy(q: Quantity, rules: CompiledRules): boolean {
  return q.preposition !== null && rules.measures.changePrepositions.has(q.preposition);
}

export function measureOf(q: Quantity, tokens: Token[], clause: Clause, others: Quantity[], rules: CompiledRules): MeasureResult {
  const m = rules.measures;
  const used: string[] = [];
  const base = baseOf(tokens, clause, rules);
  if (q.unit === "place") return { measure: "rank", direction: null, base: null, rules: ["measures.rank"] };
  // the nearest change word before the number, not separated from it by another number (one joined
  // to it, "на 5 и 7%", does not separate: the change word is both numbers')
  const prevQ = others.filter((o) => o.tokenTo <= q.tokenFrom && o.tokenFrom >= clause.from && !joinedTo(o, q)).pop();
  const from = prevQ ? prevQ.tokenTo : clause.from;
  const up = lastMatch(m.changeUp, tokens, from, q.tokenFrom, rules);
  const down = lastMatch(m.changeDown, tokens, from, q.tokenFrom, rules);
  const dirWord = up && down ? (up.at > down.at ? up : down) : up ?? down;
  const direction: "up" | "down" | null = dirWord ? (dirWord === down ? "down" : "up") : null;
  if (dirWord) used.push(dirWord.id);

  if (q.numberKind === "fraction") return { measure: "share", direction: null, base: null, rules: ["measures.fraction_share"] };
  if (q.unit === "times") {
    const after = firstMatch(joinLists(m.changeUp, m.changeDown), tokens, q.tokenTo, Math.min(q.tokenTo + 2, clause.to), rules);
    const dir = direction ?? (after ? (m.changeDown.some((p) => p.id === after.id) ? "down" : "up") : "up");
    return { measure: "change", direction: dir, base, rules: [...used, "measures.multiple"] };
  }
  if (q.sign !== 0) return { measure: "change", direction: q.sign > 0 ? "up" : "down", base, rules: ["measures.signed"] };

  // "на 6,3% больше": a comparative right after
  const cmpUp = firstMatch(m.comparativeUp, tokens, q.tokenTo, Math.min(q.tokenTo + 2, clause.to), rules);
  const cmpDown = firstMatch(m.comparativeDown, tokens, q.tokenTo, Math.min(q.tokenTo + 2, clause.to), rules);
  const changeBy = changedBy(q, rules);
  // "12% higher than": where the language needs no preposition, a comparative right after the number
  const alone = m.comparativeAlone && (cmpUp?.at === q.tokenTo || cmpDown?.at === q.tokenTo);
  if ((cmpUp || cmpDown) && (changeBy || alone)) {
    return { measure: "change", direction: cmpDown ? "down" : "up", base, rules: [(cmpDown ?? cmpUp)!.id] };
  }

  const share = lastMatch(m.share, tokens, clause.from, q.tokenFrom, rules);
  if (share && (q.type === "percent" || q.type === "ratio")) return { measure: "share", direction: null, base: null, rules: [share.id] };

  const isPercentIndex = (q.unit === "percent" && q.amount && q.amount.n >= 100n * q.amount.d) === true;
  // "exports rose 12%": where the language writes no preposition, a change verb right before the number
  const verbAlone = dirWord !== null && dirWord.end === q.tokenFrom && m.changeVerbsAlone.has(tokens[q.tokenFrom - 1].norm);
  if (dirWord && (changeBy || verbAlone)) {
    if (isPercentIndex) return { measure: "level", direction: null, base: null, rules: [...used, "measures.index_as_growth"] };
    return { measure: "change", direction, base, rules: [...used, changeBy ? "measures.change_by" : "measures.change_verb"] };
  }
  // "рост составил 7%": a change noun asserted of this number
  const noun = lastMatch(m.changeNouns, tokens, from, q.tokenFrom, rules);
  const verb = tokens[q.tokenFrom - 1];
  const verb2 = tokens[q.tokenFrom - 2];
  // "рост – 8,1%", "прирост: 5%": the change noun stands right before the number, or before a dash or colon
  const nounRightBefore = noun !== null && (noun.end === q.tokenFrom || (noun.end === q.tokenFrom - 1 && (isDash(verb) || verb.text === ":")));
  const asserted = (verb && m.asserting.has(verb.norm)) || (verb2 && m.asserting.has(verb2.norm) && q.qualifier !== "exact") || nounRightBefore;
  if (noun && asserted && (q.type === "percent" || q.type === "money" || q.type === "quantity")) {
    if (isPercentIndex) return { measure: "level", direction: null, base: null, rules: [noun.id, "measures.index_as_growth"] };
    const nounDir = m.changeDown.some((p) => matchAt(p.pattern, tokens, noun.at, noun.end, rules.env)) ? "down" : "up";
    return { measure: "change", direction: nounDir, base, rules: [noun.id, "measures.change_asserted"] };
  }
  // "68% экспорта", "40% валового регионального продукта": a percentage of a whole
  if (q.type === "percent" && q.unit === "percent") {
    const after = firstMatch(m.shareAfter, tokens, q.tokenTo, Math.min(q.tokenTo + 1, clause.to), rules);
    if (after) return { measure: "share", direction: null, base: null, rules: [after.id] };
  }
  return { measure: "level", direction: null, base: null, rules: [] };
}

function baseOf(tokens: Token[], clause: Clause, rules: CompiledRules): string | null {
  // the first base in list order that matches anywhere in the clause
  const set = patternSetOf(rules.measures.bases);
  let best: { order: number; base: string } | null = null;
  for (let i = clause.from; i < clause.to; i++)
    for (const b of set.candidates(tokens[i], rules.env)) {
      const order = rules.measures.bases.indexOf(b);
      if (best && order >= best.order) break;
      if (matchAt(b.pattern, tokens, i, clause.to, rules.env)) best = { order, base: b.base };
    }
  return best?.base ?? null;
}
