import { describe, expect, it } from "vitest";
import { compileRules } from "../../../src/rules/compile.js";
import { MENTION_STAGES } from "../../../src/pipeline.js";
import { run } from "../../core/run.js";

const rules = compileRules("rules");

function periods(text: string, published: string | null) {
  const doc = run(rules, text, published, MENTION_STAGES);
  return doc.layers.periods!.map((p) => ({ text: text.slice(p.start, p.end), from: p.from, to: p.to, kind: p.kind, inferred: p.inferred }));
}

function only(text: string, published: string | null) {
  const ps = periods(text, published);
  expect(ps, JSON.stringify(ps)).toHaveLength(1);
  return ps[0];
}

type Want = { from: string | null; to: string | null; kind: string; text?: string };

describe("periods resolved against the publication date", () => {
  const cases: Array<[string, string, Want]> = [
    // published, sentence, expected
    ["2025-10-03", "За 8 месяцев рост составил 7%.", { from: "2025-01-01", to: "2025-08-31", kind: "actual", text: "За 8 месяцев" }],
    ["2025-10-03", "За восемь месяцев рост составил 7%.", { from: "2025-01-01", to: "2025-08-31", kind: "actual" }],
    ["2025-12-23", "По итогам 11 месяцев рост составил 7%.", { from: "2025-01-01", to: "2025-11-30", kind: "actual" }],
    ["2025-10-03", "По итогам прошлого года рост составил 7%.", { from: "2024-01-01", to: "2024-12-31", kind: "actual" }],
    ["2025-10-03", "В прошлом году рост составил 7%.", { from: "2024-01-01", to: "2024-12-31", kind: "actual" }],
    ["2025-10-03", "В позапрошлом году рост составил 7%.", { from: "2023-01-01", to: "2023-12-31", kind: "actual" }],
    ["2025-10-03", "За январь-май 2024 года рост составил 7%.", { from: "2024-01-01", to: "2024-05-31", kind: "actual", text: "За январь-май 2024 года" }],
    ["2025-10-03", "За январь – август 2025 года рост составил 5%.", { from: "2025-01-01", to: "2025-08-31", kind: "actual" }],
    ["2025-10-03", "В январе–сентябре рост составил 5%.", { from: "2025-01-01", to: "2025-09-30", kind: "actual" }],
    ["2025-10-03", "В январе-сентябре 2025 г. рост составил 5%.", { from: "2025-01-01", to: "2025-09-30", kind: "actual" }],
    ["2025-10-03", "В мае 2024 года рост составил 5%.", { from: "2024-05-01", to: "2024-05-31", kind: "actual" }],
    ["2025-10-03", "На начало 2024 года действует 100 субъектов.", { from: "2024-01-01", to: "2024-01-01", kind: "actual" }],
    ["2025-04-20", "С начала года инфляция составила 3,1%.", { from: "2025-01-01", to: "2025-04-20", kind: "actual", text: "С начала года" }],
    ["2025-04-20", "С начала текущего года инфляция составила 3,1%.", { from: "2025-01-01", to: "2025-04-20", kind: "actual" }],
    ["2025-10-03", "На конец 2024 года действует 100 субъектов.", { from: "2024-12-31", to: "2024-12-31", kind: "actual" }],
    ["2025-10-03", "На 1 января 2025 года действует 100 субъектов.", { from: "2025-01-01", to: "2025-01-01", kind: "actual" }],
    ["2025-10-03", "По состоянию на 1 октября действует 100 субъектов.", { from: "2025-10-01", to: "2025-10-01", kind: "actual" }],
    ["2025-10-03", "В 2023 году рост составил 5%.", { from: "2023-01-01", to: "2023-12-31", kind: "actual" }],
    ["2025-10-03", "В 2023 г. рост составил 5%.", { from: "2023-01-01", to: "2023-12-31", kind: "actual" }],
    ["2025-10-03", "По итогам 2024 года рост составил 5%.", { from: "2024-01-01", to: "2024-12-31", kind: "actual" }],
    ["2025-10-03", "В 2024-2025 годах построено 53 школы.", { from: "2024-01-01", to: "2025-12-31", kind: "actual" }],
    ["2025-10-03", "В 2020—2024 гг. рост составил 5%.", { from: "2020-01-01", to: "2024-12-31", kind: "actual" }],
    ["2025-10-03", "С 2019 по 2024 годы объемы выросли.", { from: "2019-01-01", to: "2024-12-31", kind: "actual" }],
    ["2025-10-03", "С 2019 года по 2024 год объемы выросли.", { from: "2019-01-01", to: "2024-12-31", kind: "actual" }],
    ["2025-10-03", "В первом квартале рост составил 5%.", { from: "2025-01-01", to: "2025-03-31", kind: "actual" }],
    ["2025-10-03", "В I квартале 2025 года рост составил 5%.", { from: "2025-01-01", to: "2025-03-31", kind: "actual" }],
    ["2025-10-03", "В III квартале рост составил 5%.", { from: "2025-07-01", to: "2025-09-30", kind: "actual" }],
    ["2025-10-03", "За первое полугодие 2023 года рост составил 5%.", { from: "2023-01-01", to: "2023-06-30", kind: "actual" }],
    ["2025-10-03", "Во втором полугодии 2024 года рост составил 5%.", { from: "2024-07-01", to: "2024-12-31", kind: "actual" }],
    ["2025-10-03", "За 11 месяцев прошлого года рост составил 5%.", { from: "2024-01-01", to: "2024-11-30", kind: "actual", text: "За 11 месяцев прошлого года" }],
    ["2025-10-03", "За 9 месяцев текущего года рост составил 5%.", { from: "2025-01-01", to: "2025-09-30", kind: "actual" }],
    ["2025-10-03", "В текущем году рост составил 5%.", { from: "2025-01-01", to: "2025-12-31", kind: "actual" }],
    // abbreviations and digits the regional press writes
    ["2025-10-03", "За 9 мес. 2025 г. рост составил 5%.", { from: "2025-01-01", to: "2025-09-30", kind: "actual", text: "За 9 мес. 2025 г" }],
    ["2025-10-03", "За 8 мес. рост составил 5%.", { from: "2025-01-01", to: "2025-08-31", kind: "actual" }],
    ["2025-10-03", "Итоги 8 месяцев 2024 года: рост 5%.", { from: "2024-01-01", to: "2024-08-31", kind: "actual" }],
    ["2025-10-03", "В январе-июне т.г. рост составил 5%.", { from: "2025-01-01", to: "2025-06-30", kind: "actual" }],
    ["2025-10-03", "За 1 полугодие 2025 года рост составил 5%.", { from: "2025-01-01", to: "2025-06-30", kind: "actual" }],
    ["2025-10-03", "В I полугодии рост составил 5%.", { from: "2025-01-01", to: "2025-06-30", kind: "actual" }],
    ["2025-10-03", "За 1-е полугодие рост составил 5%.", { from: "2025-01-01", to: "2025-06-30", kind: "actual" }],
    ["2025-10-03", "По состоянию на 01.10.2025 рост составил 5%.", { from: "2025-10-01", to: "2025-10-01", kind: "actual", text: "01.10.2025" }],
    ["2025-10-03", "На 01.01.2025 г. действует 100 субъектов.", { from: "2025-01-01", to: "2025-01-01", kind: "actual" }],
    ["2025-10-03", "Отчет от 14.06.2024 показал рост.", { from: "2024-06-14", to: "2024-06-14", kind: "actual" }],
    ["2025-10-03", "В 2023-м году рост составил 5%.", { from: "2023-01-01", to: "2023-12-31", kind: "actual" }],
  ];
  for (const [published, text, want] of cases)
    it(`${published}: ${text}`, () => {
      expect(only(text, published)).toMatchObject({ ...want, inferred: false });
    });
});

