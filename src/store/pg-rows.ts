import type { IndicatorRecord } from "../core/record.js";
import { documentKey, type DocumentResult } from "./store.js";
import { recordRow, RECORD_COLUMNS } from "./rows.js";

/**
 * Rows for the PostgreSQL tables, ready for a bulk load. PostgreSQL text and
 * jsonb cannot hold NUL characters and the driver turns lone surrogates into
 * U+FFFD, so both become U+FFFD (one code point for one: offsets still hold)
 * and the document is marked `lossy`: it is kept for analysts but never
 * loaded back as "unchanged" (the next run processes it again).
 */

export type Cell = string | number | boolean | null;

/** Column name and PostgreSQL type of each documents column the loader writes (`updated` takes its default). */
export const DOC_COLUMNS = [
  { name: "key", pg: "text" },
  { name: "doc_id", pg: "text" },
  { name: "path", pg: "text" },
  { name: "source_id", pg: "text" },
  { name: "url", pg: "text" },
  { name: "outlet", pg: "text" },
  { name: "title", pg: "text" },
  { name: "published", pg: "date" },
  { name: "status", pg: "text" },
  { name: "error", pg: "text" },
  { name: "rules_version", pg: "text" },
  { name: "records", pg: "integer" },
  { name: "line", pg: "jsonb" },
  { name: "lossy", pg: "boolean" },
] as const;

/** Column name and PostgreSQL type of each records column the loader writes. */
export const REC_COLUMNS: readonly { name: string; pg: string }[] = [
  { name: "doc_key", pg: "text" },
  { name: "seq", pg: "integer" },
  ...RECORD_COLUMNS.map((c) => ({ name: c.name, pg: c.pg.replace(/ NOT NULL$/, "") })),
  { name: "json", pg: "jsonb" },
];

export interface PreparedBatch {
  keys: string[];
  docs: Cell[][];
  records: Cell[][];
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE = new RegExp(`\\u0000|${LONE_SURROGATE.source}`, "g");
const MAYBE_UNSTORABLE = /[\u0000\uD800-\uDFFF]/;
const KEY_ESCAPES = new RegExp(`\\\\|\\u0000|${LONE_SURROGATE.source}`, "g");

/** The documents.key of a store key: injective, and free of what PostgreSQL text cannot hold (store keys hold a NUL between path and id). */
export function pgKey(key: string): string {
  return key.replace(KEY_ESCAPES, (c) => (c === "\\" ? "\\\\" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

/** True when a string holds a character PostgreSQL cannot store as given. */
function unstorable(s: string): boolean {
  if (!MAYBE_UNSTORABLE.test(s)) return false;
  UNSTORABLE.lastIndex = 0;
  return UNSTORABLE.test(s);
}

function clean(s: string): string {
  if (!MAYBE_UNSTORABLE.test(s)) return s;
  return s.replace(UNSTORABLE, "\uFFFD");
}

/** Deep copy with every string cleaned. */
function cleanDeep(v: unknown): unknown {
  if (typeof v === "string") return clean(v);
  if (Array.isArray(v)) return v.map(cleanDeep);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [clean(k), cleanDeep(x)]));
  return v;
}

/** JSON text that PostgreSQL jsonb accepts, and whether anything had to change. */
export function storableJson(v: unknown): { json: string; lossy: boolean } {
  const json = JSON.stringify(v);
  // JSON.stringify writes NUL as \u0000 and lone surrogates as \udXXX escapes
  if (!/\\u0000|\\ud[89a-f]/i.test(json)) return { json, lossy: false };
  const again = JSON.stringify(cleanDeep(v));
  return { json: again, lossy: again !== json };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A date PostgreSQL accepts, else null (the JSON keeps what was written). */
export function pgDate(s: unknown): string | null {
  if (typeof s !== "string" || !DATE.test(s)) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? s : null;
}

const DATE_COLUMNS = new Set(RECORD_COLUMNS.filter((c) => c.pg.startsWith("date")).map((c) => c.name));
const BOOL_COLUMNS = new Set(RECORD_COLUMNS.filter((c) => c.pg.startsWith("boolean")).map((c) => c.name));

function recordCells(docKey: string, seq: number, rec: IndicatorRecord): { cells: Cell[]; lossy: boolean } {
  const row = recordRow(rec);
  let lossy = false;
  const cells: Cell[] = [docKey, seq];
  for (const c of RECORD_COLUMNS) {
    let v: Cell = row[c.name];
    if (DATE_COLUMNS.has(c.name)) v = pgDate(v);
    else if (BOOL_COLUMNS.has(c.name)) v = v === null ? null : Boolean(v);
    else if (typeof v === "string" && unstorable(v)) {
      v = clean(v);
      lossy = true;
    }
    cells.push(v);
  }
  const j = storableJson(rec);
  cells.push(j.json);
  return { cells, lossy: lossy || j.lossy };
}

/**
 * The rows of a batch of results. A document given twice keeps its last
 * result (as when written one after the other); a record id given twice in
 * one document keeps the last record (the table's key is (doc_key, id)).
 */
export function prepareBatch(results: DocumentResult[]): PreparedBatch {
  const last = new Map<string, DocumentResult>();
  for (const r of results) {
    const k = pgKey(documentKey(r.document.source));
    last.delete(k);
    last.set(k, r);
  }
  const docs: Cell[][] = [];
  const records: Cell[][] = [];
  for (const [key, r] of last) {
    const d = r.document;
    const byId = new Map<string, Cell[]>();
    let lossy = false;
    r.records.forEach((rec, seq) => {
      const x = recordCells(key, seq, rec);
      lossy ||= x.lossy;
      byId.delete(rec.id);
      byId.set(rec.id, x.cells);
    });
    const line = storableJson(d);
    const s = d.source;
    const text = (v: string | null) => (v === null || v === undefined ? null : clean(v));
    const docCells: Cell[] = [
      key,
      text(d.doc_id),
      text(s.path),
      text(s.id),
      text(s.url),
      text(s.outlet),
      text(s.title),
      pgDate(s.published),
      d.status,
      text(d.error),
      text(r.rulesVersion),
      r.records.length,
      line.json,
      lossy || line.lossy || [d.doc_id, s.path, s.id, s.url, s.outlet, s.title, d.error, r.rulesVersion].some((v) => typeof v === "string" && unstorable(v)),
    ];
    docs.push(docCells);
    for (const cells of byId.values()) records.push(cells);
  }
  return { keys: [...last.keys()], docs, records };
}
