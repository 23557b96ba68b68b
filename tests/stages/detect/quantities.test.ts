import { describe, expect, it } from "vitest";
import { compileRules } from "../../../src/rules/compile.js";
import type { MentionLine } from "../../../src/core/record.js";
import { mentionsOf, run } from "../../core/run.js";

const rules = compileRules("rules");

/** The mentions of a sentence with an amount (not bare numbers, unless asked). */
function find(text: string, types?: string[]): MentionLine[] {
  return mentionsOf(rules, text).filter((m) => (types ? types.includes(m.type) : m.type !== "number"));
}

function one(text: string): MentionLine {
  const ms = find(text);
  expect(ms, `${text}: ${JSON.stringify(ms.map((m) => m.text))}`).toHaveLength(1);
  return ms[0];
}

type Want = { text: string; amount: number; unit: string | null; type?: string; upper?: number; qualifier?: string; exact?: string };

describe("quantities: amounts, scales and units", () => {
  const cases: Array<[string, Want]> = [
    ["Собрано 19\u00a0506 тонн мусора.", { text: "19\u00a0506 тонн", amount: 19506, unit: "t", type: "quantity" }],
    ["Собрано 19 506 тонн мусора.", { text: "19 506 тонн", amount: 19506, unit: "t" }],
    ["Выделено 1,234 млрд тенге.", { text: "1,234 млрд тенге", amount: 1234000000, unit: "KZT", type: "money" }],
    ["Выделено 0,125 млн тенге.", { text: "0,125 млн тенге", amount: 125000, unit: "KZT" }],
    ["Бюджет составил три триллиона 100 миллиардов тенге.", { text: "три триллиона 100 миллиардов тенге", amount: 3100000000000, unit: "KZT" }],
    ["Инвестиции составили $3 млрд.", { text: "$3 млрд", amount: 3e9, unit: "USD", type: "money" }],
    // a symbol of two tokens before the number is taken whole
    ["Инвестиции составили US$ 5 млрд.", { text: "US$ 5 млрд", amount: 5e9, unit: "USD", type: "money" }],
    ["Инвестиции составили 3 млрд долларов США.", { text: "3 млрд долларов США", amount: 3e9, unit: "USD" }],
    ["Экспорт составил 5 млн долл. США. Рост.", { text: "5 млн долл. США", amount: 5e6, unit: "USD" }],
    ["Экспорт 5 долл. США за тонну.", { text: "5 долл. США", amount: 5, unit: "USD" }],
    ["Сделка на полтора миллиона долларов.", { text: "полтора миллиона долларов", amount: 1.5e6, unit: "USD" }],
    ["Кредит в 2 млрд рублей.", { text: "2 млрд рублей", amount: 2e9, unit: "RUB" }],
    ["Контракт на €5 млн.", { text: "€5 млн", amount: 5e6, unit: "EUR" }],
    ["Поступило 1,5 трлн ₸ налогов.", { text: "1,5 трлн ₸", amount: 1.5e12, unit: "KZT" }],
    ["Выпущено облигаций на 500 млн юаней.", { text: "500 млн юаней", amount: 5e8, unit: "CNY" }],
    ["Оклад 270 тысяч фунтов в год.", { text: "270 тысяч фунтов", amount: 270000, unit: "GBP" }],
    ["Зарплата 350 тыс. тенге в месяц.", { text: "350 тыс. тенге", amount: 350000, unit: "KZT" }],
    ["Введено 1,2 млн кв. м жилья.", { text: "1,2 млн кв. м", amount: 1.2e6, unit: "m2" }],
    ["Введено 450 тыс. квадратных метров жилья.", { text: "450 тыс. квадратных метров", amount: 450000, unit: "m2" }],
    ["Поголовье составило 1,2 млн голов.", { text: "1,2 млн голов", amount: 1.2e6, unit: "head" }],
    ["Засеяно 4,5 млн гектаров.", { text: "4,5 млн гектаров", amount: 4.5e6, unit: "ha" }],
    ["Выработано 5,6 млрд кВт·ч электроэнергии.", { text: "5,6 млрд кВт·ч", amount: 5.6e9, unit: "kWh" }],
    ["Грузооборот составил 12,3 млрд ткм.", { text: "12,3 млрд ткм", amount: 12.3e9, unit: "tkm" }],
    ["Урожайность составила 15,2 ц/га.", { text: "15,2 ц/га", amount: 15.2, unit: "c/ha" }],
    ["Мощностью 100 МВт.", { text: "100 МВт", amount: 100, unit: "MW" }],
    ["Добыто 12 млн баррелей нефти.", { text: "12 млн баррелей", amount: 12e6, unit: "bbl" }],
  ];
  for (const [text, want] of cases)
    it(JSON.stringify(text), () => {
      expect(one(text)).toMatchObject(want);
    });

  it("'1,234 млрд' is exactly 1234000000 down to the written amount (no float error)", () => {
    const m = one("Выделено 1,234 млрд тенге.");
    expect(JSON.stringify(m.amount)).toBe("1234000000");
    const doc = run(rules, "Выделено 33,3 млрд тенге.", null, undefined);
    const q = doc.layers.quantities!.find((x) => x.unit === "KZT")!;
    expect(q.amount).toEqual({ n: 33300000000n, d: 1n });
  });
});

