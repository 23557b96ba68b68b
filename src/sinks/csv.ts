import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { once } from "node:events";
import type { IndicatorRecord } from "../core/record.js";
import { FLAT_COLUMNS } from "../store/rows.js";
import { claimTempPath } from "./temp-files.js";

/**
 * The flat view (FLAT_COLUMNS, the columns of `indicator_values`) as CSV the
 * way spreadsheet tools read it: RFC 4180 quoting, CRLF line ends, UTF-8
 * with a byte order mark (Excel then reads Cyrillic), and no formula
 * injection: a text cell that starts with `=`, `+`, `-`, `@`, tab or CR gets
 * a leading apostrophe, so article text can never run as a formula. Numbers
 * are written as numbers (an amount of -5.6 stays -5.6).
 */

type FlatName = (typeof FLAT_COLUMNS)[number]["name"];

/** Each flat column's value, from the record and its `source` (the same values the SQL view gives). */
const FLAT_VALUE: Record<FlatName, (r: IndicatorRecord) => unknown> = {
  indicator: (r) => r.indicator,
  label: (r) => r.label,
  territory_code: (r) => r.territory?.code,
  territory_name: (r) => r.territory?.name,
  place: (r) => r.territory?.place,
  period_from: (r) => r.period?.from,
  period_to: (r) => r.period?.to,
  period_kind: (r) => r.period?.kind,
  measure: (r) => r.measure,
  amount: (r) => r.value.amount,
  unit: (r) => r.value.unit,
  qualifier: (r) => r.value.qualifier,
  direction: (r) => r.change?.direction,
  counted: (r) => r.value.counted,
  value_text: (r) => r.value.text,
  sentence: (r) => r.sentence.text,
  source_path: (r) => r.source.path,
  source_id: (r) => r.source.id,
  url: (r) => r.source.url,
  outlet: (r) => r.source.outlet,
  title: (r) => r.source.title,
  published: (r) => r.source.published,
  record_id: (r) => r.id,
  doc_id: (r) => r.doc_id,
};

/** The CSV header: the flat view's column names. */
export const CSV_COLUMNS: readonly string[] = FLAT_COLUMNS.map((c) => c.name);

/** A record's values in CSV_COLUMNS order. */
export function flatValues(r: IndicatorRecord): unknown[] {
  return FLAT_COLUMNS.map((c) => FLAT_VALUE[c.name](r));
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: numbers as they are, text neutralised against formulas and quoted when it must be. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "bigint") return String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  let s = typeof v === "string" ? v : v instanceof Date ? v.toISOString() : JSON.stringify(v);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line, ending with CRLF. */
export function csvLine(values: unknown[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/**
 * Writes the records as CSV to `path` (BOM, header, one line per record).
 * The file is written next to its name and renamed into place at the end:
 * readers never see half a file. Resolves to the number of records written.
 */
export async function writeCsv(records: AsyncIterable<IndicatorRecord> | Iterable<IndicatorRecord>, path: string): Promise<number> {
  const tmp = claimTempPath(path);
  const out = createWriteStream(tmp, { encoding: "utf8" });
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, "drain");
  };
  let n = 0;
  try {
    await write(`\uFEFF${csvLine(CSV_COLUMNS as string[])}`);
    for await (const r of records) {
      await write(csvLine(flatValues(r)));
      n++;
    }
    out.end();
    await once(out, "finish");
    await rename(tmp, path);
  } catch (e) {
    out.destroy();
    await rm(tmp, { force: true });
    throw e;
  }
  return n;
}
