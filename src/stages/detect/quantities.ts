import { FormClass } from "../../rules/form-classes.js";
import type { Stage } from "../../core/stage.js";
import { layer, type AnnotatedDocument } from "../../core/annotated.js";
import type { CompiledRules, Seq, UnitRule } from "../../rules/compile.js";
import type { MentionType, Qualifier } from "../../core/record.js";
import type { Token } from "../segment/tokens.js";
import { hasText, isDash, tokenAt } from "../segment/tokens.js";
import type { Sentence } from "../segment/sentences.js";
import { abbreviationEnd, isCardinalSuffix, parseDigits, parseNumber, type ParsedNumber } from "../../numbers/parse.js";
import { fromNumber, mul, type Exact } from "../../numbers/exact.js";
import { matchAt } from "../../rules/pattern.js";
import { joinLists, patternSetOf } from "../../rules/pattern-set.js";
import type { Span } from "../../core/span.js";

/** A number with what it counts or measures: the `quantities` layer. Offsets UTF-16. */
export interface Quantity {
  /** The value span: the number with its scale and unit words ("3,2 трлн тенге", "в 5,6 раза"). */
  start: number;
  end: number;
  tokenFrom: number;
  tokenTo: number;
  sentence: number;
  type: MentionType;
  /** Null for vague amounts ("несколько миллионов долларов"). */
  amount: Exact | null;
  upper: Exact | null;
  /** Unit code (KZT, percent, times, t, place, count, ...) or null for a bare number. */
  unit: string | null;
  /** A time span ("трех лет"): never an indicator value. */
  duration: boolean;
  qualifier: Qualifier;
  qualifierSpan: Span | null;
  /** Explicit sign written before the number. */
  sign: 1 | -1 | 0;
  numberKind: ParsedNumber["kind"] | "ordinal" | "multiplier" | "fraction";
  /** The word right before the value that governs it ("на", "в", "до", "с", "от"), lower case. */
  preposition: string | null;
  hasScale: boolean;
  /** "с 27 до 20": the first is `from`, the second `to`. */
  transition: "from" | "to" | null;
  /**
   * The number follows a word that leads to a value (numerals.yaml,
   * `transitions.to`: "до", "to"): the level reached ("выросло до 54 тыс.",
   * "grew to 54,000"), the end of a transition, or an upper bound.
   */
  leadsTo: boolean;
  counted: { lemma: string; indicator: string; span: Span; rule: string } | null;
  rules: string[];
}

interface UnitMatch {
  unit: UnitRule;
  to: number;
  rule: string;
}

function seqAt(tokens: Token[], j: number, limit: number, seq: Seq): number {
  if (j + seq.length > limit) return -1;
  for (let k = 0; k < seq.length; k++) if (tokens[j + k].norm !== seq[k]) return -1;
  return j + seq.length;
}

const NO_UNITS: never[] = [];

/** The unit written at token j (after a number), longest first. */
function unitAt(tokens: Token[], j: number, limit: number, rules: CompiledRules): UnitMatch | null {
  // past the list's end is past the limit too: an array read outside it would throw the optimized code away
  const t = tokenAt(tokens, j);
  if (!t || j >= limit) return null;
  let best: UnitMatch | null = null;
  const consider = (unit: UnitRule, to: number) => {
    if (to > 0 && (!best || to > best.to)) best = { unit, to, rule: unit.id };
  };
  for (const u of rules.unitIndex.get(t.norm) ?? NO_UNITS) {
    // adjective + noun ("американских долларов")
    for (const b of u.before) {
      const e = seqAt(tokens, j, limit, b);
      if (e < 0) continue;
      for (const f of u.forms) consider(u, seqAt(tokens, e, limit, f));
      for (const a of u.abbreviations) {
        const ae = seqAt(tokens, e, limit, a);
        if (ae > 0) consider(u, abbreviationEnd(tokens, ae - 1, limit));
      }
    }
    if (u.requiresBefore) continue;
    for (const f of u.forms) consider(u, seqAt(tokens, j, limit, f));
    for (const s of u.symbols) consider(u, seqAt(tokens, j, limit, s));
    for (const a of u.abbreviations) {
      const ae = seqAt(tokens, j, limit, a);
      if (ae > 0) consider(u, abbreviationEnd(tokens, ae - 1, limit));
    }
  }
  const m = best as UnitMatch | null;
  if (m) {
    for (const a of m.unit.after) {
      const e = seqAt(tokens, m.to, limit, a);
      if (e > 0) m.to = e;
    }
  }
  return m;
}

