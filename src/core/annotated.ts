import type { RawDocument } from "./document.js";
import type { Diagnostic } from "./diagnostic.js";
import type { Span } from "./span.js";
import type { Token } from "../stages/segment/tokens.js";
import type { Sentence } from "../stages/segment/sentences.js";
import type { Quantity } from "../stages/detect/quantities.js";
import type { PeriodMention } from "../stages/detect/periods.js";
import type { TerritoryMention } from "../stages/detect/territories.js";
import type { CueMention } from "../stages/detect/cues.js";
import type { DraftRecord } from "../stages/assemble/records.js";

/** The layers stages add over a document's text, by name. */
export interface Layers {
  tokens: Token[];
  sentences: Sentence[];
  quantities: Quantity[];
  periods: PeriodMention[];
  territories: TerritoryMention[];
  cues: CueMention[];
  records: DraftRecord[];
}

export type LayerName = keyof Layers;

/** A document on its way through the pipeline: immutable text, growing layers, diagnostics. */
export interface AnnotatedDocument {
  readonly raw: RawDocument;
  readonly text: string;
  readonly layers: Partial<Layers>;
  readonly diagnostics: Diagnostic[];
}

export function annotate(raw: RawDocument): AnnotatedDocument {
  return { raw, text: raw.text, layers: {}, diagnostics: [] };
}

/** A layer that an earlier stage must have provided (the runner guarantees it). */
export function layer<K extends LayerName>(doc: AnnotatedDocument, name: K): Layers[K] {
  const l = doc.layers[name];
  if (!l) throw new Error(`layer "${name}" is missing: a stage that provides it must run first`);
  return l;
}

/**
 * Calls `visit` with every span a layer item carries, for the runner's span
 * check: its own, and those of the fields that hold spans. No allocation:
 * this runs for every item of every layer.
 */
export function forEachSpan(item: object, visit: (start: number, end: number) => void): void {
  const o = item as Record<string, unknown>;
  visitSpan(o, visit);
  for (const k of SPAN_FIELDS) if (k in o) visitSpan(o[k], visit);
  const nested = o as { territory?: { span?: unknown }; period?: { span?: unknown }; counted?: { span?: unknown }; quantity?: unknown };
  if (nested.territory) visitSpan(nested.territory.span, visit);
  if (nested.period) visitSpan(nested.period.span, visit);
  if (nested.counted) visitSpan(nested.counted.span, visit);
  if (nested.quantity) visitSpan(nested.quantity, visit);
}

function visitSpan(v: unknown, visit: (start: number, end: number) => void): void {
  const x = v as Span | null | undefined;
  if (x && typeof x.start === "number" && typeof x.end === "number") visit(x.start, x.end);
}

/** Fields of layer items that hold a span. */
const SPAN_FIELDS = ["qualifierSpan", "subject", "cue", "sentence"] as const;
