import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CORPUS, collect, docs, encode, failures, ingestOne, seeds } from "./fixtures.js";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("plain text: the seeds", () => {
  it("gives each seed's whole file as its text, with its metadata", async () => {
    const items = await collect([CORPUS]);
    const got = docs(items);
    expect(failures(items)).toEqual([]);
    expect(got.map((d) => d.source.path)).toEqual(seeds().map((s) => s.name)); // README.md is not a document
    const want: Record<string, { published: string | null; outlet: string | null; inferred?: boolean }> = {
      "000_0af50ca75e903a03.txt": { published: "2025-12-23", outlet: "KAZAKHSTAN TODAY" },
      "001_afa5821943f307eb.txt": { published: null, outlet: "BAQ.KZ" },
      "002_961fc4cb50cd10a6.txt": { published: "2025-10-03", outlet: null },
      "003_692bf9b055db218c.txt": { published: "2024-06-14", outlet: null },
      "004_4ecc31e739fe615e.txt": { published: null, outlet: "Kazpravda.kz" },
    };
    for (const d of got) {
      const bytes = readFileSync(join(CORPUS, d.source.path!));
      expect(d.text).toBe(bytes.toString("utf8"));
      expect(d.docId).toBe(sha(bytes));
      expect(d.format).toBe("txt");
      expect(d.decoding).toEqual({ encoding: "utf-8", method: "utf8-valid", bom: false });
      expect({ published: d.source.published, outlet: d.source.outlet }).toEqual(want[d.source.path!]);
      expect(d.source.published_inferred).toBeUndefined();
    }
  });

  it("keeps the date header in the text (offsets equal file offsets)", async () => {
    const [item] = await ingestOne("a.txt", " date 2025-12-23 Фото: Акимат ВКО\n\nТекст.");
    expect(item.ok && item.doc.text.startsWith(" date 2025-12-23 Фото")).toBe(true);
    expect(item.ok && item.doc.meta?.published_from).toBe("header");
  });

  it("marks chrome spans in code points, without changing the text", async () => {
    const [item] = await ingestOne("a.txt", "😀 1549\n\nФото: пресс-служба\n\nРост ВВП составил 5% за год, сообщили в министерстве экономики страны.\n\n[[year]]");
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    const chrome = item.doc.meta?.chrome as Array<{ start: number; end: number; text: string; reason: string }>;
    expect(chrome.map((c) => c.reason)).toEqual(["photo", "placeholder"]);
    const cps = Array.from(item.doc.text);
    for (const c of chrome) expect(cps.slice(c.start, c.end).join("")).toBe(c.text);
  });
});

describe("plain text: encodings give the same text", () => {
  const seed = seeds()[0]; // every character of seed 000 exists in Windows-1251 and KOI8-R
  const cases: Array<[string, Uint8Array, string, string, boolean]> = [
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encode(seed.text, "utf-8")]), "utf-8", "bom", true],
    ["Windows-1251", encode(seed.text, "windows-1251"), "windows-1251", "statistics", false],
    ["KOI8-R", encode(seed.text, "koi8-r"), "koi8-r", "statistics", false],
  ];
  it.each(cases)("%s", async (_name, bytes, encoding, method, bom) => {
    const [item] = await ingestOne("seed.txt", bytes);
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    expect(item.doc.text).toBe(seed.text);
    expect(item.doc.decoding).toEqual({ encoding, method, bom });
    expect(item.doc.docId).toBe(sha(bytes));
    expect(item.doc.source.published).toBe("2025-12-23");
    expect(item.doc.source.outlet).toBe("KAZAKHSTAN TODAY");
  });
});

describe("plain text: datelines", () => {
  it("infers the year of a dateline from the text and says so", async () => {
    const text = "Фото: Акимат ВКО\n\nУсть-Каменогорск. 22 декабря. KAZAKHSTAN TODAY - Итоги за 11 месяцев 2025 года: рост 5%.";
    const [item] = await ingestOne("a.txt", text);
    expect(item.ok && item.doc.source).toMatchObject({ published: "2025-12-22", published_inferred: true, outlet: "KAZAKHSTAN TODAY" });
  });
  it("leaves the date null when the year is not stated", async () => {
    const seed0 = seeds()[0].text.replace(/^ date \S+ /, "");
    const [item] = await ingestOne("a.txt", seed0);
    expect(item.ok && item.doc.source.published).toBeNull();
    expect(item.ok && item.doc.source.published_inferred).toBeUndefined();
  });
});

describe("plain text: failures", () => {
  const cases: Array<[string, string | Uint8Array, string]> = [
    ["empty file", "", "ingest.empty"],
    ["white space only", " \n\t\r\n ", "ingest.empty"],
    ["binary data", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), "ingest.binary"],
    ["a text with NUL bytes", Buffer.from("Рост ВВП\0\0\0"), "ingest.binary"],
    ["undecodable bytes", Buffer.from("Gr\xf6\xdfe \xfcber M\xe4rkte und Stra\xdfen", "latin1"), "ingest.bad_encoding"],
  ];
  it.each(cases)("%s", async (_name, content, code) => {
    const items = await ingestOne("bad.txt", content);
    expect(items).toHaveLength(1);
    const [f] = failures(items);
    expect(f.code).toBe(code);
    expect(f.error).toMatch(/^bad\.txt: /);
    expect(f.source.path).toBe("bad.txt");
    expect(f.docId).toBe(sha(typeof content === "string" ? Buffer.from(content) : content));
  });

  it("fails a file over maxBytes and goes on", async () => {
    const items = await ingestOne("big.txt", "Рост ВВП составил 5%.".repeat(100), { maxBytes: 1000 });
    const [f] = failures(items);
    expect(f.code).toBe("ingest.too_large");
    expect(f.error).toMatch(/^big\.txt: \d+ bytes is over the limit of 1000 bytes/);
  });
});
