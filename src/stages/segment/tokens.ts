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
}

// Words (letters with inner hyphens or apostrophes), digit runs, and any other
// single code point (the `u` flag keeps surrogate pairs together).
const TOKEN = /[\p{L}\p{M}]+(?:[-‐'’][\p{L}\p{M}]+)*|\d+|\S/gu;
const LETTER = /^[\p{L}\p{M}]/u;

/** Splits `text[from, to)` into tokens. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const re = new RegExp(TOKEN.source, "gu");
  re.lastIndex = from;
  const slice = to === text.length ? text : text.slice(0, to);
  let prevEnd = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    const start = m.index;
    const t = m[0];
    const end = start + t.length;
    let newlines = 0;
    for (let i = prevEnd; i < start; i++) if (slice.charCodeAt(i) === 10) newlines++;
    const c = t.charCodeAt(0);
    const kind: TokenKind = c >= 48 && c <= 57 ? "num" : LETTER.test(t) ? "word" : "punct";
    tokens.push({
      start,
      end,
      kind,
      text: t,
      norm: kind === "word" ? normWord(t) : t,
      spaceBefore: start > prevEnd,
      newlinesBefore: newlines,
    });
    prevEnd = end;
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
