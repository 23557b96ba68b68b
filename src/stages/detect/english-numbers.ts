import { createRequire } from "node:module";
import type { Stage } from "../../core/stage.js";
import { layer } from "../../core/annotated.js";
import type { CompiledRules, Scale } from "../../rules/compile.js";
import type { ParsedNumber } from "../../numbers/parse.js";
import { scaleAt } from "../../numbers/parse.js";
import { add, fromNumber, mul, parseExact, type Exact } from "../../numbers/exact.js";
import type { Token } from "../segment/tokens.js";
import { detectQuantities, type NumberReader } from "./quantities.js";

/**
 * Numbers as English writes them: "1,234.5" (comma between thousands, point
 * before decimals), "3.2 billion", "+8.3%", and number words ("three",
 * "two hundred"), whose values compromise reads. The rest of the quantity
 * (unit, range, qualifier, counted noun) is found as for Russian, from the
 * English rule files (rules/en/).
 */

/** What compromise gives for one number it found (`.numbers().json({ offset: true })`). */
interface CompromiseNumber {
  text: string;
  offset: { start: number; length: number };
  number?: { num?: number };
}
type Nlp = (text: string) => { numbers(): { json(opts: { offset: true }): CompromiseNumber[] } };

let nlp: Nlp | null = null;

/** compromise, loaded when the first English document comes (Russian runs never load it). */
function compromise(): Nlp {
  nlp ??= createRequire(import.meta.url)("compromise") as Nlp;
  return nlp;
}

/** A number written in words, as compromise read it: tokens [from, to) and its value. */
interface WordNumber {
  to: number;
  value: number;
}

const SIGNS = new Map<string, 1 | -1>([
  ["+", 1],
  ["-", -1],
  ["−", -1],
]);

/** The first token starting at or after UTF-16 offset `at` (tokens are in text order). */
function tokenFrom(tokens: Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The numbers compromise finds written in words, keyed by their first token.
 * Its spans include punctuation around the words ("three,"), and its values
 * the scale words after them ("two hundred million"): each is cut to its
 * number words, the scale words are read from the rules as after digits.
 */
export function wordNumbers(text: string, tokens: Token[], rules: CompiledRules): Map<number, WordNumber> {
  const found = new Map<number, WordNumber>();
  for (const m of compromise()(text).numbers().json({ offset: true })) {
    const from = tokenFrom(tokens, m.offset.start);
    const end = m.offset.start + m.offset.length;
    let to = from;
    while (to < tokens.length && tokens[to].end <= end && tokens[to].kind === "word" && !rules.scales.has(tokens[to].norm) && !rules.scaleAbbreviations.has(tokens[to].norm)) to++;
    if (to === from) continue;
    // the value of the words alone (compromise's own, over just them)
    const words = text.slice(tokens[from].start, tokens[to - 1].end);
    const value = to === tokens.length || tokens[to].end > end || !(rules.scales.has(tokens[to].norm) || rules.scaleAbbreviations.has(tokens[to].norm)) ? m.number?.num : compromise()(words).numbers().json({ offset: true })[0]?.number?.num;
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) found.set(from, { to, value });
  }
  return found;
}

/** Digits at token i as English writes them: "838", "1,234,567", "8.3", "1,234.5". */
function englishDigits(tokens: Token[], i: number, limit: number): { to: number; value: Exact } | null {
  const t = tokens[i];
  if (!t || i >= limit || t.kind !== "num") return null;
  const prev = tokens[i - 1];
  // glued to a word or a name ("COVID-19", "Q3"), or the later part of a date or time ("10:30", "14.06.2024")
  if (prev && !t.spaceBefore && (prev.kind === "word" || prev.text === "/" || prev.text === ":" || prev.text === "." || (prev.text === "-" && tokens[i - 2]?.kind === "word" && !prev.spaceBefore))) return null;
  const glued = (k: number) => k < limit && tokens[k] !== undefined && !tokens[k].spaceBefore;
  let digits = t.text;
  let j = i + 1;
  // thousands groups: a comma, then exactly three digits
  while (glued(j) && tokens[j].text === "," && glued(j + 1) && tokens[j + 1].kind === "num" && tokens[j + 1].text.length === 3 && t.text.length <= 3) {
    digits += tokens[j + 1].text;
    j += 2;
  }
  if (glued(j) && tokens[j].text === "." && glued(j + 1) && tokens[j + 1].kind === "num") {
    // a date or a version ("14.06.2024", "1.2.3"): no number
    if (glued(j + 2) && (tokens[j + 2].text === "." || tokens[j + 2].text === ":") && glued(j + 3) && tokens[j + 3].kind === "num") return null;
    digits += "." + tokens[j + 1].text;
    j += 2;
  }
  if (glued(j) && (tokens[j].text === ":" || tokens[j].text === "/") && glued(j + 1) && tokens[j + 1].kind === "num") return null;
  return { to: j, value: parseExact(digits) };
}

/**
 * The English number reader (see `NumberReader`): digits or number words,
 * then scale words combining in decreasing order ("1 billion 200 million");
 * a vague word before a scale ("several million") is an unknown amount.
 */
export function englishNumberReader(words: Map<number, WordNumber>): NumberReader {
  return (tokens, i, limit, _text, rules) => {
    const first = tokens[i];
    if (!first || i >= limit) return null;
    const vague = rules.forms.numeral.get(first);
    if (vague?.kind === "vague") {
      const sc = scaleAt(tokens, i + 1, limit, rules);
      return sc ? { from: i, to: sc.to, value: null, kind: "vague", scales: [sc.scale], sign: 0, rules: [vague.id, sc.scale.id] } : null;
    }
    let from = i;
    let sign: 1 | -1 | 0 = 0;
    const prev = tokens[i - 1];
    const before = tokens[i - 2];
    if (prev && first.kind === "num" && !first.spaceBefore && SIGNS.has(prev.text) && (!before || prev.spaceBefore || before.text === "(")) {
      from = i - 1;
      sign = SIGNS.get(prev.text)!;
    }
    let total: Exact | null = null;
    let kind: ParsedNumber["kind"] = "digits";
    const scales: Scale[] = [];
    const used: string[] = [];
    let lastScale = Infinity;
    let j = i;
    while (j < limit) {
      const d = englishDigits(tokens, j, limit);
      const w = d ? null : words.get(j);
      if (!d && !w) break;
      if (w && j === i) kind = "words";
      const part = d ? d.value : fromNumber(w!.value);
      const partTo = d ? d.to : Math.min(w!.to, limit);
      used.push(d ? "numbers.digits" : "numbers.words");
      const sc = scaleAt(tokens, partTo, limit, rules);
      if (!sc || Number(sc.scale.value.n) >= lastScale) {
        // a plain number after a scaled part ("2 million 500") is not added
        if (!total) {
          total = part;
          j = partTo;
        }
        break;
      }
      lastScale = Number(sc.scale.value.n);
      const scaled = mul(part, sc.scale.value);
      total = total ? add(total, scaled) : scaled;
      scales.push(sc.scale);
      used.push(sc.scale.id);
      j = sc.to;
    }
    if (!total) return null;
    return { from, to: j, value: total, kind, scales, sign, rules: used };
  };
}

/** The `quantities` layer of an English document. */
export const englishQuantitiesStage: Stage = {
  name: "detect.quantities",
  requires: ["tokens", "sentences", "periods"],
  provides: ["quantities"],
  run(doc, rules) {
    detectQuantities(doc, rules, englishNumberReader(wordNumbers(doc.text, layer(doc, "tokens"), rules)));
  },
};
