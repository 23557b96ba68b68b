/**
 * Normal form of a word for matching: lower case, ё folded to е. Used for
 * token norms and for every word written in a rule file, so that both sides
 * are compared alike.
 */
export function normWord(s: string): string {
  // replaceAll unconditionally (it gives back the same string when there is no "ё"): behind an
  // `includes` test it went unexecuted until the first word with "ё", and the tokenizer's
  // optimized code, which has it inlined, was thrown away there
  return s.toLowerCase().replaceAll("ё", "е");
}

/** Dash-like punctuation: hyphen-minus, en dash, em dash, minus sign, hyphen, non-breaking hyphen (the <dash> of rule patterns). */
export const DASHES = "-–—−‐‑";

/** Whether a punctuation token's text is one of DASHES. */
export function isDashText(text: string): boolean {
  return text.length === 1 && DASHES.includes(text);
}