describe("periods without a year that would not be over by publication are last year's", () => {
  const cases: Array<[string, string, Want]> = [
    ["2025-03-03", "В первом квартале рост составил 5%.", { from: "2024-01-01", to: "2024-03-31", kind: "actual" }],
    ["2025-10-03", "За второе полугодие рост составил 5%.", { from: "2024-07-01", to: "2024-12-31", kind: "actual" }],
    ["2025-08-15", "За 8 месяцев рост составил 5%.", { from: "2024-01-01", to: "2024-08-31", kind: "actual" }],
    ["2025-09-01", "За 8 месяцев рост составил 5%.", { from: "2025-01-01", to: "2025-08-31", kind: "actual" }],
    ["2025-10-03", "В четвертом квартале рост составил 5%.", { from: "2024-10-01", to: "2024-12-31", kind: "actual" }],
  ];
  for (const [published, text, want] of cases)
    it(`${published}: ${text}`, () => {
      expect(only(text, published)).toMatchObject(want);
    });
});

describe("plans and targets", () => {
  const cases: Array<[string, string, Want]> = [
    ["2025-10-03", "До 2030 года планируется привлечь 4,5 трлн тенге.", { from: null, to: "2030-12-31", kind: "plan", text: "До 2030 года" }],
    ["2025-10-03", "К 2029 году экономика вырастет вдвое.", { from: null, to: "2029-12-31", kind: "target", text: "К 2029 году" }],
    ["2025-10-03", "До конца года будет построено 5 школ.", { from: null, to: "2025-12-31", kind: "plan" }],
    ["2025-10-03", "До конца текущего года откроют 5 школ.", { from: null, to: "2025-12-31", kind: "plan" }],
    ["2025-10-03", "В 2026 году планируется рост на 5%.", { from: "2026-01-01", to: "2026-12-31", kind: "plan" }],
    ["2025-10-03", "В следующем году рост составит 5%.", { from: "2026-01-01", to: "2026-12-31", kind: "plan" }],
    ["2025-10-03", "В этом году рост составит 5%.", { from: "2025-01-01", to: "2025-12-31", kind: "plan" }],
    ["2025-10-03", "В 2025–2029 годах объем вырастет.", { from: "2025-01-01", to: "2029-12-31", kind: "plan" }],
    ["2025-10-03", "В 2024-2025 годах построят 53 школы.", { from: "2024-01-01", to: "2025-12-31", kind: "plan" }],
    ["2025-10-03", "В 2024-2025 годах намерены построить 53 школы.", { from: "2024-01-01", to: "2025-12-31", kind: "plan" }],
    ["2025-10-03", "В четвертом квартале рост составит 5%.", { from: "2025-10-01", to: "2025-12-31", kind: "plan" }],
  ];
  for (const [published, text, want] of cases)
    it(`${published}: ${text}`, () => {
      expect(only(text, published)).toMatchObject(want);
    });
});

