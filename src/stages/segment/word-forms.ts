import { normWord } from "../../rules/text-norm.js";
import { lexiconEntry, type LexiconEntry } from "../../rules/lexicon.js";

export type TokenKind = "word" | "num" | "punct";

/**
 * One distinct token text ("Алматы", "алматы", "2024", "%"), interned: every
 * token of that text in every document shares it. It holds what depends only
 * on the text: the kind, the normal form rules match against, and the form's
 * lexicon entry (what pattern sets found for it). Tokens are then made
 * without allocating strings, lower-casing or hashing them again.
 */
export interface WordForm {
  readonly text: string;
  readonly kind: TokenKind;
  readonly norm: string;
  readonly lex: LexiconEntry;
  /** Lexical classes under the rule set of `classesFor` (src/rules/form-classes.ts). */
  classes: number;
  classesFor: object | null;
}

const LETTER = /^[\p{L}\p{M}]/u;

/** Kind of a token text (the tokenizer decides where tokens end; this only names what they are). */
export function kindOf(t: string): TokenKind {
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57) return "num";
  if (t.length > 1) return (c & 0xfc00) === 0xd800 ? (LETTER.test(t) ? "word" : "punct") : "word";
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122 ? "word" : "punct";
  if (c >= 0x400 && c <= 0x52f) return "word";
  return LETTER.test(t) ? "word" : "punct";
}

/** Distinct forms kept at most (a bound on memory: about 90 MB with their slots and classified lexicon entries, measured); past it the table starts afresh (forms already handed out stay valid). */
const LIMIT = 1 << 18;

/**
 * An open-addressing hash table from token text to its WordForm, probed with
 * a hash the tokenizer computes while it reads the characters, and compared
 * in place against the source text: a known form costs no allocation. The
 * first characters of each key sit in its slot, the rest in one array: most
 * words are found touching the slot and the form only (the table is cold in
 * the cache by the time the next document comes; each line touched counts).
 */
export class FormTable {
  private mask = 0;
  /**
   * SLOT numbers per slot, side by side (two slots to a cache line): hash,
   * one more than where the key's characters past the first INLINE start in
   * `chars` (0: empty slot, so that a new array, zeroed, is an empty table
   * with no loop to mark its slots), their length, the form's index in
   * `forms`, then the first INLINE characters, two to a number.
   */
  private slots = new Int32Array(0);
  private forms: WordForm[] = [];
  private chars = new Uint16Array(1 << 16);
  private used = 0;

  constructor() {
    this.reset(1 << 16);
  }

  /** The form of `text[start, end)`, whose code units are also in `units`, and hash to `hash` (see `mix`). */
  get(text: string, units: Uint16Array, start: number, end: number, hash: number): WordForm {
    const len = end - start;
    const mask = this.mask;
    const slots = this.slots;
    let k = hash & mask;
    for (;;) {
      const s = k * SLOT;
      const at = slots[s + 1];
      if (at === 0) break;
      if (slots[s] === hash && slots[s + 2] === len && this.same(s, at - 1, units, start, len)) return this.forms[slots[s + 3]];
      k = (k + 1) & mask;
    }
    return this.add(text, start, end, hash);
  }

  /** Whether the key of the slot at `s` (rest at `at`) is `units[start, start + len)`. */
  private same(s: number, at: number, units: Uint16Array, start: number, len: number): boolean {
    const slots = this.slots;
    const inline = len < INLINE ? len : INLINE;
    for (let q = 0; q < inline; q++) {
      const pair = slots[s + 4 + (q >> 1)];
      if (((q & 1) === 0 ? pair & 0xffff : pair >>> 16) !== units[start + q]) return false;
    }
    const chars = this.chars;
    for (let q = INLINE; q < len; q++) if (chars[at + q - INLINE] !== units[start + q]) return false;
    return true;
  }

