import { describe, expect, it } from "vitest";
import { compileRules } from "../../../src/rules/compile.js";
import { segmentStage } from "../../../src/stages/segment/index.js";
import { territoriesStage } from "../../../src/stages/detect/territories.js";
import { run } from "../../core/run.js";

const rules = compileRules("rules");

function found(text: string) {
  const doc = run(rules, text, null, [segmentStage, territoriesStage]);
  return doc.layers.territories!.map((t) => ({ text: text.slice(t.start, t.end), type: t.type, code: t.code, place: t.place, locative: t.locative }));
}

function first(text: string) {
  const all = found(text).filter((t) => t.code);
  expect(all.length, `${text}: ${JSON.stringify(all)}`).toBeGreaterThan(0);
  return all[0];
}

describe("territories: every region by a case form", () => {
  const cases: Array<[string, string]> = [
    ["в Абайской области", "KZ-10"],
    ["в области Абай", "KZ-10"],
    ["Акмолинской области", "KZ-11"],
    ["Актюбинской областью", "KZ-15"],
    ["Алматинскую область", "KZ-19"],
    ["Атырауской области", "KZ-23"],
    ["Западно-Казахстанской области", "KZ-27"],
    ["Жамбылская область", "KZ-31"],
    ["в Жетысуской области", "KZ-33"],
    ["области Жетісу", "KZ-33"],
    ["в Карагандинской области", "KZ-35"],
    ["Костанайской области", "KZ-39"],
    ["Кызылординской области", "KZ-43"],
    ["Мангистауской области", "KZ-47"],
    ["в Мангыстау", "KZ-47"],
    ["в Павлодарской области", "KZ-55"],
    ["Северо-Казахстанской области", "KZ-59"],
    ["в Туркестанской области", "KZ-61"],
    ["Южно-Казахстанской области", "KZ-61"],
    ["в Улытауской области", "KZ-62"],
    ["в области Ұлытау", "KZ-62"],
    ["Восточно-Казахстанской области", "KZ-63"],
    ["в Астане", "KZ-71"],
    ["в Нур-Султане", "KZ-71"],
    ["в Алматы", "KZ-75"],
    ["в Шымкенте", "KZ-79"],
    ["Семипалатинской области", "KZ-10"],
  ];
  for (const [text, code] of cases)
    it(`${text} → ${code}`, () => {
      expect(first(text)).toMatchObject({ type: "region", code, place: null });
    });
});

describe("territories: short forms", () => {
  for (const [text, code] of [
    ["в ВКО", "KZ-63"],
    ["в СКО", "KZ-59"],
    ["в ЗКО", "KZ-27"],
    ["в ЮКО", "KZ-61"],
  ])
    it(`${text} → ${code}`, () => {
      expect(first(text)).toMatchObject({ type: "region", code, text: text.slice(2) });
    });
});

describe("territories: Almaty the city is not Almaty region", () => {
  it("'Алматинской области и Алматы' are KZ-19 and KZ-75", () => {
    expect(found("Алматинской области и Алматы").map((t) => t.code)).toEqual(["KZ-19", "KZ-75"]);
  });
  it("the centre of Almaty region is Конаев, in KZ-19", () => {
    expect(first("в Конаеве")).toMatchObject({ code: "KZ-19", place: "Конаев" });
  });
  it("Талдыкорган is the centre of Жетысу now (KZ-33)", () => {
    expect(first("в Талдыкоргане")).toMatchObject({ code: "KZ-33", place: "Талдыкорган" });
  });
});

describe("territories: cities give their region and the place", () => {
  const cases: Array<[string, string, string]> = [
    ["в Экибастузе", "KZ-55", "Экибастуз"],
    ["в Павлодаре", "KZ-55", "Павлодар"],
    ["в Темиртау", "KZ-35", "Темиртау"],
    ["в Сарани", "KZ-35", "Сарань"],
    ["в Балхаше", "KZ-35", "Балхаш"],
    ["в Усть-Каменогорске", "KZ-63", "Усть-Каменогорск"],
    ["в Өскемен", "KZ-63", "Усть-Каменогорск"],
    ["в Риддере", "KZ-63", "Риддер"],
    ["в Жезказгане", "KZ-62", "Жезказган"],
    ["в Актау", "KZ-47", "Актау"],
    ["в Жанаозене", "KZ-47", "Жанаозен"],
    ["в Атырау", "KZ-23", "Атырау"],
    ["в Петропавловске", "KZ-59", "Петропавловск"],
    ["в Таразе", "KZ-31", "Тараз"],
    ["в Кызылорде", "KZ-43", "Кызылорда"],
    ["в Уральске", "KZ-27", "Уральск"],
    ["в Актобе", "KZ-15", "Актобе"],
    ["в Кокшетау", "KZ-11", "Кокшетау"],
    ["в Степногорске", "KZ-11", "Степногорск"],
    ["в Костанае", "KZ-39", "Костанай"],
    ["в Лисаковске", "KZ-39", "Лисаковск"],
    ["в Туркестане", "KZ-61", "Туркестан"],
    ["в Кентау", "KZ-61", "Кентау"],
  ];
  for (const [text, code, place] of cases)
    it(`${text} → ${code} / ${place}`, () => {
      expect(first(text)).toMatchObject({ type: "place", code, place });
    });
});

