/**
 * Reads an output folder's records.jsonl and documents.jsonl into the data a
 * review page embeds, checking what the page relies on and every span's
 * offsets against its document's text.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Source } from "../core/document.js";
import type { OutputSpan } from "../core/span.js";
import { checkSpan, codePointOffsets } from "./text-spans.js";
import type { ReviewData, ReviewDoc, ReviewRecord, SpanKind } from "./types.js";

/** A missing or broken input file; `line` is 1-based, null when the whole file is at fault. */
export class ReviewInputError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number | null,
  ) {
    super(message);
    this.name = "ReviewInputError";
  }
}

interface JsonLine {
  line: number;
  value: Record<string, unknown>;
}

/** Parses a JSONL file: one JSON object per non-blank line (a UTF-8 BOM and CRLF line ends are accepted). */
export async function readJsonl(file: string): Promise<JsonLine[]> {
  let content: string;
  try {
    content = await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a folder, not a file" : (err as Error).message;
    throw new ReviewInputError(`${file}: cannot read: ${why}`, file, null);
  }
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  const lines = content.split("\n");
  const out: JsonLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].endsWith("\r") ? lines[i].slice(0, -1) : lines[i];
    if (raw.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      throw new ReviewInputError(`${file}:${i + 1}: invalid JSON: ${(err as Error).message}`, file, i + 1);
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new ReviewInputError(`${file}:${i + 1}: expected a JSON object, got ${Array.isArray(value) ? "an array" : JSON.stringify(value)}`, file, i + 1);
    }
    out.push({ line: i + 1, value: value as Record<string, unknown> });
  }
  return out;
}

/** Builds field checks that throw a ReviewInputError naming the file, line and field. */
function checker(file: string, line: number, what: string) {
  const fail = (field: string, expected: string, got: unknown): never => {
    const shown = got === undefined ? "nothing" : JSON.stringify(got)?.slice(0, 60);
    throw new ReviewInputError(`${file}:${line}: ${what}: "${field}" must be ${expected}, got ${shown}`, file, line);
  };
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
  return {
    isObject,
    string(v: unknown, field: string): string {
      return typeof v === "string" ? v : fail(field, "a string", v);
    },
    number(v: unknown, field: string): number {
      return typeof v === "number" ? v : fail(field, "a number", v);
    },
    optString(v: unknown, field: string): string | null {
      return v === undefined || v === null ? null : typeof v === "string" ? v : fail(field, "a string or null", v);
    },
    object(v: unknown, field: string): Record<string, unknown> {
      return isObject(v) ? v : fail(field, "an object", v);
    },
    optObject(v: unknown, field: string): Record<string, unknown> | null {
      return v === undefined || v === null ? null : isObject(v) ? v : fail(field, "an object or null", v);
    },
    /** A span `{start, end, text}` (extra keys kept). */
    span(v: unknown, field: string): OutputSpan {
      const o = isObject(v) ? v : fail(field, "a span {start, end, text}", v);
      if (!Number.isInteger(o.start)) fail(`${field}.start`, "an integer", o.start);
      if (!Number.isInteger(o.end)) fail(`${field}.end`, "an integer", o.end);
      if (typeof o.text !== "string") fail(`${field}.text`, "a string", o.text);
      return o as unknown as OutputSpan;
    },
  };
}

/** A document line's `warnings` (absent: none), each as "code: message". */
function readWarnings(c: ReturnType<typeof checker>, v: unknown): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return [c.string(v, "warnings")]; // fails, naming the field
  return v.map((w, i) => {
    const o = c.object(w, `warnings[${i}]`);
    return `${c.string(o.code, `warnings[${i}].code`)}: ${c.string(o.message, `warnings[${i}].message`)}`;
  });
}

function readSource(v: unknown): Source {
  const o = v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const str = (x: unknown) => (typeof x === "string" ? x : null);
  return { path: str(o.path), id: str(o.id), url: str(o.url), outlet: str(o.outlet), title: str(o.title), published: str(o.published) };
}

function docName(source: Source, docId: string): string {
  if (source.title && source.title.trim()) return source.title.trim();
  if (source.path) return source.id ? `${source.path} #${source.id}` : source.path;
  if (source.id) return source.id;
  return docId.slice(0, 12);
}

/** The spans of a record by kind (null when the record has none of that kind). */
export function recordSpans(r: Pick<ReviewRecord, "value" | "cue" | "subject" | "territory" | "period" | "sentence">): Record<SpanKind, OutputSpan | null> {
  return {
    value: r.value,
    cue: r.cue ?? null,
    subject: r.subject ?? null,
    territory: r.territory?.span ?? null,
    period: r.period?.span ?? null,
    sentence: r.sentence ?? null,
  };
}