/**
 * A money symbol or currency code standing before a number ("$3 млрд",
 * "US$ 1.2 billion", "KZT 950 billion"): a unit's `symbols` entry, the
 * longest; its unit and the token after it.
 */
function prefixSymbol(tokens: Token[], i: number, limit: number, rules: CompiledRules): { unit: UnitRule; to: number } | null {
  const t = tokens[i];
  if (t.kind === "num") return null;
  let best: { unit: UnitRule; to: number } | null = null;
  for (const u of rules.unitIndex.get(t.norm) ?? NO_UNITS) {
    if (u.type !== "money") continue;
    for (const s of u.symbols) {
      const to = seqAt(tokens, i, limit, s);
      if (to > i && (best === null || to > best.to)) best = { unit: u, to };
    }
  }
  return best;
}

function typeOf(u: UnitRule): MentionType {
  switch (u.type) {
    case "money":
      return "money";
    case "percent":
    case "pp":
      return "percent";
    case "ratio":
      return "ratio";
    case "rank":
      return "rank";
    default:
      return "quantity";
  }
}

const NO_QUALIFIERS: never[] = [];

/** The qualifier ending right before token `end` ("свыше", "не менее"), skipping one governing preposition (qualifiers.yaml: governing). */
function qualifierBefore(tokens: Token[], end: number, floor: number, rules: CompiledRules): { q: Qualifier; span: Span; rule: string; from: number } | null {
  for (let skip = 0; skip <= 1; skip++) {
    const e = end - skip;
    if (skip === 1 && !rules.qualifierGoverning.has(tokenAt(tokens, e)?.norm ?? "")) continue;
    // a qualifier ending at e ends with the word before e: only those are tried, longest first
    const last = tokens[e - 1];
    if (!last || e - 1 < floor) continue;
    for (const q of rules.qualifiersByLast.get(last.norm) ?? NO_QUALIFIERS) {
      const s = e - q.seq.length;
      if (s < floor) continue;
      if (seqAt(tokens, s, e, q.seq) === e) return { q: q.qualifier, span: { start: tokens[s].start, end: tokens[e - 1].end }, rule: q.id, from: s };
    }
  }
  return null;
}

const ADJECTIVE = /(ых|их|ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|юю|ыми|ими)$/;

/** A counted noun after a number ("67 проектов", "53 сельскохозяйственных кооператива"), skipping up to two adjectives. */
function countedAfter(tokens: Token[], j: number, limit: number, sentence: Sentence, rules: CompiledRules) {
  for (let skip = 0; skip <= 2; skip++) {
    const at = j + skip;
    if (at >= limit) break;
    if (skip > 0 && !(tokens[at - 1].kind === "word" && ADJECTIVE.test(tokens[at - 1].norm))) break;
    let best: { lemma: string; indicator: string; span: Span; rule: string; to: number } | null = null;
    for (const c of rules.sets.counted.candidates(tokens[at], rules.env)) {
      const m = matchAt(c.pattern, tokens, at, limit, rules.env);
      if (!m || (best && m.to <= best.to)) continue;
      if (c.requires.length && !c.requires.some((p) => anyMatch(p, tokens, sentence, rules))) continue;
      best = { lemma: c.lemma, indicator: c.indicator, span: { start: tokens[at].start, end: tokens[m.to - 1].end }, rule: c.id, to: m.to };
    }
    if (best) return { ...best, skipped: skip };
  }
  return null;
}

/** Whether the pattern matches anywhere in the sentence (a counted noun's `requires`). */
export function anyMatch(p: Parameters<typeof matchAt>[0], tokens: Token[], s: Sentence, rules: CompiledRules): boolean {
  for (let i = s.tokenFrom; i < s.tokenTo; i++) if (matchAt(p, tokens, i, s.tokenTo, rules.env)) return true;
  return false;
}

