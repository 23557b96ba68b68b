import type { Token } from "../stages/segment/tokens.js";
import type { CompiledRules, Scale } from "../rules/compile.js";
import { add, mul, parseExact, type Exact } from "./exact.js";

/** A number read from tokens [from, to): digits or words, with any scale words, exactly. */
export interface ParsedNumber {
  from: number;
  to: number;
  value: Exact | null;
  kind: "digits" | "words" | "vague";
  /** The scale words applied, in order ("трлн", then "млрд"). */
  scales: Scale[];
  /** Explicit sign written before the digits ("+8,3%", "−5,6%"). */
  sign: 1 | -1 | 0;
  rules: string[];
}

const GLUED = new Set(["%", "/", "=", "&", "#", "_", ".", "@", "\\"]);
const GROUP_GAP = /^[ \u00a0\u202f\u2009]$/;
const SIGNS = new Map([
  ["+", 1],
  ["-", -1],
  ["−", -1],
  ["–", -1],
]);

/** A number's digits as a language groups them, from token i: the digit string ("1234.5"), where they end, and the rule. */
export type DigitGrouping = (tokens: Token[], i: number, limit: number, text: string, rules: CompiledRules) => { digits: string; to: number; rule: string };

/** How a language writes numbers: how digits are grouped, and number words (see `parseNumber`). */
export interface NumberSyntax {
  grouping: DigitGrouping;
  words: (tokens: Token[], i: number, limit: number, rules: CompiledRules) => { to: number; value: Exact; rules: string[] } | null;
}

/**
 * Digits at token i, grouped as `grouping` says, with a sign glued before
 * them. Not digits of a name ("COVID-19"), an identifier ("id=42") or a date
 * or time ("14.06.2024", "10:30"), in any language.
 */
export function readDigits(tokens: Token[], i: number, limit: number, text: string, rules: CompiledRules, grouping: DigitGrouping): { to: number; value: Exact; sign: 1 | -1 | 0; from: number; rule: string } | null {
  const t = tokens[i];
  if (!t || i >= limit || t.kind !== "num") return null;
  // a number glued to a name by a hyphen ("COVID-19", "Ту-154") is part of the name
  const prev = tokens[i - 1];
  if (prev && !t.spaceBefore && prev.text === "-" && !prev.spaceBefore && tokens[i - 2]?.kind === "word") return null;
  // digits glued to letters or URL punctuation are part of an identifier ("D0%BE", "id=42", "/2024/"),
  // but for a currency code written before the number ("KZT1.2 trillion": a money unit's symbol)
  if (prev && !t.spaceBefore && ((prev.kind === "word" && !rules.moneySymbols.has(prev.norm)) || GLUED.has(prev.text))) return null;
  // the minutes of a time, the later parts of a date: "10:30", "14.06.2024" (the number before is glued too)
  if (prev && !t.spaceBefore && (prev.text === ":" || prev.text === ".") && !prev.spaceBefore && tokens[i - 2]?.kind === "num") return null;
  // dates and times: 14.06.2024, 10:30
  const n1 = tokens[i + 1];
  const n2 = tokens[i + 2];
  if (n1 && n2 && !n1.spaceBefore && !n2.spaceBefore && n2.kind === "num" && (n1.text === ":" || (n1.text === "." && tokens[i + 3]?.text === "." && !tokens[i + 3].spaceBefore))) return null;
  const { digits, to, rule } = grouping(tokens, i, limit, text, rules);
  // a sign glued to the number, not the dash of a range
  let sign: 1 | -1 | 0 = 0;
  let from = i;
  const s = tokens[i - 1];
  if (s && SIGNS.has(s.text) && !t.spaceBefore) {
    const before = tokens[i - 2];
    const free = !before || s.spaceBefore || before.text === "(" || before.text === "[";
    if (free && before?.kind !== "num" && !(before && !s.spaceBefore && before.kind === "word")) {
      sign = SIGNS.get(s.text) as 1 | -1;
      from = i - 1;
    }
  }
  let value = parseExact(digits);
  if (sign === -1) value = { n: -value.n, d: value.d };
  return { from, to, value, sign, rule };
}

