import { describe, expect, it } from "vitest";
import { documentLineParts } from "../../src/sinks/document-json.js";
import type { DocumentLine } from "../../src/store/store.js";

const line = (over: Partial<DocumentLine> = {}): DocumentLine => ({
  doc_id: "ab12",
  source: { path: "dump.jsonl", id: "7", url: null, outlet: null, title: "Итоги \"года\"", published: null },
  text: "Рост «5%».\nВторая строка\\",
  status: "ok",
  error: null,
  format: "jsonl",
  decoding: { encoding: "utf-8", method: "json", bom: false },
  records: 2,
  meta: { line: 3 },
  ...over,
});

const joined = (parts: Array<string | Uint8Array>) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : p))).toString("utf8");

describe("documentLineParts", () => {
  it("splices the text's literal in, giving the same line as JSON.stringify when the literal is its encoding", () => {
    const l = line();
    expect(joined(documentLineParts(l, Buffer.from(JSON.stringify(l.text))))).toBe(JSON.stringify(l));
  });

  it("keeps the input's own escapes: the line parses to the same document", () => {
    const l = line({ text: "Рост" });
    const out = joined(documentLineParts(l, Buffer.from(String.raw`"\u0420\u043e\u0441\u0442"`)));
    expect(out).toContain(String.raw`"text":"\u0420\u043e\u0441\u0442"`);
    expect(JSON.parse(out)).toEqual(l);
    expect(Object.keys(JSON.parse(out))).toEqual(Object.keys(l));
  });

  it("closes the object when nothing follows the text", () => {
    const l = { doc_id: "x", source: line().source, text: "a" } as DocumentLine;
    expect(joined(documentLineParts(l, Buffer.from('"a"')))).toBe(JSON.stringify(l));
  });

  it("encodes the line whole without a literal, or when the line has no text", () => {
    const l = line();
    expect(documentLineParts(l)).toEqual([JSON.stringify(l)]);
    const failed = line({ text: null, status: "failed", error: "ingest.bad_json: x" });
    expect(documentLineParts(failed, Buffer.from('"ignored"'))).toEqual([JSON.stringify(failed)]);
  });
});
