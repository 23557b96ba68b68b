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
import { englishQuantitiesStage } from "./stages/detect/english-numbers.js";

/** The Russian pipeline, in order. Another language adds its own list (and rule folder). */
export const RU_STAGES: Stage[] = [segmentStage, periodsStage, quantitiesStage, territoriesStage, cuesStage, recordsStage];

/** Stages that `pokazatel mentions` needs: everything before indicator assignment. */
export const MENTION_STAGES: Stage[] = [segmentStage, periodsStage, quantitiesStage];

/** The English pipeline (rules/en/): numbers are read as English writes them; the rest is the same, from the English rules. */
export const EN_STAGES: Stage[] = [segmentStage, periodsStage, englishQuantitiesStage, territoriesStage, cuesStage, recordsStage];
export const EN_MENTION_STAGES: Stage[] = [segmentStage, periodsStage, englishQuantitiesStage];

/** The stages for documents in a language: all of them, or (`mentions`) those before indicator assignment. Russian's unless the language has its own. */
export function stagesFor(language: string, mentions = false): Stage[] {
  if (language === "en") return mentions ? EN_MENTION_STAGES : EN_STAGES;
  return mentions ? MENTION_STAGES : RU_STAGES;
}

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

/**
 * Whether a span lies inside the text and splits no surrogate pair. `pairs`:
 * whether the text has surrogates at all (most documents have none, and then
 * no offset can split one: the check reads no characters).
 */
function spanFits(text: string, pairs: boolean, start: number, end: number): boolean {
  return start >= 0 && start <= end && end <= text.length && (!pairs || (!splitsPair(text, start) && !splitsPair(text, end)));
}

const SURROGATE = /[\uD800-\uDFFF]/;

function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
}

/**
 * The first item whose own span does not fit, or -1. Each layer has its own
 * copy of this loop (`ownSpanChecks`): each then reads one shape of item, and
 * the tokens' loop, over the largest layer, stays a plain field read.
 */
function ownSpanCheck(): (text: string, pairs: boolean, items: Array<{ start: number; end: number }>) => number {
  return (text, pairs, items) => {
    for (let k = 0; k < items.length; k++) if (!spanFits(text, pairs, items[k].start, items[k].end)) return k;
    return -1;
  };
}

const ownSpanChecks = new Map<LayerName, ReturnType<typeof ownSpanCheck>>([...ONE_SPAN_LAYERS].map((l) => [l, ownSpanCheck()]));

/** A span must lie inside the text and not split a surrogate pair (`pairs`: the text has surrogates). */
function checkSpans(doc: AnnotatedDocument, stage: Stage, pairs: boolean): void {
  const text = doc.text;
  const fail = (layerName: LayerName, start: number, end: number): never => {
    throw new Error(`stage "${stage.name}" made a bad span [${start}, ${end}) in layer "${layerName}" (text length ${text.length})`);
  };
  for (const l of stage.provides) {
    const items = (doc.layers[l] ?? []) as Array<{ start: number; end: number }>;
    const own = ownSpanChecks.get(l);
    if (own) {
      const k = own(text, pairs, items);
      if (k >= 0) fail(l, items[k].start, items[k].end);
    } else {
      const check = (start: number, end: number) => {
        if (!spanFits(text, pairs, start, end)) fail(l, start, end);
      };
      for (const item of items) forEachSpan(item, check);
    }
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
 * Runs the stages over one document. Every rule is a bounded token pattern
 * and every look back stops at the sentence (at most MAX_SENTENCE_TOKENS,
 * src/stages/segment/sentences.ts), so each stage's work is linear in the
 * text (`npm run bench:adversarial` checks it on texts built to break that);
 * the time budget is checked after each stage, and a document over it fails
 * with `pipeline.timeout` (alone: the batch goes on).
 */
export function runDocument(raw: RawDocument, rules: CompiledRules, stages: Stage[] = RU_STAGES, opts: RunOptions = {}): AnnotatedDocument {
  const doc = annotate(raw);
  const timeout = opts.timeoutMs ?? 10_000;
  const started = performance.now();
  const pairs = opts.checkSpans !== false && SURROGATE.test(doc.text);
  for (const stage of stages) {
    const t0 = opts.timings ? performance.now() : 0;
    stage.run(doc, rules);
    if (opts.checkSpans !== false) checkSpans(doc, stage, pairs);
    const spent = performance.now() - started;
    if (opts.timings) opts.timings.set(stage.name, (opts.timings.get(stage.name) ?? 0) + performance.now() - t0);
    if (spent > timeout) throw new DocumentTimeout(`took longer than ${timeout} ms (stopped after stage "${stage.name}", ${Math.round(spent)} ms)`);
  }
  return doc;
}

checkOrder(RU_STAGES);
checkOrder(MENTION_STAGES);
checkOrder(EN_STAGES);
checkOrder(EN_MENTION_STAGES);
