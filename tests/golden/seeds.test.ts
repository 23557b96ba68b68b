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
import { readdirSync, readFileSync, writeFileSync, rmSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileRules } from "../../src/rules/compile.js";
import { processDocument } from "../../src/batch/run-one.js";
import { readTxtForTest } from "./read-seed.js";
import { recordView } from "../core/run.js";

const rules = compileRules("rules");
const dir = "tests/fixtures/golden";

/** The golden files' view of a record: where its value starts, and the common view without the counted noun. */
function project(r: import("../../src/core/record.js").IndicatorRecord) {
  const { counted: _, value, ...view } = recordView(r);
  return { value, at: r.value.start, ...view };
}

describe("golden: seed articles", () => {
  for (const name of readdirSync("corpus").filter((f) => f.endsWith(".txt"))) {
    it(name, async () => {
      const raw = await readTxtForTest(join("corpus", name));
      const outcome = processDocument(raw, rules, 60_000);
      if (!outcome.ok) throw new Error(outcome.error);
      const actual = outcome.records.map((r) => JSON.stringify(project(r))).join("\n") + "\n";
      const stem = name.replace(/\.txt$/, "");
      const expectedFile = join(dir, `${stem}.expected.jsonl`);
      const actualFile = join(dir, `${stem}.actual.jsonl`);
      const expected = existsSync(expectedFile) ? readFileSync(expectedFile, "utf8") : "";
      if (actual !== expected) writeFileSync(actualFile, actual);
      else rmSync(actualFile, { force: true });
      expect(actual, `differs from ${expectedFile}: review ${actualFile}`).toBe(expected);
    });
  }
});
