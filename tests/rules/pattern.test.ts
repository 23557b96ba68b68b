import { describe, expect, it } from "vitest";
import { compileRules } from "../../src/rules/compile.js";
import { findAll, matchAt, MAX_ELEMENTS, MAX_OPTIONAL, parsePattern, PatternError } from "../../src/rules/pattern.js";
import { tokenize } from "../../src/stages/segment/tokens.js";

const rules = compileRules("rules");
const env = rules.env;

/** The text matched by `pattern` at the start of `text`, or null. */
function match(pattern: string, text: string): string | null {
  const tokens = tokenize(text);
  const m = matchAt(parsePattern(pattern), tokens, 0, tokens.length, env);
  return m ? text.slice(tokens[m.from].start, tokens[m.to - 1].end) : null;
}

describe("pattern elements", () => {
  const cases: Array<[string, string, string | null]> = [
    // pattern, text, what it matches (null: no match)
    ["инвестиция", "инвестиций в регион", "инвестиций"],
    ["инвестиция", "инвестициям", "инвестициям"],
    ["промышленность", "промышленности", "промышленности"],
    ["экспорт", "экспорта", "экспорта"],
    ["экспорт", "экспортеры", "экспортеры"], // long stems may be prefixes of each other
    ["место", "местный", null], // short stems (under 5 letters) must be equal
    ["школа", "школьный", null],
    ["место", "места", "места"],
    ["=года", "года", "года"],
    ["=года", "годы", null],
    ["=год|года|году", "году", "году"],
    ["=год|года|году", "годом", null],
    ["инвестиц*", "инвестиционных проектов", "инвестиционных"],
    ["инвестиц*", "инвестор", null],
    ["ВРП", "ВРП региона", "ВРП"],
    ["ВРП", "врп", "врп"],
    ["объем", "объём", "объём"],
    ["<num> месяц*", "8 месяцев", "8 месяцев"],
    ["<num> месяц*", "восьми месяцев", "восьми месяцев"],
    ["<num> месяц*", "первых месяцев", null],
    ["<year> год*", "2024 году", "2024 году"],
    ["<year> год*", "1800 году", null],
    ["<year> год*", "20245 году", null],
    ["<month> <year>", "января 2024", "января 2024"],
    ["<month>", "январь-май", "январь-май"],
    ["<month>", "мая", "мая"],
    ["<num> <dash> <num>", "50–70", "50–70"],
    ["<num> <dash> <num>", "50—70", "50—70"],
    ["<word> ( <num> % )", "рост (8 %)", "рост (8 %)"],
    ["за|по итог*? <num> месяц*", "по итогам 8 месяцев", "по итогам 8 месяцев"],
    ["за|по итог*? <num> месяц*", "за 8 месяцев", "за 8 месяцев"],
    ["перв*? квартал*", "квартале", "квартале"],
  ];
  for (const [pattern, text, want] of cases)
    it(`'${pattern}' on '${text}' → ${want === null ? "no match" : `'${want}'`}`, () => {
      expect(match(pattern, text)).toBe(want);
    });

  it("a leading '=' makes every alternative exact ('=a|b' is exact for b too)", () => {
    const p = parsePattern("=страны|республики");
    expect(p.elements[0].alternatives.map((a) => a.kind)).toEqual(["exact", "exact"]);
    expect(match("=страны|республики", "республикой")).toBeNull();
  });
  it("matching is anchored at the start and takes the longest match", () => {
    expect(match("рост экономики?", "рост экономики региона")).toBe("рост экономики");
    expect(match("экономики", "рост экономики")).toBeNull();
  });
  it("an optional element may be skipped and the longest alternative wins", () => {
    const tokens = tokenize("по итогам 8 месяцев");
    const m = matchAt(parsePattern("по итог*? <num> месяц*"), tokens, 0, tokens.length, env);
    expect([m?.from, m?.to]).toEqual([0, 4]);
    expect(match("по итог*? <num> месяц*", "по 8 месяцев")).toBe("по 8 месяцев");
    expect(match("рост на? <num>", "рост на 5")).toBe("рост на 5");
  });
  it("never matches past the limit", () => {
    const tokens = tokenize("за 8 месяцев");
    expect(matchAt(parsePattern("за <num> месяц*"), tokens, 0, 2, env)).toBeNull();
  });
});

describe("findAll: leftmost-longest, non-overlapping", () => {
  it("finds each match once, the longer one where two start together", () => {
    const tokens = tokenize("рост экономики и рост экономики страны");
    const pats = [{ pattern: parsePattern("рост экономики") }, { pattern: parsePattern("рост экономики страны") }];
    const got = findAll(pats, tokens, 0, tokens.length, env).map((x) => [x.match.from, x.match.to, x.rule.pattern.source]);
    expect(got).toEqual([
      [0, 2, "рост экономики"],
      [3, 6, "рост экономики страны"],
    ]);
  });
});

describe("parsePattern: errors an analyst gets", () => {
  const bad: Array<[string, RegExp]> = [
    ["", /empty pattern/],
    ["<nums>", /unknown class <nums>/],
    ["а*", /too short/],
    ["ин*вест", /"\*" may only end a word/],
    ["a||b", /empty alternative/],
    ["рост?", /every element is optional/],
    [Array(MAX_ELEMENTS + 1).fill("а").join(" "), new RegExp(`at most ${MAX_ELEMENTS}`)],
    [Array(MAX_OPTIONAL + 1).fill("а?").concat("б").join(" "), new RegExp(`at most ${MAX_OPTIONAL}`)],
  ];
  for (const [source, message] of bad)
    it(JSON.stringify(source), () => {
      expect(() => parsePattern(source)).toThrow(PatternError);
      expect(() => parsePattern(source)).toThrow(message);
    });
  it("the largest pattern allowed parses and matches in bounded time", () => {
    const source = Array(MAX_OPTIONAL).fill("<word>?").concat(Array(MAX_ELEMENTS - MAX_OPTIONAL).fill("<word>")).join(" ");
    const p = parsePattern(source);
    const tokens = tokenize(Array(2000).fill("слово").join(" "));
    const t0 = performance.now();
    for (let i = 0; i < tokens.length; i++) matchAt(p, tokens, i, tokens.length, env);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe("the catalogue's one-word cues do not fire on common words (stemming traps)", () => {
  // a one-word cue written as a stem ("надой") matches every word with the same
  // stem ("над", "надо"); such cues must be written as exact forms or prefixes
  const common = (
    "в и на с по что не из он его о за к как был после а от также для у до это время ее будет я об который она во было со но " +
    "однако этом уже того еще была пост том где при более все стал стала стали были ему под этого когда ранее их заявил является " +
    "над надо надеюсь займет займется место места раз года году день люди человек глава тем чем если можно нужно должен " +
    "сказал сообщил отметил словам данным ходе рамках числе связи целом итогам качестве порядка около почти свыше"
  ).split(" ");
  const oneWord = rules.cues.filter((c) => c.pattern.elements.length === 1);

  it("has one-word cues to check", () => {
    expect(oneWord.length).toBeGreaterThan(30);
  });
  for (const w of common)
    it(`'${w}'`, () => {
      const tokens = tokenize(w);
      const hits = oneWord.filter((c) => matchAt(c.pattern, tokens, 0, 1, env)).map((c) => `${c.id}: ${c.pattern.source}`);
      expect(hits).toEqual([]);
    });
});