/** An ordinal at token i: "3-е", "5-й", "пятое". */
function ordinalAt(tokens: Token[], i: number, limit: number, rules: CompiledRules): { value: Exact; to: number; rule: string } | null {
  const t = tokens[i];
  if (t.kind === "num" && hasText(tokenAt(tokens, i + 1), "-") && !tokens[i + 1].spaceBefore && !tokenAt(tokens, i + 2)?.spaceBefore && i + 2 < limit) {
    const suffix = tokens[i + 2];
    if (suffix.kind === "word" && rules.ordinalSuffixes.has(suffix.norm) && !isCardinalSuffix(t.text, suffix.norm)) return { value: fromNumber(Number(t.text)), to: i + 3, rule: "numbers.ordinal_digits" };
  }
  // "3rd", "21st": the suffix right after the digits, where the language writes it so
  const glued = tokenAt(tokens, i + 1);
  if (t.kind === "num" && glued !== undefined && i + 1 < limit && !glued.spaceBefore && glued.kind === "word" && rules.gluedOrdinalSuffixes.has(glued.norm))
    return { value: fromNumber(Number(t.text)), to: i + 2, rule: "numbers.ordinal_digits" };
  const w = rules.forms.numeral.get(t);
  if (w?.kind === "ordinal" && w.value) return { value: w.value, to: i + 1, rule: w.id };
  return null;
}

function make(tokens: Token[], from: number, to: number, sentence: number, fields: Partial<Quantity> & Pick<Quantity, "type" | "amount" | "rules">): Quantity {
  return {
    start: tokens[from].start,
    end: tokens[to - 1].end,
    tokenFrom: from,
    tokenTo: to,
    sentence,
    upper: null,
    unit: null,
    duration: false,
    qualifier: "exact",
    qualifierSpan: null,
    sign: 0,
    numberKind: "digits",
    preposition: null,
    hasScale: false,
    transition: null,
    leadsTo: false,
    counted: null,
    ...fields,
  };
}

/**
 * Reads the number starting at token i (before `limit`), with its scale
 * words: how numbers are written is the language's (Russian: `parseNumber`,
 * "3,2 млрд"; English: src/stages/detect/english-numbers.ts, "3.2 billion").
 */
export type NumberReader = (tokens: Token[], i: number, limit: number, text: string, rules: CompiledRules) => ParsedNumber | null;

