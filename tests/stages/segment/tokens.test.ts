import { describe, expect, it } from "vitest";
import { hasText, tokenAt, tokenize, type Token } from "../../../src/stages/segment/tokens.js";
import { FormTable, hashOf, kindOf } from "../../../src/stages/segment/word-forms.js";
import { normWord } from "../../../src/rules/text-norm.js";
import { seeded } from "../../../bench/random.mjs";
import { FormClassifier } from "../../../src/rules/form-classes.js";
import { corpusTexts } from "../../core/corpus-texts.js";

describe("tokens", () => {
  it("words keep inner hyphens, numbers are digit runs, everything else one code point", () => {
    const text = "Усть-Каменогорск: 19 506,5 т (+8,3%) 🇰🇿 📈";
    expect(tokenize(text).map((t) => t.text)).toEqual(["Усть-Каменогорск", ":", "19", "506", ",", "5", "т", "(", "+", "8", ",", "3", "%", ")", "🇰", "🇿", "📈"]);
  });
  it("norms are lower case with ё folded; offsets are UTF-16 into the text", () => {
    const text = "📈 Объём ЁЛКИ";
    const t = tokenize(text);
    expect(t.map((x) => x.norm)).toEqual(["📈", "объем", "елки"]);
    for (const x of t) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(t[1].start).toBe(3); // the emoji is two UTF-16 units
  });
  it("records spaces and line breaks before a token", () => {
    const t = tokenize("а\n\nб в");
    expect(t.map((x) => [x.spaceBefore, x.newlinesBefore])).toEqual([[false, 0], [true, 2], [true, 0]]);
  });

  const cases: Array<[string, string, Array<[string, string, string]>]> = [
    ["apostrophe and typographic hyphen join", "Кызылорда’s Жана‐Арка", [["Кызылорда’s", "word", "кызылорда’s"], ["Жана‐Арка", "word", "жана‐арка"]]],
    ["a trailing hyphen does not", "экспорт- и импорт", [["экспорт", "word", "экспорт"], ["-", "punct", "-"], ["и", "word", "и"], ["импорт", "word", "импорт"]]],
    ["Kazakh letters are letters", "Өскемен ҚҰРЫЛЫС", [["Өскемен", "word", "өскемен"], ["ҚҰРЫЛЫС", "word", "құрылыс"]]],
    ["Latin with accents, Greek", "Café Δ", [["Café", "word", "café"], ["Δ", "word", "δ"]]],
    ["× and ÷ are not letters", "2×3", [["2", "num", "2"], ["×", "punct", "×"], ["3", "num", "3"]]],
    ["no-break and thin spaces separate", "1\u00a0000\u2009000", [["1", "num", "1"], ["000", "num", "000"], ["000", "num", "000"]]],
    ["non-ASCII digits are single characters", "٣", [["٣", "punct", "٣"]]],
    ["a lone surrogate is one character", "a\ud800b", [["a", "word", "a"], ["\ud800", "punct", "\ud800"], ["b", "word", "b"]]],
    ["the same text, other case: its own token text, one norm", "РОСТ Рост рост", [["РОСТ", "word", "рост"], ["Рост", "word", "рост"], ["рост", "word", "рост"]]],
  ];
  it.each(cases)("%s", (_, text, expected) => {
    expect(tokenize(text).map((t) => [t.text, t.kind, t.norm])).toEqual(expected);
  });

  it("tokenizes a range of the text; a token starting inside it is kept whole", () => {
    const text = "раз два три";
    expect(tokenize(text, 4, 6).map((t) => [t.text, t.start])).toEqual([["два", 4]]);
  });
});

// The regular expression tokens.ts implements by hand, kept here as the
// specification: the scanner must cut every text exactly as it does.
const L = "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u0370-\\u03FF\\u0400-\\u052F\\u1E00-\\u1EFF";
const SPEC = new RegExp(`[${L}]+(?:[-‐'’][${L}]+)*|[0-9]+|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|\\S`, "g");

