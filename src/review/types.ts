/**
 * The data a review page carries, embedded as JSON in the page
 * (`<script type="application/json" id="review-data">`). Built in Node by
 * `buildReviewData`, read in the browser by `reviewClient`.
 *
 * Every offset here is in Unicode code points, exactly as in records.jsonl
 * (shared/spec/record.md); the page converts to UTF-16 itself.
 */
import type { Source } from "../core/document.js";
import type { IndicatorRecord } from "../core/record.js";

/** Names of the spans a record can carry, in highlight priority order (first wins the colour). */
export type SpanKind = "value" | "cue" | "subject" | "territory" | "period" | "sentence";

export const SPAN_KINDS: readonly SpanKind[] = ["value", "cue", "subject", "territory", "period", "sentence"];

/** One line of documents.jsonl, as the page shows it. */
export interface ReviewDoc {
  doc_id: string;
  /** Short name for tables: title, else path (+ id), else the start of doc_id. */
  name: string;
  source: Source;
  /** `ok`, `empty`, `failed`, or `missing` (records point at it, documents.jsonl has no line). */
  status: string;
  /** Why the document failed (or is missing); null when ok. */
  error: string | null;
  /** Its warnings, each as "code: message" (a text in a language the rules are not for). */
  warnings: string[];
  /** The document text (null when none was stored). */
  text: string | null;
  /** 1-based line in documents.jsonl; null for a `missing` document. */
  line: number | null;
  /** Number of records of this document. */
  records: number;
  /** Number of those records with at least one span that does not match the text. */
  mismatches: number;
}

/** One line of records.jsonl, without the parts the page does not use, plus where it came from and its offset check. */
export interface ReviewRecord
  extends Pick<
    IndicatorRecord,
    "id" | "fact" | "indicator" | "label" | "measure" | "value" | "change" | "subject" | "territory" | "period" | "sentence" | "cue" | "rules"
  > {
  /** Index into `ReviewData.docs`. */
  doc: number;
  /** 1-based line in records.jsonl. */
  line: number;
  /** Kinds of spans whose offsets do not give their `text` in the document (empty when all match). */
  mismatch: SpanKind[];
}

export interface ReviewData {
  format: "pokazatel-review/1";
  /** Name of the output folder the page was made from (not its full path). */
  folder: string;
  /** ISO timestamp of when the page was written. */
  generated: string;
  docs: ReviewDoc[];
  records: ReviewRecord[];
}
