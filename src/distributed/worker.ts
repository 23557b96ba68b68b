import { hostname } from "node:os";
import { Worker, UnrecoverableError, WaitingError, type Job } from "bullmq";
import type { CompiledRules } from "../rules/compile.js";
import type { DocumentResult, Store } from "../store/store.js";
import { workerPool, type Executor } from "../batch/executor.js";
import { PostgresStore } from "../store/postgres-store.js";
import {
  DEFAULT_QUEUE,
  LOCK_DURATION_MS,
  MAX_STALLED,
  STALLED_INTERVAL_MS,
  checkItem,
  failedLine,
  resultOf,
  type BatchSummary,
  type JobData,
} from "./jobs.js";
import { closeRedis, connectRedis, DistributedError, messageOf, parseRedisUrl, scrub } from "./redis.js";

export interface WorkerOptions {
  redis: string;
  /** PostgreSQL URL (`postgres://…`, `?schema=` honoured) where results go; or give `store`. */
  db?: string;
  /** An open store to write to instead of `db` (closed when the worker stops). */
  store?: Store;
  rules: CompiledRules;
  /** Jobs processed at once by this process, each on its own worker thread (default 1). */
  concurrency?: number;
  queue?: string;
  prefix?: string;
  /** Time budget per document, ms (default 10 000); an overrun fails that document alone. */
  timeoutMs?: number;
  /** After SIGTERM/SIGINT, how long a job in progress may run on before it is given back to the queue, ms (default 10 000). */
  graceMs?: number;
  /** Stop on SIGTERM and SIGINT (default true). */
  signals?: boolean;
  /** A line for people (stderr). */
  log?: (line: string) => void;
}

export interface WorkerTotals {
  jobs: number;
  documents: number;
  records: number;
  failed: number;
  /** Jobs given back to the queue at shutdown. */
  returned: number;
  /** Jobs that failed (refused or errors); BullMQ retries them. */
  jobErrors: number;
}

export interface WorkerHandle {
  /** `host:pid`, also stored on each job BullMQ gives this worker (`processedBy`). */
  readonly name: string;
  readonly totals: WorkerTotals;
  /** Stops taking jobs, finishes (or after the grace period returns) the current ones, closes the store and Redis connections. Calling it again shortens the grace to nothing. */
  stop(): Promise<WorkerTotals>;
  /** Settles once stopped. */
  readonly stopped: Promise<WorkerTotals>;
}

let instances = 0;

/** True when a store error means the database cannot be reached (retrying the job later may help), not that it refused these rows. */
function unreachable(e: unknown): boolean {
  return /unreachable|after close\(\)/i.test(messageOf(e));
}

/**
 * Writes a job's results in one transaction. If the store refuses the batch
 * for a reason other than a lost database, the documents are written one by
 * one and one it refuses becomes a failed document: a poison document fails
 * alone, not its batch. Returns how many documents were refused.
 */
async function commit(store: Store, results: DocumentResult[]): Promise<number> {
  try {
    await store.put(results);
    return 0;
  } catch (e) {
    if (unreachable(e) || results.length === 0) throw e;
  }
  let refused = 0;
  for (const r of results) {
    try {
      await store.put([r]);
    } catch (e) {
      if (unreachable(e)) throw e;
      refused++;
      const document = { ...r.document, status: "failed" as const, records: 0, error: `store.refused: ${messageOf(e)}` };
      await store.put([{ document, records: [], rulesVersion: r.rulesVersion }]);
    }
  }
  return refused;
}

/**
 * Starts a BullMQ worker on the queue: each job's documents go through the
 * pipeline (processDocument on worker threads, with a hard time budget per
 * document) and its results into the store in one transaction. The store
 * replaces documents by key, so a job run twice (at-least-once delivery)
 * leaves each record once.
 */