/** Finds the quantities of one sentence. `blocked[i]` marks tokens inside period expressions. */
export function findQuantities(text: string, tokens: Token[], s: Sentence, si: number, blocked: Uint8Array, rules: CompiledRules, readNumber: NumberReader = parseNumber): Quantity[] {
  const out: Quantity[] = [];
  const limit = s.tokenTo;
  let i = s.tokenFrom;
  while (i < limit) {
    // nothing below can start at a word that is no number, scale or symbol
    if (blocked[i] || !(tokens[i].classes & FormClass.quantityStart)) {
      i++;
      continue;
    }
    const t = tokens[i];
    // multiplicative words: "двукратный", "вдвое"; fractions: "трети"; ordinals before a rank noun
    if (t.kind === "word") {
      const w = rules.forms.numeral.get(t);
      if (w?.kind === "multiplier" && w.value) {
        const q = make(tokens, i, i + 1, si, { type: "ratio", amount: w.value, unit: "times", numberKind: "multiplier", rules: [w.id] });
        withQualifier(q, tokens, s, rules); // "почти вдвое"
        out.push(q);
        i++;
        continue;
      }
      // "во второй половине 1950-х", "в первой половине года": a part of a period, not a share
      // "во второй половине 1950-х", "в половине десятого", "два с половиной часа": part of a time or of a number, not a share
      const prevW = i > s.tokenFrom ? tokens[i - 1] : null;
      const nextW = i + 1 < limit ? tokens[i + 1] : null;
      const notShare =
        (prevW && (rules.forms.numeral.get(prevW)?.kind === "ordinal" || prevW.norm === "с")) || (nextW && rules.forms.numeral.get(nextW)?.kind === "ordinal");
      if (w?.kind === "fraction" && w.value && notShare) {
        i++;
        continue;
      }
      if (w?.kind === "fraction" && w.value) {
        // "две трети", "три четверти": a numerator before the fraction (read as a bare number just before)
        const prevQ = out[out.length - 1];
        const numerator = prevQ && prevQ.tokenTo === i && prevQ.tokenFrom === i - 1 && prevQ.type === "number" && prevQ.numberKind === "words" && prevQ.amount ? prevQ : null;
        if (numerator) out.pop();
        const value = numerator ? mul(numerator.amount!, w.value) : w.value;
        const q = make(tokens, numerator ? i - 1 : i, i + 1, si, { type: "ratio", amount: mul(value, fromNumber(100)), unit: "percent", numberKind: "fraction", rules: numerator ? [...numerator.rules, w.id] : [w.id] });
        withQualifier(q, tokens, s, rules);
        out.push(q);
        i++;
        continue;
      }
    }
    const ord = ordinalAt(tokens, i, limit, rules);
    if (ord && tokens[ord.to] && ord.to < limit && rules.measures.rankNouns.has(tokens[ord.to].norm)) {
      out.push(make(tokens, i, ord.to + 1, si, { type: "rank", amount: ord.value, unit: "place", numberKind: "ordinal", rules: [ord.rule, "units.place"] }));
      i = ord.to + 1;
      continue;
    }
    // "ranks first", "ranked 3rd": a rank verb right before the ordinal (measures.yaml: rank_verbs)
    if (ord && i > s.tokenFrom && rules.measures.rankVerbs.has(tokens[i - 1].norm)) {
      out.push(make(tokens, i, ord.to, si, { type: "rank", amount: ord.value, unit: "place", numberKind: "ordinal", rules: [ord.rule, "measures.rank_verb"] }));
      i = ord.to;
      continue;
    }
    if (ord && t.kind === "num" && ord.to === i + 3) {
      // "3-й" without a rank noun: an ordinal, not a quantity
      i = ord.to;
      continue;
    }
    const prefix = prefixSymbol(tokens, i, limit, rules);
    const numAt = prefix ? prefix.to : i;
    const num = numAt < limit && !blocked[numAt] ? readNumber(tokens, numAt, limit, text, rules) : null;
    if (!num || (t.kind === "word" && rules.forms.numeral.get(t)?.kind === "ordinal")) {
      i++;
      continue;
    }
    const q = quantityFrom(text, tokens, s, si, i, prefix?.unit ?? null, num, blocked, rules, out, readNumber);
    i = Math.max(q ? q.tokenTo : num.to, i + 1);
  }
  return out;
}

