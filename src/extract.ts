import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ingest } from "./stages/ingest/index.js";
import { outletsFileIn } from "./stages/ingest/outlets.js";
import type { IngestItem } from "./core/document.js";
import { documentKey, type DocumentResult, type Store } from "./store/store.js";
import { failedLine, resultOf } from "./store/document-line.js";
import { inProcess, workerPool } from "./batch/executor.js";
import type { Outcome } from "./batch/run-one.js";
import type { CompiledRules } from "./rules/compile.js";
import { runDocument, stagesFor } from "./pipeline.js";
import { JsonlFile } from "./sinks/jsonl-file.js";
import type { MentionLine } from "./core/record.js";
import { documentLineParts } from "./sinks/document-json.js";
import { toMentions } from "./sinks/record-json.js";
import { layer } from "./core/annotated.js";
import { languageGate } from "./batch/language-gate.js";

export interface ExtractOptions {
  inputs: string[];
  /** Output folder for records.jsonl, documents.jsonl and run.json. */
  out: string;
  rules: CompiledRules;
  /** Where results persist between runs (and what makes reruns incremental); null: nothing is kept. */
  store?: Store | null;
  /** Process every document, also those the store has with the same bytes and rules. */
  full?: boolean;
  /** Documents processed at once: 1 runs in this thread, more use worker threads. */
  concurrency?: number;
  /** Time budget per document, ms. */
  timeoutMs?: number;
  /** Largest input file read, bytes. */
  maxBytes?: number;
  /** Documents handed to the store in one transaction. */
  batchSize?: number;
  /** Called after each document is written (for progress reporting). */
  onDocument?: (done: number, status: "processed" | "skipped" | "failed") => void;
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
  /** For scripts reading run.json at the top level: the same as documents.processed. */
  processed: number;
  records: number;
  rules_version: string;
  started: string;
  finished: string;
  seconds: number;
  inputs: string[];
  store: string | null;
  /** Why the store stopped taking results, if it did (the JSONL output is complete all the same). */
  store_error: string | null;
  failures: Failure[];
  /** The languages of the documents processed (src/stages/ingest/language.ts), with how many of each. */
  languages: Record<string, number>;
  /** Documents processed with a warning (a text not in the rules' language: no records). */
  warnings: Warning[];
}