function bySpec(text: string): Array<Pick<Token, "start" | "end" | "text" | "kind" | "norm" | "spaceBefore" | "newlinesBefore">> {
  const out = [];
  let prevEnd = 0;
  for (const m of text.matchAll(SPEC)) {
    const t = m[0];
    const kind = kindOf(t);
    const gap = text.slice(prevEnd, m.index);
    out.push({ start: m.index, end: m.index + t.length, text: t, kind, norm: kind === "word" ? normWord(t) : t, spaceBefore: gap.length > 0, newlinesBefore: gap.split("\n").length - 1 });
    prevEnd = m.index + t.length;
  }
  return out;
}

describe("tokens: the scanner cuts whole corpora as the regular expression does", () => {
  it("seeds, corpus/ and NEREL, token by token", () => {
    const texts = corpusTexts();
    expect(texts.length).toBeGreaterThanOrEqual(5); // corpus/ alone (../shared, when beside the project, adds the seeds and NEREL)
    let n = 0;
    for (const text of texts) {
      const got = tokenize(text).map(({ start, end, text, kind, norm, spaceBefore, newlinesBefore }) => ({ start, end, text, kind, norm, spaceBefore, newlinesBefore }));
      expect(got).toEqual(bySpec(text));
      n += got.length;
    }
    expect(n).toBeGreaterThan(1000);
  });

  it("every character class at every position of a mixed text", () => {
    const alphabet = ["а", "Я", "ё", "Ё", "z", "É", "ß", "×", "ɏ", "ɐ", "\u0301", "Ω", "ң", "Ḁ", "-", "‐", "'", "’", " ", "\n", "\t", "\u00a0", "\u2009", "\u3000", "\ufeff", "7", "٣", ",", "%", "🇰", "\ud800", "\udc00", "«",
      // the edges of the letter ranges (the scanner reads those below U+0530 from a table)
      "@", "A", "Z", "[", "`", "a", "{", "¿", "À", "Ö", "Ø", "ö", "÷", "ø", "\u02ff", "\u0300", "\u052f", "\u0530", "\u1dff", "\u1eff", "\u1f00"];
    const rnd = seeded(11);
    for (let k = 0; k < 300; k++) {
      const text = Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join("");
      const got = tokenize(text).map(({ start, end, text, kind, norm, spaceBefore, newlinesBefore }) => ({ start, end, text, kind, norm, spaceBefore, newlinesBefore }));
      expect(got, JSON.stringify(text)).toEqual(bySpec(text));
    }
  });
});

describe("tokens: the table of word forms", () => {
  it("starts afresh past its limit, and tokens stay right", () => {
    const before = tokenize("Рост ВРП в Алматы составил 5,1%.");
    // more distinct forms than the table keeps
    const words: string[] = [];
    for (let i = 0; i < 300_000; i++) words.push(`слово${i.toString(36).replace(/\d/g, (d) => "абвгдежзик"[+d])}`);
    const many = tokenize(words.join(" "));
    expect(many.length).toBe(300_000);
    expect(many[299_999].text).toBe(words[299_999]);
    const after = tokenize("Рост ВРП в Алматы составил 5,1%.");
    expect(after.map((t) => [t.text, t.norm, t.kind, t.start])).toEqual(before.map((t) => [t.text, t.norm, t.kind, t.start]));
  });
});

