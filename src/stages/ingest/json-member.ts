/**
 * Where a string member of a JSON object lies in the bytes it was parsed
 * from: the literal exactly as the input wrote it, quotes included. A JSONL
 * line's `text` goes to documents.jsonl as these bytes, not decoded and
 * encoded again (JSON.parse of them gives the same string, escapes and all).
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isJsonSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** Index of the quote that closes the string literal opening at `open`. */
function stringEnd(bytes: Buffer, open: number): number {
  for (let from = open + 1; ; ) {
    const q = bytes.indexOf(QUOTE, from);
    if (q < 0) throw new Error("unterminated string");
    // a quote after an odd run of backslashes is escaped
    let k = q - 1;
    while (bytes[k] === BACKSLASH) k--;
    if ((q - 1 - k) % 2 === 0) return q;
    from = q + 1;
  }
}

/** Index just past the value starting at `i`: a string, a number or literal, an object or an array. */
function valueEnd(bytes: Buffer, i: number): number {
  const n = bytes.length;
  const first = bytes[i];
  if (first === QUOTE) return stringEnd(bytes, i) + 1;
  if (first !== 0x7b && first !== 0x5b) {
    while (i < n && bytes[i] !== 0x2c && bytes[i] !== 0x7d && bytes[i] !== 0x5d && !isJsonSpace(bytes[i])) i++;
    return i;
  }
  let depth = 0;
  while (i < n) {
    const b = bytes[i];
    if (b === QUOTE) {
      i = stringEnd(bytes, i) + 1;
      continue;
    }
    if (b === 0x7b || b === 0x5b) depth++;
    else if ((b === 0x7d || b === 0x5d) && --depth === 0) return i + 1;
    i++;
  }
  return i;
}

/**
 * The byte range [start, end) of the string value of top-level member `key`
 * in `bytes`, a JSON object that JSON.parse has accepted. Like JSON.parse,
 * the last of duplicate keys counts, and keys are compared decoded. Null
 * when that member is missing or not a string: the caller then encodes the
 * parsed value itself.
 */
export function stringMemberRange(bytes: Buffer, key: string): [number, number] | null {
  const want = Buffer.from(key, "utf8");
  const n = bytes.length;
  let i = 0;
  const skipSpace = () => {
    while (i < n && isJsonSpace(bytes[i])) i++;
  };
  skipSpace();
  if (bytes[i] !== 0x7b) return null;
  i++;
  let found: [number, number] | null = null;
  for (;;) {
    skipSpace();
    if (i >= n || bytes[i] !== QUOTE) return found;
    const close = stringEnd(bytes, i);
    const keyBytes = bytes.subarray(i + 1, close);
    // a key written with escapes ("te\u0078t") is compared decoded
    const same = keyBytes.includes(BACKSLASH) ? JSON.parse(bytes.toString("utf8", i, close + 1)) === key : keyBytes.equals(want);
    i = close + 1;
    skipSpace();
    i++; // the colon
    skipSpace();
    const start = i;
    i = valueEnd(bytes, i);
    if (same) found = bytes[start] === QUOTE ? [start, i] : null;
    skipSpace();
    if (bytes[i] !== 0x2c) return found;
    i++;
  }
}
