import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { languageGate } from "../../src/batch/language-gate.js";
import { processDocument } from "../../src/batch/run-one.js";
import { compileRules } from "../../src/rules/compile.js";
import type { RawDocument } from "../../src/core/document.js";

/** The project's rules: Russian, and English in rules/en/. */
const rules = compileRules("rules");
/** The Russian files alone (a folder with no language subfolder). */
const russianOnly = (() => {
  const dir = mkdtempSync(join(tmpdir(), "pokazatel-ru-rules-"));
  for (const f of readdirSync("rules")) if (f.endsWith(".yaml")) cpSync(join("rules", f), join(dir, f));
  return compileRules(dir);
})();
const RU = "Экспорт Казахстана за январь-сентябрь 2025 года составил 1,6 млрд долларов (+12%).";
const EN = "Kazakhstan's exports reached $1.6 billion in January-September 2025, up 12% year on year, the ministry said.";
const KK = "Алматы облысында негізгі капиталға салынған инвестициялар 838 млрд теңгені құрады, бұл өткен жылдың сәйкес кезеңімен салыстырғанда 8,3%-ға артық.";
const doc = (text: string): RawDocument => ({ docId: "d", source: { path: "a.txt", id: null, url: null, outlet: null, title: null, published: "2025-10-03" }, text, format: "txt" });

describe("languageGate", () => {
  it.each([
    ["Russian under Russian rules", RU, russianOnly, "ru", "ru", null],
    ["English under Russian rules alone", EN, russianOnly, "en", null, "the text is in English (en); the rules are for Russian (ru): no records"],
    ["English under rules with an English folder", EN, rules, "en", "en", null],
    ["Russian under rules with an English folder", RU, rules, "ru", "ru", null],
    ["Kazakh, for which there are no rules", KK, rules, "kk", null, "the text is in Kazakh (kk); the rules are for Russian (ru) and English (en): no records"],
    ["too few letters to tell: read with the folder's rules", "2024: 1 012,3; 2025: 1 104,8", rules, "und", "ru", null],
  ])("%s", (_, text, set, language, rulesLanguage, message) => {
    const v = languageGate(text, set);
    expect(v.language).toBe(language);
    expect(v.rules?.language ?? null).toBe(rulesLanguage);
    expect(v.warning?.message ?? null).toBe(message);
    if (v.warning) expect(v.warning.code).toBe("language.unsupported");
  });
});

describe("processDocument and the language gate", () => {
  it("runs a Russian text through the Russian rules and says it is Russian", () => {
    const o = processDocument(doc(RU), rules, 10_000);
    expect(o.ok && o.language).toBe("ru");
    expect(o.ok && o.records.length).toBeGreaterThan(0);
    expect(o.ok && o.warnings).toEqual([]);
  });

  it("runs an English text through the English rules: $1.6 billion of exports, up 12%", () => {
    const o = processDocument(doc(EN), rules, 10_000);
    if (!o.ok) throw new Error(o.error);
    expect(o.language).toBe("en");
    expect(o.records.map((r) => [r.indicator, r.value.text, r.value.amount, r.value.unit, r.measure, r.period?.from, r.period?.to])).toEqual([
      ["exports", "$1.6 billion", 1_600_000_000, "USD", "level", "2025-01-01", "2025-09-30"],
      ["exports", "12%", 12, "percent", "change", "2025-01-01", "2025-09-30"],
    ]);
    expect(o.records.every((r) => r.rules_version === rules.version)).toBe(true);
  });

  it("gives an English text no records under Russian rules alone (not 1.6 dollars), with the warning", () => {
    const o = processDocument(doc(EN), russianOnly, 10_000);
    expect(o).toMatchObject({ ok: true, records: [], language: "en", warnings: [{ code: "language.unsupported" }] });
  });
});
