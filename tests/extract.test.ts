import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileRules } from "../src/rules/compile.js";
import { runExtract } from "../src/extract.js";
import { SqliteStore } from "../src/store/sqlite-store.js";

const rules = compileRules("rules");
const tmp = () => mkdtempSync(join(tmpdir(), "pokazatel-extract-"));

describe("runExtract with a store that goes away", () => {
  it("keeps writing complete JSONL and says why the store stopped", async () => {
    const reference = join(tmp(), "ref");
    await runExtract({ inputs: ["corpus"], out: reference, rules });

    const out = join(tmp(), "out");
    const store = new SqliteStore(join(out, "pokazatel.sqlite"));
    const report = await runExtract({
      inputs: ["corpus"],
      out,
      rules,
      store,
      batchSize: 1,
      // the database goes away after the second document
      onDocument: (done) => {
        if (done === 2) void store.close();
      },
    });
    expect(report.store_error).toMatch(/sqlite:.*pokazatel\.sqlite: .*not open/);
    expect(report.documents.processed).toBe(5);
    expect(readFileSync(join(out, "records.jsonl"), "utf8")).toBe(readFileSync(join(reference, "records.jsonl"), "utf8"));
    expect(JSON.parse(readFileSync(join(out, "run.json"), "utf8")).store_error).toBe(report.store_error);
  });
});
