import { describe, expect, it } from "vitest";
import { checkSpan, codePointLength, codePointOffsets, segmentSpans, utf16Range } from "../../src/review/text-spans.js";

/** The spec's own definition: code points as Array.from sees them. */
const cpSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join("");

describe("codePointOffsets / utf16Range", () => {
  const cases: Array<{ name: string; text: string; start: number; end: number; want: string }> = [
    { name: "Cyrillic only (no table needed)", text: "рост на 7,2%", start: 8, end: 12, want: "7,2%" },
    { name: "emoji before Cyrillic", text: "📈 безработица 4,6%", start: 14, end: 18, want: "4,6%" },
    { name: "flag: two code points, four UTF-16 units", text: "🇰🇿 ВРП 5,1%", start: 7, end: 11, want: "5,1%" },
    { name: "span starting at an emoji", text: "а💰б", start: 1, end: 2, want: "💰" },
    { name: "emoji inside the span", text: "x 2,8 💰 трлн", start: 2, end: 8, want: "2,8 💰 " },
    { name: "lone high surrogate counts as one", text: "\uD83Dабв", start: 1, end: 3, want: "аб" },
    { name: "lone low surrogate counts as one", text: "\uDE00абв", start: 1, end: 4, want: "абв" },
    { name: "empty span at the end", text: "😀я", start: 2, end: 2, want: "" },
    { name: "whole text", text: "😀я😀", start: 0, end: 3, want: "😀я😀" },
  ];
  it.each(cases)("$name", ({ text, start, end, want }) => {
    const table = codePointOffsets(text);
    const r = utf16Range(text, table, start, end);
    expect(r).not.toBeNull();
    expect(text.slice(r!.start, r!.end)).toBe(want);
    expect(cpSlice(text, start, end)).toBe(want);
  });

  it("returns null for texts without surrogates (code point = UTF-16 index)", () => {
    expect(codePointOffsets("Уровень безработицы 4,6%")).toBeNull();
    expect(codePointOffsets("")).toBeNull();
  });

  it.each([
    ["", 0],
    ["абв", 3],
    ["😀", 1],
    ["🇰🇿", 2],
    ["a\uD83D", 2],
  ])("length of %j is %i code points", (text, n) => {
    expect(codePointLength(text, codePointOffsets(text))).toBe(n);
    expect(Array.from(text).length).toBe(n);
  });

  it.each([
    { start: -1, end: 2 },
    { start: 3, end: 2 },
    { start: 0, end: 5 },
    { start: 0.5, end: 2 },
  ])("rejects the range $start..$end of a 4-code-point text", ({ start, end }) => {
    const text = "😀абв";
    expect(utf16Range(text, codePointOffsets(text), start, end)).toBeNull();
  });

  it("agrees with Array.from on every range of mixed texts", () => {
    const texts = ["📈🇰🇿 Усть-Каменогорск 4,6%", "a\uD800b😀\uDFFFc", "💰💰💰", "рост 9,5%\u2028и 403 тысячи"];
    for (const text of texts) {
      const table = codePointOffsets(text);
      const n = Array.from(text).length;
      for (let s = 0; s <= n; s++)
        for (let e = s; e <= n; e++) {
          const r = utf16Range(text, table, s, e)!;
          expect(text.slice(r.start, r.end)).toBe(cpSlice(text, s, e));
        }
    }
  });
});

describe("checkSpan", () => {
  const text = "📈 В ВКО безработица 4,6%.";
  const table = codePointOffsets(text);
  it.each([
    { name: "matching span", span: { start: 20, end: 24, text: "4,6%" }, ok: true, actual: "4,6%" },
    { name: "UTF-16 offsets mistaken for code points", span: { start: 21, end: 25, text: "4,6%" }, ok: false, actual: ",6%." },
    { name: "text differs", span: { start: 20, end: 24, text: "4,7%" }, ok: false, actual: "4,6%" },
    { name: "outside the text", span: { start: 20, end: 99, text: "4,6%" }, ok: false, actual: null },
    { name: "reversed", span: { start: 24, end: 20, text: "" }, ok: false, actual: null },
  ])("$name", ({ span, ok, actual }) => {
    const c = checkSpan(text, table, span);
    expect(c.ok).toBe(ok);
    expect(c.actual).toBe(actual);
    if (ok) expect(text.slice(c.start16, c.end16)).toBe(span.text);
  });
});

describe("segmentSpans", () => {
  const seg = (length: number, spans: Array<[number, number]>) =>
    segmentSpans(
      length,
      spans.map(([start, end]) => ({ start, end })),
    ).map((s) => `${s.start}-${s.end}:${s.covers.join(",")}`);

  it.each<{ name: string; length: number; spans: Array<[number, number]>; want: string[] }>([
    { name: "no spans: one plain segment", length: 5, spans: [], want: ["0-5:"] },
    { name: "empty text", length: 0, spans: [], want: [] },
    { name: "one span in the middle", length: 10, spans: [[2, 5]], want: ["0-2:", "2-5:0", "5-10:"] },
    { name: "span covering the whole text", length: 4, spans: [[0, 4]], want: ["0-4:0"] },
    { name: "disjoint spans", length: 10, spans: [[6, 8], [1, 3]], want: ["0-1:", "1-3:1", "3-6:", "6-8:0", "8-10:"] },
    { name: "touching spans", length: 6, spans: [[0, 3], [3, 6]], want: ["0-3:0", "3-6:1"] },
    { name: "nested (value inside sentence)", length: 10, spans: [[0, 10], [4, 6]], want: ["0-4:0", "4-6:0,1", "6-10:0"] },
    { name: "partial overlap (cue overlaps subject)", length: 10, spans: [[1, 6], [4, 9]], want: ["0-1:", "1-4:0", "4-6:0,1", "6-9:1", "9-10:"] },
    { name: "identical spans", length: 5, spans: [[1, 3], [1, 3]], want: ["0-1:", "1-3:0,1", "3-5:"] },
    { name: "three levels", length: 9, spans: [[0, 9], [2, 7], [3, 5]], want: ["0-2:0", "2-3:0,1", "3-5:0,1,2", "5-7:0,1", "7-9:0"] },
    { name: "empty span ignored", length: 4, spans: [[2, 2], [0, 1]], want: ["0-1:1", "1-4:"] },
    { name: "span past the end is clipped", length: 4, spans: [[2, 9]], want: ["0-2:", "2-4:0"] },
    { name: "span before the start is clipped", length: 4, spans: [[-3, 1]], want: ["0-1:0", "1-4:"] },
  ])("$name", ({ length, spans, want }) => {
    expect(seg(length, spans)).toEqual(want);
  });

  it("segments tile the text and each lists exactly the spans covering it", () => {
    const spans = [
      { start: 3, end: 17 },
      { start: 5, end: 9 },
      { start: 8, end: 12 },
      { start: 0, end: 20 },
      { start: 12, end: 12 },
      { start: 15, end: 20 },
    ];
    const segments = segmentSpans(20, spans);
    let at = 0;
    for (const s of segments) {
      expect(s.start).toBe(at);
      at = s.end;
      const want = spans.map((x, i) => (x.start <= s.start && x.end >= s.end && x.end > x.start ? i : -1)).filter((i) => i >= 0);
      expect(s.covers).toEqual(want);
    }
    expect(at).toBe(20);
  });
});