/** Russian digits: thousands groups ("19 506"), decimal comma or point ("1,234"; "88, 5" before a unit), a case ending ("5-ти"). */
const russianGrouping: DigitGrouping = (tokens, i, limit, text, rules) => {
  const t = tokens[i];
  let digits = t.text;
  let j = i + 1;
  let rule = "numbers.digits";
  if (t.text.length <= 3) {
    while (
      j < limit &&
      tokens[j].kind === "num" &&
      tokens[j].text.length === 3 &&
      GROUP_GAP.test(text.slice(tokens[j - 1].end, tokens[j].start)) &&
      !(tokens[j + 1] && tokens[j + 1].text === "," && !tokens[j + 1].spaceBefore && tokens[j + 2]?.kind === "num" && !tokens[j + 2].spaceBefore && tokens[j + 2].text.length === 3)
    ) {
      digits += tokens[j].text;
      j++;
      rule = "numbers.digit_groups";
    }
  }
  // decimal part
  const sep = tokens[j];
  const frac = tokens[j + 1];
  if (j + 1 < limit && sep && frac && (sep.text === "," || sep.text === ".") && !sep.spaceBefore && frac.kind === "num") {
    if (!frac.spaceBefore) {
      digits += "." + frac.text;
      j += 2;
    } else if (sep.text === "," && frac.text.length <= 2 && digits.length <= 3 && frac.start - sep.end === 1 && unitOrScaleAt(tokens, j + 2, rules)) {
      // "88, 5%": a stray space after the decimal comma, before a unit or scale
      digits += "." + frac.text;
      j += 2;
      rule = "numbers.stray_space_decimal";
    }
  }
  // a case ending glued by a hyphen belongs to the number: "5-ти млрд", "30-ти проектов", "2-х тысяч"
  const hy = tokens[j];
  const suffix = tokens[j + 1];
  if (j + 1 < limit && hy?.text === "-" && !hy.spaceBefore && suffix?.kind === "word" && !suffix.spaceBefore && !digits.includes(".") && isCardinalSuffix(digits, suffix.norm)) {
    j += 2;
    rule = "numbers.case_suffix";
  }
  return { digits, to: j, rule };
};

/** Digits at token i as Russian writes them (`russianGrouping`), with a sign. */
export function parseDigits(tokens: Token[], i: number, limit: number, text: string, rules: CompiledRules): { to: number; value: Exact; sign: 1 | -1 | 0; from: number; rule: string } | null {
  return readDigits(tokens, i, limit, text, rules, russianGrouping);
}

const TWO_TO_FOUR = /^[234]$/;
const PLURAL_ENDING = /(ы|и|ов|ам|ами|ах)$/;
const CARDINAL_SUFFIXES = new Set(["ти", "ми", "ух", "ех", "мя"]);

/** "5-ти", "2-х", "3-ех": the case ending of a cardinal written in digits ("2-х" only for 2-4: "5-х" is an ordinal). */
export function isCardinalSuffix(digits: string, suffix: string): boolean {
  return CARDINAL_SUFFIXES.has(suffix) || (suffix === "х" && TWO_TO_FOUR.test(digits));
}

function unitOrScaleAt(tokens: Token[], j: number, rules: CompiledRules): boolean {
  const t = tokens[j];
  if (!t) return false;
  return t.text === "%" || rules.scales.has(t.norm) || rules.scaleAbbreviations.has(t.norm) || rules.unitIndex.has(t.norm);
}

/** Cardinal words at token i: "сорок пять", "сто двадцать три", "полтора". */
function parseWords(tokens: Token[], i: number, limit: number, rules: CompiledRules): { to: number; value: Exact; rules: string[] } | null {
  let j = i;
  let value: Exact | null = null;
  let lastMagnitude = Infinity;
  const used: string[] = [];
  while (j < limit) {
    const w = rules.forms.numeral.get(tokens[j]);
    if (!w || w.kind !== "cardinal" || !w.value) break;
    const v = Number(w.value.n) / Number(w.value.d);
    const magnitude = v >= 100 ? 100 : v >= 20 ? 10 : 1;
    // words combine from larger to smaller place values: "сто двадцать три", not "два три"
    if (value && (magnitude >= lastMagnitude || (magnitude === 1 && lastMagnitude === 10 && v >= 10))) break;
    value = value ? add(value, w.value) : w.value;
    lastMagnitude = v >= 10 && v < 20 ? 1 : magnitude;
    used.push(w.id);
    j++;
  }
  return value ? { to: j, value, rules: used } : null;
}

/** The scale word at token j ("млрд", "миллиона"), with the abbreviation dot if one follows inside the sentence. */
export function scaleAt(tokens: Token[], j: number, limit: number, rules: CompiledRules): { scale: Scale; to: number } | null {
  const t = tokens[j];
  if (!t || j >= limit || t.kind !== "word") return null;
  const full = rules.scales.get(t.norm);
  if (full) return { scale: full, to: j + 1 };
  const abbr = rules.scaleAbbreviations.get(t.norm);
  if (!abbr) return null;
  return { scale: abbr, to: abbreviationEnd(tokens, j, limit) };
}