/** A processed document's warning, as run.json lists it. */
export interface Warning {
  path: string | null;
  id: string | null;
  doc_id: string;
  code: string;
  message: string;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Reads every document under the inputs, extracts records, writes the output
 * folder. With a store, documents whose bytes and rules are unchanged since an
 * earlier run are skipped (their stored results are written again), results
 * are committed in batches (a killed run resumes where it stopped), and the
 * output files are renamed into place at the end (never half-written).
 * Documents are processed in parallel on worker threads (p-queue keeps the
 * pool busy) and written in input order; at concurrency 1 each goes through
 * the pipeline in this thread as soon as it is read.
 */
export async function runExtract(opts: ExtractOptions): Promise<RunReport> {
  const started = new Date();
  await mkdir(opts.out, { recursive: true });
  let store = opts.store ?? null;
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const batchSize = opts.batchSize ?? 200;
  const executor = concurrency > 1 ? workerPool(opts.rules, concurrency, timeoutMs) : inProcess(opts.rules, timeoutMs);
  const records = new JsonlFile(join(opts.out, "records.jsonl"));
  const documents = new JsonlFile(join(opts.out, "documents.jsonl"));
  const report: RunReport = {
    documents: { seen: 0, skipped: 0, processed: 0, failed: 0 },
    processed: 0,
    records: 0,
    rules_version: opts.rules.version,
    started: started.toISOString(),
    finished: "",
    seconds: 0,
    inputs: opts.inputs,
    store: store?.where ?? null,
    store_error: null,
    failures: [],
    languages: {},
    warnings: [],
  };

  // results wait here until every earlier document is done, then go out in input order
  const ready = new Map<number, { result: DocumentResult; status: "processed" | "skipped" | "failed"; textJson?: Uint8Array }>();
  let nextOut = 0;
  let pending: DocumentResult[] = [];
  const flushStore = async () => {
    if (store && pending.length) await guarded(() => store!.put(pending));
    pending = [];
  };
  // one writer at a time: results finishing together must not interleave their lines
  let writing: Promise<void> = Promise.resolve();
  const emit = () => (writing = writing.then(writeReady));
  const writeReady = async () => {
    while (ready.has(nextOut)) {
      const { result, status, textJson } = ready.get(nextOut)!;
      ready.delete(nextOut);
      nextOut++;
      for (const r of result.records) {
        const full = records.write(r);
        if (full) await full;
      }
      const full = documents.writeLine(documentLineParts(result.document, textJson));
      if (full) await full;
      report.records += result.records.length;
      if (status === "failed") {
        report.documents.failed++;
        const d = result.document;
        const [code, ...rest] = (d.error ?? "").split(": ");
        report.failures.push({ path: d.source.path, id: d.source.id, doc_id: d.doc_id, code, error: rest.join(": ") });
      } else if (status === "skipped") report.documents.skipped++;
      else {
        report.documents.processed++;
        const d = result.document;
        if (d.language) report.languages[d.language] = (report.languages[d.language] ?? 0) + 1;
        for (const w of d.warnings ?? []) report.warnings.push({ path: d.source.path, id: d.source.id, doc_id: d.doc_id, code: w.code, message: w.message });
      }
      // only a store needs them kept (without one they would stay alive for a batch, and be copied by every collection)
      if (store && status !== "skipped") pending.push(result);
      if (pending.length >= batchSize) await flushStore();
      opts.onDocument?.(nextOut, status);
    }
  };

  /**
   * A store that fails (its own retries exhausted: a lost database) stops
   * being used: the run goes on, writes complete JSONL, and says why in
   * run.json `store_error` (the command then exits 1).
   */
  async function guarded<R>(f: () => Promise<R>): Promise<R | undefined> {
    try {
      return await f();
    } catch (e) {
      report.store_error = `${store?.where ?? "store"}: ${errorText(e)}`;
      store = null;
      return undefined;
    }
  }

  // p-queue keeps a pool of workers busy; a run in this thread has no pool and does not load it
  const runNow = executor.runNow;
  const queue = runNow ? null : new (await import("p-queue")).default({ concurrency: executor.capacity });
  let failure: unknown = null;
  try {
    let seq = 0;
    const items = ingest(opts.inputs, { maxBytes: opts.maxBytes, outlets: outletsFileIn(opts.rules.dir) }) as AsyncGenerator<IngestItem>;
    // without a store to ask, the items come straight from ingest (one async generator less per document)
    const lookups = store !== null && !opts.full;
    const entries: AsyncIterable<IngestItem | StoredState> = lookups ? withStoredState(items, guarded, () => store) : items;
    for await (const entry of entries) {
      const { item, known } = lookups ? (entry as StoredState) : { item: entry as IngestItem, known: undefined };
      if (failure) break;
      const mySeq = seq++;
      report.documents.seen++;
      if (!item.ok) {
        ready.set(mySeq, { result: { document: failedLine(item.failed), records: [], rulesVersion: opts.rules.version }, status: "failed" });
        await emit();
        continue;
      }
      const raw = item.doc;
      const textJson = item.textJson;
      if (store && !opts.full) {
        if (known && known.docId === raw.docId && known.rulesVersion === opts.rules.version) {
          const stored = await guarded(() => store!.load(documentKey(raw.source)));
          if (stored) {
            ready.set(mySeq, { result: stored, status: "skipped" });
            await emit();
            continue;
          }
        }
      }
      // a document's outcome waits for the earlier ones, then goes out
      const done = (outcome: Outcome) => {
        ready.set(mySeq, { result: resultOf(raw, outcome, opts.rules.version), status: outcome.ok ? "processed" : "failed", textJson });
        return emit();
      };
      if (!queue) {
        // one document at a time in this thread (`runNow`): no queue between reading and writing;
        // a very long text goes to a worker thread that can be stopped (ISOLATE_OVER)
        await done(runNow!(raw) ?? (await executor.run(raw)));
        continue;
      }
      await queue.onSizeLessThan(executor.capacity);
      void queue.add(async () => {
        try {
          await done(await executor.run(raw));
        } catch (e) {
          failure ??= e;
        }
      });
    }
    await queue?.onIdle();
    if (failure) throw failure;
    await flushStore();
  } catch (e) {
    await executor.close();
    await records.abort();
    await documents.abort();
    throw e;
  }
  await executor.close();
  await records.commit();
  await documents.commit();
  const finished = new Date();
  report.processed = report.documents.processed;
  report.finished = finished.toISOString();
  report.seconds = +((finished.getTime() - started.getTime()) / 1000).toFixed(3);
  if (store) await guarded(() => store!.recordRun(report));
  await writeFile(join(opts.out, "run.json.tmp"), `${JSON.stringify(report, null, 2)}\n`);
  await rename(join(opts.out, "run.json.tmp"), join(opts.out, "run.json"));
  return report;
}

/** Documents looked up in the store together: one round trip for a window, not one per document. */
const LOOKUP_WINDOW = 64;

/** An ingested item with what the store knows of its document. */
interface StoredState {
  item: IngestItem;
  known: { docId: string; rulesVersion: string } | undefined;
}

/**
 * The ingested items, each with what the store knows of its document (doc_id
 * and rules version), looked up a window at a time. `guard` runs the store
 * calls (it stops using a store that fails).
 */
async function* withStoredState(
  items: AsyncGenerator<IngestItem>,
  guard: <R>(f: () => Promise<R>) => Promise<R | undefined>,
  store: () => Store | null,
): AsyncGenerator<StoredState> {
  let window: IngestItem[] = [];
  const flush = async function* () {
    const keys = window.flatMap((i) => (i.ok ? [documentKey(i.doc.source)] : []));
    const s = store();
    const found = s && keys.length ? await guard(() => s.lookup(keys)) : undefined;
    for (const item of window) yield { item, known: item.ok ? found?.get(documentKey(item.doc.source)) : undefined };
    window = [];
  };
  for await (const item of items) {
    window.push(item);
    if (window.length >= LOOKUP_WINDOW) yield* flush();
  }
  yield* flush();
}

export interface MentionsOptions {
  inputs: string[];
  rules: CompiledRules;
  /** Takes each mention, in document order (a promise: wait for it before the next). */
  write: (mention: MentionLine) => void | Promise<void>;
  maxBytes?: number;
  timeoutMs?: number;
}

/** Every number mention the rules find, before indicator assignment. Returns counts. */
export async function runMentions(opts: MentionsOptions): Promise<{ documents: number; failed: number; mentions: number; failures: Failure[]; warnings: Warning[] }> {
  let documents = 0;
  let failed = 0;
  let mentions = 0;
  const failures: Failure[] = [];
  const warnings: Warning[] = [];
  for await (const item of ingest(opts.inputs, { maxBytes: opts.maxBytes, outlets: outletsFileIn(opts.rules.dir) }) as AsyncGenerator<IngestItem>) {
    documents++;
    if (!item.ok) {
      failed++;
      failures.push({ path: item.failed.source.path, id: item.failed.source.id, doc_id: item.failed.docId, code: item.failed.code, error: item.failed.error });
      continue;
    }
    const { rules: own, warning } = languageGate(item.doc.text, opts.rules);
    if (!own) {
      if (warning) warnings.push({ path: item.doc.source.path, id: item.doc.source.id, doc_id: item.doc.docId, ...warning });
      continue;
    }
    try {
      const doc = runDocument(item.doc, own, stagesFor(own.language, true), { timeoutMs: opts.timeoutMs });
      for (const m of toMentions(doc, layer(doc, "quantities"))) {
        mentions++;
        await opts.write(m);
      }
    } catch (e) {
      failed++;
      failures.push({ path: item.doc.source.path, id: item.doc.source.id, doc_id: item.doc.docId, code: (e as { code?: string }).code ?? "pipeline.error", error: errorText(e) });
    }
  }
  return { documents, failed, mentions, failures, warnings };
}