describe("quantities: percent, change and ratio forms", () => {
  const cases: Array<[string, Want]> = [
    ["Рост (+8,3%).", { text: "+8,3%", amount: 8.3, unit: "percent", type: "percent" }],
    ["Снижение −5,6% за год.", { text: "−5,6%", amount: -5.6, unit: "percent" }],
    ["Доля (88, 5%).", { text: "88, 5%", amount: 88.5, unit: "percent" }],
    ["Рост на 3,5\u00a0%.", { text: "3,5\u00a0%", amount: 3.5, unit: "percent" }],
    ["Рост на 5 процентов.", { text: "5 процентов", amount: 5, unit: "percent" }],
    ["Рост на 5 процентных пунктов.", { text: "5 процентных пунктов", amount: 5, unit: "pp" }],
    ["Снизилась на 0,2 п.п. за год.", { text: "0,2 п.п.", amount: 0.2, unit: "pp" }],
    ["Выросли в 5,6 раза.", { text: "в 5,6 раза", amount: 5.6, unit: "times", type: "ratio" }],
    ["Выросли в 10 раз.", { text: "в 10 раз", amount: 10, unit: "times" }],
    ["Выросли в два раза.", { text: "в два раза", amount: 2, unit: "times" }],
    ["Двукратный рост экономики.", { text: "Двукратный", amount: 2, unit: "times" }],
    ["Экспорт вырос вдвое.", { text: "вдвое", amount: 2, unit: "times" }],
    ["Поступления увеличились трижды.", { text: "трижды", amount: 3, unit: "times" }],
    ["Полуторакратный рост.", { text: "Полуторакратный", amount: 1.5, unit: "times" }],
    ["Занимает 3-е место.", { text: "3-е место", amount: 3, unit: "place", type: "rank" }],
    ["Занимает пятое место.", { text: "пятое место", amount: 5, unit: "place" }],
    ["Около трети населения.", { text: "трети", amount: 100 / 3, unit: "percent", type: "ratio" }],
    ["Почти половина продукции.", { text: "половина", amount: 50, unit: "percent" }],
    ["Четверть бюджета.", { text: "Четверть", amount: 25, unit: "percent" }],
  ];
  for (const [text, want] of cases)
    it(JSON.stringify(text), () => {
      expect(one(text)).toMatchObject(want);
    });

  it("a numerator before a fraction: 'две трети' is 2/3, 'три четверти' 75%", () => {
    expect(one("Поддержали две трети депутатов.")).toMatchObject({ text: "две трети", unit: "percent" });
    expect(one("Поддержали две трети депутатов.").amount).toBeCloseTo(66.6667, 3);
    expect(one("Три четверти продукции.")).toMatchObject({ text: "Три четверти", amount: 75 });
  });
  it("a fraction inside a time or a number is no share: 'в половине десятого', 'два с половиной часа', 'во второй половине года'", () => {
    expect(find("Встреча в половине десятого утра.", ["ratio"])).toEqual([]);
    expect(find("Спустя два с половиной часа.", ["ratio"])).toEqual([]);
    expect(find("Во второй половине года.", ["ratio"])).toEqual([]);
    expect(mentionsOf(rules, "Спустя два с половиной часа.").map((m) => [m.text, m.amount, m.unit])).toEqual([["два с половиной часа", 2.5, "hour"]]);
  });
  it("'раз' without 'в' is no ratio ('раз в год')", () => {
    expect(find("Один раз в год.", ["ratio"])).toEqual([]);
  });
});

