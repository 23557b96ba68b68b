import { afterAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileRules } from "../../src/rules/compile.js";
import { RuleSetError } from "../../src/rules/load.js";

const rules = compileRules("rules");
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of rules/ with one file edited; returns the folder. */
function edited(file: string, edit: (src: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "pokazatel-rules-"));
  temps.push(dir);
  cpSync("rules", dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, "utf8")));
  return dir;
}

/** The errors compiling a folder gives: [code, message]. */
function errorsOf(dir: string): Array<{ code: string; message: string; line: number }> {
  try {
    compileRules(dir);
  } catch (e) {
    if (!(e instanceof RuleSetError)) throw e;
    return e.errors.map((x) => ({ code: x.code, message: x.message, line: x.line }));
  }
  return [];
}

const lineOf = (dir: string, file: string, needle: string) => readFileSync(join(dir, file), "utf8").split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("the real rules", () => {
  it("are for Russian", () => {
    expect(rules.language).toBe("ru");
  });
  it("compile with no error", () => {
    expect(() => compileRules("rules")).not.toThrow();
  });
  it("hold every region of shared/spec/territories.md", () => {
    const codes = ["KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35", "KZ-39", "KZ-43", "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63", "KZ-71", "KZ-75", "KZ-79"];
    expect([...rules.regions.keys()].sort()).toEqual(codes);
  });
  it("hold every indicator of shared/spec/indicators.md", () => {
    const codes = "grp gdp short_term_indicator industrial_output production capacity agri_output fixed_capital_investment fdi investment investment_projects jobs_created unemployment_rate avg_monthly_wage population budget tax_revenue exports imports sme inflation housing schools food_self_sufficiency cooperatives monotowns industrial_zones waste_collected area construction trade transport communications household_income other".split(" ");
    for (const c of codes) expect(rules.indicators.has(c), c).toBe(true);
  });
  it("every indicator's units are unit codes the units file or the record format knows", () => {
    const known = new Set([...rules.units.map((u) => u.code), "money", "quantity", "count", "place", "pp", "times"]);
    for (const ind of rules.indicators.values()) for (const u of ind.units) expect(known.has(u), `${ind.code}: ${u}`).toBe(true);
  });
  it("have a version that is stable for the same bytes and changes with any edit, in either language's folder", () => {
    expect(compileRules("rules").version).toBe(rules.version);
    expect(compileRules(edited("units.yaml", (s) => s + "\n# a comment\n")).version).not.toBe(rules.version);
    expect(compileRules(edited("en/units.yaml", (s) => s + "\n# a comment\n")).version).not.toBe(rules.version);
  });
});

describe("the English rules (rules/en/)", () => {
  const en = rules.byLanguage.get("en")!;
  it("are a rule set of their own, under the folder's version", () => {
    expect([...rules.byLanguage.keys()]).toEqual(["ru", "en"]);
    expect(en.language).toBe("en");
    expect(en.version).toBe(rules.version);
    expect(en.byLanguage).toBe(rules.byLanguage);
  });
  it("hold the Russian catalogue's indicators, with the same labels and units, and the same regions and names", () => {
    expect([...en.indicators.keys()].sort()).toEqual([...rules.indicators.keys()].sort());
    for (const [code, ind] of en.indicators) expect(ind, code).toEqual(rules.indicators.get(code));
    expect([...en.regions.values()].map((r) => [r.code, r.name]).sort()).toEqual([...rules.regions.values()].map((r) => [r.code, r.name]).sort());
  });
  it("an error in them names the file under en/ and its line", () => {
    const dir = edited("en/units.yaml", (s) => s.replace("type: money", "type: cash"));
    const errs = errorsOf(dir);
    expect(errs.length).toBeGreaterThan(0);
    expect(errs[0].message).toMatch(/en\/units\.yaml:\d+:\d+: /);
    expect(errs[0].line).toBe(lineOf(dir, "en/units.yaml", "type: cash"));
  });
  it("a file in en/ written for another language", () => {
    const dir = edited("en/units.yaml", (s) => s.replace("language: en", "language: ru"));
    const errs = errorsOf(dir);
    expect(errs.map((e) => e.code)).toEqual(["rule.mixed_language"]);
    expect(errs[0].message).toMatch(/en\/units\.yaml:\d+:\d+: language "ru" is not that of/);
  });
});