/** After an abbreviation at j: include a glued dot unless it ends the sentence. */
export function abbreviationEnd(tokens: Token[], j: number, limit: number): number {
  const dot = tokens[j + 1];
  return dot && dot.text === "." && !dot.spaceBefore && j + 2 < limit ? j + 2 : j + 1;
}

/** Numbers as Russian writes them: "1 234,5", "5-ти", "сорок пять". */
const RUSSIAN: NumberSyntax = { grouping: russianGrouping, words: parseWords };

/**
 * A number with its scales at token i: digits or words, then scale words,
 * combining in decreasing order ("три триллиона 100 миллиардов"). A scale
 * word alone is one of it ("миллион долларов") in the singular, an unknown
 * number in the plural ("миллионы долларов"); a vague word ("несколько")
 * before a scale gives an unknown number.
 */
export function parseNumber(tokens: Token[], i: number, limit: number, text: string, rules: CompiledRules, syntax: NumberSyntax = RUSSIAN): ParsedNumber | null {
  const first = tokens[i];
  if (!first) return null;
  const vague = rules.forms.numeral.get(first);
  if (vague?.kind === "vague") {
    const sc = scaleAt(tokens, i + 1, limit, rules);
    if (!sc) return null;
    return { from: i, to: sc.to, value: null, kind: "vague", scales: [sc.scale], sign: 0, rules: [vague.id, sc.scale.id] };
  }
  let total: Exact | null = null;
  let from = i;
  let j = i;
  let kind: ParsedNumber["kind"] = "digits";
  let sign: 1 | -1 | 0 = 0;
  const scales: Scale[] = [];
  const used: string[] = [];
  let lastScale = Infinity;
  while (j < limit) {
    let part: Exact | null = null;
    let partTo = j;
    const d = readDigits(tokens, j, limit, text, rules, syntax.grouping);
    if (d) {
      if (j === i) {
        from = d.from;
        sign = d.sign;
      } else if (d.sign) break;
      part = d.value;
      partTo = d.to;
      used.push(d.rule);
    } else {
      const w = syntax.words(tokens, j, limit, rules);
      if (w) {
        if (j === i) kind = "words";
        part = w.value;
        partTo = w.to;
        used.push(...w.rules);
      }
    }
    // "два с половиной миллиарда", "3 с половиной тысячи": a half more
    if (part && tokens[partTo]?.norm === "с" && partTo + 1 < limit && tokens[partTo + 1].norm === "половиной") {
      part = add(part, { n: 1n, d: 2n });
      partTo += 2;
      used.push("numbers.and_a_half");
    }
    const sc = scaleAt(tokens, part ? partTo : j, limit, rules);
    if (!part && !sc) break;
    if (!part && sc) {
      // a bare scale word: only at the start
      if (j !== i) break;
      // "тысяч", "миллионов": plural; "млрд" alone, with no number before it, cannot be read either
      const abbreviation = !rules.scales.has(tokens[j].norm);
      const plural = PLURAL_ENDING.test(tokens[j].norm) || tokens[j].norm === "тысяч";
      if (plural || abbreviation) return { from: i, to: sc.to, value: null, kind: "vague", scales: [sc.scale], sign: 0, rules: [sc.scale.id] };
      kind = "words";
      part = { n: 1n, d: 1n };
    }
    if (!sc) {
      // a trailing plain number after a scaled part ("2 миллиона 500") is not added
      if (total) break;
      total = part;
      j = partTo;
      break;
    }
    const scaleValue = Number(sc.scale.value.n);
    if (scaleValue >= lastScale) break;
    lastScale = scaleValue;
    const scaled = mul(part as Exact, sc.scale.value);
    total = total ? add(total, scaled) : scaled;
    scales.push(sc.scale);
    used.push(sc.scale.id);
    j = sc.to;
    // continue only with another number followed by a smaller scale
    const nextD = readDigits(tokens, j, limit, text, rules, syntax.grouping);
    const nextW = nextD ? null : syntax.words(tokens, j, limit, rules);
    const nextTo = nextD?.to ?? nextW?.to;
    if (nextTo === undefined || nextD?.sign) break;
    const nextScale = scaleAt(tokens, nextTo, limit, rules);
    if (!nextScale || Number(nextScale.scale.value.n) >= lastScale) break;
  }
  if (!total) return null;
  return { from, to: j, value: total, kind, scales, sign, rules: used };
}
