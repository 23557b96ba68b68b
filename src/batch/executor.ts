import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import type { RawDocument } from "../core/document.js";
import type { CompiledRules } from "../rules/compile.js";
import { processDocument, type Outcome } from "./run-one.js";

/** Runs documents through the pipeline: in this thread, or on a pool of worker threads. */
export interface Executor {
  run(raw: RawDocument): Promise<Outcome>;
  close(): Promise<void>;
  /** Documents worth handing over at once (the rest wait with the caller): enough to keep every thread busy. */
  readonly capacity: number;
  /** Resolves when every thread has compiled its rules (or the pool has given up starting them). */
  ready(): Promise<void>;
  /**
   * Runs one document at once in this thread, when the executor can (the
   * in-process one): the caller then needs no queue, and no promise per
   * document for the pipeline. Null: this document goes through `run`.
   */
  runNow?(raw: RawDocument): Outcome | null;
}

/**
 * Text (UTF-16 units, about 1 MB of Russian) past which the in-process
 * executor runs a document on a worker thread of its own. In this thread the
 * time budget can only be checked between stages, so a stage that took
 * minutes on some text would hold the whole batch; a worker is stopped when
 * it overruns. News articles are a few thousand units; a text this long is a
 * digest, a dump or a table, where such shapes hide (bench:adversarial).
 */
export const ISOLATE_OVER = 1 << 19;

/**
 * One document at a time in this thread (no copying; the time budget is
 * checked between stages), but a text longer than `isolateOver` on one
 * worker thread, started when the first such text comes.
 */
export function inProcess(rules: CompiledRules, timeoutMs: number, opts: { isolateOver?: number; graceMs?: number } = {}): Executor {
  const over = opts.isolateOver ?? ISOLATE_OVER;
  let pool: Executor | null = null;
  const isolated = (raw: RawDocument) => (pool ??= workerPool(rules, 1, timeoutMs, { graceMs: opts.graceMs })).run(raw);
  return {
    run: async (raw) => (raw.text.length > over ? isolated(raw) : processDocument(raw, rules, timeoutMs)),
    runNow: (raw) => (raw.text.length > over ? null : processDocument(raw, rules, timeoutMs)),
    close: async () => {
      await pool?.close();
    },
    capacity: 2,
    ready: async () => {},
  };
}

/** Workers failing before they are ready, in a row, after which the pool gives up. */
const MAX_START_FAILURES = 3;

/**
 * Documents sent to a worker ahead of the one it is processing: it goes on
 * to the next without waiting for the main thread to answer (a round trip
 * per document left workers idle half the time).
 */
const DEPTH = 4;

function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  // under the TypeScript sources (tests), use the built worker
  return here.endsWith(".ts") ? fileURLToPath(new URL("../../dist/batch/document-worker.js", import.meta.url)) : fileURLToPath(new URL("./document-worker.js", import.meta.url));
}

interface Job {
  seq: number;
  raw: RawDocument;
  resolve: (o: Outcome) => void;
}

interface Slot {
  worker: Worker;
  /** The worker has compiled its rules. */
  ready: boolean;
  /** Documents sent to it, oldest first: it processes them in that order. */
  sent: Job[];
  /** Fires when the worker has given no outcome for a time budget (plus a grace second) while it has documents. */
  timer: NodeJS.Timeout | null;
}

/**
 * A pool of worker threads. Each worker gets up to DEPTH documents ahead and
 * processes them in order. A worker that gives no outcome within a
 * document's time budget (plus `graceMs`, a second by default: the worker
 * checks the budget itself between stages) is stuck on its oldest
 * document: the worker is terminated and replaced, that document fails
 * alone with `pipeline.timeout`, and the others it held go to the next
 * free worker.
 */
