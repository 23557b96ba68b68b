import { createHash } from "node:crypto";
import { sha256 } from "../stages/ingest/digest.js";
import type { JobsOptions } from "bullmq";
import type { FailedDocument, IngestItem } from "../core/document.js";
import { documentKey } from "../store/store.js";

/** The queue `enqueue`, `worker` and `status` use unless `--queue` says otherwise. */
export const DEFAULT_QUEUE = "pokazatel";
/** Documents per job unless `--batch` says otherwise. */
export const DEFAULT_BATCH = 50;
/** A job is closed early once its documents' text reaches this many UTF-16 units (keeps one job well under Redis's 512 MB value limit). */
export const MAX_JOB_CHARS = 16 * 1024 * 1024;
/** The job name in BullMQ. */
export const JOB_NAME = "documents";

/** Retries: 5 attempts in all, waiting 2, 4, 8, 16 s between them; failed jobs stay in the failed set with their reason. */
export const ATTEMPTS = 5;
export const BACKOFF_MS = 2_000;

/**
 * Locks: a worker renews its job's lock every lockDuration/2; a worker that
 * dies (SIGKILL, lost machine) stops renewing, the lock expires, and the next
 * stalled check of any other worker (every stalledInterval) puts the job back
 * in the waiting list. So a dead worker's job is taken over within about
 * lockDuration + stalledInterval = 20 s.
 */
export const LOCK_DURATION_MS = 15_000;
export const STALLED_INTERVAL_MS = 5_000;
/** A job whose worker died this many times is still given back; one more and it goes to the failed set. */
export const MAX_STALLED = 3;

/** What a job carries: its documents (or the ingest failures, recorded as failed documents) and the rules version it must be processed with. */
export interface BatchData {
  v: 1;
  rulesVersion: string;
  /** The job's place in the enqueue order (0-based), for people reading the queue. */
  seq: number;
  items: IngestItem[];
}

/** What a job's data is replaced with once its results are committed (the document texts are not kept in Redis). */
export interface DoneData {
  v: 1;
  rulesVersion: string;
  seq: number;
  done: true;
  summary: BatchSummary;
}

export type JobData = BatchData | DoneData;

/** A job's return value. */
export interface BatchSummary {
  documents: number;
  records: number;
  failed: number;
  /** Processing time, ms (documents, then the store). */
  ms: number;
  /** Of it, writing to the store, ms. */
  store_ms: number;
  /** `host:pid` of the worker that committed the results. */
  worker: string;
}

/**
 * The job id: a hash of the rules version and the sorted (doc_id, document
 * key) pairs of the batch. The same input enqueued again gives the same ids,
 * which BullMQ ignores while the job exists (waiting, active, completed or
 * failed); new rules give new ids. The key is in the hash so that identical
 * bytes at two paths (two documents in the store) are two pieces of work.
 */
export function jobId(rulesVersion: string, items: IngestItem[]): string {
  const pairs = items.map((it) => {
    const d = it.ok ? it.doc : it.failed;
    return `${d.docId}\t${documentKey(d.source)}`;
  });
  pairs.sort();
  const h = createHash("sha256").update(`pokazatel-job/1\n${rulesVersion}\n`);
  for (const p of pairs) h.update(p).update("\n");
  // a prefix: BullMQ refuses custom ids that look like integers
  return `b-${h.digest("hex")}`;
}

export function jobOptions(id: string): JobsOptions {
  return {
    jobId: id,
    attempts: ATTEMPTS,
    backoff: { type: "exponential", delay: BACKOFF_MS },
    // completed and failed jobs stay: their ids are what makes a second enqueue add nothing
    removeOnComplete: false,
    removeOnFail: false,
  };
}

export { failedLine, okLine, resultOf } from "../store/document-line.js";

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const strOrNull = (x: unknown) => x === null || typeof x === "string";

function validSource(s: unknown): boolean {
  return isObj(s) && strOrNull(s.path) && strOrNull(s.id) && strOrNull(s.url) && strOrNull(s.outlet) && strOrNull(s.title) && strOrNull(s.published);
}

/**
 * Checks one item of a job. A malformed item (a poison document: hand-made,
 * truncated, from another version) becomes a failed document of its own, so
 * the rest of its batch is still processed.
 */
export function checkItem(item: unknown, where: string): { ok: true; item: IngestItem } | { ok: false; failed: FailedDocument } {
  if (isObj(item)) {
    if (item.ok === true && isObj(item.doc)) {
      const d = item.doc;
      if (typeof d.docId === "string" && validSource(d.source) && typeof d.text === "string" && typeof d.format === "string") return { ok: true, item: item as IngestItem };
    } else if (item.ok === false && isObj(item.failed)) {
      const f = item.failed;
      if (typeof f.docId === "string" && validSource(f.source) && typeof f.code === "string" && typeof f.error === "string" && typeof f.format === "string") {
        return { ok: true, item: item as IngestItem };
      }
    }
  }
  // keep what identifies it, when it can be read
  const d = isObj(item) ? (isObj(item.doc) ? item.doc : isObj(item.failed) ? item.failed : item) : {};
  const source = validSource(d.source)
    ? (d.source as FailedDocument["source"])
    : { path: null, id: where, url: null, outlet: null, title: null, published: null };
  const docId = typeof d.docId === "string" ? d.docId : sha256(JSON.stringify(item) ?? "undefined");
  return {
    ok: false,
    failed: { docId, source, code: "queue.malformed", error: `${where}: not a document this worker can read`, format: typeof d.format === "string" ? d.format : "unknown" },
  };
}
