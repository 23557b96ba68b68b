/**
 * Golden whole-document tests for English: articles written for the tests
 * (tests/fixtures/golden/en/README.md), read through the real ingest stage
 * and the pipeline of their language, against expected records reviewed by
 * hand (tests/fixtures/golden/en/*.expected.jsonl).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileRules } from "../../src/rules/compile.js";
import { processDocument } from "../../src/batch/run-one.js";
import { readTxtForTest } from "./read-seed.js";
import { expectGolden } from "./golden-file.js";

const rules = compileRules("rules");
const dir = "tests/fixtures/golden/en";

describe("golden: English articles", () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
    it(name, async () => {
      const outcome = processDocument(await readTxtForTest(join(dir, name)), rules, 60_000);
      if (!outcome.ok) throw new Error(outcome.error);
      expect(outcome.language).toBe("en");
      expectGolden(outcome.records, join(dir, name.replace(/\.txt$/, "")));
    });
  }
});
