import { describe, expect, it } from "vitest";
import { identifyLanguage } from "../../../src/stages/ingest/language.js";
import { corpusTexts } from "../../core/corpus-texts.js";

const RU = "Инвестиции в основной капитал Алматинской области составили свыше 838 млрд тенге (+8,3%), сообщили в акимате.";
const KK = "Алматы облысында негізгі капиталға салынған инвестициялар 838 млрд теңгені құрады, бұл өткен жылдың сәйкес кезеңімен салыстырғанда 8,3%-ға артық.";
const EN = "Investment in fixed assets in the Almaty region reached 838 billion tenge in January-February, up 8.3% year on year, the regional akimat said.";
const KK_LATIN = "Almaty oblysynda negizgi kapitalǵa salynǵan investitsiialar 838 mlrd teńgeni qurady, bul ótken jyldyń sáikes kezeńimen salystyrǵanda artyq.";

describe("identifyLanguage", () => {
  it.each([
    ["a Russian press text", RU, "ru"],
    ["a Kazakh one", KK, "kk"],
    ["an English one", EN, "en"],
    ["Kazakh in Latin letters: no rules' language, said so", KK_LATIN, "und"],
    ["Russian with English names in it", "Компания Air Astana и банк Halyk Bank (Halyk Group) сообщили, что выручка Air Astana выросла на 12% за девять месяцев.", "ru"],
    ["Russian quoting a Kazakh line", `${RU} ${RU} ${RU} Слоган акции: «Қазақстан – біздің үйіміз».`, "ru"],
    ["a text half in each language: the Kazakh letters tip it", `${RU} ${KK}`, "kk"],
    ["a table of numbers", "2023 | 2024 | 2025\n838,1 | 907,4 | 1 012,3\nтыс. т", "und"],
    ["nothing", "", "und"],
  ])("%s", (_, text, code) => {
    expect(identifyLanguage(text).code).toBe(code);
  });

  it("reads on past an English start: a Russian article after an English lead is Russian", () => {
    const lead = "This article is also available in English. The full text of the statement of the regional akimat follows below, as it was published on its site. ";
    expect(identifyLanguage(lead + EN + " " + RU.repeat(4)).code).toBe("ru");
  });

  it("reads only the start of a long text", () => {
    expect(identifyLanguage(RU.repeat(300) + EN.repeat(1000)).code).toBe("ru");
  });

  it("counts the letters of each script", () => {
    expect(identifyLanguage("Рост в Қостанай: GDP").latin).toBe(3);
    expect(identifyLanguage("Рост в Қостанай: GDP")).toMatchObject({ cyrillic: 13, kazakh: 1 });
  });
});

describe("identifyLanguage over whole corpora", () => {
  it("finds every Russian text of the seeds, corpus/ and NEREL Russian", () => {
    const texts = corpusTexts();
    expect(texts.length).toBeGreaterThanOrEqual(5); // corpus/ alone (../shared, when beside the project, adds the seeds and NEREL)
    const other = texts.filter((t) => identifyLanguage(t).code !== "ru").map((t) => t.slice(0, 80));
    expect(other).toEqual([]);
  });
});
