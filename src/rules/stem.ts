// natural's Russian Porter stemmer, deep-imported: importing "natural" itself
// loads 77 MB of dependencies and runs dotenv (shared/design/stack.md).
import stemmer from "natural/lib/natural/stemmers/porter_stemmer_ru.js";

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Stem of a normalised (lower-case, ё-folded) Russian word; Latin words and numbers come back as they are. */
export function stem(norm: string): string {
  const hit = cache.get(norm);
  if (hit !== undefined) return hit;
  const s = /[а-я]/.test(norm) ? (stemmer as { stem(w: string): string }).stem(norm) : norm;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(norm, s);
  return s;
}

/** Stems shorter than this must be equal; longer ones may be prefixes of each other (промышлен ~ промышленост). */
export const MIN_PREFIX_STEM = 5;

/** Whether two stems name the same word: equal, or one a prefix of the other and both long enough. */
export function stemsAgree(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < MIN_PREFIX_STEM || b.length < MIN_PREFIX_STEM) return false;
  return a.length < b.length ? b.startsWith(a) : a.startsWith(b);
}
