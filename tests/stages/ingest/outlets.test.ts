import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { datelineAt, loadOutlets, mayStartDateline, OutletCatalog, OutletRulesError } from "../../../src/stages/ingest/outlets.js";
import { ROOT, tempTree } from "./fixtures.js";

const catalog = OutletCatalog.load(join(ROOT, "rules/outlets.yaml"));

describe("rules/outlets.yaml", () => {
  it("loads and holds the outlets of the seed articles", () => {
    for (const name of ["KAZAKHSTAN TODAY", "BAQ.KZ", "Kazpravda.kz", "Akorda.kz"]) expect(catalog.byName(name)?.name).toBe(name);
    expect(loadOutlets().outlets.length).toBe(catalog.outlets.length);
  });
});

describe("OutletCatalog lookups", () => {
  it.each([
    ["https://www.baq.kz/news/123", "BAQ.KZ"],
    ["kazpravda.kz", "Kazpravda.kz"],
    ["https://m.kt.kz/rus/economy/1.html", "KAZAKHSTAN TODAY"],
    ["https://example.kz/", null],
    ["not a url", null],
  ])("byDomain(%j) → %j", (url, want) => {
    expect(catalog.byDomain(url)?.name ?? null).toBe(want);
  });
  it.each([
    ["Kazakhstan Today", "KAZAKHSTAN TODAY"],
    ["  kazpravda.KZ ", "Kazpravda.kz"],
    ["МИА «Казинформ»", "Kazinform"],
    ["Лента", null],
  ])("byName(%j) → %j", (name, want) => {
    expect(catalog.byName(name)?.name ?? null).toBe(want);
  });
  it.each([
    ["В ходе заседания озвучена информация, передаёт BAQ.KZ.", "BAQ.KZ", "attribution", "BAQ.KZ"],
    ["Семинар проходит, передает Kazpravda.kz со ссылкой на пресс-службу", "Kazpravda.kz", "attribution", "Kazpravda.kz"],
    ["Об этом сообщает МИА «Казинформ».", "Kazinform", "attribution", "МИА «Казинформ»"],
    ["Усть-Каменогорск. 22 декабря. KAZAKHSTAN TODAY - В городе...", "KAZAKHSTAN TODAY", "dateline", "KAZAKHSTAN TODAY"],
    ["Новости\r\n\r\n  Усть-Каменогорск. 22 декабря. KAZAKHSTAN TODAY — В городе...", "KAZAKHSTAN TODAY", "dateline", "KAZAKHSTAN TODAY"],
    ["Главная\u2028Усть-Каменогорск. 22 декабря. KAZAKHSTAN TODAY - В городе...", "KAZAKHSTAN TODAY", "dateline", "KAZAKHSTAN TODAY"],
    ["Сегодня в 10:00 Усть-Каменогорск. 22 декабря. KAZAKHSTAN TODAY - открыли", null, null, null],
    ["Статья в Kazpravda.kz вызвала споры.", null, null, null],
    ["Сайт baq.kzx не новостной, передает Kazpravdax.", null, null, null],
  ])("inText(%j)", (text, outlet, how, span) => {
    const m = catalog.inText(text);
    expect(m?.outlet ?? null).toBe(outlet);
    if (!m) return;
    expect(m.how).toBe(how);
    expect(text.slice(m.start, m.end)).toBe(span);
  });
});

describe("outlet rule errors name file, line and column", () => {
  const cases: Array<[string, string, RegExp]> = [
    ["unknown key", "outlets:\n  - name: A\n    domain: [a.kz]\n", /:2:5: outlets\.0: Unrecognized key.*domain/],
    ["bad domain", "outlets:\n  - name: A\n    domains: [A.KZ]\n", /:3:15: outlets\.0\.domains\.0: /],
    ["missing name", "outlets:\n  - aliases: [x]\n", /:2:5: outlets\.0\.name/],
    ["duplicate alias", "outlets:\n  - name: A\n    aliases: [Xyz]\n  - name: B\n    aliases: [xyz]\n", /:5:15: "xyz" already belongs to outlet "A"/],
    ["duplicate domain", "outlets:\n  - name: A\n    domains: [a.kz]\n  - name: B\n    domains: [a.kz]\n", /:5:15: "a.kz" already belongs/],
    ["YAML syntax", "outlets:\n  - name: [A\n", /:\d+:\d+: /],
    ["duplicate key", "outlets: []\noutlets: []\n", /:2:1: /],
  ];
  it.each(cases)("%s", (_name, yaml, message) => {
    const t = tempTree({ "outlets.yaml": yaml });
    try {
      const file = join(t.dir, "outlets.yaml");
      let error: unknown;
      try {
        OutletCatalog.load(file);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(OutletRulesError);
      expect((error as Error).message.startsWith(file + ":")).toBe(true);
      expect((error as Error).message).toMatch(message);
    } finally {
      t.cleanup();
    }
  });
});

describe("mayStartDateline (the cheap test before DATELINE)", () => {
  it.each([
    ["Усть-Каменогорск. 22 декабря. KAZAKHSTAN TODAY - Текст", true],
    ["  АСТАНА, 5 марта 2024 г. Текст", true],
    ["Алматы.\t3 мая. Текст", true],
    ["Алматы, как сообщает пресс-служба, 3 мая", false],
    ["Алматы.3 мая.", false],
    ["Инвестиции в основной капитал составили 838 млрд тенге.", false],
    ["", false],
  ])("%j → %s", (line, want) => {
    expect(mayStartDateline(line, 0)).toBe(want);
  });

  it("lets through every line start of the corpora where DATELINE matches", () => {
    const texts: string[] = readdirSync("corpus").filter((n) => n.endsWith(".txt")).map((f) => readFileSync(join("corpus", f), "utf8"));
    for (const f of ["../shared/bench/nerel/train.jsonl", "../shared/bench/nerel/dev.jsonl"])
      if (existsSync(f)) for (const l of readFileSync(f, "utf8").split("\n")) if (l.trim()) texts.push((JSON.parse(l) as { text: string }).text);
    texts.push("Усть-Каменогорск. 22 декабря. KAZAKHSTAN TODAY - Итоги года.");
    let matched = 0;
    const missed: string[] = [];
    for (const t of texts)
      for (let at = 0; at < t.length; at = t.indexOf("\n", at) < 0 ? t.length : t.indexOf("\n", at) + 1)
        if (datelineAt(t, at)) {
          matched++;
          if (!mayStartDateline(t, at)) missed.push(t.slice(at, at + 60));
        }
    expect(missed).toEqual([]);
    expect(matched).toBeGreaterThan(0);
  });
});