describe("without a publication date", () => {
  it("the year comes from the text and the period says it was inferred", () => {
    const ps = periods("В 2024 году рост составил 5%. За 8 месяцев рост составил 7%.", null);
    expect(ps).toEqual([
      { text: "2024 году", from: "2024-01-01", to: "2024-12-31", kind: "actual", inferred: false },
      { text: "За 8 месяцев", from: "2024-01-01", to: "2024-08-31", kind: "actual", inferred: true },
    ]);
  });
  it("a plan year ('до 2030 года') is not taken as the reference year", () => {
    const ps = periods("В 2023 году рост. До 2030 года рост. За 8 месяцев рост.", null);
    expect(ps.find((p) => p.text === "За 8 месяцев")).toMatchObject({ from: "2023-01-01", inferred: true });
  });
  it("with no year at all, a relative period is left out rather than guessed", () => {
    expect(periods("За 8 месяцев рост составил 7%. По итогам прошлого года рост.", null)).toEqual([]);
  });
});

describe("periods relative to the one before them ('годом ранее')", () => {
  it("moves the sentence's period before it back a year, the month's last day kept its last", () => {
    expect(periods("За январь-февраль 2024 года рост 5% против 3% годом ранее.", "2024-03-15")).toEqual([
      { text: "За январь-февраль 2024 года", from: "2024-01-01", to: "2024-02-29", kind: "actual", inferred: false },
      { text: "годом ранее", from: "2023-01-01", to: "2023-02-28", kind: "actual", inferred: false },
    ]);
  });
  it("takes the paragraph's last period when the sentence has none before it", () => {
    expect(periods("За 9 месяцев 2025 года рост 5%. Год назад рост составлял 3%.", "2025-10-03").map((p) => [p.text, p.from, p.to])).toEqual([
      ["За 9 месяцев 2025 года", "2025-01-01", "2025-09-30"],
      ["Год назад", "2024-01-01", "2024-09-30"],
    ]);
  });
  it("is always actual, even in a sentence that speaks of plans", () => {
    expect(periods("В 2026 году планируется рост на 5% против 3% годом ранее.", "2025-10-03").map((p) => p.kind)).toEqual(["plan", "actual"]);
  });
  it("gives nothing with no period before it in its paragraph", () => {
    expect(periods("За 9 месяцев 2025 года рост 5%.\n\nГодом ранее рост составлял 3%. Рост 5% против 3% годом ранее.", "2025-10-03").map((p) => p.text)).toEqual(["За 9 месяцев 2025 года"]);
  });
});

describe("no period", () => {
  for (const text of ["Рост составил 5%.", "Код 32.13.2024 неверный.", "Телефон 8 (7172) 55-66-77.", "Приняли участие 300 человек.", "В течение трех лет рост."])
    it(JSON.stringify(text), () => {
      expect(periods(text, "2025-10-03")).toEqual([]);
    });
});

describe("years joined by 'и'", () => {
  it("are one mention spanning both years, holding each year with its own span", () => {
    const text = "В 2023 и 2024 годах построено 12 и 15 школ.";
    const doc = run(rules, text, "2025-10-03", MENTION_STAGES);
    const [p] = doc.layers.periods!;
    expect([text.slice(p.start, p.end), p.from, p.to]).toEqual(["2023 и 2024 годах", "2023-01-01", "2024-12-31"]);
    expect(p.each!.map((y) => [text.slice(y.start, y.end), y.from, y.to])).toEqual([
      ["2023", "2023-01-01", "2023-12-31"],
      ["2024 годах", "2024-01-01", "2024-12-31"],
    ]);
  });
});

describe("a period named again ('за отчетный период')", () => {
  it("is the period named before it, also in an earlier paragraph", () => {
    expect(periods("В январе-сентябре 2025 года рост 5%.\n\nЗа отчетный период построено 12 школ. В этот период открыто 3 завода.", "2025-10-10").map((p) => [p.text, p.from, p.to])).toEqual([
      ["В январе-сентябре 2025 года", "2025-01-01", "2025-09-30"],
      ["За отчетный период", "2025-01-01", "2025-09-30"],
      ["В этот период", "2025-01-01", "2025-09-30"],
    ]);
  });
  it("gives nothing with no period before it", () => {
    expect(periods("За отчетный период построено 12 школ.", "2025-10-10")).toEqual([]);
  });
});
