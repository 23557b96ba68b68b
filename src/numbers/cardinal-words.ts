/**
 * Whether a word is a cardinal number word: one the rules list as a cardinal
 * ("five", "пять"), or cardinals joined by hyphens into one token
 * ("twenty-five", "forty-two"), as English writes 21 to 99.
 */
export function isCardinalWord(norm: string, isCardinal: (word: string) => boolean): boolean {
  if (isCardinal(norm)) return true;
  return norm.includes("-") && norm.split("-").every(isCardinal);
}
