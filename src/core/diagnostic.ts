import type { Span } from "./span.js";

/**
 * A message about a document, kept as data on the document (like vfile
 * messages): a code `area.problem`, what happened, and where.
 */
export interface Diagnostic {
  /** `area.problem`, e.g. `ingest.bad_encoding`, `pipeline.timeout`. */
  code: string;
  message: string;
  severity: "error" | "warning" | "info";
  stage?: string;
  rule?: string;
  span?: Span;
}

/** A warning as the outputs carry it (documents.jsonl, run.json): something to know about a document though nothing failed. */
export type DocumentWarning = Pick<Diagnostic, "code" | "message">;
