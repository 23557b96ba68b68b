import { describe, expect, it } from "vitest";
import { compileRules } from "../../../src/rules/compile.js";
import { EN_MENTION_STAGES, runDocument } from "../../../src/pipeline.js";
import { layer } from "../../../src/core/annotated.js";
import { toMentions } from "../../../src/sinks/record-json.js";
import { rawDoc } from "../../core/run.js";

const en = compileRules("rules").byLanguage.get("en")!;

/** The mentions of an English text: [text, exact amount, unit, qualifier, type]. */
function mentions(text: string) {
  const doc = runDocument(rawDoc(text, "2024-10-25"), en, EN_MENTION_STAGES);
  const quantities = layer(doc, "quantities");
  // every value span is the source text at its offsets
  for (const q of quantities) expect(q.end).toBeGreaterThan(q.start);
  return toMentions(doc, quantities).map((m) => [m.text, m.amount === null ? null : String(m.amount), m.unit, m.qualifier, m.type]);
}

describe("English numbers (rules/en, compromise for number words)", () => {
  it.each([
    // digits as English writes them: comma between thousands, point before decimals
    ["Exports reached 1,234.5 million US dollars.", [["1,234.5 million US dollars", "1234500000", "USD", "exact", "money"]]],
    ["The budget is 3.2 trillion tenge.", [["3.2 trillion tenge", "3200000000000", "KZT", "exact", "money"]]],
    ["It has 1,234,567 residents.", [["1,234,567", "1234567", null, "exact", "number"]]],
    ["GDP grew by 4.8%.", [["4.8%", "4.8", "percent", "exact", "percent"]]],
    ["Growth was +8.3% and -2.1% elsewhere.", [["+8.3%", "8.3", "percent", "exact", "percent"], ["-2.1%", "-2.1", "percent", "exact", "percent"]]],
    ["Inflation was 8.5 percent, down 0.4 percentage points.", [["8.5 percent", "8.5", "percent", "exact", "percent"], ["0.4 percentage points", "0.4", "pp", "exact", "percent"]]],
    // a currency symbol before, scale abbreviations
    ["The deal is worth $285 billion.", [["$285 billion", "285000000000", "USD", "exact", "money"]]],
    ["Investors put in €12 mln and 5 bn tenge.", [["€12 mln", "12000000", "EUR", "exact", "money"], ["5 bn tenge", "5000000000", "KZT", "exact", "money"]]],
    // qualifiers
    ["About 40% of firms, over 15 thousand jobs, nearly 2 billion tenge.", [["40%", "40", "percent", "approx", "percent"], ["15 thousand jobs", "15000", "count", "over", "count"], ["2 billion tenge", "2000000000", "KZT", "almost", "money"]]],
    ["It produced at least 3.5 million tonnes.", [["3.5 million tonnes", "3500000", "t", "at_least", "quantity"]]],
    // number words, read by compromise; a counted noun of the catalogue after the number; multiples
    ["Two hundred new schools were built.", [["Two hundred new schools", "200", "count", "exact", "count"]]],
    ["Twelve thousand people attended.", [["Twelve thousand", "12000", null, "exact", "number"]]],
    // a run of number words is one number ("two hundred and fifty"); "two and three" are two
    ["Two hundred and fifty schools, two and three plants, one hundred twenty-five jobs.", [["Two hundred and fifty schools", "250", "count", "exact", "count"], ["two", "2", null, "exact", "number"], ["three", "3", null, "exact", "number"], ["one hundred twenty-five jobs", "125", "count", "exact", "count"]]],
    // number words joined by a hyphen: one number, with the scale after it (not "thousand tonnes", 1,000 t)
    ["Forty-two thousand tonnes of grain and twenty-five plants.", [["Forty-two thousand tonnes", "42000", "t", "exact", "quantity"], ["twenty-five", "25", null, "exact", "number"]]],
    // currency codes either side of the number
    ["Exports reached KZT 950 billion, or 950 billion KZT; CNY 12 mln and US$ 1.5 billion came too.", [["KZT 950 billion", "950000000000", "KZT", "exact", "money"], ["950 billion KZT", "950000000000", "KZT", "exact", "money"], ["CNY 12 mln", "12000000", "CNY", "exact", "money"], ["US$ 1.5 billion", "1500000000", "USD", "exact", "money"]]],
    // a currency code glued to the number is its unit; other letters glued to digits make an identifier
    ["Revenue was KZT1.2 trillion; the A320 and id=42 are no figures.", [["KZT1.2 trillion", "1200000000000", "KZT", "exact", "money"]]],
    ["Exports rose three times, output increased twofold.", [["three times", "3", "times", "exact", "ratio"], ["twofold", "2", "times", "exact", "ratio"]]],
    // ranges
    ["Prices rose 5-7%.", [["5-7%", "5", "percent", "exact", "percent"]]],
    // not numbers: dates, times, names, years in a period
    ["On 14.06.2024 at 10:30 COVID-19 cases fell in 2023.", []],
  ] as const)("%s", (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});
