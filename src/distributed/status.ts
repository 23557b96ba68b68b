import { Queue } from "bullmq";
import { DEFAULT_QUEUE, type BatchSummary } from "./jobs.js";
import { closeRedis, connectRedis, DistributedError, messageOf, parseRedisUrl, scrub } from "./redis.js";

export interface StatusOptions {
  redis: string;
  queue?: string;
  prefix?: string;
  /** The rate is measured over jobs finished in this many last minutes (default 5). */
  minutes?: number;
  /** Failed jobs listed with their reason (default 10). */
  failures?: number;
}

export interface QueueStatus {
  queue: string;
  redis: string;
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  prioritized: number;
  /** Workers connected to the queue now (null when Redis does not say). */
  workers: number | null;
  rate: {
    /** The span the rate is measured over, seconds (up to `minutes`; shorter when fewer jobs finished). */
    window_s: number;
    jobs: number;
    documents: number;
    jobs_per_min: number;
    documents_per_s: number;
  };
  failures: { id: string; attempts: number; reason: string; finished: string | null }[];
}

/** How far the newest completed jobs are read back for the rate. */
const RATE_SAMPLE = 2_000;

/** Counts of a queue's jobs by state, the recent rate, and the newest failures with their reasons. */
export async function queueStatus(opts: StatusOptions): Promise<QueueStatus> {
  const target = parseRedisUrl(opts.redis);
  const queueName = opts.queue ?? DEFAULT_QUEUE;
  const minutes = opts.minutes ?? 5;
  const connection = await connectRedis(target);
  const queue = new Queue(queueName, { connection, prefix: opts.prefix });
  queue.on("error", () => undefined);
  try {
    const c = await queue.getJobCounts("waiting", "active", "delayed", "completed", "failed", "prioritized");
    let workers: number | null = null;
    try {
      workers = await queue.getWorkersCount();
    } catch {
      workers = null;
    }
    // the rate: completed jobs finished within the window (newest first)
    const now = Date.now();
    const since = now - minutes * 60_000;
    const recent = await queue.getJobs(["completed"], 0, RATE_SAMPLE - 1, false);
    let jobs = 0;
    let documents = 0;
    let oldest = now;
    for (const j of recent) {
      if (!j.finishedOn || j.finishedOn < since) continue;
      jobs++;
      documents += (j.returnvalue as BatchSummary | null)?.documents ?? 0;
      oldest = Math.min(oldest, j.finishedOn);
    }
    // a full sample covers less than the window: measure over what it covers
    const windowMs = jobs >= RATE_SAMPLE ? Math.max(1_000, now - oldest) : minutes * 60_000;
    const failedJobs = await queue.getJobs(["failed"], 0, Math.max(0, (opts.failures ?? 10) - 1), false);
    return {
      queue: queueName,
      redis: target.label,
      // priorities are not used; were they, prioritized jobs wait too
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      completed: c.completed ?? 0,
      failed: c.failed ?? 0,
      prioritized: c.prioritized ?? 0,
      workers,
      rate: {
        window_s: Math.round(windowMs / 1000),
        jobs,
        documents,
        jobs_per_min: +((jobs * 60_000) / windowMs).toFixed(2),
        documents_per_s: +((documents * 1000) / windowMs).toFixed(2),
      },
      failures: failedJobs.filter(Boolean).map((j) => ({
        id: String(j.id),
        attempts: j.attemptsMade,
        reason: scrub(j.failedReason ?? "", target.password),
        finished: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
      })),
    };
  } catch (e) {
    if (e instanceof DistributedError) throw e;
    throw new DistributedError(`status of queue ${queueName} at Redis ${target.label}: ${scrub(messageOf(e), target.password)}`);
  } finally {
    await queue.close().catch(() => undefined);
    await closeRedis(connection);
  }
}

/** The status for people. */
export function formatStatus(s: QueueStatus): string {
  const lines = [
    `queue ${s.queue} at Redis ${s.redis}${s.workers === null ? "" : `, ${s.workers} worker${s.workers === 1 ? "" : "s"} connected`}`,
    `  waiting ${s.waiting}, active ${s.active}, delayed ${s.delayed}, completed ${s.completed}, failed ${s.failed}`,
    `  rate: ${s.rate.jobs_per_min} jobs/min, ${s.rate.documents_per_s} documents/s (${s.rate.jobs} jobs finished in the last ${Math.round(s.rate.window_s / 60) || 1} min)`,
  ];
  for (const f of s.failures) lines.push(`  failed ${f.id} after ${f.attempts} attempt${f.attempts === 1 ? "" : "s"}: ${f.reason}`);
  if (s.failed > s.failures.length) lines.push(`  … and ${s.failed - s.failures.length} more failed jobs`);
  return lines.join("\n");
}
