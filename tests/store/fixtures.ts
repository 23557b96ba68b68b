import { createHash } from "node:crypto";
import type { Source } from "../../src/core/document.js";
import { RECORD_FORMAT, type IndicatorRecord } from "../../src/core/record.js";
import type { DocumentResult } from "../../src/store/store.js";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

export function source(path: string, id: string | null = null): Source {
  return { path, id, url: null, outlet: "KAZAKHSTAN TODAY", title: null, published: "2025-10-03" };
}

/** A record over `text` for the figure `figure` (its first occurrence), keys in the pipeline's order. */
export function record(text: string, src: Source, figure: string, amount: number, extra: Partial<IndicatorRecord> = {}): IndicatorRecord {
  const docId = sha(text);
  const cps = Array.from(text);
  const at = Array.from(text.slice(0, text.indexOf(figure))).length;
  const end = at + Array.from(figure).length;
  const sentence = { start: 0, end: cps.length, text };
  return {
    format: RECORD_FORMAT,
    id: sha(`${docId}:${at}:${end}:level`).slice(0, 32),
    fact: sha(`${docId}:fact:${at}`).slice(0, 32),
    doc_id: docId,
    source: src,
    indicator: "unemployment_rate",
    label: "Уровень безработицы",
    measure: "level",
    value: { amount, exact: String(amount), unit: "percent", qualifier: "exact", counted: null, start: at, end, text: cps.slice(at, end).join("") },
    change: null,
    subject: null,
    territory: { code: "KZ-63", name: "Восточно-Казахстанская область", place: null, span: null, inferred: true },
    period: { from: "2025-01-01", to: "2025-08-31", kind: "actual", span: null, inferred: false },
    sentence,
    cue: { start: 0, end: 19, text: cps.slice(0, 19).join("") },
    rules: ["numbers.digits", "units.percent"],
    rules_version: "rv1",
    ...extra,
  };
}

/** A document's result: its line for documents.jsonl and the records of the given figures. */
export function result(path: string, text: string, figures: [string, number][], opts: { id?: string | null; rulesVersion?: string } = {}): DocumentResult {
  const src = source(path, opts.id ?? null);
  const records = figures.map(([f, a]) => record(text, src, f, a));
  return {
    document: {
      doc_id: sha(text),
      source: src,
      text,
      status: "ok",
      error: null,
      format: "txt",
      decoding: { encoding: "utf-8", method: "utf8-valid", bom: false } as never,
      records: records.length,
      meta: { published_from: "header", chrome: [{ start: 0, end: 3, text: Array.from(text).slice(0, 3).join(""), reason: "photo" }] },
    },
    records,
    rulesVersion: opts.rulesVersion ?? "rv1",
  };
}
