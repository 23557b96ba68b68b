/**
 * Test helpers: run the real pipeline (src/pipeline.ts) over a text built in
 * the test, with the real rules, and look at its layers, mentions or records.
 */
import { expect } from "vitest";
import type { RawDocument } from "../../src/core/document.js";
import type { AnnotatedDocument } from "../../src/core/annotated.js";
import type { IndicatorRecord, MentionLine } from "../../src/core/record.js";
import type { CompiledRules } from "../../src/rules/compile.js";
import type { Stage } from "../../src/core/stage.js";
import { runDocument, RU_STAGES, MENTION_STAGES, stagesFor } from "../../src/pipeline.js";
import { toMentions, toRecords } from "../../src/sinks/record-json.js";

/** A plain-text document as the ingest stage would give it. */
export function rawDoc(text: string, published: string | null = null, path = "probe.txt"): RawDocument {
  return { docId: "probe", source: { path, id: null, url: null, outlet: null, title: null, published }, text, format: "txt" };
}

export function run(rules: CompiledRules, text: string, published: string | null = null, stages: Stage[] = RU_STAGES): AnnotatedDocument {
  return runDocument(rawDoc(text, published), rules, stages);
}

/** The records of a text, as written to records.jsonl (through the pipeline of the rules' language). */
export function recordsOf(rules: CompiledRules, text: string, published: string | null = null): IndicatorRecord[] {
  const doc = run(rules, text, published, stagesFor(rules.language));
  return toRecords(doc, doc.layers.records ?? [], rules.version);
}

/** The mentions of a text, as `pokazatel mentions` writes them. */
export function mentionsOf(rules: CompiledRules, text: string, published: string | null = null): MentionLine[] {
  const doc = run(rules, text, published, MENTION_STAGES);
  return toMentions(doc, doc.layers.quantities ?? []);
}

/** The text a code-point span covers. */
export function cpSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join("");
}

/** What tests compare of a record: its value, indicator, measure, amount, qualifier, direction, territory, place, period ("from..to kind") and counted noun. */
export function recordView(r: IndicatorRecord) {
  return {
    value: r.value.text,
    indicator: r.indicator,
    measure: r.measure,
    amount: r.value.amount,
    unit: r.value.unit,
    qualifier: r.value.qualifier,
    direction: r.change?.direction ?? null,
    territory: r.territory?.code ?? null,
    place: r.territory?.place ?? null,
    period: r.period ? `${r.period.from ?? ""}..${r.period.to ?? ""} ${r.period.kind}` : null,
    counted: r.value.counted,
  };
}

/**
 * Checks a text's records against the fields a probe names: every record (an
 * extra one fails too), each compared on the fields its wanted entry lists.
 */
export function expectRecords(rules: CompiledRules, text: string, published: string | null, want: readonly object[]): void {
  const got = recordsOf(rules, text, published).map(recordView);
  const picked = got.map((g, i) => Object.fromEntries(Object.keys(want[i] ?? g).map((k) => [k, g[k as keyof typeof g]])));
  expect(picked, JSON.stringify(got, null, 1)).toEqual(want.map((w) => ({ ...w })));
}
