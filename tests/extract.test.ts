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

describe("runExtract: documents.jsonl for JSONL input", () => {
  it("keeps each line's text literal as written, escapes and all, and every record's offsets point into that text", async () => {
    const dir = tmp();
    const text = "Павлодар. В январе-сентябре 2025 года инвестиции в основной капитал Павлодарской области составили 838 млрд тенге.\n\nРост «8,3%» 😀.";
    // three spellings of one text: as JSON.stringify writes it, every character escaped, and an escaped key
    const escaped = `"${Array.from({ length: text.length }, (_, i) => `\\u${text.charCodeAt(i).toString(16).padStart(4, "0")}`).join("")}"`;
    const lines = [
      JSON.stringify({ id: "plain", text, published: "2025-10-10" }),
      `{"id":"escaped","published":"2025-10-10","text":${escaped}}`,
      `{"id":"key","published":"2025-10-10","te\\u0078t":${JSON.stringify(text)}}`,
    ];
    const input = join(dir, "in.jsonl");
    (await import("node:fs")).writeFileSync(input, `${lines.join("\r\n")}\r\n`);
    const out = join(dir, "out");
    await runExtract({ inputs: [input], out, rules });
    const docLines = readFileSync(join(out, "documents.jsonl"), "utf8").split("\n").filter(Boolean);
    expect(docLines[1]).toContain(`"text":${escaped}`);
    const docs = docLines.map((l) => JSON.parse(l) as { doc_id: string; text: string; source: { id: string } });
    expect(docs.map((d) => d.source.id)).toEqual(["plain", "escaped", "key"]);
    for (const d of docs) expect(d.text).toBe(text);
    const records = readFileSync(join(out, "records.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { doc_id: string; value: { start: number; end: number; text: string } });
    // one record per document ("838 млрд тенге"), whichever way its line wrote the text
    expect(records.map((r) => docs.findIndex((d) => d.doc_id === r.doc_id))).toEqual([0, 1, 2]);
    for (const r of records) {
      const d = docs.find((x) => x.doc_id === r.doc_id)!;
      expect(Array.from(d.text).slice(r.value.start, r.value.end).join("")).toBe(r.value.text);
    }
  });
});
