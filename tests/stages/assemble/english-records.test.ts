/**
 * Record assembly over English sentences (rules/en): what English writes
 * differently from Russian: number words joined by a hyphen, a currency code
 * before the number, the owner before the indicator ("Kazakhstan's GDP"),
 * names in the possessive ("the Almaty region's"), periods ("the third quarter
 * of 2025", "Q3 2025") and how numbers combine ("from 27 to 20", "between 2
 * and 3 billion", "3.2 and 2.8 million … respectively").
 * Each row lists every record its text must give.
 */
import { describe, expect, it } from "vitest";
import { compileRules } from "../../../src/rules/compile.js";
import { expectRecords, type recordView } from "../../core/run.js";

const en = compileRules("rules").byLanguage.get("en")!;

type View = ReturnType<typeof recordView>;
type Want = Partial<View> & Pick<View, "value" | "indicator" | "amount" | "unit" | "territory">;

function check(text: string, want: Want[]) {
  expectRecords(en, text, "2025-03-20", want);
}

describe("records: English articles", () => {
  it.each<[string, Want[]]>([
    // a hyphenated number word is one number: not "thousand tonnes" (1,000 t)
    [
      "The Kostanay region exported forty-two thousand tonnes of grain in 2024.",
      [{ value: "forty-two thousand tonnes", indicator: "exports", amount: 42000, unit: "t", territory: "KZ-39" }],
    ],
    // a currency code before the number, as English writes it; US$ whole
    [
      "Exports of the Atyrau region amounted to KZT 950 billion, and imports reached USD 1.2 billion.",
      [
        { value: "KZT 950 billion", indicator: "exports", amount: 950e9, unit: "KZT", territory: "KZ-23" },
        { value: "USD 1.2 billion", indicator: "imports", amount: 1.2e9, unit: "USD", territory: "KZ-23" },
      ],
    ],
    ["Investment in fixed assets in the Pavlodar region reached US$ 1.5 billion.", [{ value: "US$ 1.5 billion", indicator: "fixed_capital_investment", amount: 1.5e9, unit: "USD", territory: "KZ-55" }]],
    // the country before the indicator's cue is its territory, not the region named after the figure
    [
      "Kazakhstan's GDP grew by 4.8% in 2024, while industrial output in the Karaganda region rose by 3.1%.",
      [
        { value: "4.8%", indicator: "gdp", amount: 4.8, unit: "percent", territory: "KZ" },
        { value: "3.1%", indicator: "industrial_output", amount: 3.1, unit: "percent", territory: "KZ-35" },
      ],
    ],
    // names as owners: "the Almaty region's" is the region (not Almaty, the city), "Almaty's" the city
    ["The Almaty region's industrial output rose by 3.1% in 2024.", [{ value: "3.1%", indicator: "industrial_output", amount: 3.1, unit: "percent", territory: "KZ-19" }]],
    ["The East Kazakhstan region’s GDP grew by 5% in 2024.", [{ value: "5%", indicator: "gdp", amount: 5, unit: "percent", territory: "KZ-63" }]],
    ["Almaty's retail trade grew by 7% in 2024.", [{ value: "7%", indicator: "trade", amount: 7, unit: "percent", territory: "KZ-75" }]],
    // "in Kazakhstan" places the figure in the country, after a paragraph about a region; so does "the national average"
    [
      "In the Karaganda region industrial output rose by 3% in 2024. Inflation in Kazakhstan slowed to 8.5% in October.",
      [
        { value: "3%", indicator: "industrial_output", amount: 3, unit: "percent", territory: "KZ-35" },
        { value: "8.5%", indicator: "inflation", amount: 8.5, unit: "percent", territory: "KZ" },
      ],
    ],
    [
      "In the Karaganda region, wages grew by 9% in 2024, above the national average of 7%.",
      [
        { value: "9%", indicator: "avg_monthly_wage", amount: 9, unit: "percent", territory: "KZ-35" },
        { value: "7%", indicator: "avg_monthly_wage", amount: 7, unit: "percent", territory: "KZ" },
      ],
    ],
    // periods: a year after "of" is the expression's; "Q3", "H1" are two tokens each
    ["Unemployment fell to 4.6 percent in the third quarter of 2024.", [{ value: "4.6 percent", indicator: "unemployment_rate", amount: 4.6, unit: "percent", territory: null, period: "2024-07-01..2024-09-30 actual" }]],
    [
      "In Q3 2024, retail trade turnover reached KZT 4.1 trln, up 7.2% y/y.",
      [
        { value: "KZT 4.1 trln", indicator: "trade", amount: 4.1e12, unit: "KZT", territory: null, period: "2024-07-01..2024-09-30 actual" },
        { value: "7.2%", indicator: "trade", amount: 7.2, unit: "percent", territory: null, period: "2024-07-01..2024-09-30 actual" },
      ],
    ],
    ["In H1 2024, GDP grew by 4.1%.", [{ value: "4.1%", indicator: "gdp", amount: 4.1, unit: "percent", territory: null, period: "2024-01-01..2024-06-30 actual" }]],
    // how numbers combine (numerals.yaml): a transition, a range, joined numbers with "respectively", years joined by "and"
    [
      "Exports rose from 1.2 to 1.5 billion dollars in 2024.",
      [
        { value: "1.2", indicator: "exports", amount: 1.2e9, unit: "USD", territory: null, period: "2024-01-01..2024-12-31 actual" },
        { value: "1.5 billion dollars", indicator: "exports", amount: 1.5e9, unit: "USD", territory: null, period: "2024-01-01..2024-12-31 actual" },
      ],
    ],
    ["Investment in the Abai region is estimated at between 2 and 3 billion dollars in 2024.", [{ value: "between 2 and 3 billion dollars", indicator: "investment", amount: 2e9, unit: "USD", territory: "KZ-10" }]],
    [
      "In Astana and Almaty, housing commissioning amounted to 3.2 and 2.8 million square meters in 2024, respectively.",
      [
        { value: "3.2", indicator: "housing", amount: 3.2e6, unit: "m2", territory: "KZ-71" },
        { value: "2.8 million square meters", indicator: "housing", amount: 2.8e6, unit: "m2", territory: "KZ-75" },
      ],
    ],
    [
      "Exports grew by 5 and 7% in 2023 and 2024.",
      [
        { value: "5", indicator: "exports", amount: 5, unit: "percent", territory: null, period: "2023-01-01..2023-12-31 actual" },
        { value: "7%", indicator: "exports", amount: 7, unit: "percent", territory: null, period: "2024-01-01..2024-12-31 actual" },
      ],
    ],
    // "12% higher than a year earlier": a comparative right after the number makes it a change (measures.yaml: comparative_alone)
    [
      "The average monthly salary in the Abai region was 352,000 tenge, which is 12% higher than a year earlier.",
      [
        { value: "352,000 tenge", indicator: "avg_monthly_wage", measure: "level", amount: 352000, unit: "KZT", territory: "KZ-10" },
        { value: "12%", indicator: "avg_monthly_wage", measure: "change", direction: "up", amount: 12, unit: "percent", territory: "KZ-10" },
      ],
    ],
    // the level a change reached, after "to"; a counted thing named before the number
    [
      "The number of SMEs in the Abai region grew by 5% to 54,000.",
      [
        { value: "5%", indicator: "sme", measure: "change", amount: 5, unit: "percent", territory: "KZ-10" },
        { value: "54,000", indicator: "sme", measure: "level", amount: 54000, unit: "count", territory: "KZ-10" },
      ],
    ],
    // "to" is no upper bound in English ("до 5%" is): the qualifier stays exact
    ["Average salaries in the Abai region will be raised to 400,000 tenge.", [{ value: "400,000 tenge", indicator: "avg_monthly_wage", qualifier: "exact", amount: 400000, unit: "KZT", territory: "KZ-10" }]],
    // ranks: "3rd place" (the suffix glued to the digits), "ranks first" (a rank verb, no rank noun)
    ["The Abai region took 3rd place in terms of investment in 2024.", [{ value: "3rd place", indicator: "investment", measure: "rank", amount: 3, unit: "place", territory: "KZ-10" }]],
    ["The Turkistan region ranks first in the country in terms of investment.", [{ value: "first", indicator: "investment", measure: "rank", amount: 1, unit: "place", territory: "KZ-61" }]],
    // a list of changes written with "by" alone; a cue after a number that another number follows is that number's;
    // "by only 0.4%" (a filler) and "by nearly 5%" (a qualifier) are still "by"
    [
      "In the Abai region construction expanded by 13.2%, trade by 8.7% and transport by 8.1%, while mining output rose by only 0.4%.",
      [
        { value: "13.2%", indicator: "construction", measure: "change", direction: "up", amount: 13.2, unit: "percent", territory: "KZ-10" },
        { value: "8.7%", indicator: "trade", measure: "change", direction: "up", amount: 8.7, unit: "percent", territory: "KZ-10" },
        { value: "8.1%", indicator: "transport", measure: "change", direction: "up", amount: 8.1, unit: "percent", territory: "KZ-10" },
        { value: "0.4%", indicator: "industrial_output", measure: "change", direction: "up", amount: 0.4, unit: "percent", territory: "KZ-10" },
      ],
    ],
    ["Exports of the Abai region grew by nearly 5% in 2024.", [{ value: "5%", indicator: "exports", measure: "change", qualifier: "almost", amount: 5, unit: "percent", territory: "KZ-10" }]],
    // "growth of 3.5%": a change noun asserted by "of"
    ["The Karaganda region reported industrial growth of 3.5%.", [{ value: "3.5%", indicator: "industrial_output", measure: "change", direction: "up", amount: 3.5, unit: "percent", territory: "KZ-35" }]],
    // "ASTANA –" is where the report was filed; "Kazakhstan's economy" is what it is about
    [
      "ASTANA – Kazakhstan's economy grew by 4.8% in 2024. Gross domestic product reached 135 trillion tenge.",
      [
        { value: "4.8%", indicator: "gdp", measure: "change", amount: 4.8, unit: "percent", territory: "KZ" },
        { value: "135 trillion tenge", indicator: "gdp", measure: "level", amount: 135e12, unit: "KZT", territory: "KZ" },
      ],
    ],
    // "rose 12%" with no "by" (measures.yaml change_verbs_alone); "exceeded" is a threshold, not a change
    [
      "Retail trade turnover in the Zhambyl region grew 7.2% year-on-year, and coal output slumped 4%.",
      [
        { value: "7.2%", indicator: "trade", measure: "change", direction: "up", amount: 7.2, unit: "percent", territory: "KZ-31" },
        { value: "4%", indicator: "production", measure: "change", direction: "down", amount: -4, unit: "percent", territory: "KZ-31" },
      ],
    ],
    ["Exports of the Zhambyl region exceeded 5 billion dollars.", [{ value: "5 billion dollars", indicator: "exports", measure: "level", qualifier: "over", amount: 5e9, unit: "USD", territory: "KZ-31" }]],
    // a scaled number whose currency was left out takes the one named before it (units.yaml: ellipsis_followers)
    [
      "Investment in the Abai region reached 3 billion tenge in 2023 and 2.5 billion in 2024.",
      [
        { value: "3 billion tenge", indicator: "investment", amount: 3e9, unit: "KZT", territory: "KZ-10", period: "2023-01-01..2023-12-31 actual" },
        { value: "2.5 billion", indicator: "investment", amount: 2.5e9, unit: "KZT", territory: "KZ-10", period: "2024-01-01..2024-12-31 actual" },
      ],
    ],
    // "produced" with the product after the figure
    ["Akmola oblast produced 5.4 million tonnes of grain in 2024.", [{ value: "5.4 million tonnes", indicator: "production", measure: "level", amount: 5.4e6, unit: "t", territory: "KZ-11" }]],
    // a currency code glued to the number
    ["Tax revenues of the Zhambyl region amounted to KZT1.2 trillion in 2024.", [{ value: "KZT1.2 trillion", indicator: "tax_revenue", measure: "level", amount: 1.2e12, unit: "KZT", territory: "KZ-31" }]],
  ])("%s", (text, want) => check(text, want));
});
