import type { RawDocument } from "../core/document.js";
import type { IndicatorRecord } from "../core/record.js";
import type { CompiledRules } from "../rules/compile.js";
import { runDocument, RU_STAGES } from "../pipeline.js";
import { toRecords } from "../sinks/record-json.js";
import { layer } from "../core/annotated.js";
import { languageGate } from "./language-gate.js";
import type { DocumentWarning } from "../core/diagnostic.js";
import type { LanguageCode } from "../stages/ingest/language.js";

/** What processing one document gave: its records (and the language it is in), or why it failed. */
export type Outcome = { ok: true; records: IndicatorRecord[]; language: LanguageCode; warnings: DocumentWarning[] } | { ok: false; code: string; error: string };

/** Runs the pipeline over one document in the rules' language and converts its records; never throws. */
export function processDocument(raw: RawDocument, rules: CompiledRules, timeoutMs: number): Outcome {
  try {
    const { language, warning } = languageGate(raw.text, rules.language);
    if (warning) return { ok: true, records: [], language, warnings: [warning] };
    const doc = runDocument(raw, rules, RU_STAGES, { timeoutMs });
    return { ok: true, records: toRecords(doc, layer(doc, "records"), rules.version), language, warnings: [] };
  } catch (e) {
    return { ok: false, code: (e as { code?: string }).code ?? "pipeline.error", error: e instanceof Error ? e.message : String(e) };
  }
}
