/**
 * Which language a document is written in, told from its letters: enough to
 * keep a rule set to the documents it was written for. Russian and Kazakh
 * share the Cyrillic script; Kazakh has nine letters of its own (ә ғ қ ң ө
 * ұ ү һ і), which make about a tenth of a Kazakh text's letters and under
 * 0.3 % of a Russian one's, Kazakh names included (NEREL and the seeds).
 * A text mostly in Latin letters is English when its common words are.
 */

/** ISO 639-1 codes, and `und` (ISO 639-2: undetermined) for too few letters or a script the rules name none of. */
export type LanguageCode = "ru" | "kk" | "en" | "und";

export const LANGUAGE_NAMES: Record<LanguageCode, string> = { ru: "Russian", kk: "Kazakh", en: "English", und: "undetermined" };

/** Code units read from the start of a text at most: more never changed the answer on the corpora. */
const SAMPLE = 20_000;
/** Code units read at a time; reading stops once the letters so far leave no doubt (see `clear`). */
const CHUNK = 512;
/** Fewer letters than this in the sample: `und`. */
const MIN_LETTERS = 40;
/** Share of the Cyrillic letters that are Kazakh's own above which the text is Kazakh (a text half in each language is about here). */
const KAZAKH_SHARE = 0.05;
/** Share of the Latin-letter words that are English function words above which the text is English (English prose: about 0.4). */
const ENGLISH_SHARE = 0.1;

const OTHER = 0;
const CYRILLIC = 1;
const KAZAKH = 2;
const LATIN = 3;

/** Letter class by UTF-16 code unit. */
const CLASSES = (() => {
  const t = new Uint8Array(0x10000);
  t.fill(LATIN, 0x41, 0x5b);
  t.fill(LATIN, 0x61, 0x7b);
  t.fill(LATIN, 0xc0, 0x250);
  t[0xd7] = OTHER; // ×
  t[0xf7] = OTHER; // ÷
  t.fill(CYRILLIC, 0x400, 0x530);
  for (const c of "әғқңөұүһіӘҒҚҢӨҰҮҺІ") t[c.charCodeAt(0)] = KAZAKH;
  return t;
})();

const ENGLISH_WORDS = new Set(
  "the of and to in is was for on with by that from at as are were has have had its this be it an will said year which their than".split(" "),
);

export interface LanguageGuess {
  code: LanguageCode;
  /** Letters of each script read (Kazakh's own letters count as Cyrillic too). */
  cyrillic: number;
  kazakh: number;
  latin: number;
}

/** Letters per class, reused by every call (none calls another). */
const counts = new Int32Array(4);

/** The language of `text`, from its first code units (up to SAMPLE). */
export function identifyLanguage(text: string): LanguageGuess {
  const n = Math.min(text.length, SAMPLE);
  // a count per class, without a branch per character (letters and the rest alternate unpredictably)
  counts.fill(0);
  let i = 0;
  while (i < n) {
    const end = Math.min(n, i + CHUNK);
    for (; i < end; i++) counts[CLASSES[text.charCodeAt(i)]]++;
    if (clear(counts[CYRILLIC] + counts[KAZAKH], counts[KAZAKH], counts[LATIN])) break;
  }
  const kazakh = counts[KAZAKH];
  const cyrillic = counts[CYRILLIC] + kazakh;
  const latin = counts[LATIN];
  const guess = (code: LanguageCode): LanguageGuess => ({ code, cyrillic, kazakh, latin });
  if (cyrillic + latin < MIN_LETTERS) return guess("und");
  if (cyrillic >= latin) return guess(kazakh > cyrillic * KAZAKH_SHARE ? "kk" : "ru");
  return guess(englishShare(text.slice(0, i)) > ENGLISH_SHARE ? "en" : "und");
}

/**
 * Whether the letters read so far settle the answer beyond what the rest of
 * the sample could change: a few hundred of them, four times as many
 * Cyrillic as Latin ones, and Kazakh's own either near none or many. A text
 * that starts in Latin letters is read on (up to SAMPLE): an English lead or
 * page menu before a Russian article must not make it English.
 */
function clear(cyrillic: number, kazakh: number, latin: number): boolean {
  return cyrillic >= 300 && cyrillic > 4 * latin && (kazakh < cyrillic * 0.01 || kazakh > cyrillic * 0.1);
}

/** Share of the Latin-letter words of `text` that are English function words. */
function englishShare(text: string): number {
  let words = 0;
  let common = 0;
  for (const m of text.matchAll(/[A-Za-z]+/g)) {
    words++;
    if (ENGLISH_WORDS.has(m[0].toLowerCase())) common++;
  }
  return words === 0 ? 0 : common / words;
}