describe("quantities: ranges and transitions", () => {
  it("'50–70 млн рублей' is one range taking the scale and unit of its end", () => {
    expect(one("Стоимость 50–70 млн рублей.")).toMatchObject({ text: "50–70 млн рублей", amount: 50e6, upper: 70e6, unit: "RUB" });
  });
  it("'от 2 до 3 млрд тенге' is one range with its opening word", () => {
    expect(one("Стоимость от 2 до 3 млрд тенге.")).toMatchObject({ text: "от 2 до 3 млрд тенге", amount: 2e9, upper: 3e9, unit: "KZT" });
  });
  it("'от 200 тыс. до 300 тыс. тенге'", () => {
    expect(one("Зарплата от 200 тыс. до 300 тыс. тенге.")).toMatchObject({ amount: 200000, upper: 300000, unit: "KZT" });
  });
  it("'с 27 до 20' is two values, not a range", () => {
    const ms = find("Число моногородов сократилось с 27 до 20.", ["number", "count"]);
    expect(ms.map((m) => [m.text, m.amount, m.upper])).toEqual([
      ["27", 27, undefined],
      ["20", 20, undefined],
    ]);
  });
  it("'с 10,63 миллиарда до 11,29 миллиарда долларов': both values are money", () => {
    const ms = find("Выручка выросла с 10,63 миллиарда до 11,29 миллиарда долларов.");
    expect(ms.map((m) => [m.amount, m.unit])).toEqual([
      [10630000000, "USD"],
      [11290000000, "USD"],
    ]);
  });
});

describe("quantities: qualifiers", () => {
  const cases: Array<[string, string]> = [
    ["около", "approx"],
    ["порядка", "approx"],
    ["примерно", "approx"],
    ["свыше", "over"],
    ["более", "over"],
    ["более чем", "over"],
    ["больше", "over"],
    ["менее", "under"],
    ["до", "under"],
    ["не менее", "at_least"],
    ["не более", "at_most"],
    ["почти", "almost"],
  ];
  for (const [word, q] of cases)
    it(`'${word} 5 млрд тенге' → ${q}`, () => {
      expect(one(`Привлечено ${word} 5 млрд тенге.`)).toMatchObject({ text: "5 млрд тенге", amount: 5e9, qualifier: q });
    });
  it("a qualifier before the governing preposition counts: 'почти на 20,5%', 'более чем на 20%'", () => {
    expect(one("Экспорт вырос почти на 20,5%.")).toMatchObject({ text: "20,5%", qualifier: "almost" });
    expect(one("Экспорт вырос более чем на 20%.")).toMatchObject({ text: "20%", qualifier: "over" });
  });
  it("no qualifier: exact", () => {
    expect(one("Привлечено 5 млрд тенге.").qualifier).toBe("exact");
  });
});

describe("quantities: numbers that are not money or percent", () => {
  const cases = [
    "Встреча прошла 14.06.2024 в 10:30.",
    "В 2024 году в Павлодаре прошел форум.",
    "Вспышка COVID-19 затронула регион.",
    "Телефон доверия: 8 (7172) 55-66-77, +7 701 123 45 67.",
    "Ссылка: https://kz.kz/news/%D0%BE%D0%B1%D0%BB-2024-12?id=42",
    "Приказ № 5 от 12 марта 2024 года.",
    "В форуме приняли участие 300 человек.",
    "Самолет Ту-154 и Boeing 737 приземлились.",
    "Просмотров: 1 245",
  ];
  for (const text of cases)
    it(JSON.stringify(text), () => {
      expect(find(text, ["money", "percent", "ratio", "rank"])).toEqual([]);
    });

  it("'в течение трех лет', 'на 5 лет' are durations, never amounts of an indicator", () => {
    const doc = run(rules, "В течение трех лет и на 5 лет.");
    expect(doc.layers.quantities!.map((q) => [q.duration, q.unit])).toEqual([
      [true, "year"],
      [true, "year"],
    ]);
  });
  it("'3-й' with no rank noun is not a rank", () => {
    expect(find("Уже 3-й год подряд.", ["rank"])).toEqual([]);
  });
});

