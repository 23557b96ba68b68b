/**
 * The speed devices of the rule engine must never change what matches:
 * pattern sets against trying every pattern everywhere, quick rejections
 * against the full lookup, lexical classes against the lookups they stand
 * for, over every token of real texts.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { compileRules } from "../../src/rules/compile.js";
import { matchAt, parsePattern } from "../../src/rules/pattern.js";
import { tokenize, type Token } from "../../src/stages/segment/tokens.js";
import { FormClass, UNCLASSIFIED } from "../../src/rules/form-classes.js";
import { PatternSet, patternSetOf } from "../../src/rules/pattern-set.js";

const rules = compileRules("rules");

function texts(): string[] {
  const out: string[] = [];
  for (const dir of ["corpus", "../shared/corpus/seeds"]) if (existsSync(dir)) for (const f of readdirSync(dir)) if (f.endsWith(".txt")) out.push(readFileSync(join(dir, f), "utf8"));
  const dev = "../shared/bench/nerel/dev.jsonl";
  if (existsSync(dev)) for (const l of readFileSync(dev, "utf8").split("\n").slice(0, 100)) if (l) out.push((JSON.parse(l) as { text: string }).text);
  return out;
}

const docs = texts().map((t) => tokenize(t, 0, t.length, rules.classifier));
const lists = {
  cues: rules.cues,
  counted: rules.counted,
  planCues: rules.planCues,
  periods: rules.periods,
  changeUp: rules.measures.changeUp,
  share: rules.measures.share,
  bases: rules.measures.bases,
  subjects: rules.subjects,
};

describe("pattern sets find what trying every pattern finds", () => {
  it.each(Object.entries(lists))("%s: candidates hold every pattern matching at a token, in list order", (_, list) => {
    const set = patternSetOf(list as Array<{ pattern: Parameters<typeof matchAt>[0] }>);
    let matched = 0;
    for (const tokens of docs)
      for (let i = 0; i < tokens.length; i++) {
        const all = (list as Array<{ pattern: Parameters<typeof matchAt>[0] }>).filter((p) => matchAt(p.pattern, tokens, i, tokens.length, rules.env));
        const cands = set.candidates(tokens[i], rules.env);
        for (const p of all) expect(cands).toContain(p);
        expect(cands.map((c) => list.indexOf(c as never))).toEqual([...cands.map((c) => list.indexOf(c as never))].sort((a, b) => a - b));
        expect(set.canStartAt(tokens[i], rules.env)).toBe(cands.length > 0);
        matched += all.length;
      }
    expect(matched).toBeGreaterThan(0);
  });

  it("periods by their rarest element: exactly the matches of a scan of every position", () => {
    let n = 0;
    for (const tokens of docs) {
      const got = rules.sets.periodAnchors.matches(tokens, 0, tokens.length, rules.env, FormClass.periodAnchor).map((m) => [m.from, m.to, m.order]);
      const want: number[][] = [];
      for (let i = 0; i < tokens.length; i++)
        rules.periods.forEach((p, order) => {
          const m = matchAt(p.pattern, tokens, i, tokens.length, rules.env);
          if (m) want.push([i, m.to, order]);
        });
      want.sort((x, y) => x[0] - y[0] || y[1] - x[1] || x[2] - y[2]);
      expect(got).toEqual(want);
      n += want.length;
    }
    expect(n).toBeGreaterThan(20);
  });

  it("periods by their rarest element, inside a window of tokens (as in a sentence): the matches of a scan of the window", () => {
    // windows cut matches at both ends, so an anchor's neighbour can lie outside its window
    let n = 0;
    for (const tokens of docs)
      for (let from = 0; from < tokens.length; from += 17) {
        const to = Math.min(tokens.length, from + 25);
        const got = rules.sets.periodAnchors.matches(tokens, from, to, rules.env, FormClass.periodAnchor).map((m) => [m.from, m.to, m.order]);
        const want: number[][] = [];
        for (let i = from; i < to; i++)
          rules.periods.forEach((p, order) => {
            const m = matchAt(p.pattern, tokens, i, to, rules.env);
            if (m) want.push([i, m.to, order]);
          });
        want.sort((x, y) => x[0] - y[0] || y[1] - x[1] || x[2] - y[2]);
        expect(got).toEqual(want);
        n += want.length;
      }
    expect(n).toBeGreaterThan(20);
  });
});

describe("quick rejection by a word's first letters", () => {
  // keys of one, two and three or more letters; stems are keyed with "нн" read as "н"
  const set = new PatternSet(["=в", "=по", "рос*", "производство", "инновация", "финансирование"].map((p) => ({ pattern: parsePattern(p) })));
  const cases: Array<[string, boolean]> = [
    ["в", true],
    ["во", false],
    ["по", true],
    ["пол", false],
    ["рост", true],
    ["рот", false],
    ["производства", true],
    ["пр", false],
    ["инновации", true],
    ["иновации", true],
    ["финансирования", true],
    ["финиш", false],
  ];
  it.each(cases)("%s: may start a pattern %s, as the full lookup says", (word, starts) => {
    const [t] = tokenize(word);
    expect(set.canStartAt(t, rules.env)).toBe(starts);
    expect(set.candidates(t, rules.env).length > 0).toBe(starts);
  });
});

describe("lexical classes stand for the lookups they replace", () => {
  const has = (t: Token, c: number) => (t.classes & c) !== 0;
  it("on every token of the texts", () => {
    let seen = 0;
    // the plan cues' set is gated by its class: checked against a set of the same patterns without a gate
    const plans = new PatternSet(rules.planCues);
    for (const tokens of docs)
      for (const t of tokens) {
        seen++;
        expect(t.classes).not.toBe(UNCLASSIFIED);
        expect(has(t, FormClass.gazetteerStart)).toBe(rules.gazetteer.has(t.norm));
        expect(has(t, FormClass.regionAdjective)).toBe(t.text !== t.norm && rules.regionAdjectives.has(t.norm));
        expect(has(t, FormClass.referenceStart)).toBe(rules.sets.references.candidates(t, rules.env).length > 0);
        expect(has(t, FormClass.cueStart)).toBe(rules.sets.cues.candidates(t, rules.env).length > 0);
        expect(has(t, FormClass.planCueStart)).toBe(plans.candidates(t, rules.env).length > 0);
        expect(rules.sets.planCues.candidates(t, rules.env)).toEqual(plans.candidates(t, rules.env));
        expect(has(t, FormClass.numberLike)).toBe(t.kind === "num" || (t.kind === "word" && (rules.numerals.has(t.norm) || rules.scales.has(t.norm))));
        expect(has(t, FormClass.quantityStart)).toBe(
          t.kind === "num" || rules.numerals.has(t.norm) || rules.scales.has(t.norm) || rules.scaleAbbreviations.has(t.norm) || (t.kind === "punct" && rules.unitIndex.has(t.norm)),
        );
      }
    expect(seen).toBeGreaterThan(2_000);
  });

  it("a token tokenized without rules has every class (the detectors then look everything up)", () => {
    for (const t of tokenize("Рост 5% в Алматы")) expect(t.classes).toBe(UNCLASSIFIED);
  });
});
