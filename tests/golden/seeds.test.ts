/**
 * Golden whole-document tests: the seed articles' records, projected to the
 * fields a reviewer checks, against expected files reviewed by hand
 * (tests/fixtures/golden/*.expected.jsonl).
 *
 * On a difference the test writes `<name>.actual.jsonl` beside the expected
 * file and fails. Review the diff (`diff -u x.expected.jsonl x.actual.jsonl`)
 * and, only if every change is right, copy the actual file over the expected
 * one in a commit that says why. Nothing here regenerates expected files.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { compileRules } from "../../src/rules/compile.js";
import { processDocument } from "../../src/batch/run-one.js";
import { readTxtForTest } from "./read-seed.js";
import { expectGolden } from "./golden-file.js";

const rules = compileRules("rules");
const dir = "tests/fixtures/golden";

describe("golden: seed articles", () => {
  for (const name of readdirSync("corpus").filter((f) => f.endsWith(".txt"))) {
    it(name, async () => {
      const raw = await readTxtForTest(join("corpus", name));
      const outcome = processDocument(raw, rules, 60_000);
      if (!outcome.ok) throw new Error(outcome.error);
      expectGolden(outcome.records, join(dir, name.replace(/\.txt$/, "")));
    });
  }
});
