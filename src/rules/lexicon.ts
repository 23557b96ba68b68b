import type { Token } from "../stages/segment/tokens.js";

/**
 * The lexicon: per word form (by its normal form), what rule lookups found
 * for it, one place per pattern set or memo. Tokens hold their form's entry,
 * so a lookup that every token would repeat is made once per form.
 */
let slots = 0;

/** A new place in every lexicon entry, for one pattern set or memo. */
export function takeLexiconSlot(): number {
  return slots++;
}

/**
 * Something computed once per word form (from its normal form and kind) and
 * kept in the form's lexicon entry: a rule lookup that every token would
 * otherwise repeat ("is this a number word?", "which places start with it?").
 */
export class FormMemo<T> {
  private readonly slot = takeLexiconSlot();

  constructor(private readonly compute: (norm: string, kind: Token["kind"]) => T) {}

  get(t: Token): T {
    const entry = (t.lex ??= lexiconEntry(t.norm));
    const v = entry[this.slot];
    if (v !== undefined) return v as T;
    const found = this.compute(t.norm, t.kind);
    // undefined would read as "not computed yet"
    entry[this.slot] = found === undefined ? null : found;
    return found;
  }
}

/** Per word form, what each pattern set found for it (indexed by the set's slot). */
export type LexiconEntry = unknown[];
const lexicon = new Map<string, LexiconEntry>();
const LEXICON_LIMIT = 300_000;

/** The lexicon entry of a word form's normal form (tokens get theirs from src/stages/segment/word-forms.ts). */
export function lexiconEntry(norm: string): LexiconEntry {
  let e = lexicon.get(norm);
  if (!e) {
    if (lexicon.size >= LEXICON_LIMIT) lexicon.clear();
    e = [];
    lexicon.set(norm, e);
  }
  return e;
}