describe("word forms: the interned table", () => {
  const unitsOf = (w: string) => Uint16Array.from(w, (c) => c.charCodeAt(0));
  it("finds every form it holds after growing: the same object, with its text", () => {
    // a table of its own (the tokenizer's is shared by every test of the file), past two
    // doublings (it starts with 65,536 slots and doubles at half full), below its limit
    const table = new FormTable();
    const formOf = (w: string) => table.get(w, unitsOf(w), 0, w.length, hashOf(w));
    const words: string[] = [];
    for (let i = 0; i < 150_000; i++) words.push(`форма${i.toString(36).replace(/\d/g, (d) => "абвгдежзик"[+d])}`);
    const first = words.map(formOf);
    const again = words.map(formOf);
    expect(again.every((f, i) => f === first[i])).toBe(true);
    expect(again.every((f, i) => f.text === words[i])).toBe(true);
    // keys that collide in their first characters are told apart by the rest
    expect(formOf("формаааааааааб")).not.toBe(formOf("формаааааааааа"));
    expect(formOf("формаааааааааб").text).toBe("формаааааааааб");
  });
});

describe("tokens: texts no article has", () => {
  it.each([
    ["a word of a million letters", "а".repeat(1_000_000), 1],
    ["a hyphenated word of a million units", "а-".repeat(500_000) + "а", 1],
    ["a word past the form table's inline characters and the copy's piece size", "ж".repeat(4096 * 2 + 7), 1],
  ])("%s is one token, whose text is the source's", (_, text, count) => {
    const tokens = tokenize(`x ${text} y`);
    expect(tokens).toHaveLength(count + 2);
    expect(tokens[1].text).toBe(text);
    expect(tokens[1].start).toBe(2);
    expect(tokens[1].end).toBe(2 + text.length);
    // found again in the table: the characters past the slot's compared one by one
    expect(tokenize(text)[0].text).toBe(tokens[1].text);
  });
});

describe("tokens: a tokenize call inside another", () => {
  it("(from a classifier) leaves the outer text's tokens right", () => {
    const nested = new FormClassifier((t) => {
      tokenize(`совсем другой, куда более длинный текст: ${t.text.repeat(3)} и ещё немного`);
      return 0;
    });
    const text = "Рост ВРП в Алматы составил 5,1% – 2,3 трлн тенге.";
    const plain = tokenize(text).map((t) => [t.start, t.end, t.text]);
    expect(tokenize(text, 0, text.length, nested).map((t) => [t.start, t.end, t.text])).toEqual(plain);
    expect(tokenize(text).map((t) => [t.start, t.end, t.text])).toEqual(plain);
  });

  it("after a classifier throws, later calls (nested ones too) still tokenize right", () => {
    const text = "Рост ВРП в Алматы составил 5,1% – 2,3 трлн тенге.";
    const plain = tokenize(text).map((t) => [t.start, t.end, t.text]);
    const throwing = new FormClassifier(() => {
      throw new Error("broken rule");
    });
    expect(() => tokenize("другой текст", 0, undefined, throwing)).toThrow("broken rule");
    const nested = new FormClassifier((t) => {
      tokenize(`вложенный текст ${t.text}`);
      return 0;
    });
    expect(tokenize(text, 0, text.length, nested).map((t) => [t.start, t.end, t.text])).toEqual(plain);
    expect(tokenize(text).map((t) => [t.start, t.end, t.text])).toEqual(plain);
  });
});

describe("tokenAt", () => {
  const tokens = tokenize("Рост 5,1%");
  it.each([
    [-1, undefined],
    [0, "Рост"],
    [2, ","],
    [4, "%"],
    [5, undefined],
  ])("at %i: %s", (k, text) => {
    expect(tokenAt(tokens, k)?.text).toBe(text);
  });
});

describe("hasText", () => {
  // "–" and "№" are stored in two bytes, "-" and "." in one; a text made of codes is no literal
  const tokens = tokenize("Рост – 5,1% № 3 -" + String.fromCharCode(46));
  it.each([
    [undefined, ".", false],
    [0, "Рост", true],
    [0, "рост", false],
    [0, "Рос", false],
    [1, "–", true],
    [1, "-", false],
    [6, "№", true],
    [8, "-", true],
    [8, "–", false],
    [9, ".", true],
    [9, "..", false],
  ])("token %s is %s: %s", (k, text, want) => {
    expect(hasText(k === undefined ? undefined : tokens[k], text)).toBe(want);
  });
});
