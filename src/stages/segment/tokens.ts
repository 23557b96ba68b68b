import { isDashText } from "../../rules/text-norm.js";
import { formAt, HASH_SEED, mix, type TokenKind } from "./word-forms.js";
import type { LexiconEntry } from "../../rules/lexicon.js";
import { isSpace } from "../../core/whitespace.js";
import { UNCLASSIFIED, type FormClassifier } from "../../rules/form-classes.js";

export type { TokenKind } from "./word-forms.js";

/** A token of the source text. Offsets are UTF-16, into the immutable document text. */
export interface Token {
  start: number;
  end: number;
  kind: TokenKind;
  /** The source text of the token, exactly. */
  text: string;
  /** Lower case, ё folded: what rules match against. */
  norm: string;
  /** Whitespace between the previous token and this one. */
  spaceBefore: boolean;
  /** Number of line breaks in that whitespace. */
  newlinesBefore: number;
  /** The word form's lexicon entry: what rule lookups found for it (src/rules/lexicon.ts). */
  lex?: LexiconEntry;
  /** What rules can start here (bits of FormClass, src/rules/form-classes.ts); UNCLASSIFIED (all bits) when tokenized without rules. */
  classes: number;
}

// What a token is, as a regular expression (the specification the scanner
// below implements, and tests check it against): a word is letters of the
// scripts press texts about Kazakhstan use (Latin with extensions, Greek,
// Cyrillic with Kazakh letters, combining marks) with inner hyphens or
// apostrophes; then digit runs, a surrogate pair (an emoji: never split), and
// any other single non-space character.
//   [L]+(?:[-‐'’][L]+)* | [0-9]+ | [\uD800-\uDBFF][\uDC00-\uDFFF] | \S
// with L = A-Za-z À-Ö Ø-ö ø-ɏ U+0300-U+052F U+1E00-U+1EFF.

/** The class L below U+0530, by code unit (1: a letter). */
const LETTERS_BELOW_0530 = (() => {
  const t = new Uint8Array(0x530);
  const mark = (from: number, to: number) => t.fill(1, from, to + 1);
  mark(0x41, 0x5a);
  mark(0x61, 0x7a);
  mark(0xc0, 0xd6);
  mark(0xd8, 0xf6);
  mark(0xf8, 0x24f);
  mark(0x300, 0x52f);
  return t;
})();

/**
 * A letter of a word (the class L above): one table read below U+0530. A
 * chain of range comparisons instead left the branches of rare letters (a
 * "é" inside a word) unexecuted until some document had one, and the
 * tokenizer's optimized code was thrown away there.
 */
function isLetter(c: number): boolean {
  return c < 0x530 ? LETTERS_BELOW_0530[c] === 1 : c >= 0x1e00 && c <= 0x1eff;
}

/** Inner joiners of a word: hyphen-minus, hyphen, apostrophe, right single quote. */
function isJoiner(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 39 || c === 0x2019;
}

/** The code units of the text being tokenized: reused, grown to the longest text seen. */
let unitBytes = Buffer.alloc(1 << 15);
let unitArray = new Uint16Array(unitBytes.buffer, unitBytes.byteOffset, unitBytes.length >> 1);
/** True while a tokenize call reads the reused array (a call inside it, were there one, gets its own). */
let unitsInUse = false;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The text's UTF-16 code units in a typed array (valid up to `text.length`).
 * Copied in one go (a two-byte string is written out as it is stored): the
 * scanner then reads array elements, which optimized code loads directly,
 * where each `charCodeAt` first asks how the string is stored. `shared`: into
 * the reused array (the next text overwrites it), else into a new one.
 */
function codeUnits(text: string, shared: boolean): Uint16Array {
  if (!shared || text.length > unitArray.length) {
    const bytes = Buffer.alloc(2 ** Math.ceil(Math.log2(Math.max(text.length, 16) * 2)));
    const array = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1);
    if (!shared) return fill(bytes, array, text);
    unitBytes = bytes;
    unitArray = array;
  }
  return fill(unitBytes, unitArray, text);
}