function quantityFrom(
  text: string,
  tokens: Token[],
  s: Sentence,
  si: number,
  i: number,
  symbol: UnitRule | null,
  num: ParsedNumber,
  blocked: Uint8Array,
  rules: CompiledRules,
  out: Quantity[],
  readNumber: NumberReader,
): Quantity | null {
  const limit = s.tokenTo;
  let from = symbol ? i : num.from;
  const start = from;
  let to = num.to;
  let amount = num.value;
  let upper: Exact | null = null;
  const used = [...num.rules];
  let transitionFirst: Quantity | null = null;
  // the word that governs the number stands before its qualifier where the language puts one between
  // ("by nearly 5%"), and before a filler ("by only 0.4%")
  const qual = qualifierBefore(tokens, from, s.tokenFrom, rules);
  let governs = qual !== null && qual.span.end === tokens[from - 1].end ? qual.from - 1 : from - 1;
  if (governs > s.tokenFrom && rules.numberFillers.has(tokens[governs].norm)) governs--;
  const prep = tokens[governs]?.norm ?? null;

  // ranges: "50–70 млн", "от 2 до 3 млрд"; transitions: "с 27 до 20" (numerals.yaml: ranges, transitions)
  const grammar = rules.numberGrammar;
  const opens = prep !== null && grammar.rangeOpen.has(prep);
  const fromWord = prep !== null && grammar.transitionFrom.has(prep);
  const dash = tokens[to];
  const dashed = dash !== undefined && isDash(dash);
  const rangeTo = dash !== undefined && opens && grammar.rangeTo.has(dash.norm);
  const transitionTo = dash !== undefined && fromWord && grammar.transitionTo.has(dash.norm);
  let second: ParsedNumber | null = null;
  if (to < limit && (dashed ? !fromWord : rangeTo || transitionTo) && !blocked[to + 1]) {
    second = readNumber(tokens, to + 1, limit, text, rules);
    if (second && second.sign) second = null;
  }
  const applyScales = (a: Exact | null, n: ParsedNumber, other: ParsedNumber): Exact | null => {
    // "50–70 млн": the first number takes the scale of the second
    if (!a || n.scales.length || !other.scales.length) return a;
    return mul(a, other.scales[other.scales.length - 1].value);
  };
  if (second && transitionTo) {
    // a transition: two values
    const firstAmount = applyScales(amount, num, second);
    transitionFirst = make(tokens, from, to, si, { type: "number", amount: firstAmount, rules: used.slice(), numberKind: num.kind, sign: num.sign, preposition: prep, hasScale: num.scales.length > 0, transition: "from" });
    from = second.from;
    to = second.to;
    amount = second.value;
    used.splice(0, used.length, ...second.rules);
    num = { ...second };
  } else if (second) {
    amount = applyScales(amount, num, second);
    upper = second.value;
    to = second.to;
    used.push("numbers.range");
    // "от 2 до 3 млрд": the range's opening word belongs to it
    if (opens && !symbol) from -= 1;
  }

  // the unit
  let unit: UnitRule | null = symbol;
  let unitTo = to;
  if (!unit) {
    // "70-процентное", "20-долларовой": a unit adjective glued by a hyphen
    const glued = tokens[to]?.text === "-" && !tokens[to].spaceBefore && !tokens[to + 1]?.spaceBefore;
    const m = unitAt(tokens, glued ? to + 1 : to, limit, rules);
    if (m) {
      unit = m.unit;
      unitTo = m.to;
    } else {
      // a money symbol after the number: "5 ₸"
      const sym = tokens[to] && to < limit ? prefixSymbol(tokens, to, limit, rules) : null;
      if (sym) {
        unit = sym.unit;
        unitTo = sym.to;
      }
    }
  } else {
    // "$3 млрд долларов" never happens; an ISO code after is allowed to repeat nothing
  }
  if (unit?.requiresPreposition.length) {
    const p = tokens[from - 1];
    if (p && unit.requiresPreposition.includes(p.norm)) from -= 1;
    else {
      unit = null;
      unitTo = to;
    }
  }
  const q = make(tokens, from, unit ? unitTo : to, si, {
    type: unit ? typeOf(unit) : "number",
    amount,
    upper,
    unit: unit ? unit.code : null,
    duration: unit?.type === "duration",
    sign: num.sign,
    numberKind: num.kind,
    // the governing word found above, unless the span now starts elsewhere (a transition's second value, a unit's preposition)
    preposition: (upper && opens) || from === start ? prep : (tokens[from - 1]?.norm ?? null),
    hasScale: num.scales.length > 0,
    rules: unit ? [...used, unit.id] : used,
  });
  if (unit?.type === "pp") q.unit = "pp";
  if (!unit) {
    const c = countedAfter(tokens, to, limit, s, rules);
    if (c) {
      q.type = "count";
      q.unit = "count";
      q.counted = { lemma: c.lemma, indicator: c.indicator, span: c.span, rule: c.rule };
      q.rules.push(c.rule);
      // the counted noun right after the number belongs to the value ("67 проектов")
      if (c.skipped === 0) {
        q.tokenTo = c.to;
        q.end = tokens[c.to - 1].end;
      }
    }
  }
  // "3,2 и 2,8 млн кв. м": a bare number joined by "и"/"или" to the next takes its scale and unit
  const before = out[out.length - 1];
  if (!transitionFirst && !upper && q.unit && before && before.tokenTo === from - 1 && grammar.joiners.has(tokens[from - 1].norm) && before.type === "number" && !before.hasScale && before.numberKind === "digits" && before.amount && !before.upper) {
    if (num.scales.length) before.amount = mul(before.amount, num.scales[num.scales.length - 1].value);
    before.type = q.type;
    before.unit = q.unit;
    before.counted = q.counted;
    before.duration = q.duration;
    before.hasScale = num.scales.length > 0;
    before.rules.push("numbers.shared_unit");
    // and the preposition governing both: "на 5 и 7%" is "на 5%" and "на 7%"
    q.preposition = before.preposition;
  }
  q.leadsTo = q.preposition !== null && grammar.transitionTo.has(q.preposition);
  if (transitionFirst) {
    transitionFirst.type = q.type;
    transitionFirst.unit = q.unit;
    transitionFirst.counted = q.counted;
    q.transition = "to";
    q.preposition = dash.norm;
    q.leadsTo = true;
    withQualifier(transitionFirst, tokens, s, rules);
    out.push(transitionFirst);
  } else withQualifier(q, tokens, s, rules);
  out.push(q);
  return q;
}

