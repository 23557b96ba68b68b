import { describe, expect, it } from "vitest";
import { compileRules } from "../../src/rules/compile.js";
import { tokenize } from "../../src/stages/segment/tokens.js";
import { parseDigits, parseNumber } from "../../src/numbers/parse.js";
import { toExactString } from "../../src/numbers/exact.js";

const rules = compileRules("rules");

/** Parses the number at the first token of `text` (or at token `at`). */
function parse(text: string, at = 0) {
  const tokens = tokenize(text);
  const n = parseNumber(tokens, at, tokens.length, text, rules);
  if (!n) return null;
  return {
    value: n.value ? toExactString(n.value) : null,
    text: text.slice(tokens[n.from].start, tokens[n.to - 1].end),
    kind: n.kind,
    sign: n.sign,
    scales: n.scales.length,
  };
}

describe("parseNumber: digits, groups and decimals", () => {
  const cases: Array<[string, string, string]> = [
    // input, exact value, the text the number covers
    ["19 506 тонн", "19506", "19 506"],
    ["19\u00a0506 тонн", "19506", "19\u00a0506"],
    ["19\u202f506 тонн", "19506", "19\u202f506"],
    ["1 234 567 человек", "1234567", "1 234 567"],
    ["350 000,5 тенге", "350000.5", "350 000,5"],
    ["1,234 млрд", "1234000000", "1,234 млрд"],
    ["0,125 млн", "125000", "0,125 млн"],
    ["1.5 млрд", "1500000000", "1.5 млрд"],
    ["3,2 трлн тенге", "3200000000000", "3,2 трлн"],
    ["5,3 тыс. рабочих", "5300", "5,3 тыс."],
    ["88, 5%", "88.5", "88, 5"],
    ["2024 году", "2024", "2024"],
    ["7", "7", "7"],
  ];
  for (const [input, value, covered] of cases)
    it(`"${input}" → ${value} over "${covered}"`, () => {
      const got = parse(input);
      expect(got?.value).toBe(value);
      expect(got?.text).toBe(covered);
    });

  it("a stray space after the decimal comma joins only before a unit or scale: '88, 5%' but not '88, 5 регионов'", () => {
    expect(parse("88, 5%")?.value).toBe("88.5");
    expect(parse("88, 5 регионов")?.value).toBe("88");
  });
  it("a scaled number that ends the text is read (no token after it): '… 3 млрд'", () => {
    expect(parse("3 млрд")?.value).toBe("3000000000");
    expect(parse("полтора миллиона")?.value).toBe("1500000");
  });
  it("a thousands group is joined when a list goes on after a comma and a space: '1 000, 250 и 300' is 1000", () => {
    expect(parse("1 000, 250 и 300")?.value).toBe("1000");
  });
  it("a four-digit group does not join a thousands group: '2024 100' is 2024", () => {
    expect(parse("2024 100 тонн")?.value).toBe("2024");
  });
});