function fill(bytes: Buffer, array: Uint16Array, text: string): Uint16Array {
  if (LITTLE_ENDIAN) bytes.write(text, 0, text.length * 2, "utf16le");
  else for (let k = 0; k < text.length; k++) array[k] = text.charCodeAt(k);
  return array;
}

/**
 * Splits `text[from, to)` into tokens (a token starting before `to` is kept
 * whole). One pass over the characters: each token's form is found in the
 * interned table by a hash computed on the way (src/stages/segment/word-forms.ts).
 * With a classifier (the rule set's), each token carries its form's lexical classes.
 */
export function tokenize(text: string, from = 0, to = text.length, classifier?: FormClassifier): Token[] {
  // the reused array, unless a call is already reading it; given back even when a classifier throws
  const shared = !unitsInUse;
  unitsInUse = true;
  try {
    return scan(text, codeUnits(text, shared), from, to, classifier);
  } finally {
    if (shared) unitsInUse = false;
  }
}

/** The tokens of `text[from, to)`, read from `units`, its code units. */
function scan(text: string, units: Uint16Array, from: number, to: number, classifier: FormClassifier | undefined): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = from;
  let space = false;
  let newlines = 0;
  while (i < to) {
    const c = units[i];
    if (isSpace(c)) {
      space = true;
      if (c === 10) newlines++;
      i++;
      continue;
    }
    let j = i + 1;
    let h = mix(HASH_SEED, c);
    if (isLetter(c)) {
      while (j < n) {
        const e = units[j];
        // an inner hyphen or apostrophe with a letter after it goes on the word. One path for
        // both: a branch of its own could go unexecuted until the first hyphenated word and
        // throw the optimized code away there. The letter after a word is read at every
        // word's end, so its test has run long before the first joiner comes.
        if (!isLetter(e) && !(isLetter(j + 1 < n ? units[j + 1] : 0) && isJoiner(e))) break;
        h = mix(h, e);
        j++;
      }
    } else if (c >= 48 && c <= 57) {
      while (j < n) {
        const e = units[j];
        if (e < 48 || e > 57) break;
        h = mix(h, e);
        j++;
      }
    } else if ((c & 0xfc00) === 0xd800 && j < n && (units[j] & 0xfc00) === 0xdc00) {
      h = mix(h, units[j]);
      j++;
    }
    const form = formAt(text, units, i, j, h);
    const token: Token = {
      start: i,
      end: j,
      kind: form.kind,
      text: form.text,
      norm: form.norm,
      spaceBefore: space,
      newlinesBefore: newlines,
      lex: form.lex,
      classes: UNCLASSIFIED,
    };
    // always through classesOf (which keeps a form's classes): a branch reading them here would go
    // unexecuted while every form is new, and the optimized code would be thrown away at the first known one
    if (classifier !== undefined) token.classes = classifier.classesOf(form, token);
    tokens.push(token);
    space = false;
    newlines = 0;
    i = j;
  }
  return tokens;
}

/**
 * The token at `k`, or undefined past either end. For reads that may fall
 * outside the list ("the token after this one"): V8 compiles an array read
 * for indices inside it, and throws that code away at the first outside one.
 */
export function tokenAt(tokens: Token[], k: number): Token | undefined {
  return k >= 0 && k < tokens.length ? tokens[k] : undefined;
}

/**
 * Whether there is a token and its text is `text`, compared code unit by code
 * unit. `===` on strings is compiled for the kinds of string it has met: where
 * it met only one-byte characters ("-", "."), which V8 keeps unique, the first
 * "–" or "№" (two bytes, not unique) threw the optimized code away.
 */
export function hasText(t: Token | undefined, text: string): boolean {
  if (t === undefined) return false;
  const s = t.text;
  if (s.length !== text.length) return false;
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) !== text.charCodeAt(k)) return false;
  return true;
}

/** True when the token starts with an upper-case letter. */
export function isCapitalised(t: Token): boolean {
  // code units, not one-character strings (each of which would be a new string for a Cyrillic letter)
  return t.kind === "word" && t.text.charCodeAt(0) !== t.norm.charCodeAt(0);
}

/** Dash-like punctuation (DASHES in src/rules/text-norm.ts). */
export function isDash(t: Token): boolean {
  return t.kind === "punct" && isDashText(t.text);
}
