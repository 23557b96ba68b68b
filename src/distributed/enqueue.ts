import { existsSync } from "node:fs";
import { join } from "node:path";
import { Queue } from "bullmq";
import type { IngestItem } from "../core/document.js";
import type { CompiledRules } from "../rules/compile.js";
import { ingest } from "../stages/ingest/index.js";
import { DEFAULT_BATCH, DEFAULT_QUEUE, JOB_NAME, MAX_JOB_CHARS, jobId, jobOptions, type BatchData } from "./jobs.js";
import { closeRedis, connectRedis, DistributedError, messageOf, parseRedisUrl, scrub } from "./redis.js";

export interface EnqueueOptions {
  inputs: string[];
  redis: string;
  rules: CompiledRules;
  /** Documents per job (default 50). */
  batch?: number;
  queue?: string;
  /** Key prefix in Redis (BullMQ's default `bull`). */
  prefix?: string;
  maxBytes?: number;
  /** Called after each job is offered to the queue. */
  onJob?: (added: boolean, jobs: number, documents: number) => void;
}

export interface EnqueueReport {
  queue: string;
  /** Where the queue is: `host:port/db` (no credentials). */
  redis: string;
  rules_version: string;
  documents: number;
  /** Of the documents, those ingest could not read: they travel as failed documents and are recorded as such. */
  unreadable: number;
  jobs: number;
  added: number;
  /** Jobs whose id the queue already had (waiting, active, completed or failed): no work added. */
  present: number;
}

function outletsFile(rules: CompiledRules): string | undefined {
  const f = join(rules.dir, "outlets.yaml");
  return existsSync(f) ? f : undefined;
}

/**
 * Streams the inputs through ingest and adds one BullMQ job per batch of
 * documents. Idempotent: a job whose id (from its documents and the rules
 * version) is already in the queue is not added again.
 */
export async function runEnqueue(opts: EnqueueOptions): Promise<EnqueueReport> {
  const target = parseRedisUrl(opts.redis);
  const batchSize = Math.max(1, opts.batch ?? DEFAULT_BATCH);
  const queueName = opts.queue ?? DEFAULT_QUEUE;
  const version = opts.rules.version;
  const report: EnqueueReport = { queue: queueName, redis: target.label, rules_version: version, documents: 0, unreadable: 0, jobs: 0, added: 0, present: 0 };
  const connection = await connectRedis(target);
  const queue = new Queue<BatchData>(queueName, { connection, prefix: opts.prefix });
  queue.on("error", () => undefined);
  const offer = async (items: IngestItem[]) => {
    const id = jobId(version, items);
    const data: BatchData = { v: 1, rulesVersion: version, seq: report.jobs, items };
    report.jobs++;
    // BullMQ ignores an add whose id exists; asking first only tells the two cases apart in the counts
    const state = await queue.getJobState(id);
    if (state === "unknown") {
      await queue.add(JOB_NAME, data, jobOptions(id));
      report.added++;
    } else report.present++;
    opts.onJob?.(state === "unknown", report.jobs, report.documents);
  };
  try {
    let batch: IngestItem[] = [];
    let chars = 0;
    for await (const item of ingest(opts.inputs, { maxBytes: opts.maxBytes, outlets: outletsFile(opts.rules) }) as AsyncGenerator<IngestItem>) {
      report.documents++;
      if (!item.ok) report.unreadable++;
      const size = item.ok ? item.doc.text.length : 0;
      if (batch.length && chars + size > MAX_JOB_CHARS) {
        await offer(batch);
        batch = [];
        chars = 0;
      }
      batch.push(item);
      chars += size;
      if (batch.length >= batchSize) {
        await offer(batch);
        batch = [];
        chars = 0;
      }
    }
    if (batch.length) await offer(batch);
  } catch (e) {
    if (e instanceof DistributedError) throw e;
    const msg = scrub(messageOf(e), target.password);
    // a Redis failure mid-way; other errors (bad outlets file) keep their own type
    if ((e as { name?: string }).name === "OutletRulesError") throw e;
    throw new DistributedError(`enqueue to queue ${queueName} at Redis ${target.label} stopped after ${report.jobs} jobs: ${msg}`);
  } finally {
    await queue.close().catch(() => undefined);
    await closeRedis(connection);
  }
  return report;
}
