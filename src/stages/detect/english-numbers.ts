import { createRequire } from "node:module";
import type { Stage } from "../../core/stage.js";
import { layer } from "../../core/annotated.js";
import type { CompiledRules } from "../../rules/compile.js";
import { parseNumber, type DigitGrouping, type NumberSyntax } from "../../numbers/parse.js";
import { fromNumber } from "../../numbers/exact.js";
import type { Token } from "../segment/tokens.js";
import { isCardinalWord } from "../../numbers/cardinal-words.js";
import { detectQuantities, type NumberReader } from "./quantities.js";

/**
 * Numbers as English writes them: "1,234.5" (comma between thousands, point
 * before decimals), "3.2 billion", "+8.3%", and number words ("three",
 * "two hundred"), whose values compromise reads. The rest of the quantity
 * (unit, range, qualifier, counted noun) is found as for Russian, from the
 * English rule files (rules/en/).
 */

/** What compromise gives for one number it found (`.numbers().json()`). */
interface CompromiseNumber {
  text: string;
  number?: { num?: number };
}
type Nlp = (text: string) => { numbers(): { json(): CompromiseNumber[] } };

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

/**
 * The numbers written in words, keyed by their first token: runs of words
 * that start with a cardinal ("two", "forty-two") and go on over cardinals,
 * the rules' `number_word_parts` ("hundred") and a joiner between a part and a
 * cardinal ("two hundred and fifty"), up to a scale word (read from the rules
 * afterwards, as after digits). compromise reads each run's value from the
 * run's text alone: given a whole article it took seconds (80 KB in 2.9 s);
 * a run takes a fraction of a millisecond.
 */
export function wordNumbers(text: string, tokens: Token[], rules: CompiledRules): Map<number, WordNumber> {
  const found = new Map<number, WordNumber>();
  const cardinal = (t: Token | undefined) => t !== undefined && t.kind === "word" && isCardinalWord(t.norm, rules.env.isCardinal);
  const parts = rules.numberWordParts;
  for (let i = 0; i < tokens.length; i++) {
    if (!cardinal(tokens[i])) continue;
    let to = i + 1;
    for (;;) {
      const t = tokens[to];
      if (t === undefined) break;
      if (cardinal(t) || (t.kind === "word" && parts.has(t.norm))) to++;
      // "two hundred and fifty" ("two and three" are two numbers)
      else if (rules.numberGrammar.joiners.has(t.norm) && parts.has(tokens[to - 1].norm) && cardinal(tokens[to + 1])) to += 2;
      else break;
    }
    const value = wordsValue(text.slice(tokens[i].start, tokens[to - 1].end));
    if (value !== null) found.set(i, { to, value });
    i = to - 1;
  }
  return found;
}

/** Values of number-word runs already read, by their text ("twenty-five" comes again and again): a pure function's memo, bounded. */
const read = new Map<string, number | null>();
const READ_LIMIT = 10_000;

/** The value compromise reads in a run of number words, or null. */
function wordsValue(words: string): number | null {
  const known = read.get(words);
  if (known !== undefined) return known;
  const v = compromise()(words).numbers().json()[0]?.number?.num;
  const value = typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : null;
  if (read.size >= READ_LIMIT) read.clear();
  read.set(words, value);
  return value;
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
