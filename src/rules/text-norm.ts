/**
 * Normal form of a word for matching: lower case, ё folded to е. Used for
 * token norms and for every word written in a rule file, so that both sides
 * are compared alike.
 */
export function normWord(s: string): string {
  let out = s.toLowerCase();
  if (out.includes("ё")) out = out.replaceAll("ё", "е");
  return out;
}

/** Dash-like punctuation: hyphen-minus, en dash, em dash, minus sign, hyphen, non-breaking hyphen (the <dash> of rule patterns). */
export const DASHES = "-–—−‐‑";

/** Whether a punctuation token's text is one of DASHES. */
export function isDashText(text: string): boolean {
  return text.length === 1 && DASHES.includes(text);
}
