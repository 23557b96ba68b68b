import { sha256 } from "../stages/ingest/digest.js";
import type { AnnotatedDocument } from "../core/annotated.js";
import { CodePointIndex } from "../core/offsets.js";
import { RECORD_FORMAT, type IndicatorRecord, type MentionLine } from "../core/record.js";
import { toOutputSpan, type Span } from "../core/span.js";
import { toExactString, toNumber } from "../numbers/exact.js";
import type { DraftRecord } from "../stages/assemble/records.js";
import type { Quantity } from "../stages/detect/quantities.js";

const hash = (s: string) => sha256(s).slice(0, 32);

/**
 * A record's id: the document, the value's code point span and the measure.
 * The same article, rules and number give the same id on every run.
 */
export function recordId(docId: string, start: number, end: number, measure: string): string {
  return hash(`${docId}:${start}:${end}:${measure}`);
}

/** Converts a document's draft records to output records (code point offsets, exact amounts as numbers). */
export function toRecords(doc: AnnotatedDocument, drafts: DraftRecord[], rulesVersion: string): IndicatorRecord[] {
  // most documents give none: no need to index their text
  if (drafts.length === 0) return [];
  const index = new CodePointIndex(doc.text);
  const span = (s: Span) => toOutputSpan(index, s);
  const factIds = new Map<number, string>();
  return drafts.map((d) => {
    const value = span(d.quantity);
    if (!factIds.has(d.fact)) factIds.set(d.fact, hash(`${doc.raw.docId}:fact:${value.start}`));
    const rec: IndicatorRecord = {
      format: RECORD_FORMAT,
      id: recordId(doc.raw.docId, value.start, value.end, d.measure),
      fact: factIds.get(d.fact)!,
      doc_id: doc.raw.docId,
      source: doc.raw.source,
      indicator: d.indicator,
      label: d.label,
      measure: d.measure,
      value: {
        amount: toNumber(d.amount),
        exact: toExactString(d.amount),
        ...(d.upper ? { upper: toNumber(d.upper) } : {}),
        unit: d.unit,
        qualifier: d.qualifier,
        counted: d.counted,
        ...value,
      },
      change: d.change,
      subject: d.subject ? span(d.subject) : null,
      territory: d.territory
        ? { code: d.territory.code, name: d.territory.name, place: d.territory.place, span: d.territory.span ? span(d.territory.span) : null, inferred: d.territory.inferred }
        : null,
      period: d.period
        ? { from: d.period.from, to: d.period.to, kind: d.period.kind, span: d.period.span ? span(d.period.span) : null, inferred: d.period.inferred }
        : null,
      sentence: span(d.sentence),
      cue: d.cue ? span(d.cue) : null,
      rules: [...new Set(d.rules)],
      rules_version: rulesVersion,
    };
    return rec;
  });
}

/** Converts a document's quantities to `pokazatel mentions` lines. */
export function toMentions(doc: AnnotatedDocument, quantities: Quantity[]): MentionLine[] {
  if (quantities.length === 0) return [];
  const index = new CodePointIndex(doc.text);
  return quantities.map((q) => {
    const s = toOutputSpan(index, q);
    return {
      source: { path: doc.raw.source.path, id: doc.raw.source.id },
      doc_id: doc.raw.docId,
      type: q.type,
      ...s,
      amount: q.amount ? toNumber(q.amount) : null,
      ...(q.upper ? { upper: toNumber(q.upper) } : {}),
      unit: q.unit,
      qualifier: q.qualifier,
      rules: [...new Set(q.rules)],
    };
  });
}