/**
 * Reads `outDir/records.jsonl` and `outDir/documents.jsonl` into the data of
 * a review page. Throws a ReviewInputError naming the file (and line) when a
 * file is missing, a line is not JSON, or a record lacks what the page needs.
 * Spans whose offsets do not give their text are not errors: they are listed
 * in the record's `mismatch`, and the page shows them.
 */
export async function buildReviewData(outDir: string, now: Date = new Date()): Promise<ReviewData> {
  const recordsFile = path.join(outDir, "records.jsonl");
  const documentsFile = path.join(outDir, "documents.jsonl");
  const docLines = await readJsonl(documentsFile);
  const recLines = await readJsonl(recordsFile);

  const docs: ReviewDoc[] = [];
  const docIndex = new Map<string, number>();
  for (const { line, value: o } of docLines) {
    const c = checker(documentsFile, line, "document");
    const docId = c.string(o.doc_id, "doc_id");
    if (docIndex.has(docId)) continue; // equal bytes, equal id, equal text: the first line stands for all
    const source = readSource(c.optObject(o.source, "source"));
    const status = c.string(o.status, "status");
    const text = c.optString(o.text, "text");
    const error = c.optString(o.error, "error");
    const warnings = readWarnings(c, o.warnings);
    docIndex.set(docId, docs.length);
    docs.push({ doc_id: docId, name: docName(source, docId), source, status, error, warnings, text, line, records: 0, mismatches: 0 });
  }

  const tables = new Map<number, Uint32Array | null>();
  const records: ReviewRecord[] = [];
  for (const { line, value: o } of recLines) {
    const id = typeof o.id === "string" ? o.id : "?";
    const c = checker(recordsFile, line, `record ${JSON.stringify(id)}`);
    c.string(o.id, "id");
    const docId = c.string(o.doc_id, "doc_id");
    const value = c.span(o.value, "value");
    c.number((value as { amount?: unknown }).amount, "value.amount");
    const territory = c.optObject(o.territory, "territory");
    if (territory) {
      c.string(territory.code, "territory.code");
      if (territory.span != null) c.span(territory.span, "territory.span");
    }
    const period = c.optObject(o.period, "period");
    if (period && period.span != null) c.span(period.span, "period.span");
    const change = c.optObject(o.change, "change");
    const rec: ReviewRecord = {
      id,
      fact: c.optString(o.fact, "fact") ?? id,
      indicator: c.string(o.indicator, "indicator"),
      label: c.optString(o.label, "label") ?? "",
      measure: c.string(o.measure, "measure") as ReviewRecord["measure"],
      value: value as ReviewRecord["value"],
      change: change as ReviewRecord["change"],
      subject: o.subject == null ? null : c.span(o.subject, "subject"),
      territory: territory as ReviewRecord["territory"],
      period: period as ReviewRecord["period"],
      sentence: (o.sentence == null ? null : c.span(o.sentence, "sentence")) as ReviewRecord["sentence"],
      cue: o.cue == null ? null : c.span(o.cue, "cue"),
      rules: Array.isArray(o.rules) ? o.rules.filter((x): x is string => typeof x === "string") : [],
      doc: -1,
      line,
      mismatch: [],
    };

    let di = docIndex.get(docId);
    if (di === undefined) {
      const source = readSource(o.source);
      di = docs.length;
      docIndex.set(docId, di);
      docs.push({
        doc_id: docId,
        name: docName(source, docId),
        source,
        status: "missing",
        error: `no line in documents.jsonl for doc_id ${docId}`,
        warnings: [],
        text: null,
        line: null,
        records: 0,
        mismatches: 0,
      });
    }
    rec.doc = di;
    const doc = docs[di];
    doc.records++;

    const text = doc.text;
    if (!tables.has(di)) tables.set(di, text === null ? null : codePointOffsets(text));
    const table = tables.get(di) ?? null;
    const spans = recordSpans(rec);
    for (const kind of Object.keys(spans) as SpanKind[]) {
      const span = spans[kind];
      if (span && (text === null || !checkSpan(text, table, span).ok)) rec.mismatch.push(kind);
    }
    if (rec.mismatch.length > 0) doc.mismatches++;
    records.push(rec);
  }

  return { format: "pokazatel-review/1", folder: path.basename(path.resolve(outDir)), generated: now.toISOString(), docs, records };
}
