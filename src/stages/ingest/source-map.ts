/**
 * A map from offsets in an extracted text (code points) back to byte offsets
 * in the file it was extracted from: a list of segments
 * `[textStart, byteStart, byteEnd, literal]`. Segment i covers the text's code
 * points from its `textStart` up to the next segment's `textStart` (or the
 * text's end) and came from bytes `byteStart..byteEnd` of the file. In a
 * literal segment (1) the text is the file's characters unchanged, so every
 * code point inside maps exactly; a non-literal one (0: an entity, collapsed
 * white space, an inserted paragraph break) maps only as a whole.
 */
export interface SourceMap {
  unit: "byte";
  /** The encoding the file was decoded with (byte lengths of literal characters depend on it). */
  encoding: string;
  segments: Array<[number, number, number, 0 | 1]>;
}

/** Bytes one code point takes in an encoding. */
function byteLength(cp: number, encoding: string): number {
  if (encoding === "utf-8") return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  if (encoding === "utf-16le" || encoding === "utf-16be") return cp < 0x10000 ? 2 : 4;
  return 1; // single-byte code pages
}

/**
 * Converts UTF-16 indices of a decoded string into byte offsets of the file,
 * walking forward (cheap for increasing indices, restarts when asked backward).
 */
export class ByteCursor {
  private index = 0;
  private byte: number;
  constructor(
    private readonly text: string,
    private readonly encoding: string,
    /** Bytes before the decoded text (a BOM). */
    private readonly base = 0,
  ) {
    this.byte = base;
  }
  at(index: number): number {
    if (index < this.index) {
      this.index = 0;
      this.byte = this.base;
    }
    while (this.index < index) {
      const cp = this.text.codePointAt(this.index)!;
      this.byte += byteLength(cp, this.encoding);
      this.index += cp > 0xffff ? 2 : 1;
    }
    return this.byte;
  }
}

/** The byte offset in the file of a code point offset in the extracted text. */
export function textToByte(map: SourceMap, text: string, cp: number): number {
  const segs = map.segments;
  if (!segs.length) return 0;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid][0] <= cp) lo = mid;
    else hi = mid - 1;
  }
  const [start, byteStart, byteEnd, literal] = segs[lo];
  if (cp <= start) return byteStart;
  if (!literal) return byteEnd;
  let bytes = byteStart;
  const chars = Array.from(text.slice(...codePointRange(text, start, cp)));
  for (const ch of chars) bytes += byteLength(ch.codePointAt(0)!, map.encoding);
  return Math.min(bytes, byteEnd);
}

function codePointRange(text: string, from: number, to: number): [number, number] {
  let i = 0;
  let cp = 0;
  let start = 0;
  while (i < text.length && cp < to) {
    if (cp === from) start = i;
    i += text.codePointAt(i)! > 0xffff ? 2 : 1;
    cp++;
  }
  if (cp === from) start = i;
  return [start, i];
}
