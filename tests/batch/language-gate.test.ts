import { describe, expect, it } from "vitest";
import { languageGate } from "../../src/batch/language-gate.js";
import { processDocument } from "../../src/batch/run-one.js";
import { compileRules } from "../../src/rules/compile.js";
import type { RawDocument } from "../../src/core/document.js";

const rules = compileRules("rules");
const RU = "Экспорт Казахстана за январь-сентябрь 2025 года составил 1,6 млрд долларов (+12%).";
const EN = "Kazakhstan's exports reached $1.6 billion in January-September 2025, up 12% year on year, the ministry said.";
const doc = (text: string): RawDocument => ({ docId: "d", source: { path: "a.txt", id: null, url: null, outlet: null, title: null, published: "2025-10-03" }, text, format: "txt" });

describe("languageGate", () => {
  it.each([
    ["Russian under Russian rules", RU, "ru", "ru", null],
    ["English under Russian rules", EN, "ru", "en", "the text is in English (en); the rules are for Russian (ru): no records"],
    ["English under English rules", EN, "en", "en", null],
    ["too few letters to tell: read with the rules", "2024: 1 012,3; 2025: 1 104,8", "ru", "und", null],
  ])("%s", (_, text, rulesLanguage, language, message) => {
    const v = languageGate(text, rulesLanguage);
    expect(v.language).toBe(language);
    expect(v.warning?.message ?? null).toBe(message);
    if (v.warning) expect(v.warning.code).toBe("language.unsupported");
  });
});

describe("processDocument and the language gate", () => {
  it("runs a Russian text through the rules and says it is Russian", () => {
    const o = processDocument(doc(RU), rules, 10_000);
    expect(o.ok && o.language).toBe("ru");
    expect(o.ok && o.records.length).toBeGreaterThan(0);
    expect(o.ok && o.warnings).toEqual([]);
  });

  it("gives an English text no records (not 1.6 dollars), with the warning", () => {
    const o = processDocument(doc(EN), rules, 10_000);
    expect(o).toMatchObject({ ok: true, records: [], language: "en", warnings: [{ code: "language.unsupported" }] });
  });
});
