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

/** Every span a layer item carries, for the runner's span check. */
export function spansOf(item: object): Span[] {
  const out: Span[] = [];
  const visit = (v: unknown, depth: number) => {
    if (!v || typeof v !== "object" || depth > 3) return;
    const o = v as Record<string, unknown>;
    if (typeof o.start === "number" && typeof o.end === "number") out.push({ start: o.start, end: o.end });
    for (const [k, x] of Object.entries(o)) if (k.endsWith("span") || k === "value" || k === "span") visit(x, depth + 1);
  };
  visit(item, 0);
  return out;
}
