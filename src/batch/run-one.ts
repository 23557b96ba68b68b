import type { RawDocument } from "../core/document.js";
import type { IndicatorRecord } from "../core/record.js";
import type { CompiledRules } from "../rules/compile.js";
import { runDocument, stagesFor } from "../pipeline.js";
import { toRecords } from "../sinks/record-json.js";
import { layer } from "../core/annotated.js";
import { languageGate } from "./language-gate.js";
import type { DocumentWarning } from "../core/diagnostic.js";
import type { LanguageCode } from "../stages/ingest/language.js";

/** What processing one document gave: its records (and the language it is in), or why it failed. */
export type Outcome = { ok: true; records: IndicatorRecord[]; language: LanguageCode; warnings: DocumentWarning[] } | { ok: false; code: string; error: string };

/** Runs the pipeline of the document's language over it, with that language's rules, and converts its records; never throws. */
export function processDocument(raw: RawDocument, rules: CompiledRules, timeoutMs: number): Outcome {
  try {
    const { language, rules: own, warning } = languageGate(raw.text, rules);
    if (!own) return { ok: true, records: [], language, warnings: warning ? [warning] : [] };
    const doc = runDocument(raw, own, stagesFor(own.language), { timeoutMs });
    return { ok: true, records: toRecords(doc, layer(doc, "records"), own.version), language, warnings: [] };
  } catch (e) {
    return { ok: false, code: (e as { code?: string }).code ?? "pipeline.error", error: e instanceof Error ? e.message : String(e) };
  }
}