export async function startWorker(opts: WorkerOptions): Promise<WorkerHandle> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const target = parseRedisUrl(opts.redis);
  const rules = opts.rules;
  const version = rules.version;
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const graceMs = Math.max(0, opts.graceMs ?? 10_000);
  const queueName = opts.queue ?? DEFAULT_QUEUE;
  instances++;
  const name = `${hostname()}:${process.pid}${instances > 1 ? `#${instances}` : ""}`;
  const secrets = [target.password, ...(opts.db ? [safePassword(opts.db)] : [])];
  const clean = (t: string) => scrub(t, ...secrets);
  const totals: WorkerTotals = { jobs: 0, documents: 0, records: 0, failed: 0, returned: 0, jobErrors: 0 };

  // Redis first: it fails fast, and a worker that cannot get jobs has no business migrating the database
  const connection = await connectRedis(target);
  let store: Store;
  try {
    if (opts.store) store = opts.store;
    else if (opts.db && /^postgres(ql)?:\/\//.test(opts.db)) store = await PostgresStore.open(opts.db);
    else throw new DistributedError(`--db: give a postgres://… URL${opts.db ? `, not ${clean(opts.db)}` : ""}`);
  } catch (e) {
    await closeRedis(connection);
    throw e;
  }
  const executor: Executor = workerPool(rules, concurrency, timeoutMs);

  // each thread compiles the rules when it starts: have that done before the first job, so "ready" means ready
  await executor.ready();

  let stopping = false;
  let deadline = Infinity;

  const processor = async (job: Job<JobData, BatchSummary>, token?: string): Promise<BatchSummary> => {
    const data = job.data as unknown as Record<string, unknown> | null;
    const label = `job ${job.id}`;
    if (!data || typeof data !== "object" || typeof data.rulesVersion !== "string") throw new UnrecoverableError(`${label} is malformed: it carries no rules version`);
    if (data.rulesVersion !== version) {
      throw new UnrecoverableError(
        `rules version mismatch: the job was enqueued with rules ${data.rulesVersion}, worker ${name} has rules ${version} (${rules.dir}); run workers on rules ${data.rulesVersion}, or enqueue the input again with rules ${version}`,
      );
    }
    // an earlier attempt committed the results, and then lost the job before BullMQ marked it completed
    if (data.done === true) return data.summary as BatchSummary;
    if (!Array.isArray(data.items)) throw new UnrecoverableError(`${label} is malformed: it carries no documents`);
    const t0 = Date.now();
    const results: DocumentResult[] = [];
    let failed = 0;
    for (const [i, item] of (data.items as unknown[]).entries()) {
      if (stopping && Date.now() >= deadline && token) {
        // shutting down: the job goes back to the waiting list for another worker (no attempt used)
        await job.moveToWait(token);
        totals.returned++;
        log(`pokazatel worker: ${label} given back to the queue at shutdown (${i} of ${data.items.length} documents done, not stored)`);
        throw new WaitingError();
      }
      const checked = checkItem(item, `${label} item ${i}`);
      if (!checked.ok) {
        results.push({ document: failedLine(checked.failed), records: [], rulesVersion: version });
        failed++;
      } else if (!checked.item.ok) {
        results.push({ document: failedLine(checked.item.failed), records: [], rulesVersion: version });
        failed++;
      } else {
        const outcome = await executor.run(checked.item.doc);
        if (!outcome.ok) failed++;
        results.push(resultOf(checked.item.doc, outcome, version));
      }
    }
    let refused: number;
    const t1 = Date.now();
    try {
      refused = await commit(store, results);
    } catch (e) {
      // the job fails and BullMQ retries it with backoff
      throw new Error(clean(messageOf(e)));
    }
    const summary: BatchSummary = {
      documents: results.length,
      records: results.reduce((n, r) => n + r.records.length, 0),
      failed: failed + refused,
      ms: Date.now() - t0,
      store_ms: Date.now() - t1,
      worker: name,
    };
    // the texts need not stay in Redis; a retry of a committed job (its completion lost) just returns the summary
    await job.updateData({ v: 1, rulesVersion: version, seq: typeof data.seq === "number" ? data.seq : -1, done: true, summary });
    return summary;
  };

  const worker = new Worker<JobData, BatchSummary>(queueName, processor, {
    connection,
    prefix: opts.prefix,
    name,
    concurrency,
    lockDuration: LOCK_DURATION_MS,
    stalledInterval: STALLED_INTERVAL_MS,
    maxStalledCount: MAX_STALLED,
    metrics: { maxDataPoints: 60 * 24 * 7 },
  });
  let lastError = 0;
  worker.on("error", (e) => {
    // Redis hiccups repeat every few hundred ms while it is away: one line per 10 s
    if (Date.now() - lastError < 10_000) return;
    lastError = Date.now();
    log(`pokazatel worker: ${clean(messageOf(e))}`);
  });
  worker.on("completed", (job, s) => {
    totals.jobs++;
    totals.documents += s.documents;
    totals.records += s.records;
    totals.failed += s.failed;
    log(`pokazatel worker: job ${String(job.id).slice(0, 18)}… done: ${s.documents} documents, ${s.records} records, ${s.failed} failed in ${(s.ms / 1000).toFixed(2)} s`);
  });
  worker.on("failed", (job, e) => {
    if (!job) return;
    totals.jobErrors++;
    const retry = job.attemptsMade < (job.opts.attempts ?? 1) && !(e instanceof UnrecoverableError) ? ", will be retried" : ", left in the failed set";
    log(`pokazatel worker: job ${job.id} failed (attempt ${job.attemptsMade} of ${job.opts.attempts ?? 1}${retry}): ${clean(e.message)}`);
  });

  let resolveStopped!: (t: WorkerTotals) => void;
  const stopped = new Promise<WorkerTotals>((r) => (resolveStopped = r));
  let closing: Promise<WorkerTotals> | null = null;
  const onSignal = (sig: NodeJS.Signals) => {
    log(`pokazatel worker: ${sig}: ${stopping ? "giving the current job back now" : `finishing the current job (given back after ${graceMs / 1000} s)`}`);
    void handle.stop();
  };
  const signals = opts.signals ?? true;
  if (signals) {
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
  }

  const handle: WorkerHandle = {
    name,
    totals,
    stopped,
    stop() {
      if (stopping) deadline = Date.now();
      else {
        stopping = true;
        deadline = Date.now() + graceMs;
      }
      closing ??= (async () => {
        try {
          await worker.close();
        } finally {
          await executor.close().catch(() => undefined);
          await store.close().catch(() => undefined);
          await closeRedis(connection);
          if (signals) {
            process.off("SIGTERM", onSignal);
            process.off("SIGINT", onSignal);
          }
          resolveStopped(totals);
        }
        return totals;
      })();
      return closing;
    },
  };

  try {
    await worker.waitUntilReady();
  } catch (e) {
    await handle.stop().catch(() => undefined);
    throw new DistributedError(`Redis at ${target.label}: ${clean(messageOf(e))}`);
  }
  log(`pokazatel worker ${name}: ready on queue ${queueName} at Redis ${target.label}, rules ${version}, ${concurrency} at a time → ${store.where}`);
  return handle;
}

/** The password of a URL, for scrubbing ("" when none or unreadable). */
function safePassword(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return "";
  }
}

/** Runs a worker until SIGTERM or SIGINT; resolves with what it did once everything is closed. */
export async function runWorker(opts: WorkerOptions): Promise<WorkerTotals> {
  const w = await startWorker({ ...opts, signals: true });
  return w.stopped;
}