describe("territories: weak names count only with a cue", () => {
  for (const [bare, cued, code, place] of [
    ["в Семее", "в городе Семей", "KZ-10", "Семей"],
    ["в Семее", "в г. Семей", "KZ-10", "Семей"],
    ["в Рудном", "в г. Рудный", "KZ-39", "Рудный"],
  ])
    it(`'${bare}' no, '${cued}' yes`, () => {
      expect(found(bare)).toEqual([]);
      expect(first(cued)).toMatchObject({ code, place });
    });
  it("a lower-case common word is never a name ('семей' = of families)", () => {
    expect(found("для многодетных семей области выделено 5 млрд тенге")).toEqual([expect.objectContaining({ type: "ref_region" })]);
  });
});

describe("territories: akims place an article in their region", () => {
  for (const [text, code] of [
    ["аким Павлодарской области Асаин Байханов", "KZ-55"],
    ["Ермаганбет Булекпаев подвел итоги", "KZ-35"],
    ["аким Алматы Дархан Сатыбалды", "KZ-75"],
    ["Габит Сыздыкбеков провел встречу", "KZ-79"],
    ["Нурымбет Сактаганов провел встречу", "KZ-63"],
  ])
    it(`${text} → ${code}`, () => {
      expect(found(text).find((t) => t.type === "akim")).toMatchObject({ code });
    });
});

describe("territories: a region's adjective standing alone in a list", () => {
  it("'в Мангистауской – 12,5%' after 'в Атырауской области'", () => {
    expect(found("в Атырауской области – 11,2%, в Мангистауской – 12,5%").map((t) => [t.text, t.code])).toEqual([
      ["Атырауской области", "KZ-23"],
      ["Мангистауской", "KZ-47"],
    ]);
  });
  it("'в Карагандинской и Павлодарской областях'", () => {
    expect(found("в Карагандинской и Павлодарской областях").map((t) => [t.text, t.code])).toEqual([
      ["Карагандинской", "KZ-35"],
      ["Павлодарской областях", "KZ-55"],
    ]);
  });
  it("'в Карагандинской обл.'", () => {
    expect(first("в Карагандинской обл. создано")).toMatchObject({ text: "Карагандинской обл", code: "KZ-35" });
  });
  it("not before another noun: 'Карагандинской ТЭЦ-3', 'Алматинской ТЭЦ-2'", () => {
    expect(found("на Карагандинской ТЭЦ-3 и Алматинской ТЭЦ-2")).toEqual([]);
  });
});

describe("territories: the country and references", () => {
  it("'в Казахстане' is a locative country mention, 'Казахстана' is not", () => {
    const [m] = found("в Казахстане");
    expect(["country", "ref_country"]).toContain(m.type);
    expect(m.locative).toBe(true);
    expect(found("президент Казахстана")).toEqual([expect.objectContaining({ type: "country", code: "KZ", locative: false })]);
  });
  it("'в стране' is a locative reference to the country; the genitive 'страны' is not locative", () => {
    expect(found("в стране рост 5%")).toEqual([expect.objectContaining({ type: "ref_country", locative: true })]);
    expect(found("экономики страны рост 5%")).toEqual([expect.objectContaining({ type: "ref_country", locative: false })]);
  });
  it("'среднереспубликанского показателя' refers to the country like a locative", () => {
    expect(found("ниже среднереспубликанского показателя (4,7%)")).toEqual([expect.objectContaining({ type: "ref_country", locative: true })]);
  });
  it("'в регионе', 'области' refer to the region in focus; 'других регионов' does not", () => {
    expect(found("в регионе рост 5%").map((t) => t.type)).toEqual(["ref_region"]);
    expect(found("в других регионах рост 5%")).toEqual([]);
  });
});

describe("territories: every form of the gazetteer finds its own entry", () => {
  it("no form is shadowed by another entry or lost by the tokenizer", () => {
    const missed: string[] = [];
    for (const entries of rules.gazetteer.values())
      for (const e of entries) {
        // capitalise as a name is written; weak names need their cue
        const form = e.seq
          .map((w) => w[0].toUpperCase() + w.slice(1))
          .join(" ")
          .replace(/ \. /g, ". ");
        const text = `${e.weak ? "город " : ""}${form} .`;
        const doc = run(rules, text, null, [segmentStage, territoriesStage]);
        const t = doc.layers.territories!.find((x) => x.code === e.code && x.type === e.type);
        if (!t) missed.push(`${form} (${e.code} ${e.type})`);
      }
    expect(missed).toEqual([]);
  });
});
