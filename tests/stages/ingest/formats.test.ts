// The acceptance corpus of shared/checks/ingest-formats (built by its own
// make-formats.mjs): every sentence of each seed comes out of its wrapper
// (Windows-1251 text, news page with chrome, RSS item, JSONL line), no chrome
// of the wrapper gets in, and exactly the broken inputs fail.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IngestItem, RawDocument } from "../../../src/core/document.js";
import { findChromeSpans } from "../../../src/stages/ingest/chrome.js";
import { collect } from "./fixtures.js";

const SHARED = "/work/shared";
const MAKE = join(SHARED, "checks/lib/make-formats.mjs");
const SEEDS = join(SHARED, "corpus/seeds");
const available = existsSync(MAKE) && existsSync(SEEDS);
if (!available) console.warn(`formats.test.ts: SKIPPED, ${MAKE} is not on this machine`);

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

describe.skipIf(!available)("the ingest-formats acceptance corpus", () => {
  let dir = "";
  let items: IngestItem[] = [];
  const plain = (i: number) => readFileSync(join(dir, "plain", `seed${i}.txt`), "utf8");
  const docOf = (i: number): RawDocument => {
    const d = items.flatMap((x) => (x.ok ? [x.doc] : [])).find((d) => d.source.path?.includes(`seed${i}`) || d.source.id === `seed${i}` || (i === 2 && d.source.title === "Итоги" && d.format === "rss"));
    if (!d) throw new Error(`no document for seed ${i}`);
    return d;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pokazatel-formats-"));
    execFileSync(process.execPath, [MAKE, SEEDS, dir]);
    items = await collect([join(dir, "mixed")]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("fails exactly the broken inputs, each with its reason", () => {
    const failed = items.flatMap((x) => (x.ok ? [] : [`${x.failed.source.path}${x.failed.source.id ? "#" + x.failed.source.id : ""} ${x.failed.code}`]));
    expect(failed.sort()).toEqual(["binary.txt ingest.binary", "bomb.xml ingest.bad_xml", "empty.txt ingest.empty", "seed2.jsonl#line 2 ingest.bad_json", "truncated.xml ingest.bad_xml"]);
  });

  it.each([0, 1, 2, 3, 4])("seed %i: every paragraph of the article comes out of its wrapper", (i) => {
    const text = plain(i);
    const doc = docOf(i);
    const body = norm(doc.text);
    const chrome = findChromeSpans(text);
    const isChrome = (start: number, end: number) => {
      // a paragraph all of whose lines are chrome may be dropped by a wrapper
      let pos = start;
      for (const line of text.slice(start, end).split("\n")) {
        const s = pos + (line.length - line.trimStart().length);
        const e = pos + line.trimEnd().length;
        if (line.trim() && !chrome.some((c) => c.start <= s && c.end >= e) && !/^ date \S+ ?$/.test(line)) return false;
        pos += line.length + 1;
      }
      return true;
    };
    // cp1251 (txt wrappers) has no Kazakh letters: the check's encoder wrote "?"
    const lossy = (s: string) => (doc.decoding?.encoding === "windows-1251" ? s.replace(/[ҚқҒғӘәҮүҰұІіҢңӨөҺһ]/g, "?") : s);
    let checked = 0;
    for (const m of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)) {
      const para = norm(m[0].replace(/^ date \S+ /, ""));
      if (!para || isChrome(m.index!, m.index! + m[0].length)) continue;
      expect(body, `seed ${i}: ${para.slice(0, 60)}`).toContain(lossy(para));
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it("lets no chrome of the news-page wrapper in", () => {
    for (const i of [1, 4]) {
      const doc = docOf(i);
      for (const c of ["USD 514.93", "EUR", "Главная", "В Павлодаре открыли 2 школы", "Курс доллара вырос на 1,5%", "👁", "© 2025", "Все права защищены", "[[year]]", "1549"]) {
        expect(doc.text, `seed ${i}: ${c}`).not.toContain(c);
      }
    }
  });

  it("keeps the metadata each wrapper carries", () => {
    expect(docOf(0).source.published).toBe("2025-12-23");
    expect(docOf(0).decoding).toEqual({ encoding: "windows-1251", method: "statistics", bom: false });
    expect(docOf(0).text).toBe(plain(0)); // every character of seed 000 exists in cp1251
    expect(docOf(2).source).toMatchObject({ path: "feed.xml", title: "Итоги", published: "2025-10-03", url: "https://example.kz/n/0" });
    expect(docOf(2).format).toBe("rss");
    const jsonl = items.flatMap((x) => (x.ok && x.doc.format === "jsonl" ? [x.doc] : []));
    expect(jsonl.map((d) => [d.source.path, d.source.id, d.source.published])).toEqual([["seed2.jsonl", "seed2", "2025-10-03"]]);
    expect(docOf(1).source).toMatchObject({ title: "Новости региона", outlet: "BAQ.KZ" });
    expect(docOf(4).source).toMatchObject({ outlet: "Kazpravda.kz" });
  });
});