export function workerPool(rules: CompiledRules, size: number, timeoutMs: number, opts: { graceMs?: number } = {}): Executor {
  const graceMs = opts.graceMs ?? 1000;
  const slots: Slot[] = [];
  /** Documents not yet sent to a worker, in order. */
  const queue: Job[] = [];
  let seq = 0;
  let closed = false;
  /** Workers that failed before they were ready, in a row; past MAX_START_FAILURES the pool gives up. */
  let startFailures = 0;
  let broken: string | null = null;
  let allReady: () => void = () => {};
  const started = new Promise<void>((resolve) => (allReady = resolve));
  const fail = (jobs: Job[], code: string, error: string) => {
    for (const j of jobs) j.resolve({ ok: false, code, error });
  };
  const spawn = (): Slot => {
    const worker = new Worker(workerFile(), { workerData: { rulesDir: rules.dir, rulesVersion: rules.version } });
    const slot: Slot = { worker, ready: false, sent: [], timer: null };
    worker.on("message", (m: { seq: number; outcome: Outcome; ready?: boolean }) => {
      if (m.ready) {
        slot.ready = true;
        startFailures = 0;
        if (slots.every((s) => s.ready)) allReady();
        pump();
        return;
      }
      const i = slot.sent.findIndex((j) => j.seq === m.seq);
      if (i < 0) return;
      const [job] = slot.sent.splice(i, 1);
      job.resolve(m.outcome);
      watch(slot);
      pump();
    });
    worker.on("error", (e) => {
      const lost = slot.sent.splice(0);
      stopWatch(slot);
      // a worker that cannot even start (its rules changed under the run, say) would fail again:
      // after a few in a row, every document still to come fails with the reason instead of waiting forever
      if (!slot.ready && ++startFailures >= MAX_START_FAILURES) {
        broken = `worker threads cannot start: ${e.message}`;
        allReady();
        fail([...lost, ...queue.splice(0)], "pipeline.worker_error", broken);
        void slot.worker.terminate();
        return;
      }
      // the oldest was being processed; the others had not started
      if (lost.length) {
        fail(lost.slice(0, 1), "pipeline.worker_error", e.message);
        queue.unshift(...lost.slice(1));
      }
      replace(slot);
    });
    return slot;
  };
  const stopWatch = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  };
  /** (Re)starts the slot's watch from now, while it holds documents. */
  const watch = (slot: Slot) => {
    stopWatch(slot);
    if (!slot.sent.length) return;
    slot.timer = setTimeout(() => {
      slot.timer = null;
      const [stuck, ...rest] = slot.sent.splice(0);
      if (!stuck) return;
      fail([stuck], "pipeline.timeout", `took longer than ${timeoutMs} ms; its worker was stopped`);
      queue.unshift(...rest);
      replace(slot);
    }, timeoutMs + graceMs);
  };
  const replace = (slot: Slot) => {
    const i = slots.indexOf(slot);
    stopWatch(slot);
    void slot.worker.terminate();
    if (closed || i < 0) return;
    slots[i] = spawn();
  };
  /** Sends waiting documents to ready workers, the least loaded first, up to DEPTH each. */
  const pump = () => {
    while (queue.length) {
      let best: Slot | null = null;
      for (const s of slots) if (s.ready && s.sent.length < DEPTH && (!best || s.sent.length < best.sent.length)) best = s;
      if (!best) return;
      const job = queue.shift()!;
      const idle = best.sent.length === 0;
      best.sent.push(job);
      best.worker.postMessage({ seq: job.seq, raw: job.raw, timeoutMs });
      if (idle) watch(best);
    }
  };
  for (let i = 0; i < size; i++) slots.push(spawn());
  return {
    run(raw) {
      if (broken) return Promise.resolve({ ok: false, code: "pipeline.worker_error", error: broken });
      return new Promise<Outcome>((resolve) => {
        queue.push({ seq: ++seq, raw, resolve });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const s of slots) stopWatch(s);
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
    capacity: size * (DEPTH + 1),
    ready: () => started,
  };
}