describe("quantities: counts and elliptical amounts", () => {
  it("'67 проектов' is a count of projects with the noun in the value span", () => {
    expect(one("В портфеле 67 проектов.")).toMatchObject({ text: "67 проектов", amount: 67, unit: "count", type: "count" });
  });
  it("'45 тыс. субъектов малого и среднего бизнеса' counts the whole noun phrase", () => {
    expect(one("Действует 45 тыс. субъектов малого и среднего бизнеса.")).toMatchObject({ text: "45 тыс. субъектов малого и среднего бизнеса", amount: 45000, unit: "count" });
  });
  it("'53 сельскохозяйственных кооператива' skips the adjective into the counted noun", () => {
    expect(one("Создано 53 сельскохозяйственных кооператива.")).toMatchObject({ amount: 53, unit: "count" });
  });
  it("an elliptical amount takes the currency named before it in the paragraph: '3 млрд тенге и 75 млн'", () => {
    const ms = find("Выделено 3 млрд тенге, из них 75 млн на ремонт.");
    expect(ms.map((m) => [m.text, m.unit])).toEqual([
      ["3 млрд тенге", "KZT"],
      ["75 млн", "KZT"],
    ]);
  });
  it("'свыше 5-ти млрд тенге' is 5 billion, not a bare 'млрд' of 1 billion", () => {
    expect(one("Выделено свыше 5-ти млрд тенге.")).toMatchObject({ text: "5-ти млрд тенге", amount: 5e9, unit: "KZT", qualifier: "over" });
  });
  it("'более 2-х тысяч рабочих мест' is 2000, not 1000", () => {
    expect(one("Создано более 2-х тысяч рабочих мест.")).toMatchObject({ text: "2-х тысяч рабочих мест", amount: 2000, unit: "count", qualifier: "over" });
  });
  it("'около 30-ти проектов' counts projects", () => {
    expect(one("Реализуется около 30-ти проектов.")).toMatchObject({ text: "30-ти проектов", amount: 30, unit: "count", qualifier: "approx" });
  });
  it("'тысячи рабочих мест', 'миллионы долларов' have no amount", () => {
    expect(find("Создано тысячи рабочих мест и потрачены миллионы долларов.").map((m) => m.amount)).toEqual([null, null]);
  });
  it("'3,2 и 2,8 млн кв. м', '5 и 10 млн тенге': a bare number joined by 'и' takes the next one's scale and unit", () => {
    expect(find("Введено 3,2 и 2,8 млн кв. м жилья.").map((m) => [m.text, m.amount, m.unit])).toEqual([
      ["3,2", 3.2e6, "m2"],
      ["2,8 млн кв. м", 2.8e6, "m2"],
    ]);
    expect(find("Выделено 5 и 10 млн тенге.").map((m) => [m.amount, m.unit])).toEqual([
      [5e6, "KZT"],
      [1e7, "KZT"],
    ]);
    expect(find("Построено 3 и 5 школ.").map((m) => [m.amount, m.unit])).toEqual([
      [3, "count"],
      [5, "count"],
    ]);
  });
  it("'сорок пять школ' counts schools", () => {
    expect(one("Построено сорок пять школ.")).toMatchObject({ text: "сорок пять школ", amount: 45, unit: "count" });
  });
  it("a scaled amount at the very end of the document is read, and the run does not fail", () => {
    expect(one("Бюджет составил 3 млрд тенге")).toMatchObject({ amount: 3e9, unit: "KZT" });
    expect(() => mentionsOf(rules, "Бюджет составил 3 млрд")).not.toThrow();
    expect(find("Бюджет составил 3 млрд", ["number"]).map((m) => m.amount)).toEqual([3e9]);
  });
});
