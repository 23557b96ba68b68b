import type { Stage } from "./core/stage.js";
import { annotate, forEachSpan, type AnnotatedDocument, type LayerName } from "./core/annotated.js";
import type { RawDocument } from "./core/document.js";
import type { CompiledRules } from "./rules/compile.js";
import { segmentStage } from "./stages/segment/index.js";
import { periodsStage } from "./stages/detect/periods.js";
import { quantitiesStage } from "./stages/detect/quantities.js";
import { territoriesStage } from "./stages/detect/territories.js";
import { cuesStage } from "./stages/detect/cues.js";
import { recordsStage } from "./stages/assemble/records.js";

/** The Russian pipeline, in order. Another language adds its own list (and rule folder). */
export const RU_STAGES: Stage[] = [segmentStage, periodsStage, quantitiesStage, territoriesStage, cuesStage, recordsStage];

/** Stages that `pokazatel mentions` needs: everything before indicator assignment. */
export const MENTION_STAGES: Stage[] = [segmentStage, periodsStage, quantitiesStage];

/** Thrown into a document's run when it exceeds its time budget; the document fails alone. */
export class DocumentTimeout extends Error {
  readonly code = "pipeline.timeout";
}

/** Checks that every stage's required layers are provided by an earlier stage. Throws naming the stage. */
export function checkOrder(stages: Stage[]): void {
  const have = new Set<LayerName>();
  for (const s of stages) {
    const missing = s.requires.filter((l) => !have.has(l));
    if (missing.length) throw new Error(`pipeline: stage "${s.name}" requires ${missing.join(", ")}, which no earlier stage provides`);
    const late = (s.uses ?? []).filter((l) => !have.has(l) && stages.some((o) => o.provides.includes(l)));
    if (late.length) throw new Error(`pipeline: stage "${s.name}" uses ${late.join(", ")}, which a later stage provides`);
    for (const l of s.provides) {
      if (have.has(l)) throw new Error(`pipeline: layer "${l}" is provided twice (again by "${s.name}")`);
      have.add(l);
    }
  }
}

/**
 * Layers whose items carry one span, their own (tokens, sentences, and the
 * mentions of periods, territories and cues); quantities and records also
 * hold spans of their parts, found by `forEachSpan`.
 */
const ONE_SPAN_LAYERS = new Set<LayerName>(["tokens", "sentences", "periods", "territories", "cues"]);

/** A span must lie inside the text and not split a surrogate pair. */
function checkSpans(doc: AnnotatedDocument, stage: Stage): void {
  const text = doc.text;
  const n = text.length;
  const splitsPair = (i: number) => i > 0 && i < n && (text.charCodeAt(i) & 0xfc00) === 0xdc00 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
  let layerName: LayerName = stage.provides[0];
  const check = (start: number, end: number) => {
    if (!(start >= 0 && start <= end && end <= n) || splitsPair(start) || splitsPair(end))
      throw new Error(`stage "${stage.name}" made a bad span [${start}, ${end}) in layer "${layerName}" (text length ${n})`);
  };
  for (const l of stage.provides) {
    layerName = l;
    const items = (doc.layers[l] ?? []) as object[];
    if (ONE_SPAN_LAYERS.has(l)) {
      // the largest layers, each item with its own span only: checked in a plain loop
      for (const t of items as Array<{ start: number; end: number }>) check(t.start, t.end);
    } else for (const item of items) forEachSpan(item, check);
  }
}

export interface RunOptions {
  /** Time budget per document in milliseconds (default 10 000). */
  timeoutMs?: number;
  /** Check every provided span after each stage (default true). */
  checkSpans?: boolean;
  /** When given, each stage's milliseconds are added to it under the stage's name (for benchmarks). */
  timings?: Map<string, number>;
}

/**
 * Runs the stages over one document. Every rule is a bounded token pattern,
 * so each stage's work is linear in the text; the time budget is checked
 * after each stage, and a document over it fails with `pipeline.timeout`
 * (alone: the batch goes on).
 */
export function runDocument(raw: RawDocument, rules: CompiledRules, stages: Stage[] = RU_STAGES, opts: RunOptions = {}): AnnotatedDocument {
  const doc = annotate(raw);
  const timeout = opts.timeoutMs ?? 10_000;
  const started = performance.now();
  for (const stage of stages) {
    const t0 = opts.timings ? performance.now() : 0;
    stage.run(doc, rules);
    if (opts.checkSpans !== false) checkSpans(doc, stage);
    const spent = performance.now() - started;
    if (opts.timings) opts.timings.set(stage.name, (opts.timings.get(stage.name) ?? 0) + performance.now() - t0);
    if (spent > timeout) throw new DocumentTimeout(`took longer than ${timeout} ms (stopped after stage "${stage.name}", ${Math.round(spent)} ms)`);
  }
  return doc;
}

checkOrder(RU_STAGES);
checkOrder(MENTION_STAGES);
