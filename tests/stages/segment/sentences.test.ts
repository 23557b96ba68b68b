import { describe, expect, it } from "vitest";
import { compileRules } from "../../../src/rules/compile.js";
import { tokenize } from "../../../src/stages/segment/tokens.js";
import { MAX_SENTENCE_TOKENS, splitSentences } from "../../../src/stages/segment/sentences.js";

const rules = compileRules("rules");

function sentences(text: string): string[] {
  return splitSentences(text, tokenize(text), rules).map((s) => text.slice(s.start, s.end));
}

describe("sentences: abbreviations and initials", () => {
  const cases: Array<[string, string[]]> = [
    ["Создано 5,3 тыс. рабочих мест. Рост составил 7%.", ["Создано 5,3 тыс. рабочих мест.", "Рост составил 7%."]],
    ["Привлечено 3 млн. тенге. Также построено.", ["Привлечено 3 млн. тенге.", "Также построено."]],
    ["Выделено 2 млрд. На эти средства построят школу.", ["Выделено 2 млрд.", "На эти средства построят школу."]],
    ["В г. Алматы открыли завод. Это важно.", ["В г. Алматы открыли завод.", "Это важно."]],
    ["Рост, т.е. увеличение, составил 5%. Далее.", ["Рост, т.е. увеличение, составил 5%.", "Далее."]],
    ["Рост, т. е. увеличение, составил 5%.", ["Рост, т. е. увеличение, составил 5%."]],
    ["Н. А. Назарбаев посетил завод. Он сказал.", ["Н. А. Назарбаев посетил завод.", "Он сказал."]],
    ["Аким области Е. Кошербаев сообщил. Далее.", ["Аким области Е. Кошербаев сообщил.", "Далее."]],
    ["в 2024 г. В регионе построено 10 школ.", ["в 2024 г.", "В регионе построено 10 школ."]],
    ["Рост в 2024 г. Н. Назарбаев отметил его.", ["Рост в 2024 г. Н. Назарбаев отметил его."]],
    ["В 2020-2024 гг. Объем вырос.", ["В 2020-2024 гг.", "Объем вырос."]],
    ["Выпущено 300 тыс. т. Это рекорд.", ["Выпущено 300 тыс. т.", "Это рекорд."]],
    ["Объем 5 млн т. В регионе больше.", ["Объем 5 млн т.", "В регионе больше."]],
    ["Около 20 тыс. чел. Рост.", ["Около 20 тыс. чел.", "Рост."]],
    ["С 1 янв. 2024 г. вступил в силу закон.", ["С 1 янв. 2024 г. вступил в силу закон."]],
    ["Стоимость 5 долл. США за тонну. Рост.", ["Стоимость 5 долл. США за тонну.", "Рост."]],
    ["ул. Абая, д. 5. Новое здание.", ["ул. Абая, д. 5.", "Новое здание."]],
    ["Доходы (см. рис. 2) выросли. Далее.", ["Доходы (см. рис. 2) выросли.", "Далее."]],
    ["В т. ч. 5 млрд тенге. Далее.", ["В т. ч. 5 млрд тенге.", "Далее."]],
  ];
  for (const [text, want] of cases)
    it(JSON.stringify(text), () => {
      expect(sentences(text)).toEqual(want);
    });
});

describe("sentences: punctuation, quotes, numbers, lines", () => {
  const cases: Array<[string, string[]]> = [
    ["Рост составил 5%! Отлично? Да… Нет.", ["Рост составил 5%!", "Отлично?", "Да…", "Нет."]],
    ["Он сказал: «Рост 5%». Далее.", ["Он сказал: «Рост 5%».", "Далее."]],
    ["Привлечено 5 млрд тенге. 2024 год стал рекордным.", ["Привлечено 5 млрд тенге.", "2024 год стал рекордным."]],
    ["Данные на 01.01.2025. Рост на 5%.", ["Данные на 01.01.2025.", "Рост на 5%."]],
    ["Рост 1,5%.Далее без пробела.", ["Рост 1,5%.Далее без пробела."]],
    ["Итоги года\nРост составил 5%", ["Итоги года", "Рост составил 5%"]],
    ["Строка прервана\nпродолжение в строке.", ["Строка прервана\nпродолжение в строке."]],
    ["Конец абзаца.\n\nновый абзац с маленькой буквы.", ["Конец абзаца.", "новый абзац с маленькой буквы."]],
    ["Рост – 5%. – Это много, – сказал он.", ["Рост – 5%.", "– Это много, – сказал он."]],
  ];
  for (const [text, want] of cases)
    it(JSON.stringify(text), () => {
      expect(sentences(text)).toEqual(want);
    });

  it("keeps the items of a list introduced by a colon in its paragraph, each its own sentence", () => {
    const text = "В 2023 году в области:\n- ВРП вырос на 5%;\n- инвестиции – 1,2 трлн тенге.\n\nНовый абзац.\n- не пункт списка";
    const s = splitSentences(text, tokenize(text), rules);
    expect(s.map((x) => [text.slice(x.start, x.end), x.paragraph])).toEqual([
      ["В 2023 году в области:", 0],
      ["- ВРП вырос на 5%;", 0],
      ["- инвестиции – 1,2 трлн тенге.", 0],
      ["Новый абзац.", 1],
      ["- не пункт списка", 2],
    ]);
  });
  it("gives paragraphs by line breaks and spans that are exactly the text", () => {
    const text = "Первый. Второй.\n\nТретий.";
    const s = splitSentences(text, tokenize(text), rules);
    expect(s.map((x) => x.paragraph)).toEqual([0, 0, 1]);
    for (const x of s) expect(x.end).toBeGreaterThan(x.start);
  });
});