describe("rule errors name the file and line", () => {
  it("an unknown key", () => {
    const dir = edited("units.yaml", (s) => s.replace("  - id: kzt\n", "  - id: kzt\n    colour: blue\n"));
    const errs = errorsOf(dir);
    expect(errs).toHaveLength(1);
    expect(errs[0].code).toBe("rule.unknown_key");
    expect(errs[0].message).toMatch(/units\.yaml:\d+:\d+: /);
    expect(errs[0].line).toBe(lineOf(dir, "units.yaml", "colour: blue"));
  });
  it("a bad token pattern", () => {
    const dir = edited("indicators.yaml", (s) => s.replace("      - ВРП\n", "      - ВРП\n      - <nums> млрд\n"));
    const errs = errorsOf(dir);
    expect(errs.map((e) => e.code)).toEqual(["rule.bad_pattern"]);
    expect(errs[0].message).toMatch(/indicators\.yaml:\d+:\d+: bad pattern "<nums> млрд": unknown class <nums>/);
    expect(errs[0].line).toBe(lineOf(dir, "indicators.yaml", "<nums> млрд"));
  });
  it("a word form defined twice, naming both places", () => {
    const dir = edited("territories.yaml", (s) => s.replace("forms: [Актобе,", "forms: [Павлодар, Актобе,"));
    const errs = errorsOf(dir);
    expect(errs).toHaveLength(1);
    expect(errs[0].code).toBe("rule.duplicate");
    expect(errs[0].message).toMatch(/territory name "Павлодар" is already defined at .*territories\.yaml:\d+/);
  });
  it("broken YAML", () => {
    const dir = edited("qualifiers.yaml", (s) => s.replace("qualifiers:", "qualifiers: [oops"));
    const errs = errorsOf(dir);
    expect(errs[0].code).toBe("rule.bad_yaml");
    expect(errs[0].message).toMatch(/qualifiers\.yaml:\d+:\d+: YAML: /);
  });
  it("an unknown kind", () => {
    const dir = edited("qualifiers.yaml", (s) => s.replace("kind: qualifiers", "kind: qualifyers"));
    expect(errorsOf(dir).map((e) => e.code)).toEqual(["rule.unknown_kind"]);
  });
  it("a cue that continues an indicator the catalogue lacks, with its line", () => {
    const dir = edited("indicators.yaml", (s) => s.replace("after: grp }", "after: grpp }"));
    const errs = errorsOf(dir);
    expect(errs.map((e) => e.code)).toEqual(["rule.unknown_indicator"]);
    expect(errs[0].message).toMatch(/indicators\.yaml:\d+:\d+: cue continues indicator "grpp", which the catalogue does not define/);
    expect(errs[0].line).toBe(lineOf(dir, "indicators.yaml", "after: grpp"));
  });
  it("a file for another language than the others, with its line", () => {
    const dir = edited("units.yaml", (s) => s.replace("language: ru", "language: en"));
    const errs = errorsOf(dir);
    expect(errs.map((e) => e.code)).toEqual(["rule.mixed_language"]);
    expect(errs[0].message).toMatch(/units\.yaml:\d+:\d+: language "en" is not that of .*\.yaml \("ru"\): one rules folder is for one language/);
    expect(errs[0].line).toBe(lineOf(dir, "units.yaml", "language: en"));
  });
  it("a language documents are not told apart in", () => {
    const dir = edited("units.yaml", (s) => s.replace("language: ru", "language: russian"));
    const errs = errorsOf(dir);
    expect(errs).toHaveLength(1);
    expect(errs[0].message).toMatch(/units\.yaml:\d+:\d+: .*ru, kk, en/);
    expect(errs[0].line).toBe(lineOf(dir, "units.yaml", "language: russian"));
  });
  it("a catalogue without 'other'", () => {
    const dir = edited("indicators.yaml", (s) => s.replace("  - code: other\n", "  - code: other_thing\n"));
    expect(errorsOf(dir).map((e) => e.code)).toContain("rule.missing_other");
  });
  it("a centre that is not one of the region's places", () => {
    const dir = edited("territories.yaml", (s) => s.replace("centre: Семей", "centre: Семипалатинск"));
    expect(errorsOf(dir).map((e) => e.code)).toEqual(["rule.bad_centre"]);
  });
  it("a folder that does not exist", () => {
    expect(errorsOf("no/such/rules").map((e) => e.code)).toEqual(["rule.no_folder"]);
  });
  it("several errors are all reported at once", () => {
    const dir = edited("units.yaml", (s) => s.replace("  - id: kzt\n", "  - id: kzt\n    colour: blue\n").replace("  - id: usd\n", "  - id: usd\n    flavour: mint\n"));
    expect(errorsOf(dir).map((e) => e.code)).toEqual(["rule.unknown_key", "rule.unknown_key"]);
  });
});

describe("rule data does what an analyst expects, with no code change", () => {
  it("a new currency in units.yaml is found in text", async () => {
    const dir = edited("units.yaml", (s) => s.replace("units:\n", "units:\n  - id: mnt\n    type: money\n    code: MNT\n    forms: [тугрик, тугрика, тугриков]\n"));
    const r = compileRules(dir);
    const { mentionsOf } = await import("../core/run.js");
    expect(mentionsOf(r, "Цена 500 тугриков.").map((m) => [m.text, m.unit, m.type])).toEqual([["500 тугриков", "MNT", "money"]]);
  });
});
