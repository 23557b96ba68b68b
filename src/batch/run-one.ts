import type { RawDocument } from "../core/document.js";
import type { IndicatorRecord } from "../core/record.js";
import type { CompiledRules } from "../rules/compile.js";
import { runDocument, RU_STAGES } from "../pipeline.js";
import { toRecords } from "../sinks/record-json.js";
import { layer } from "../core/annotated.js";

/** What processing one document gave: its records, or why it failed. */
export type Outcome = { ok: true; records: IndicatorRecord[] } | { ok: false; code: string; error: string };

/** Runs the pipeline over one document and converts its records; never throws. */
export function processDocument(raw: RawDocument, rules: CompiledRules, timeoutMs: number): Outcome {
  try {
    const doc = runDocument(raw, rules, RU_STAGES, { timeoutMs });
    return { ok: true, records: toRecords(doc, layer(doc, "records"), rules.version) };
  } catch (e) {
    return { ok: false, code: (e as { code?: string }).code ?? "pipeline.error", error: e instanceof Error ? e.message : String(e) };
  }
}
