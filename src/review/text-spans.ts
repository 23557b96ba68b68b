/**
 * Code point offsets over JavaScript (UTF-16) strings, and segmenting
 * overlapping highlights. Pure functions used on both sides of the review
 * page: in Node to check every record's spans, and in the browser, where
 * they are embedded as source text (`Function.prototype.toString`), so they
 * must not use anything but each other and language built-ins.
 *
 * This is the browser-side twin of `src/core/offsets.ts` (which the page
 * cannot import); both follow the spec's invariant
 * `Array.from(text).slice(start, end).join("") === span.text`: a lone
 * surrogate counts as one code point, a surrogate pair as one.
 */

/**
 * UTF-16 index of every code point boundary of `text`: entry `cp` is where
 * code point `cp` starts, the last entry is `text.length` (so the array has
 * one more entry than the text has code points). Returns null when the text
 * has no surrogates at all: then code point offsets equal UTF-16 offsets.
 */
export function codePointOffsets(text: string): Uint32Array | null {
  let surrogates = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      surrogates = true;
      break;
    }
  }
  if (!surrogates) return null;
  const table = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; ) {
    table[cp++] = i;
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    i += pair ? 2 : 1;
  }
  table[cp] = text.length;
  return table.slice(0, cp + 1);
}

/** Length of `text` in code points, given its `codePointOffsets` table. */
export function codePointLength(text: string, table: Uint32Array | null): number {
  return table ? table.length - 1 : text.length;
}

/**
 * UTF-16 range of the code point range [start, end) of `text`, or null when
 * the range is not one (not integers, reversed, or outside the text).
 */
export function utf16Range(
  text: string,
  table: Uint32Array | null,
  start: number,
  end: number,
): { start: number; end: number } | null {
  const length = table ? table.length - 1 : text.length;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) return null;
  return table ? { start: table[start], end: table[end] } : { start, end };
}

/**
 * Checks a span against the text: `ok` when its code point offsets cover
 * exactly its `text`. `actual` is what the offsets cover (null when they are
 * not a range of the text); `start16`/`end16` are its UTF-16 offsets.
 */
export function checkSpan(
  text: string,
  table: Uint32Array | null,
  span: { start: number; end: number; text: string },
): { ok: boolean; actual: string | null; start16: number; end16: number } {
  const length = table ? table.length - 1 : text.length;
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
    return { ok: false, actual: null, start16: -1, end16: -1 };
  }
  const start16 = table ? table[start] : start;
  const end16 = table ? table[end] : end;
  const actual = text.slice(start16, end16);
  return { ok: actual === span.text, actual, start16, end16 };
}

/** A piece of text [start, end) covered by the same set of highlights (`covers`: indices into the span list, ascending). */
export interface Segment {
  start: number;
  end: number;
  covers: number[];
}

/**
 * Cuts [0, length) into consecutive segments at every span boundary, so that
 * overlapping and nested spans can be drawn as flat, non-overlapping pieces:
 * each segment lists every span that covers it. Empty spans are ignored;
 * spans reaching outside the text are clipped to it.
 */
export function segmentSpans(length: number, spans: ReadonlyArray<{ start: number; end: number }>): Segment[] {
  const cuts = new Set<number>([0, length]);
  const live: number[] = [];
  for (let i = 0; i < spans.length; i++) {
    const s = Math.max(0, Math.min(length, spans[i].start));
    const e = Math.max(0, Math.min(length, spans[i].end));
    if (e <= s) continue;
    live.push(i);
    cuts.add(s);
    cuts.add(e);
  }
  const points = Array.from(cuts).sort((a, b) => a - b);
  live.sort((a, b) => Math.max(0, spans[a].start) - Math.max(0, spans[b].start) || a - b);
  const segments: Segment[] = [];
  let active: number[] = [];
  let next = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k];
    const to = points[k + 1];
    active = active.filter((i) => spans[i].end > from);
    while (next < live.length && Math.max(0, spans[live[next]].start) <= from) active.push(live[next++]);
    segments.push({ start: from, end: to, covers: active.slice().sort((a, b) => a - b) });
  }
  return segments;
}
