import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDateline, headerDate, inferYear, isoDate, matchesDatePattern, mayHoldDate, normalizeDate } from "../../../src/stages/ingest/dateline.js";

describe("headerDate", () => {
  it.each([
    [" date 2025-12-23 Фото: Акимат ВКО\n", "2025-12-23", 16],
    [" date 2025-10-03\nтекст", "2025-10-03", 16],
    [" date 2025-02-30 текст", null, 0],
    ["date 2025-10-03 текст", null, 0],
    ["Текст\n date 2025-10-03", null, 0],
  ])("%j", (text, date, length) => {
    const h = headerDate(text);
    expect(h?.date ?? null).toBe(date);
    if (h) expect(h.length).toBe(length);
  });
});

describe("normalizeDate", () => {
  it.each([
    ["2025-12-23", "2025-12-23"],
    ["2025-12-23T23:30:00+05:00", "2025-12-23"],
    ["2025-12-23 10:00", "2025-12-23"],
    ["Tue, 23 Dec 2025 10:00:00 GMT", "2025-12-23"],
    ["Fri, 3 Oct 2025 04:00:00 +0500", "2025-10-03"],
    ["23.12.2025", "2025-12-23"],
    ["14 июня 2024 года", "2024-06-14"],
    ["20251223", "2025-12-23"],
    ["вчера", null],
    ["2025-13-01", null],
    ["", null],
  ])("%j → %j", (input, want) => {
    expect(normalizeDate(input)).toBe(want);
  });
  it("reads epoch seconds", () => {
    expect(normalizeDate(1766448000)).toBe("2025-12-23");
    expect(normalizeDate(null)).toBeNull();
  });
});

describe("findDateline", () => {
  it.each([
    ["a line that is a date", "Заголовок\n\n14 июня 2024 года\n\nПрезиденту доложено.", "2024-06-14", false, "date-line", "14 июня 2024 года"],
    ["a numeric date line with time", "Заголовок\n14.06.2024 10:35\nТекст.", "2024-06-14", false, "date-line", "14.06.2024 10:35"],
    ["a dateline with the year", "АСТАНА, 5 марта 2024 г. — Текст новости.", "2024-03-05", false, "dateline", "АСТАНА, 5 марта 2024 г. —"],
    [
      "a dateline without year, year stated by the results period",
      "Усть-Каменогорск. 22 декабря. KAZAKHSTAN TODAY - Итоги за 11 месяцев 2025 года подвели в акимате.",
      "2025-12-22",
      true,
      "dateline",
      "Усть-Каменогорск. 22 декабря. KAZAKHSTAN TODAY -".slice(0, "Усть-Каменогорск. 22 декабря.".length),
    ],
    ["a dateline without year, nothing states it", "Усть-Каменогорск. 22 декабря. KAZAKHSTAN TODAY - Рост к 2029 году.", null, false, "", ""],
    ["a date inside a sentence is not a dateline", "Вчера, 14 июня 2024 года, аким доложил о росте.", null, false, "", ""],
    ["'Напомним, ...' is not a dateline", "Напомним, 1 октября 2010г. ушел в отставку глава администрации.", null, false, "", ""],
    ["'Вчера. ...' is not a dateline", "Вчера. 14 июня 2024 года. Аким доложил о росте.", null, false, "", ""],
    ["a photo caption ending in a date is not a dateline", "Вирлаб Лаборатории Касперского. 18 сентября 2014 года.", null, false, "", ""],
    ["nor is a long sentence", "Распоряжение было подписано в среду, 16 ноября 2016 года. Оно вступило в силу.", null, false, "", ""],
  ])("%s", (_name, text, date, inferred, kind, spanText) => {
    const d = findDateline(text);
    expect(d?.date ?? null).toBe(date);
    if (!d) return;
    expect(d.inferred).toBe(inferred);
    expect(d.kind).toBe(kind);
    expect(text.slice(d.start, d.end)).toBe(spanText);
  });
});

describe("inferYear", () => {
  it.each([
    ["Встреча прошла 22 декабря 2025 года в акимате.", 12, 22, 2025],
    ["за январь-ноябрь 2025 года рост составил 5%", 12, 22, 2025],
    ["за январь-ноябрь 2025 года рост составил 5%", 3, 10, null],
    ["к 2029 году ВРП вырастет", 12, 22, null],
    ["за 11 месяцев 2024 года и за 11 месяцев 2025 года", 12, 22, null],
  ])("%j (%i/%i) → %s", (text, month, day, want) => {
    expect(inferYear(text, month, day)).toBe(want);
  });
  it("isoDate rejects impossible days", () => {
    expect(isoDate(2024, 2, 29)).toBe("2024-02-29");
    expect(isoDate(2025, 2, 29)).toBeNull();
  });
});

describe("mayHoldDate (the cheap test before the date patterns)", () => {
  it.each([
    ["14 июня 2024 года", true],
    ["  14.06.2024 10:35", true],
    ["четверг 14 июня 2024", true],
    ["Четверг, 14 июня 2024", true],
    ["АСТАНА, 5 марта 2024 г. — Текст новости.", true],
    ["Усть-Каменогорск. 22 декабря. KAZAKHSTAN TODAY - Итоги", true],
    ["Нур-Султан,\u00a05 марта. Текст", true],
    ["Инвестиции в основной капитал составили 838 млрд тенге.", false],
    ["По данным бюро, рост составил 8,3%.", false],
    ["", false],
    ["   ", false],
    ["Аким области. Итоги года", false],
  ])("%j → %s", (line, want) => {
    expect(mayHoldDate(line)).toBe(want);
  });

  // every line a date pattern matches must get through, over whole corpora
  const lines: string[] = [];
  for (const f of readdirSync("corpus").filter((n) => n.endsWith(".txt"))) lines.push(...readFileSync(join("corpus", f), "utf8").split("\n"));
  for (const f of ["../shared/bench/nerel/train.jsonl", "../shared/bench/nerel/dev.jsonl"])
    if (existsSync(f)) for (const l of readFileSync(f, "utf8").split("\n")) if (l.trim()) lines.push(...(JSON.parse(l) as { text: string }).text.split("\n"));
  it("lets through every line of the corpora that a date pattern matches", () => {
    const missed = lines.filter((l) => matchesDatePattern(l) && !mayHoldDate(l));
    expect(missed).toEqual([]);
    // and it rejects most running text
    expect(lines.filter((l) => l.trim() && mayHoldDate(l)).length).toBeLessThan(lines.filter((l) => l.trim()).length / 2);
  });

  it("lets through every dateline form of the tests above", () => {
    for (const text of ["14 июня 2024 года", "14.06.2024 10:35", "АСТАНА, 5 марта 2024 г. — Текст новости.", "Усть-Каменогорск. 22 декабря. KAZAKHSTAN TODAY - Итоги"]) {
      expect(matchesDatePattern(text)).toBe(true);
      expect(mayHoldDate(text)).toBe(true);
    }
  });
});
