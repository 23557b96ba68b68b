import { describe, expect, it } from "vitest";
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import * as api from "../../../src/stages/ingest/index.js";
import { collect, docs, failures, tempTree } from "./fixtures.js";

describe("the ingest stage's public surface", () => {
  it("exports exactly these values", () => {
    expect(Object.keys(api).sort()).toEqual(["DEFAULT_MAX_BYTES", "INPUT_EXTENSIONS", "OutletCatalog", "OutletRulesError", "ingest", "loadOutlets", "textToByte"]);
    expect(api.DEFAULT_MAX_BYTES).toBe(20 * 1024 * 1024);
    expect(api.INPUT_EXTENSIONS).toEqual([".txt", ".html", ".htm", ".xml", ".jsonl"]);
  });

  it("is an async generator that reads lazily, one file at a time", async () => {
    const t = tempTree({ "a.txt": "Первый.", "b.txt": "Второй." });
    try {
      const gen = api.ingest([t.dir]);
      expect(typeof gen[Symbol.asyncIterator]).toBe("function");
      const first = await gen.next();
      expect(first.value.ok && first.value.doc.text).toBe("Первый.");
      await gen.return(undefined);
    } finally {
      t.cleanup();
    }
  });
});

describe("options", () => {
  it("takes the outlets from a given file", async () => {
    const t = tempTree({ "o.yaml": "outlets:\n  - name: Тест-медиа\n    aliases: [Тестмедиа]\n", "in/a.txt": "Рост 5%, передает Тестмедиа." });
    try {
      const [d] = docs(await collect([join(t.dir, "in")], { outlets: join(t.dir, "o.yaml") }));
      expect(d.source.outlet).toBe("Тест-медиа");
    } finally {
      t.cleanup();
    }
  });

  it("throws a bad outlets file's file:line error before reading anything", async () => {
    const t = tempTree({ "o.yaml": "outlets:\n  - name: A\n    site: a.kz\n", "in/a.txt": "Текст." });
    try {
      await expect(collect([join(t.dir, "in")], { outlets: join(t.dir, "o.yaml") })).rejects.toThrow(/o\.yaml:2:5: /);
    } finally {
      t.cleanup();
    }
  });

  it("fails files over maxBytes with their hash and reads the rest", async () => {
    const t = tempTree({ "big.html": "<p>" + "Рост. ".repeat(200) + "</p>", "small.txt": "Рост 5%." });
    try {
      const items = await collect([t.dir], { maxBytes: 500 });
      expect(failures(items).map((f) => [f.source.path, f.code])).toEqual([["big.html", "ingest.too_large"]]);
      expect(docs(items).map((d) => d.source.path)).toEqual(["small.txt"]);
    } finally {
      t.cleanup();
    }
  });
});

describe("walking links", () => {
  it("does not loop on a symbolic link back up the tree", async () => {
    const t = tempTree({ "a/x.txt": "Текст." });
    try {
      mkdirSync(join(t.dir, "a/b"));
      symlinkSync(join(t.dir, "a"), join(t.dir, "a/b/up"));
      const items = await collect([join(t.dir, "a")]);
      expect(items.map((i) => (i.ok ? i.doc.source.path : i.failed.error))).toEqual(["x.txt"]);
    } finally {
      t.cleanup();
    }
  });
});
