import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReviewData, ReviewInputError, writeReviewPage } from "../../src/review/review-page.js";

const FIXTURE = path.join(import.meta.dirname, "../fixtures/review/basic");
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "pokazatel-review-inputs-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A fresh output folder holding the given files (defaults: the basic fixture). */
async function folder(name: string, files: { records?: string | null; documents?: string | null } = {}): Promise<string> {
  const dir = path.join(tmp, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const records = files.records !== undefined ? files.records : await readFile(path.join(FIXTURE, "records.jsonl"), "utf8");
  const documents = files.documents !== undefined ? files.documents : await readFile(path.join(FIXTURE, "documents.jsonl"), "utf8");
  if (records !== null) await writeFile(path.join(dir, "records.jsonl"), records);
  if (documents !== null) await writeFile(path.join(dir, "documents.jsonl"), documents);
  return dir;
}

describe("the basic fixture follows record.md", () => {
  it("every span of every record gives its text: Array.from(doc.text).slice(start, end)", async () => {
    const docs = new Map<string, { text: string }>();
    for (const line of (await readFile(path.join(FIXTURE, "documents.jsonl"), "utf8")).trim().split("\n")) {
      const d = JSON.parse(line);
      docs.set(d.doc_id, d);
    }
    const lines = (await readFile(path.join(FIXTURE, "records.jsonl"), "utf8")).trim().split("\n");
    let checked = 0;
    for (const line of lines) {
      const r = JSON.parse(line);
      expect(r.format).toBe("indicator-record/1");
      const cps = Array.from(docs.get(r.doc_id)!.text);
      for (const s of [r.value, r.cue, r.subject, r.territory?.span, r.period?.span, r.sentence]) {
        if (!s) continue;
        expect(cps.slice(s.start, s.end).join("")).toBe(s.text);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it("has an emoji before Cyrillic values, a failed document and HTML-looking text", async () => {
    const data = await buildReviewData(FIXTURE);
    const first = data.records[0];
    expect(data.docs[first.doc].text!.codePointAt(17)).toBe(0x1f4c8); // 📈 right after the date line
    expect(data.docs.some((d) => d.status === "failed" && d.error)).toBe(true);
    expect(data.docs.some((d) => d.text?.includes("<script>") && d.text.includes("onerror"))).toBe(true);
  });
});

describe("buildReviewData", () => {
  it("reads records and documents, counts per document and finds no mismatches in the fixture", async () => {
    const data = await buildReviewData(FIXTURE, new Date("2025-01-02T03:04:05Z"));
    expect(data.records).toHaveLength(9);
    expect(data.docs.map((d) => [d.status, d.records, d.mismatches])).toEqual([
      ["ok", 3, 0],
      ["ok", 4, 0],
      ["ok", 2, 0],
      ["failed", 0, 0],
    ]);
    expect(data.records.every((r) => r.mismatch.length === 0)).toBe(true);
    expect(data.records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(data.generated).toBe("2025-01-02T03:04:05.000Z");
    expect(data.folder).toBe("basic");
  });

  it("marks spans whose offsets do not give their text", async () => {
    const lines = (await readFile(path.join(FIXTURE, "records.jsonl"), "utf8")).trim().split("\n");
    const r = JSON.parse(lines[0]);
    // UTF-16 offsets written by mistake: shifted by the emoji's extra units
    r.value.start += 3;
    r.value.end += 3;
    r.cue.text = "уровень инфляции";
    lines[0] = JSON.stringify(r);
    const dir = await folder("mismatch", { records: lines.join("\n") + "\n" });
    const data = await buildReviewData(dir);
    expect(data.records[0].mismatch).toEqual(["value", "cue"]);
    expect(data.docs[data.records[0].doc].mismatches).toBe(1);
    expect(data.records[1].mismatch).toEqual([]);
  });

  it("shows records of a document missing from documents.jsonl under a 'missing' document", async () => {
    const docs = (await readFile(path.join(FIXTURE, "documents.jsonl"), "utf8")).trim().split("\n");
    const dir = await folder("missing-doc", { documents: docs.slice(1).join("\n") });
    const data = await buildReviewData(dir);
    const missing = data.docs.find((d) => d.status === "missing")!;
    expect(missing.records).toBe(3);
    expect(missing.error).toMatch(/no line in documents\.jsonl/);
    expect(missing.name).toBe("📈 Итоги года в ВКО"); // from the records' source
    expect(data.records.filter((r) => data.docs[r.doc] === missing).every((r) => r.mismatch.includes("value"))).toBe(true);
  });

  it("reads a document's warnings as 'code: message' (none when the line has no warnings)", async () => {
    const warned = JSON.stringify({ doc_id: "en1", source: { path: "en.txt" }, text: "Exports reached $1.6 billion.", status: "ok", error: null, language: "en", records: 0, warnings: [{ code: "language.unsupported", message: "the text is in English (en); the rules are for Russian (ru): no records" }] });
    const docs = (await readFile(path.join(FIXTURE, "documents.jsonl"), "utf8")).trim();
    const data = await buildReviewData(await folder("warnings", { documents: `${docs}\n${warned}\n` }));
    expect(data.docs.find((d) => d.doc_id === "en1")!.warnings).toEqual(["language.unsupported: the text is in English (en); the rules are for Russian (ru): no records"]);
    expect(data.docs.filter((d) => d.doc_id !== "en1").every((d) => d.warnings.length === 0)).toBe(true);
  });

  it("accepts blank lines, CRLF line ends and a BOM; an empty records file gives no records", async () => {
    const docs = (await readFile(path.join(FIXTURE, "documents.jsonl"), "utf8")).trim().split("\n");
    const dir = await folder("crlf", { documents: "\ufeff" + docs.join("\r\n") + "\r\n\r\n", records: "" });
    const data = await buildReviewData(dir);
    expect(data.docs).toHaveLength(4);
    expect(data.records).toHaveLength(0);
  });
});

describe("errors name the file and line", () => {
  it.each<{ name: string; files: { records?: string | null; documents?: string | null }; file: string; line: number | null; message: RegExp }>([
    { name: "records.jsonl missing", files: { records: null }, file: "records.jsonl", line: null, message: /records\.jsonl: cannot read: file not found/ },
    { name: "documents.jsonl missing", files: { documents: null }, file: "documents.jsonl", line: null, message: /documents\.jsonl: cannot read: file not found/ },
    { name: "broken JSON", files: { records: '{"id":"a"}\n\n{"id": oops}\n' }, file: "records.jsonl", line: 3, message: /records\.jsonl:3: invalid JSON/ },
    { name: "not an object", files: { documents: "[1,2]\n" }, file: "documents.jsonl", line: 1, message: /documents\.jsonl:1: expected a JSON object, got an array/ },
    {
      name: "record without value span",
      files: { records: JSON.stringify({ id: "r1", doc_id: "x", indicator: "grp", measure: "level", value: { start: 1, text: "5%" } }) },
      file: "records.jsonl",
      line: 1,
      message: /records\.jsonl:1: record "r1": "value\.end" must be an integer, got nothing/,
    },
    {
      name: "record without amount",
      files: { records: JSON.stringify({ id: "r2", doc_id: "x", indicator: "grp", measure: "level", value: { start: 1, end: 2, text: "5" } }) },
      file: "records.jsonl",
      line: 1,
      message: /"value\.amount" must be a number/,
    },
    {
      name: "document without doc_id",
      files: { documents: JSON.stringify({ status: "ok", text: "x" }) },
      file: "documents.jsonl",
      line: 1,
      message: /documents\.jsonl:1: document: "doc_id" must be a string, got nothing/,
    },
    {
      name: "a warning without its message",
      files: { documents: JSON.stringify({ doc_id: "d", status: "ok", text: "x", warnings: [{ code: "language.unsupported" }] }) },
      file: "documents.jsonl",
      line: 1,
      message: /documents\.jsonl:1: document: "warnings\[0\]\.message" must be a string, got nothing/,
    },
    {
      name: "territory span that is not a span",
      files: {
        records: JSON.stringify({ id: "r3", doc_id: "x", indicator: "grp", measure: "level", value: { start: 1, end: 2, text: "5", amount: 5 }, territory: { code: "KZ", span: "Казахстан" } }),
      },
      file: "records.jsonl",
      line: 1,
      message: /"territory\.span" must be a span/,
    },
  ])("$name", async ({ name, files, file, line, message }) => {
    const dir = await folder(name.replace(/\W+/g, "-"), files);
    const err = await buildReviewData(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReviewInputError);
    const e = err as ReviewInputError;
    expect(e.message).toMatch(message);
    expect(e.file).toBe(path.join(dir, file));
    expect(e.line).toBe(line);
  });

  it("writeReviewPage refuses a folder that does not exist", async () => {
    await expect(writeReviewPage(path.join(tmp, "nope"))).rejects.toThrow(/nope: no such output folder/);
  });
});