describe("sentences: a run without a sentence end is cut into pieces", () => {
  /** The pieces of `text`, as token counts and the last token of each. */
  function pieces(text: string) {
    const tokens = tokenize(text);
    const found = splitSentences(text, tokens, rules);
    // pieces tile the run's tokens, all in one paragraph…
    for (let k = 1; k < found.length; k++) expect(found[k].tokenFrom).toBe(found[k - 1].tokenTo);
    expect(new Set(found.map((s) => s.paragraph)).size).toBe(1);
    // …and cover the text: only the spaces between them are left out
    expect(found[0].start).toBe(0);
    expect(found.at(-1)!.end).toBe(text.length);
    for (let k = 1; k < found.length; k++) expect(text.slice(found[k - 1].end, found[k].start)).toBe(" ");
    return found.map((s) => ({ tokens: s.tokenTo - s.tokenFrom, last: tokens[s.tokenTo - 1].text }));
  }
  const item = "Алматы 3,2 млрд тенге"; // 6 tokens
  it.each([
    ["after the last semicolon within the bound", Array(200).fill(`${item};`).join(" "), ";"],
    ["after the last comma when there is no semicolon", Array(200).fill(`${item},`).join(" "), ","],
    ["after a comma rather than far back at a semicolon", `${item}; ${Array(200).fill(`${item},`).join(" ")}`, ","],
  ])("%s", (_, text, sep) => {
    const got = pieces(text);
    expect(got.length).toBeGreaterThan(2);
    for (const p of got) expect(p.tokens).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
    for (const p of got.slice(0, -1)) {
      expect(p.last).toBe(sep);
      expect(p.tokens).toBeGreaterThan(MAX_SENTENCE_TOKENS / 2);
    }
  });
  it("at the bound when there is no separator at all", () => {
    const got = pieces(Array(1000).fill("слово").join(" "));
    expect(got.map((p) => p.tokens)).toEqual([MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 1000 - 2 * MAX_SENTENCE_TOKENS]);
  });
  it("leaves a sentence of the bound's length whole", () => {
    expect(pieces(Array(MAX_SENTENCE_TOKENS).fill("слово").join(" "))).toEqual([{ tokens: MAX_SENTENCE_TOKENS, last: "слово" }]);
  });
});

describe("sentences: site chrome", () => {
  it("a block marker and the short lines after it are chrome, the prose after them is not", () => {
    const text = [
      "Рост промышленности составил 5%.",
      "Популярное",
      "В Павлодаре открыли завод на 5 млрд тенге",
      "Экспорт вырос на 10%",
      "Между тем в регионе продолжается работа по привлечению инвестиций, и по итогам года объем инвестиций в основной капитал превысит 500 млрд тенге, что на 12% больше уровня прошлого года.",
    ].join("\n");
    const s = splitSentences(text, tokenize(text), rules);
    expect(s.map((x) => x.chrome)).toEqual([false, true, true, true, false]);
  });
  it("a lower-case line is not wrapped into the line before when it is chrome ('thumb|…' caption under a headline)", () => {
    const text = "Фермер отсудил 80 млн долларов у Monsanto\nthumb|Пестициды Monsanto\nВ среду суд обязал компанию выплатить 80,3 млн долларов.";
    const s = splitSentences(text, tokenize(text), rules);
    expect(s.map((x) => [text.slice(x.start, x.end), x.chrome])).toEqual([
      ["Фермер отсудил 80 млн долларов у Monsanto", false],
      ["thumb|Пестициды Monsanto", true],
      ["В среду суд обязал компанию выплатить 80,3 млн долларов.", false],
    ]);
  });
  it("a chrome line alone is chrome ('Поделиться', 'Рассказать друзьям')", () => {
    const text = "Рассказать друзьям\n\nРост составил 5%.\nПоделиться";
    const s = splitSentences(text, tokenize(text), rules);
    expect(s.map((x) => [text.slice(x.start, x.end), x.chrome])).toEqual([
      ["Рассказать друзьям", true],
      ["Рост составил 5%.", false],
      ["Поделиться", true],
    ]);
  });
});
