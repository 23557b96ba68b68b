import { describe, expect, it } from "vitest";
import { chromeReason, findChromeSpans, isListHeading } from "../../../src/stages/ingest/chrome.js";
import { seeds } from "./fixtures.js";

describe("chromeReason", () => {
  it.each([
    ["1549", "counter"],
    ["👁 80", "counter"],
    ["Просмотров: 2 345", "counter"],
    ["Фото: Акимат ВКО", "photo"],
    ["Фото пресс-службы акимата", "photo"],
    ["  • [[year]]\n  • [[month.label]]", "placeholder"],
    ["{{ views }}", "placeholder"],
    ["Рассказать друзьям", "share"],
    ["Вернуться назад Вернуться назад Twitter Facebook Печать", "share"],
    ["Twitter Facebook Печать", "share"],
    ["© 2025 Все права защищены. 18+", "navigation"],
    ["Рост ВВП составил 5%.", null],
    ["2024", "counter"],
    ["Фотовыставка открылась в Алматы и продлится до 15 мая.", null],
    ["Фото: " + "очень длинная подпись ".repeat(10), null],
    ["В 2024 году открыли 12 школ, сообщили в акимате. ".repeat(10), null],
  ])("%j → %s", (text, want) => {
    expect(chromeReason(text)).toBe(want);
  });
  it.each([
    ["Популярное", true],
    ["Читайте также:", true],
    ["Читайте также: Рост ВВП на 5%", false],
    ["Популярное место отдыха", false],
  ])("isListHeading(%j) → %s", (text, want) => {
    expect(isListHeading(text)).toBe(want);
  });
});

describe("findChromeSpans on the seeds", () => {
  const all = seeds();
  const spansOf = (i: number) => {
    const text = all[i].text;
    return { text, spans: findChromeSpans(text).map((s) => ({ ...s, text: text.slice(s.start, s.end) })) };
  };

  it("marks no paragraph of running text", () => {
    for (const [i, { text }] of all.entries()) {
      const { spans } = spansOf(i);
      // running text: a line of 8+ words that ends a sentence
      for (const s of spans) expect(/[.!?]$/.test(s.text) && s.text.split(/\s+/).length >= 8, `${all[i].name}: ${s.text}`).toBe(false);
      expect(spans.every((s) => text.slice(s.start, s.end) === s.text)).toBe(true);
    }
  });

  it("seed 004: the view counter, the photo credit and everything from 'Популярное' on", () => {
    const { text, spans } = spansOf(4);
    const marked = spans.map((s) => s.text);
    expect(marked).toContain("1549");
    expect(marked).toContain("Фото: пресс-служба правительства РК");
    const popular = text.indexOf("Популярное");
    const rest = text.slice(popular).split("\n").map((l) => l.trim()).filter(Boolean);
    for (const line of rest) expect(marked, line).toContain(line.replace(/^ date \S+ /, ""));
  });

  it("seed 003: the site navigation at the top and the share line at the bottom", () => {
    const { spans } = spansOf(3);
    const marked = spans.map((s) => s.text);
    for (const line of ["National Emblem of Kazakhstan", "Официальный сайт", "События", "Вернуться назад Вернуться назад Twitter Facebook Печать", "Tokaev"]) expect(marked).toContain(line);
    expect(marked).not.toContain("14 июня 2024 года");
    expect(marked).not.toContain("Глава государства принял акима Алматинской области Марата Султангазиева");
  });

  it("a lone title line is not navigation (it may name the region); a run of short menu lines is", () => {
    const title = "Итоги полугодия в Костанайской области\n\nКостанай. 5 июля. В регионе валовой региональный продукт вырос на 4%, инвестиции – на 7%.";
    expect(findChromeSpans(title)).toEqual([]);
    const menu = "Главная\nНовости области\nАкимат и районы\nКонтакты\n\nИтоги полугодия в Костанайской области: валовой региональный продукт вырос на 4%, инвестиции – на 7%.";
    expect(findChromeSpans(menu).map((s) => s.reason)).toEqual(["navigation", "navigation", "navigation", "navigation"]);
  });

  it("seed 000: the photo credit after the date header and the share button", () => {
    const { spans } = spansOf(0);
    expect(spans.map((s) => [s.text, s.reason])).toEqual([
      ["Фото: Акимат ВКО", "photo"],
      ["Рассказать друзьям", "share"],
    ]);
  });
});
