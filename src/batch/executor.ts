import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import type { RawDocument } from "../core/document.js";
import type { CompiledRules } from "../rules/compile.js";
import { processDocument, type Outcome } from "./run-one.js";

/** Runs documents through the pipeline: in this thread, or on a pool of worker threads. */
export interface Executor {
  run(raw: RawDocument): Promise<Outcome>;
  close(): Promise<void>;
}

/** One document at a time in this thread (no copying; the time budget is checked between stages). */
export function inProcess(rules: CompiledRules, timeoutMs: number): Executor {
  return {
    run: async (raw) => processDocument(raw, rules, timeoutMs),
    close: async () => {},
  };
}

/** Workers failing before they are ready, in a row, after which the pool gives up. */
const MAX_START_FAILURES = 3;

function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  // under the TypeScript sources (tests), use the built worker
  return here.endsWith(".ts") ? fileURLToPath(new URL("../../dist/batch/document-worker.js", import.meta.url)) : fileURLToPath(new URL("./document-worker.js", import.meta.url));
}

interface Slot {
  worker: Worker;
  /** Handed to a caller (set at once, so two callers never share a slot); also set while its worker starts. */
  reserved: boolean;
  busy: { seq: number; resolve: (o: Outcome) => void; timer: NodeJS.Timeout } | null;
}

/**
 * A pool of worker threads, one document each at a time. A document that
 * overruns its time budget (plus a grace second) has its worker terminated
 * and replaced: it fails alone with `pipeline.timeout`.
 */
export function workerPool(rules: CompiledRules, size: number, timeoutMs: number): Executor {
  const slots: Slot[] = [];
  const waiting: Array<(s: Slot | null) => void> = [];
  let seq = 0;
  let closed = false;
  /** Workers that failed before they were ready, in a row; past MAX_START_FAILURES the pool gives up. */
  let startFailures = 0;
  let broken: string | null = null;
  const spawn = (): Slot => {
    const worker = new Worker(workerFile(), { workerData: { rulesDir: rules.dir, rulesVersion: rules.version } });
    // reserved until the worker has compiled its rules and says it is ready
    const slot: Slot = { worker, reserved: true, busy: null };
    let ready = false;
    worker.on("message", (m: { seq: number; outcome: Outcome; ready?: boolean }) => {
      if (m.ready) {
        ready = true;
        startFailures = 0;
        release(slot);
        return;
      }
      const b = slot.busy;
      if (!b || b.seq !== m.seq) return;
      clearTimeout(b.timer);
      slot.busy = null;
      b.resolve(m.outcome);
      release(slot);
    });
    worker.on("error", (e) => {
      const b = slot.busy;
      slot.busy = null;
      if (b) {
        clearTimeout(b.timer);
        b.resolve({ ok: false, code: "pipeline.worker_error", error: e.message });
      }
      // a worker that cannot even start (its rules changed under the run, say) would fail again:
      // after a few in a row, every document still to come fails with the reason instead of waiting forever
      if (!ready && ++startFailures >= MAX_START_FAILURES) {
        broken = `worker threads cannot start: ${e.message}`;
        for (const w of waiting.splice(0)) w(null);
        void slot.worker.terminate();
        return;
      }
      replace(slot);
    });
    return slot;
  };
  const release = (slot: Slot) => {
    slot.reserved = false;
    const next = waiting.shift();
    if (next) {
      slot.reserved = true;
      next(slot);
    }
  };
  const replace = (slot: Slot) => {
    const i = slots.indexOf(slot);
    void slot.worker.terminate();
    if (closed || i < 0) return;
    slots[i] = spawn();
  };
  for (let i = 0; i < size; i++) slots.push(spawn());
  const acquire = (): Promise<Slot | null> => {
    if (broken) return Promise.resolve(null);
    const free = slots.find((s) => !s.reserved);
    if (free) free.reserved = true;
    return free ? Promise.resolve(free) : new Promise((r) => waiting.push(r));
  };
  return {
    async run(raw) {
      const slot = await acquire();
      if (!slot) return { ok: false, code: "pipeline.worker_error", error: broken ?? "worker threads are gone" };
      return new Promise<Outcome>((resolve) => {
        const mySeq = ++seq;
        const timer = setTimeout(() => {
          if (slot.busy?.seq !== mySeq) return;
          slot.busy = null;
          resolve({ ok: false, code: "pipeline.timeout", error: `took longer than ${timeoutMs} ms; its worker was stopped` });
          replace(slot);
        }, timeoutMs + 1000);
        slot.busy = { seq: mySeq, resolve, timer };
        slot.worker.postMessage({ seq: mySeq, raw, timeoutMs });
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
