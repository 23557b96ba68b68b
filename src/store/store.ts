import type { IndicatorRecord } from "../core/record.js";
import type { Source } from "../core/document.js";
import type { RunReport } from "../extract.js";
import type { DocumentWarning } from "../core/diagnostic.js";

/** One line of documents.jsonl (shared/spec/record.md, "Companion outputs"). */
export interface DocumentLine {
  doc_id: string;
  source: Source;
  text: string | null;
  status: "ok" | "empty" | "failed";
  error: string | null;
  format: string;
  decoding?: unknown;
  /** The language the text is in (src/stages/ingest/language.ts). */
  language?: string;
  records?: number;
  /** What a reader should know though nothing failed (a text in a language the rules are not for). */
  warnings?: DocumentWarning[];
  meta?: Record<string, unknown>;
}

/** What one document's run produced. */
export interface DocumentResult {
  document: DocumentLine;
  records: IndicatorRecord[];
  rulesVersion: string;
}

/** The key of a document in a store: where it came from (a changed file keeps its key, gets a new doc_id). */
export function documentKey(source: Source): string {
  return `${source.path ?? ""}\u0000${source.id ?? ""}`;
}

/**
 * Where results persist between runs: the embedded SQLite database or
 * PostgreSQL. The store is also the incremental state: it remembers each
 * document's doc_id and the rules version it was processed with.
 */
export interface Store {
  /** For each key: the doc_id and rules version stored for it, if it was processed without failure. */
  lookup(keys: string[]): Promise<Map<string, { docId: string; rulesVersion: string }>>;
  /** Replaces everything stored for these documents with the new results, in one transaction. */
  put(results: DocumentResult[]): Promise<void>;
  /** The stored document line and records of a key (for documents skipped as unchanged). */
  load(key: string): Promise<DocumentResult | null>;
  recordRun(report: RunReport): Promise<void>;
  close(): Promise<void>;
  /** Where it is, safe to print (no credentials). */
  readonly where: string;
}
