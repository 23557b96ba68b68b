import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOCUMENT_LINE_ORDER, DocumentLineSchema, orderKeys, RECORD_ORDER, recordJsonSchema, RecordSchema } from "../../src/store/record-schema.js";
import { buildProject } from "./pg.js";

const root = join(import.meta.dirname, "../..");
const schemaFile = join(root, "schema/record.schema.json");

/** Keys sorted the way jsonb stores them (shorter first, then bytewise), at every depth. */
function jsonbOrder(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(jsonbOrder);
  if (v === null || typeof v !== "object") return v;
  const keys = Object.keys(v).sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return Object.fromEntries(keys.map((k) => [k, jsonbOrder((v as Record<string, unknown>)[k])]));
}

describe("schema/record.schema.json", () => {
  it("is what the zod schema in src/store/record-schema.ts gives (rewritten when it is not: review and commit it)", () => {
    const want = `${JSON.stringify(recordJsonSchema(), null, 2)}\n`;
    const have = existsSync(schemaFile) ? readFileSync(schemaFile, "utf8") : "";
    if (have !== want) writeFileSync(schemaFile, want);
    expect(have, "schema/record.schema.json was stale and has been regenerated: review the change and commit it").toBe(want);
  });

  it("describes every field of the spec, open to fields code may add", () => {
    const s = JSON.parse(readFileSync(schemaFile, "utf8"));
    expect(s.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(s.title).toBe("indicator-record/1");
    expect(s.required).toEqual(
      expect.arrayContaining(["format", "id", "fact", "doc_id", "source", "indicator", "label", "measure", "value", "change", "subject", "territory", "period", "sentence", "cue", "rules", "rules_version"]),
    );
    expect(s.properties.format.const).toBe("indicator-record/1");
    expect(s.properties.measure.enum).toEqual(["level", "change", "share", "rank"]);
    expect(s.additionalProperties).toBeUndefined();
  });
});

describe("the records of a real run", () => {
  let out = "";
  beforeAll(async () => {
    await buildProject(root);
    out = mkdtempSync(join(tmpdir(), "pokazatel-schema-"));
    const r = spawnSync(process.execPath, [join(root, "bin/pokazatel"), "extract", join(root, "corpus"), "--out", out, "--no-db", "--quiet"], { cwd: root, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`extract failed (${r.status}): ${r.stderr}`);
  });

  const lines = (f: string) => readFileSync(join(out, f), "utf8").split("\n").filter(Boolean);

  it("each record is valid, holds no field the schema lacks, in the schema's key order", () => {
    const recs = lines("records.jsonl");
    expect(recs.length).toBeGreaterThan(20);
    for (const line of recs) {
      const parsed = RecordSchema.safeParse(JSON.parse(line));
      expect(parsed.error?.issues ?? [], line.slice(0, 200)).toEqual([]);
      // parsing drops unknown keys and orders keys by the schema: equal text means neither happened
      expect(JSON.stringify(parsed.data)).toBe(line);
    }
  });

  it("each documents.jsonl line is valid", () => {
    for (const line of lines("documents.jsonl")) expect(DocumentLineSchema.safeParse(JSON.parse(line)).error?.issues ?? []).toEqual([]);
  });

  it("orderKeys gives records back their order after a trip through jsonb's sorted keys", () => {
    for (const line of lines("records.jsonl")) {
      const sorted = jsonbOrder(JSON.parse(line));
      expect(JSON.stringify(sorted)).not.toBe(line);
      expect(JSON.stringify(orderKeys(sorted, RECORD_ORDER))).toBe(line);
    }
    for (const line of lines("documents.jsonl")) {
      const doc = JSON.parse(line);
      const back = orderKeys(jsonbOrder(doc), DOCUMENT_LINE_ORDER) as Record<string, unknown>;
      expect(back).toEqual(doc);
      expect(Object.keys(back)).toEqual(Object.keys(doc));
      expect(JSON.stringify(back.source)).toBe(JSON.stringify(doc.source));
    }
  });

  it("keys the schema does not know are kept, after the known ones", () => {
    const rec = JSON.parse(lines("records.jsonl")[0]);
    const back = orderKeys(jsonbOrder({ ...rec, zz_new: 1, value: { ...rec.value, extra: true } }), RECORD_ORDER) as Record<string, unknown>;
    expect(Object.keys(back).slice(-2)).toEqual(["rules_version", "zz_new"]);
    expect(Object.keys(back.value as object).at(-1)).toBe("extra");
  });
});
