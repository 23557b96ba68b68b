import { createRequire } from "node:module";
import type { Stage } from "../../core/stage.js";
import { layer } from "../../core/annotated.js";
import type { CompiledRules } from "../../rules/compile.js";
import { parseNumber, type DigitGrouping, type NumberSyntax } from "../../numbers/parse.js";
import { fromNumber } from "../../numbers/exact.js";
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
  const isScale = (t: Token) => rules.scales.has(t.norm) || rules.scaleAbbreviations.has(t.norm);
  for (const m of compromise()(text).numbers().json({ offset: true })) {
    const from = tokenFrom(tokens, m.offset.start);
    const end = m.offset.start + m.offset.length;
    let to = from;
    while (to < tokens.length && tokens[to].end <= end && tokens[to].kind === "word" && !isScale(tokens[to])) to++;
    if (to === from) continue;
    // with a scale word inside its span, compromise's value includes it: the words alone are read again
    const scaled = to < tokens.length && tokens[to].end <= end;
    const value = scaled ? compromise()(text.slice(tokens[from].start, tokens[to - 1].end)).numbers().json({ offset: true })[0]?.number?.num : m.number?.num;
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) found.set(from, { to, value });
  }
  return found;
}

/** English digits: "838", "1,234,567" (a comma before each group of three), "8.3", "1,234.5" (a point before decimals). */
const englishGrouping: DigitGrouping = (tokens, i, limit) => {
  const glued = (k: number) => k < limit && tokens[k] !== undefined && !tokens[k].spaceBefore;
  const t = tokens[i];
  let digits = t.text;
  let j = i + 1;
  let rule = "numbers.digits";
  while (t.text.length <= 3 && glued(j) && tokens[j].text === "," && glued(j + 1) && tokens[j + 1].kind === "num" && tokens[j + 1].text.length === 3) {
    digits += tokens[j + 1].text;
    j += 2;
    rule = "numbers.digit_groups";
  }
  if (glued(j) && tokens[j].text === "." && glued(j + 1) && tokens[j + 1].kind === "num") {
    digits += "." + tokens[j + 1].text;
    j += 2;
  }
  return { digits, to: j, rule };
};

/**
 * The English number reader (see `NumberReader`): `parseNumber` with English
 * digits and the number words compromise found in the document (`words`).
 */
export function englishNumberReader(words: Map<number, WordNumber>): NumberReader {
  const syntax: NumberSyntax = {
    grouping: englishGrouping,
    words: (_tokens, i, limit) => {
      const w = words.get(i);
      return w && w.to <= limit ? { to: w.to, value: fromNumber(w.value), rules: ["numbers.words"] } : null;
    },
  };
  return (tokens, i, limit, text, rules) => parseNumber(tokens, i, limit, text, rules, syntax);
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
