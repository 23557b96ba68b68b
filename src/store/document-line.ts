import type { FailedDocument, RawDocument } from "../core/document.js";
import type { Outcome } from "../batch/run-one.js";
import type { DocumentLine, DocumentResult } from "./store.js";
import type { DocumentWarning } from "../core/diagnostic.js";

/** The documents.jsonl line of a document ingest could not read. */
export function failedLine(f: FailedDocument): DocumentLine {
  return { doc_id: f.docId, source: f.source, text: null, status: "failed", error: `${f.code}: ${f.error}`, format: f.format };
}

/** The documents.jsonl line of a read document (`language` and `warnings` from its run, when it ran). */
export function okLine(raw: RawDocument, records: number, language?: string, warnings: DocumentWarning[] = []): DocumentLine {
  return {
    doc_id: raw.docId,
    source: raw.source,
    text: raw.text,
    status: raw.text.trim() ? "ok" : "empty",
    error: null,
    format: raw.format,
    decoding: raw.decoding ?? null,
    ...(language ? { language } : {}),
    records,
    ...(warnings.length ? { warnings } : {}),
    ...(raw.meta ? { meta: raw.meta } : {}),
  };
}

/** A document's result from its pipeline outcome: what `extract` writes and every store keeps. */
export function resultOf(raw: RawDocument, outcome: Outcome, rulesVersion: string): DocumentResult {
  if (outcome.ok) return { document: okLine(raw, outcome.records.length, outcome.language, outcome.warnings), records: outcome.records, rulesVersion };
  return {
    document: {
      ...okLine(raw, 0),
      status: "failed",
      error: `${outcome.code}: ${raw.source.path ?? ""}${raw.source.id ? ` [${raw.source.id}]` : ""}: ${outcome.error}`,
    },
    records: [],
    rulesVersion,
  };
}
