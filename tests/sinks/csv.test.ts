import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CSV_COLUMNS, csvField, csvLine, flatValues, writeCsv } from "../../src/sinks/csv.js";
import { FLAT_COLUMNS } from "../../src/store/rows.js";
import { record, source } from "../store/fixtures.js";
import type { IndicatorRecord } from "../../src/core/record.js";

/** RFC 4180 reader (quoted fields may hold commas, quotes, CR and LF), for round trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = "";
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') (f += '"'), i++;
      else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ",") row.push(f), (f = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(f), rows.push(row), (row = []), (f = ""), i++;
    else f += c;
  }
  if (f || row.length) row.push(f), rows.push(row);
  return rows;
}

describe("csvField", () => {
  const cases: [string, unknown, string][] = [
    ["plain text", "Уровень безработицы", "Уровень безработицы"],
    ["null", null, ""],
    ["undefined", undefined, ""],
    ["empty string", "", ""],
    ["comma", "Алматы, Астана", '"Алматы, Астана"'],
    ["quote", 'АО "Qarmet"', '"АО ""Qarmet"""'],
    ["LF", "строка 1\nстрока 2", '"строка 1\nстрока 2"'],
    ["CRLF", "a\r\nb", '"a\r\nb"'],
    ["formula =", "=HYPERLINK(\"http://x\",\"y\")", '"\'=HYPERLINK(""http://x"",""y"")"'],
    ["formula +", "+7 (727) 123", "'+7 (727) 123"],
    ["formula - in text", "-5,6%", "\"'-5,6%\""],
    ["formula - without comma", "-5%", "'-5%"],
    ["formula @", "@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["leading tab", "\t=1+1", "'\t=1+1"],
    ["leading CR", "\r=1+1", "\"'\r=1+1\""],
    ["formula with comma", "=1,2", "\"'=1,2\""],
    ["= later in text is fine", "ВРП = 5%", "ВРП = 5%"],
    ["negative number stays a number", -5.6, "-5.6"],
    ["positive number", 4.6, "4.6"],
    ["big number", 3_200_000_000_000, "3200000000000"],
    ["zero", 0, "0"],
    ["NaN is empty", Number.NaN, ""],
    ["boolean", true, "true"],
    ["apostrophe start is left alone", "'quoted'", "'quoted'"],
    ["emoji", "рост 🙂", "рост 🙂"],
  ];
  it.each(cases)("%s", (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe("csvLine", () => {
  it("joins fields with commas and ends with CRLF", () => {
    expect(csvLine(["a", -1, null, 'b"c', "=x"])).toBe('a,-1,,"b""c",\'=x\r\n');
  });
  it("round-trips through an RFC 4180 reader", () => {
    const values = ["x,y", 'q"q', "l1\nl2", "", "r\r\nn", "-2"];
    expect(parseCsv(csvLine(values))).toEqual([["x,y", 'q"q', "l1\nl2", "", "r\r\nn", "'-2"]]);
  });
});

describe("writeCsv", () => {
  const text = "Снижение на 5,6%, составила 4,6%, ОАО \"Казах, =Холдинг\"";
  const src = { ...source("a.txt", "item,1"), title: "=cmd|' /C calc'!A0", url: "https://x.kz/?a=1,b=2" };
  const recs: IndicatorRecord[] = [
    record(text, src, "5,6%", -5.6, { measure: "change", change: { direction: "down", base: "prev_period" } }),
    record(text, src, "4,6%", 4.6, { territory: null, period: null }),
  ];

  it("writes a BOM, the flat view's header and one CRLF line per record, atomically", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pokazatel-csv-"));
    const file = join(dir, "records.csv");
    const n = await writeCsv(recs, file);
    expect(n).toBe(2);
    expect(readdirSync(dir)).toEqual(["records.csv"]);
    const raw = readFileSync(file);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = raw.toString("utf8").slice(1);
    expect(body.endsWith("\r\n")).toBe(true);
    expect(body.replace(/"[^"]*"/g, "").match(/\n/g)).toHaveLength(3); // no bare LF outside quotes
    const rows = parseCsv(body);
    expect(rows[0]).toEqual(FLAT_COLUMNS.map((c) => c.name));
    const at = (row: string[], name: string) => row[CSV_COLUMNS.indexOf(name)];
    expect(at(rows[1], "amount")).toBe("-5.6");
    expect(at(rows[1], "value_text")).toBe("5,6%");
    expect(at(rows[1], "direction")).toBe("down");
    expect(at(rows[1], "title")).toBe("'=cmd|' /C calc'!A0");
    expect(at(rows[1], "url")).toBe("https://x.kz/?a=1,b=2");
    expect(at(rows[1], "source_id")).toBe("item,1");
    expect(at(rows[1], "sentence")).toBe(text);
    expect(at(rows[1], "territory_code")).toBe("KZ-63");
    expect(at(rows[1], "published")).toBe("2025-10-03");
    expect(at(rows[2], "territory_code")).toBe("");
    expect(at(rows[2], "period_from")).toBe("");
    expect(at(rows[2], "record_id")).toBe(recs[1].id);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it("takes an async iterable and writes only the header for no records", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pokazatel-csv-"));
    async function* gen() {
      yield* recs;
    }
    expect(await writeCsv(gen(), join(dir, "a.csv"))).toBe(2);
    expect(await writeCsv([], join(dir, "b.csv"))).toBe(0);
    expect(readFileSync(join(dir, "b.csv"), "utf8")).toBe(`\uFEFF${CSV_COLUMNS.join(",")}\r\n`);
  });

  it("leaves no file behind when the records fail midway", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pokazatel-csv-"));
    async function* broken() {
      yield recs[0];
      throw new Error("source failed");
    }
    await expect(writeCsv(broken(), join(dir, "c.csv"))).rejects.toThrow("source failed");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("flat values match the SQL view's columns one for one", () => {
    expect(flatValues(recs[0])).toHaveLength(FLAT_COLUMNS.length);
  });
});