  private add(text: string, start: number, end: number, hash: number): WordForm {
    // a string of its own: V8 copies a substring shorter than 13 units, but makes a longer one a
    // view that would keep the whole document alive, so that one is built from its codes
    const s = end - start < 13 ? text.slice(start, end) : fromCodes(text, start, end);
    const kind = kindOf(s);
    // an unchanged norm is the text itself: comparing them is then one pointer comparison
    const lower = kind === "word" ? normWord(s) : s;
    const norm = lower === s ? s : lower;
    const form: WordForm = { text: s, kind, norm, lex: lexiconEntry(norm), classes: 0, classesFor: null };
    if (this.forms.length >= LIMIT) this.reset(this.mask + 1);
    else if ((this.forms.length + 1) * 2 > this.mask + 1) this.grow();
    this.insert(form, hash);
    return form;
  }

  private insert(form: WordForm, hash: number) {
    const s = form.text;
    const rest = Math.max(0, s.length - INLINE);
    if (this.used + rest > this.chars.length) {
      const more = new Uint16Array(Math.max(this.chars.length * 2, this.used + rest));
      more.set(this.chars.subarray(0, this.used));
      this.chars = more;
    }
    const at = this.used;
    for (let i = INLINE; i < s.length; i++) this.chars[at + i - INLINE] = s.charCodeAt(i);
    this.used += rest;
    let k = hash & this.mask;
    while (this.slots[k * SLOT + 1] !== 0) k = (k + 1) & this.mask;
    const slot = k * SLOT;
    this.slots[slot] = hash;
    this.slots[slot + 1] = at + 1;
    this.slots[slot + 2] = s.length;
    this.slots[slot + 3] = this.forms.length;
    for (let q = 0; q < INLINE && q < s.length; q++) this.slots[slot + 4 + (q >> 1)] |= s.charCodeAt(q) << ((q & 1) * 16);
    this.forms.push(form);
  }

  private reset(capacity: number) {
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity * SLOT);
    this.forms = [];
    this.used = 0;
  }

  /**
   * Doubles the table. A slot holds its key's hash and where its characters
   * are, so each moves to its place in the new table as it is: no key is
   * read or hashed again, and `chars` and `forms` stay as they are.
   */
  private grow() {
    const old = this.slots;
    const mask = (this.mask + 1) * 2 - 1;
    const slots = new Int32Array((mask + 1) * SLOT);
    for (let s = 0; s < old.length; s += SLOT) {
      if (old[s + 1] === 0) continue;
      let k = old[s] & mask;
      while (slots[k * SLOT + 1] !== 0) k = (k + 1) & mask;
      for (let q = 0; q < SLOT; q++) slots[k * SLOT + q] = old[s + q];
    }
    this.mask = mask;
    this.slots = slots;
  }
}

/** A new string holding `text[start, end)`, not a view of `text`. */
function fromCodes(text: string, start: number, end: number): string {
  let s = "";
  // a piece at a time: spreading a whole token of a million letters (a text with no spaces) into
  // one call's arguments overflowed the stack, and the document failed
  for (let from = start; from < end; from += CODES_PER_CALL) {
    const codes: number[] = [];
    for (let i = from; i < end && i < from + CODES_PER_CALL; i++) codes.push(text.charCodeAt(i));
    s += String.fromCharCode(...codes);
  }
  return s;
}

/** Code units passed to one `String.fromCharCode` call (as arguments, on the stack). */
const CODES_PER_CALL = 4096;

/** Numbers per slot of the form table (32 bytes). */
const SLOT = 8;
/** Characters of a key kept in its slot. */
const INLINE = 8;

/** Hash step over one UTF-16 code unit (FNV-1a style). */
export function mix(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

export const HASH_SEED = 0x811c9dc5 | 0;

/** The hash the tokenizer computes over a token's characters. */
export function hashOf(s: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

const table = new FormTable();

/** The interned form of `text[start, end)`, whose code units are also in `units`; `hash` must be `hashOf(text.slice(start, end))`. */
export function formAt(text: string, units: Uint16Array, start: number, end: number, hash: number): WordForm {
  return table.get(text, units, start, end, hash);
}
