import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cacheDir, ValidatedCache } from "../../src/rules/rule-cache.js";
import { loadRuleFiles, RuleSetError } from "../../src/rules/load.js";
import { compileRules } from "../../src/rules/compile.js";

let dir: string;
const saved = process.env.POKAZATEL_CACHE_DIR;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "pokazatel-cache-"));
  process.env.POKAZATEL_CACHE_DIR = join(dir, "cache");
});
afterEach(() => {
  if (saved === undefined) delete process.env.POKAZATEL_CACHE_DIR;
  else process.env.POKAZATEL_CACHE_DIR = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe("ValidatedCache", () => {
  const code = [new URL(import.meta.url)];

  it("keeps a value under its key, and nothing under another", () => {
    const c = new ValidatedCache("t", code);
    expect(c.get("a")).toBeNull();
    c.put("a", { x: [1, 2] });
    expect(c.get("a")).toEqual({ x: [1, 2] });
    expect(c.get("b")).toBeNull();
  });

  it("a change to the validating code is a miss", () => {
    const file = join(dir, "validator.js");
    writeFileSync(file, "one");
    const before = new ValidatedCache("t", [new URL(`file://${file}`)]);
    before.put("a", 1);
    writeFileSync(file, "two");
    expect(new ValidatedCache("t", [new URL(`file://${file}`)]).get("a")).toBeNull();
  });

  it("POKAZATEL_CACHE_DIR=off turns it off", () => {
    process.env.POKAZATEL_CACHE_DIR = "off";
    expect(cacheDir()).toBeNull();
    const c = new ValidatedCache("t", code);
    c.put("a", 1);
    expect(c.get("a")).toBeNull();
  });

  it("a folder that cannot be written is not used, and nothing fails", () => {
    // a file where the folder would be
    const ro = join(dir, "ro");
    writeFileSync(ro, "a file, not a folder");
    process.env.POKAZATEL_CACHE_DIR = join(ro, "cache");
    const c = new ValidatedCache("t", code);
    expect(() => c.put("a", 1)).not.toThrow();
    expect(c.get("a")).toBeNull();
  });

  it("a corrupt entry is a miss", () => {
    const c = new ValidatedCache("t", code);
    c.put("a", 1);
    const cache = join(dir, "cache");
    for (const f of readdirSync(cache)) writeFileSync(join(cache, f), "{not json");
    expect(c.get("a")).toBeNull();
  });
});

describe("rule files through the cache", () => {
  it("a second load reads the cache and gives the same data, version and places", () => {
    const first = loadRuleFiles("rules");
    expect(readdirSync(join(dir, "cache")).some((f) => f.startsWith("rules-"))).toBe(true);
    const second = loadRuleFiles("rules");
    expect(second.version).toBe(first.version);
    expect(second.files.map((f) => [f.path, f.name, f.kind])).toEqual(first.files.map((f) => [f.path, f.name, f.kind]));
    expect(JSON.stringify(second.files.map((f) => f.data))).toBe(JSON.stringify(first.files.map((f) => f.data)));
    // places are found from the file's text when asked
    const units = second.files.find((f) => f.name === "units")!;
    expect(units.lineOf(["kind"]).line).toBeGreaterThan(0);
    // the compiled set's version also covers the language folders (rules/en/): the same from cache
    const compiled = compileRules("rules");
    expect(compileRules("rules").version).toBe(compiled.version);
    expect(compiled.byLanguage.get("ru")!.files.map((f) => f.path)).toEqual(first.files.map((f) => f.path));
  });

  it("an edited rule file is validated again: a broken one fails with its line even after a cached run", () => {
    const rules = join(dir, "rules");
    cpSync("rules", rules, { recursive: true });
    loadRuleFiles(rules);
    const f = join(rules, "qualifiers.yaml");
    writeFileSync(f, readFileSync(f, "utf8").replace(/^kind: qualifiers$/m, "kind: qualifiers\nbogus_key: 1"));
    expect(() => loadRuleFiles(rules)).toThrow(RuleSetError);
    try {
      loadRuleFiles(rules);
    } catch (e) {
      expect((e as Error).message).toMatch(/qualifiers\.yaml:\d+:\d+: .*bogus_key/);
    }
  });

  it("works with no cache at all", () => {
    process.env.POKAZATEL_CACHE_DIR = "off";
    expect(loadRuleFiles("rules").files.length).toBeGreaterThan(5);
    expect(existsSync(join(dir, "cache"))).toBe(false);
  });
});