describe("parseNumber: number words and scales", () => {
  const cases: Array<[string, string, string]> = [
    ["сорок пять", "45", "words"],
    ["сто двадцать три", "123", "words"],
    ["двести", "200", "words"],
    ["полтора миллиона долларов", "1500000", "words"],
    ["полутора миллиардов", "1500000000", "words"],
    ["три триллиона 100 миллиардов тенге", "3100000000000", "words"],
    ["два миллиарда рублей", "2000000000", "words"],
    ["миллион долларов", "1000000", "words"],
    ["тысячу тенге", "1000", "words"],
    ["5 млрд 300 млн тенге", "5300000000", "digits"],
    ["четыре моногорода", "4", "words"],
    ["два с половиной миллиарда тенге", "2500000000", "words"],
    ["3 с половиной тысячи", "3500", "digits"],
    ["двух ферм", "2", "words"],
  ];
  for (const [input, value, kind] of cases)
    it(`"${input}" → ${value} (${kind})`, () => {
      const got = parse(input);
      expect(got?.value).toBe(value);
      expect(got?.kind).toBe(kind);
    });

  it("words combine from larger to smaller place values only: 'два три' is 2", () => {
    expect(parse("два три")?.value).toBe("2");
    expect(parse("двадцать десять")?.value).toBe("20");
  });
  it("scales combine in decreasing order only: '2 млн 3 млрд' stops at 2 млн", () => {
    expect(parse("2 млн 3 млрд")?.value).toBe("2000000");
  });
  it("a trailing plain number after a scaled part is not added: '2 миллиона 500' is 2000000", () => {
    expect(parse("2 миллиона 500")?.value).toBe("2000000");
  });
  it("a case ending glued to digits belongs to the number: '5-ти млрд', '30-ти', '2-х тысяч', '3-ех'", () => {
    expect(parse("5-ти млрд тенге")).toMatchObject({ value: "5000000000", text: "5-ти млрд" });
    expect(parse("30-ти проектов")).toMatchObject({ value: "30", text: "30-ти" });
    expect(parse("2-х тысяч")).toMatchObject({ value: "2000", text: "2-х тысяч" });
    expect(parse("3-ех лет")).toMatchObject({ value: "3", text: "3-ех" });
  });
  it("'5-х' and '1990-х' are ordinals, not cardinals with an ending", () => {
    expect(parse("5-х классов")?.text).toBe("5");
    expect(parse("1990-х годах")?.text).toBe("1990");
  });
  it("vague amounts have no value: 'несколько миллионов', 'миллионы', 'сотни тысяч', a bare 'тысяч' or 'млрд'", () => {
    for (const v of ["несколько миллионов долларов", "миллионы долларов", "сотни тысяч", "тысяч рабочих мест", "тысячи тенге", "млрд тенге"]) {
      const got = parse(v);
      expect(got, v).not.toBeNull();
      expect(got!.value, v).toBeNull();
      expect(got!.kind, v).toBe("vague");
    }
  });
  it("a vague word without a scale is no number: 'несколько проектов'", () => {
    expect(parse("несколько проектов")).toBeNull();
  });
});

describe("parseNumber: signs", () => {
  const cases: Array<[string, 1 | -1 | 0, string, string]> = [
    // input, sign, value, the text the number covers
    ["(+8,3%)", 1, "8.3", "+8,3"],
    ["рост +8,3%", 1, "8.3", "+8,3"],
    ["спад −5,6%", -1, "-5.6", "−5,6"],
    ["спад -5,6%", -1, "-5.6", "-5,6"],
    ["спад – 5,6%", 0, "5.6", "5,6"],
    ["на 5,6%", 0, "5.6", "5,6"],
  ];
  for (const [input, sign, value, covered] of cases)
    it(`"${input}": sign ${sign}, value ${value}`, () => {
      const at = tokenize(input).findIndex((t) => t.kind === "num");
      const got = parse(input, at);
      expect(got?.sign).toBe(sign);
      expect(got?.value).toBe(value);
      expect(got?.text).toBe(covered);
    });

  it("the dash of a range is no sign: '50-70' has no negative 70", () => {
    const text = "50-70 млн";
    const tokens = tokenize(text);
    const d = parseDigits(tokens, 2, tokens.length, text, rules);
    expect(d?.sign).toBe(0);
    expect(d && toExactString(d.value)).toBe("70");
  });
  it("a word glued to a hyphen is no sign: 'Ту-154' is not -154", () => {
    const text = "Ту-154";
    const tokens = tokenize(text);
    expect(parseDigits(tokens, 2, tokens.length, text, rules)).toBeNull();
  });
});

describe("parseDigits: numbers that are no figure", () => {
  const cases: Array<[string, string]> = [
    ["COVID-19", "19"],
    ["Ту-154", "154"],
    ["14.06.2024", "14"],
    ["10:30", "10"],
    ["10:30", "30"],
    ["14.06.2024", "06"],
    ["%D0%BE", "0"],
    ["id=42", "42"],
    ["/2024/", "2024"],
    ["A320", "320"],
  ];
  for (const [text, digits] of cases)
    it(`"${digits}" in "${text}"`, () => {
      const tokens = tokenize(text);
      const i = tokens.findIndex((t) => t.kind === "num" && t.text === digits);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(parseDigits(tokens, i, tokens.length, text, rules)).toBeNull();
    });
});
