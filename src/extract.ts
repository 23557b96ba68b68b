import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ingest } from "./stages/ingest/index.js";
import type { IngestItem } from "./core/document.js";
import type { CompiledRules } from "./rules/compile.js";
import { runDocument, RU_STAGES, MENTION_STAGES } from "./pipeline.js";
import { JsonlFile } from "./sinks/jsonl-file.js";
import { toMentions, toRecords } from "./sinks/record-json.js";
import { layer } from "./core/annotated.js";

export interface ExtractOptions {
  inputs: string[];
  /** Output folder for records.jsonl, documents.jsonl and run.json. */
  out: string;
  rules: CompiledRules;
  /** Time budget per document, ms. */
  timeoutMs?: number;
  /** Largest input file read, bytes. */
  maxBytes?: number;
  /** Called after each document (for progress reporting). */
  onDocument?: (done: number, ok: boolean) => void;
}

export interface Failure {
  path: string | null;
  id: string | null;
  doc_id: string;
  code: string;
  error: string;
}

/** What a run did: written to run.json. */
export interface RunReport {
  documents: { seen: number; skipped: number; processed: number; failed: number };
  records: number;
  rules_version: string;
  started: string;
  finished: string;
  seconds: number;
  inputs: string[];
  failures: Failure[];
}

function outletsFile(rules: CompiledRules): string | undefined {
  const f = join(rules.dir, "outlets.yaml");
  return existsSync(f) ? f : undefined;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Reads every document under the inputs, extracts records, writes the output folder. */
export async function runExtract(opts: ExtractOptions): Promise<RunReport> {
  const started = new Date();
  await mkdir(opts.out, { recursive: true });
  const records = new JsonlFile(join(opts.out, "records.jsonl"));
  const documents = new JsonlFile(join(opts.out, "documents.jsonl"));
  const report: RunReport = {
    documents: { seen: 0, skipped: 0, processed: 0, failed: 0 },
    records: 0,
    rules_version: opts.rules.version,
    started: started.toISOString(),
    finished: "",
    seconds: 0,
    inputs: opts.inputs,
    failures: [],
  };
  const fail = async (item: { docId: string; source: { path: string | null; id: string | null } }, code: string, error: string, doc?: object) => {
    report.documents.failed++;
    report.failures.push({ path: item.source.path, id: item.source.id, doc_id: item.docId, code, error });
    await documents.write({ doc_id: item.docId, source: item.source, text: null, status: "failed", error: `${code}: ${error}`, ...doc });
  };
  try {
    for await (const item of ingest(opts.inputs, { maxBytes: opts.maxBytes, outlets: outletsFile(opts.rules) }) as AsyncGenerator<IngestItem>) {
      report.documents.seen++;
      if (!item.ok) {
        await fail(item.failed, item.failed.code, item.failed.error, { format: item.failed.format });
        opts.onDocument?.(report.documents.seen, false);
        continue;
      }
      const raw = item.doc;
      try {
        const doc = runDocument(raw, opts.rules, RU_STAGES, { timeoutMs: opts.timeoutMs });
        const recs = toRecords(doc, layer(doc, "records"), opts.rules.version);
        for (const r of recs) await records.write(r);
        report.records += recs.length;
        report.documents.processed++;
        await documents.write({
          doc_id: raw.docId,
          source: raw.source,
          text: raw.text,
          status: raw.text.trim() ? "ok" : "empty",
          error: null,
          format: raw.format,
          decoding: raw.decoding ?? null,
          records: recs.length,
          ...(raw.meta ? { meta: raw.meta } : {}),
        });
        opts.onDocument?.(report.documents.seen, true);
      } catch (e) {
        const code = (e as { code?: string }).code ?? "pipeline.error";
        await fail(raw, code, `${raw.source.path ?? ""}${raw.source.id ? ` (${raw.source.id})` : ""}: ${errorText(e)}`, { format: raw.format });
        opts.onDocument?.(report.documents.seen, false);
      }
    }
  } catch (e) {
    await records.abort();
    await documents.abort();
    throw e;
  }
  await records.commit();
  await documents.commit();
  const finished = new Date();
  report.finished = finished.toISOString();
  report.seconds = +((finished.getTime() - started.getTime()) / 1000).toFixed(3);
  await writeFile(join(opts.out, "run.json"), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

export interface MentionsOptions {
  inputs: string[];
  rules: CompiledRules;
  write: (line: string) => void | Promise<void>;
  maxBytes?: number;
  timeoutMs?: number;
}

/** Every number mention the rules find, before indicator assignment. Returns counts. */
export async function runMentions(opts: MentionsOptions): Promise<{ documents: number; failed: number; mentions: number; failures: Failure[] }> {
  let documents = 0;
  let failed = 0;
  let mentions = 0;
  const failures: Failure[] = [];
  for await (const item of ingest(opts.inputs, { maxBytes: opts.maxBytes, outlets: outletsFile(opts.rules) }) as AsyncGenerator<IngestItem>) {
    documents++;
    if (!item.ok) {
      failed++;
      failures.push({ path: item.failed.source.path, id: item.failed.source.id, doc_id: item.failed.docId, code: item.failed.code, error: item.failed.error });
      continue;
    }
    try {
      const doc = runDocument(item.doc, opts.rules, MENTION_STAGES, { timeoutMs: opts.timeoutMs });
      for (const m of toMentions(doc, layer(doc, "quantities"))) {
        mentions++;
        await opts.write(`${JSON.stringify(m)}\n`);
      }
    } catch (e) {
      failed++;
      failures.push({ path: item.doc.source.path, id: item.doc.source.id, doc_id: item.doc.docId, code: (e as { code?: string }).code ?? "pipeline.error", error: errorText(e) });
    }
  }
  return { documents, failed, mentions, failures };
}
