import { normWord } from "../../rules/text-norm.js";

export type TokenKind = "word" | "num" | "punct";

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
  /** The word's stem, filled in when a rule first needs it (src/rules/pattern.ts). */
  stem?: string;
  /** The word form's lexicon entry: the patterns that can start here (src/rules/pattern-set.ts). */
  lex?: unknown[];
}

// Letters of the scripts press texts about Kazakhstan use: Latin (with
// extensions), Greek, Cyrillic (with Kazakh letters), combining marks.
const L = "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u0370-\\u03FF\\u0400-\\u052F\\u1E00-\\u1EFF";
// Words (letters with inner hyphens or apostrophes), digit runs, a surrogate
// pair (an emoji: never split), and any other single character. Explicit
// ranges instead of \p{L} keep this regex three times faster.
const TOKEN = new RegExp(`[${L}]+(?:[-‐'’][${L}]+)*|[0-9]+|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|\\S`, "g");
const LETTER = /^[\p{L}\p{M}]/u;

function kindOf(t: string): TokenKind {
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57) return "num";
  if (t.length > 1) return (c & 0xfc00) === 0xd800 ? (LETTER.test(t) ? "word" : "punct") : "word";
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122 ? "word" : "punct";
  if (c >= 0x400 && c <= 0x52f) return "word";
  return LETTER.test(t) ? "word" : "punct";
}

/** Splits `text[from, to)` into tokens. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const re = new RegExp(TOKEN.source, "g");
  re.lastIndex = from;
  let prevEnd = from;
  let nextNewline = text.indexOf("\n", from);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    if (start >= to) break;
    const t = m[0];
    let newlines = 0;
    // count the line breaks in the gap before this token
    while (nextNewline !== -1 && nextNewline < start) {
      newlines++;
      nextNewline = text.indexOf("\n", nextNewline + 1);
    }
    const kind = kindOf(t);
    tokens.push({
      start,
      end: start + t.length,
      kind,
      text: t,
      norm: kind === "word" ? normWord(t) : t,
      spaceBefore: start > prevEnd,
      newlinesBefore: newlines,
      // filled in later; present from the start so every token has one shape
      stem: undefined,
      lex: undefined,
    });
    prevEnd = start + t.length;
  }
  return tokens;
}

/** True when the token starts with an upper-case letter. */
export function isCapitalised(t: Token): boolean {
  return t.kind === "word" && t.text[0] !== t.norm[0];
}

/** Dash-like punctuation: hyphen-minus, en dash, em dash, minus sign, hyphen. */
export function isDash(t: Token): boolean {
  return t.kind === "punct" && "-–—−‐‑".includes(t.text);
}
