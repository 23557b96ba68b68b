import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, collect, docs, failures, ingestOne, seeds, tempTree } from "./fixtures.js";

const sha = (s: string | Uint8Array) => createHash("sha256").update(s).digest("hex");

describe("JSONL dumps", () => {
  it("gives one document per line, the text exactly as in the JSON", async () => {
    const [a, b] = seeds();
    const lines = [
      JSON.stringify({ id: "seed0", text: a.text, url: "https://kt.kz/rus/1", title: "Итоги", published: "2025-12-23T10:00:00+05:00" }),
      JSON.stringify({ id: 7, text: b.text, outlet: "Kazakhstan Today", extra: [1] }),
    ];
    const items = await ingestOne("dump.jsonl", lines.join("\n") + "\n");
    const [d0, d1] = docs(items);
    expect(items).toHaveLength(2);
    expect(d0.text).toBe(a.text);
    expect(d0.source).toMatchObject({ path: "dump.jsonl", id: "seed0", url: "https://kt.kz/rus/1", title: "Итоги", published: "2025-12-23", outlet: "KAZAKHSTAN TODAY" });
    expect(d0.docId).toBe(sha(lines[0]));
    expect(d0.decoding).toEqual({ encoding: "utf-8", method: "json", bom: false });
    expect(d1.source).toMatchObject({ id: "7", outlet: "KAZAKHSTAN TODAY", published: null });
    expect(d1.meta).toMatchObject({ line: 2, fields: ["extra"] });
  });

  it("takes the date from a dateline when the line has none", async () => {
    const lines = [
      JSON.stringify({ id: "a", text: "Заголовок\n\n14 июня 2024 года\n\nТекст." }),
      JSON.stringify({ id: "b", text: "Заголовок\n\n14 июня 2024 года\n\nТекст.", published: "2024-06-15" }),
      JSON.stringify({ id: "c", text: "Текст без даты." }),
    ];
    const got = docs(await ingestOne("d.jsonl", lines.join("\n")));
    expect(got.map((d) => [d.source.published, d.meta?.published_from])).toEqual([
      ["2024-06-14", "date-line"],
      ["2024-06-15", undefined],
      [null, undefined],
    ]);
  });

  it("makes a bad line one failed document naming file and line, and goes on", async () => {
    const text = [
      JSON.stringify({ id: "ok1", text: "Рост 5%." }),
      "{broken json line",
      "",
      JSON.stringify({ id: "no-text", title: "x" }),
      JSON.stringify({ id: "blank", text: "  " }),
      "[1, 2]",
      JSON.stringify({ id: "ok2", text: "Рост 6%." }),
    ].join("\r\n");
    const items = await ingestOne("dump.jsonl", text);
    expect(items.map((i) => (i.ok ? `ok:${i.doc.source.id}` : `${i.failed.code}:${i.failed.source.id}`))).toEqual([
      "ok:ok1",
      "ingest.bad_json:line 2",
      "ingest.bad_json:no-text",
      "ingest.empty:blank",
      "ingest.bad_json:line 6",
      "ok:ok2",
    ]);
    const f = failures(items);
    expect(f[0].error).toMatch(/^dump\.jsonl:2: not JSON/);
    expect(f[0].docId).toBe(sha("{broken json line"));
    expect(f[1].error).toBe('dump.jsonl:4: no "text" string');
    expect(f[3].error).toMatch(/^dump\.jsonl:6: /);
    expect(docs(items)[1].docId).toBe(sha(JSON.stringify({ id: "ok2", text: "Рост 6%." })));
  });

  it("fails invalid UTF-8 and over-long lines one by one", async () => {
    const long = JSON.stringify({ id: "long", text: "я".repeat(500) });
    const bytes = Buffer.concat([
      Buffer.from('{"id":"a","text":"'),
      Buffer.from([0xd0, 0xc0]),
      Buffer.from('"}\n' + long + "\n" + JSON.stringify({ id: "b", text: "ок" }) + "\n"),
    ]);
    const items = await ingestOne("dump.jsonl", bytes, { maxBytes: 200 });
    expect(items.map((i) => (i.ok ? "ok" : i.failed.code))).toEqual(["ingest.bad_encoding", "ingest.too_large", "ok"]);
    expect(failures(items)[1].docId).toBe(sha(long));
    expect(failures(items)[1].error).toMatch(/^dump\.jsonl:2: line of \d+ bytes/);
  });

  it("streams a file larger than its read chunks", async () => {
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `n${i}`, text: `Документ ${i}: ` + "ж".repeat(400) }));
    const t = tempTree({ "big.jsonl": "\ufeff" + lines.join("\n") });
    try {
      const items = await collect([t.dir]);
      expect(docs(items).map((d) => d.source.id)).toEqual(lines.map((_, i) => `n${i}`));
      expect(docs(items).map((d) => d.docId)).toEqual(lines.map((l) => sha(l)));
    } finally {
      t.cleanup();
    }
  });

  it("reads the NEREL dev set", async () => {
    const file = "/work/shared/bench/nerel/dev.jsonl";
    let raw: string;
    try {
      raw = readFileSync(file, "utf8");
    } catch {
      return; // the shared bench data is not on this machine
    }
    const items = await collect([file]);
    const lines = raw.split("\n").filter(Boolean);
    expect(failures(items)).toEqual([]);
    expect(items).toHaveLength(lines.length);
    const first = JSON.parse(lines[0]);
    expect(docs(items)[0]).toMatchObject({ text: first.text, source: { path: "dev.jsonl", id: first.id } });
    void join(ROOT, "");
  });
});
