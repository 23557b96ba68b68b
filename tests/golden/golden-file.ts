import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { expect } from "vitest";
import type { IndicatorRecord } from "../../src/core/record.js";
import { recordView } from "../core/run.js";

/** The golden files' view of a record: where its value starts, and the common view without the counted noun. */
export function goldenView(r: IndicatorRecord) {
  const { counted: _, value, ...view } = recordView(r);
  return { value, at: r.value.start, ...view };
}

/**
 * Compares a document's records, one JSON line each in the golden view, with
 * `<stem>.expected.jsonl`. On a difference it writes `<stem>.actual.jsonl`
 * beside it and fails: review `diff -u`, and only if every change is right,
 * copy the actual file over the expected one in a commit that says why.
 * Nothing here regenerates expected files.
 */
export function expectGolden(records: IndicatorRecord[], stem: string): void {
  const actual = records.map((r) => JSON.stringify(goldenView(r))).join("\n") + "\n";
  const expectedFile = `${stem}.expected.jsonl`;
  const actualFile = `${stem}.actual.jsonl`;
  const expected = existsSync(expectedFile) ? readFileSync(expectedFile, "utf8") : "";
  if (actual !== expected) writeFileSync(actualFile, actual);
  else rmSync(actualFile, { force: true });
  expect(actual, `differs from ${expectedFile}: review ${actualFile}`).toBe(expected);
}
