import type { OutputSpan } from "./span.js";
import type { Source } from "./document.js";

/** Format version written in every record (shared/spec/record.md). */
export const RECORD_FORMAT = "indicator-record/1";

export type Measure = "level" | "change" | "share" | "rank";
export type Qualifier = "exact" | "approx" | "over" | "under" | "at_least" | "at_most" | "almost";
export type PeriodKind = "actual" | "plan" | "target";

/** The value of a record: fully scaled amount plus the span of the number with its scale and unit words. */
export interface RecordValue extends OutputSpan {
  /** Fully scaled: "3,2 трлн" is 3200000000000. Exact decimal string in `exact`. */
  amount: number;
  /** The same amount as an exact decimal string (no float rounding). */
  exact: string;
  /** Upper bound, for ranges ("50–70 млн"); otherwise absent. */
  upper?: number;
  /** ISO 4217 code, `percent`, `pp`, `times`, `t`, `ha`, `m2`, `km`, `kWh`, `head`, `count`, `place`. */
  unit: string;
  qualifier: Qualifier;
  /** For `count`: the lemma of the counted noun ("проект", "рабочее место"). */
  counted: string | null;
}

export interface RecordChange {
  direction: "up" | "down" | null;
  /** `prev_period`, `same_period_prev_year`, or the base as written. */
  base: string | null;
}

export interface RecordTerritory {
  /** ISO 3166-2:KZ code, or `KZ` for the whole country. */
  code: string;
  /** Nominative name of the region (or country). */
  name: string;
  /** A city or district inside the region, or null. */
  place: string | null;
  span: OutputSpan | null;
  /** True when taken from the article's context instead of the record's sentence. */
  inferred: boolean;
}

export interface RecordPeriod {
  from: string | null;
  to: string | null;
  kind: PeriodKind;
  span: OutputSpan | null;
  /** True when the year was inferred (no publication date) or the period carried over from an earlier sentence. */
  inferred: boolean;
}

/** One number in one article that states an economic or social indicator. */
export interface IndicatorRecord {
  format: typeof RECORD_FORMAT;
  id: string;
  fact: string;
  doc_id: string;
  source: Source;
  indicator: string;
  label: string;
  measure: Measure;
  value: RecordValue;
  change: RecordChange | null;
  subject: OutputSpan | null;
  territory: RecordTerritory | null;
  period: RecordPeriod | null;
  sentence: OutputSpan;
  cue: OutputSpan | null;
  rules: string[];
  rules_version: string;
}

export type MentionType = "money" | "percent" | "ratio" | "count" | "quantity" | "rank" | "number";

/** A number mention before indicator assignment (`pokazatel mentions`). Offsets in code points. */
export interface MentionLine {
  source: { path: string | null; id: string | null };
  doc_id: string;
  type: MentionType;
  start: number;
  end: number;
  text: string;
  amount: number | null;
  upper?: number;
  unit: string | null;
  qualifier: Qualifier;
  rules: string[];
}
