/**
 * The one place that converts between the two offset units of pokazatel.
 *
 * Inside the pipeline every span is in UTF-16 code units (JavaScript string
 * indices), because that is what `RegExp` and `String.slice` give. Everything
 * that leaves the pipeline (records, mentions, documents) is in Unicode code
 * points, the unit of the output contract (shared/spec/record.md). Nothing else
 * in the code base converts between the two.
 */
export class CodePointIndex {
  /** For texts with surrogate pairs: UTF-16 index of every code point boundary. */
  private readonly utf16OfCp: Uint32Array | null;
  /** For texts with surrogate pairs: code point index at each UTF-16 index. */
  private readonly cpOfUtf16: Uint32Array | null;
  /** Length of the text in code points. */
  readonly length: number;

  constructor(readonly text: string) {
    if (!/[\uD800-\uDFFF]/.test(text)) {
      this.utf16OfCp = null;
      this.cpOfUtf16 = null;
      this.length = text.length;
      return;
    }
    const cpOf = new Uint32Array(text.length + 1);
    const u16Of: number[] = [];
    let cp = 0;
    for (let i = 0; i < text.length; ) {
      const c = text.charCodeAt(i);
      const width = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
      u16Of.push(i);
      cpOf[i] = cp;
      // the low half of a pair maps to the code point it belongs to
      if (width === 2) cpOf[i + 1] = cp;
      i += width;
      cp++;
    }
    u16Of.push(text.length);
    cpOf[text.length] = cp;
    this.utf16OfCp = Uint32Array.from(u16Of);
    this.cpOfUtf16 = cpOf;
    this.length = cp;
  }

  /** Code point offset of a UTF-16 offset (which must not split a surrogate pair). */
  toCodePoint(utf16: number): number {
    if (utf16 < 0 || utf16 > this.text.length) throw new RangeError(`offset ${utf16} outside the text (0..${this.text.length})`);
    return this.cpOfUtf16 ? this.cpOfUtf16[utf16] : utf16;
  }

  /** UTF-16 offset of a code point offset. */
  toUtf16(cp: number): number {
    if (cp < 0 || cp > this.length) throw new RangeError(`code point ${cp} outside the text (0..${this.length})`);
    return this.utf16OfCp ? this.utf16OfCp[cp] : cp;
  }
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