/** Whether `o` is a bare number joined by "и"/"или" to the next number `q`, sharing its unit ("5 и 7%", "3,2 и 2,8 млн кв. м"). */
export function joinedTo(o: Quantity, q: Quantity): boolean {
  return o.tokenTo === q.tokenFrom - 1 && o.rules.includes("numbers.shared_unit");
}

function withQualifier(q: Quantity, tokens: Token[], s: Sentence, rules: CompiledRules): void {
  const qual = qualifierBefore(tokens, q.tokenFrom, s.tokenFrom, rules);
  if (qual) {
    q.qualifier = qual.q;
    q.qualifierSpan = qual.span;
    q.rules.push(qual.rule);
  } else if (q.preposition !== null && rules.upperBound.has(q.preposition) && q.transition === null && q.type !== "rank" && !changedTo(q, tokens, s, rules)) {
    q.qualifier = "under";
    q.rules.push("qualifiers.up_to");
  }
}

/**
 * "снизилась до 4,7%", "увеличилось на 3,2% до 2,1 млн голов": after a change
 * word of its clause, "до" gives the level reached, not an upper bound.
 */
function changedTo(q: Quantity, tokens: Token[], s: Sentence, rules: CompiledRules): boolean {
  const m = rules.measures;
  const end = q.tokenFrom - 1; // the "до"
  for (let k = end - 1; k >= Math.max(s.tokenFrom, end - 8); k--) {
    const t = tokens[k];
    // a clause boundary: a comma with a space after it (not the comma of "3,2"), unless right before "до" ("вырос на 5%, до 2 млрд")
    if ((t.text === "," || t.text === ";" || t.text === ":") && tokenAt(tokens, k + 1)?.spaceBefore && k + 1 < end) return false;
    if (t.kind !== "word") continue;
    if (patternSetOf(joinLists(m.changeUp, m.changeDown)).candidates(t, rules.env).some((p) => matchAt(p.pattern, tokens, k, end, rules.env))) return true;
  }
  return false;
}

/** A scaled number with no unit and no noun after it ("… и 75 млн.", "316 млн (около …)"; units.yaml: ellipsis_followers). */
function isElliptical(q: Quantity, tokens: Token[], s: Sentence, rules: CompiledRules): boolean {
  if (q.type !== "number" || !q.hasScale || q.amount === null) return false;
  const next = tokens[q.tokenTo];
  return !next || q.tokenTo >= s.tokenTo || next.kind !== "word" || rules.ellipsisFollowers.has(next.norm);
}

export const quantitiesStage: Stage = {
  name: "detect.quantities",
  requires: ["tokens", "sentences", "periods"],
  provides: ["quantities"],
  run(doc, rules) {
    detectQuantities(doc, rules, parseNumber);
  },
};

/** Sets the document's `quantities` layer: the numbers `readNumber` reads, outside period expressions, with their units. */
export function detectQuantities(doc: AnnotatedDocument, rules: CompiledRules, readNumber: NumberReader): void {
  const tokens = layer(doc, "tokens");
  const blocked = new Uint8Array(tokens.length);
  for (const p of layer(doc, "periods")) for (let k = p.tokenFrom; k < p.tokenTo; k++) blocked[k] = 1;
  const out: Quantity[] = [];
  const sentences = layer(doc, "sentences");
  let lastMoney: { unit: string; paragraph: number } | null = null;
  sentences.forEach((s, si) => {
    if (s.chrome || !s.anchored) return;
    for (const q of findQuantities(doc.text, tokens, s, si, blocked, rules, readNumber)) {
      if (q.type === "money" && q.unit) lastMoney = { unit: q.unit, paragraph: s.paragraph };
      else if (lastMoney && lastMoney.paragraph === s.paragraph && isElliptical(q, tokens, s, rules)) {
        // "в 3 млрд и 75 млн": the currency named just before goes on
        q.type = "money";
        q.unit = lastMoney.unit;
        q.rules.push("units.currency_ellipsis");
      }
      out.push(q);
    }
  });
  doc.layers.quantities = out;
}

export { parseDigits };
