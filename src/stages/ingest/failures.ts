import { emptySource, type IngestItem, type Source } from "../../core/document.js";

/** Failure codes of the ingest stage (`area.problem`). */
export type IngestFailureCode =
  | "ingest.empty"
  | "ingest.binary"
  | "ingest.too_large"
  | "ingest.bad_encoding"
  | "ingest.bad_xml"
  | "ingest.bad_json"
  | "ingest.unreadable"
  | "ingest.unsupported"
  | "ingest.too_deep";

/**
 * A failed-document item. `where` is the file's `source.path` (plus `:line`
 * for a JSONL line, `#n` for a feed item); the message always starts with it.
 */
export function failedItem(
  docId: string,
  source: Source | string,
  format: string,
  code: IngestFailureCode,
  reason: string,
  where?: string,
): IngestItem {
  const src = typeof source === "string" ? emptySource(source) : source;
  return { ok: false, failed: { docId, source: src, code, error: `${where ?? src.path}: ${reason}`, format } };
}
