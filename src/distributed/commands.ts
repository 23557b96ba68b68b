/**
 * The `enqueue`, `worker` and `status` commands, as called by src/cli.ts:
 * each returns the exit status (0 ok, 1 some failed, 2 nothing done) and
 * prints messages that never hold a password.
 */
import type { CompiledRules } from "../rules/compile.js";
import { runEnqueue } from "./enqueue.js";
import { runWorker } from "./worker.js";
import { formatStatus, queueStatus } from "./status.js";
import { hidePasswords, messageOf } from "./redis.js";

type Say = (line: string) => void;

/** Errors that are the user's or the servers' (unreachable, refused): their message is enough, no stack. */
function known(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name;
  return name === "DistributedError" || name === "PostgresStoreError" || name === "OutletRulesError";
}

function fail(e: unknown, say: Say, secrets: string[]): number {
  let text = known(e) ? messageOf(e) : ((e as Error | null)?.stack ?? String(e));
  text = hidePasswords(text);
  for (const s of secrets) if (s) text = text.split(s).join("***");
  say(`pokazatel: ${text}`);
  return 2;
}

function passwordOf(url: string | undefined): string {
  if (!url) return "";
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return "";
  }
}

export interface EnqueueCommandOptions {
  redis: string;
  batch?: number;
  queue?: string;
  maxBytes?: number;
}

export async function enqueueCommand(inputs: string[], rules: CompiledRules, o: EnqueueCommandOptions, out: Say, say: Say): Promise<number> {
  try {
    const r = await runEnqueue({ inputs, rules, redis: o.redis, batch: o.batch, queue: o.queue, maxBytes: o.maxBytes });
    out(
      `pokazatel enqueue: ${r.documents} documents${r.unreadable ? ` (${r.unreadable} unreadable, queued to be recorded as failed)` : ""} in ${r.jobs} jobs: ${r.added} added, ${r.present} already in the queue → queue ${r.queue} at Redis ${r.redis}, rules ${r.rules_version}`,
    );
    if (r.documents === 0) {
      say("pokazatel: no documents found under the inputs");
      return 2;
    }
    return 0;
  } catch (e) {
    return fail(e, say, [passwordOf(o.redis)]);
  }
}

export interface WorkerCommandOptions {
  redis: string;
  db: string;
  concurrency?: number;
  queue?: string;
  timeout?: number;
  grace?: number;
}

export async function workerCommand(rules: CompiledRules, o: WorkerCommandOptions, say: Say): Promise<number> {
  try {
    const t = await runWorker({ rules, redis: o.redis, db: o.db, concurrency: o.concurrency, queue: o.queue, timeoutMs: o.timeout, graceMs: o.grace, log: say });
    say(
      `pokazatel worker: stopped after ${t.jobs} jobs: ${t.documents} documents (${t.failed} failed), ${t.records} records${t.returned ? `; ${t.returned} jobs given back to the queue` : ""}${t.jobErrors ? `; ${t.jobErrors} job failures` : ""}`,
    );
    return 0;
  } catch (e) {
    return fail(e, say, [passwordOf(o.redis), passwordOf(o.db)]);
  }
}

export interface StatusCommandOptions {
  redis: string;
  queue?: string;
  json?: boolean;
}

export async function statusCommand(o: StatusCommandOptions, out: Say, say: Say): Promise<number> {
  try {
    const s = await queueStatus({ redis: o.redis, queue: o.queue });
    out(o.json ? JSON.stringify(s) : formatStatus(s));
    return 0;
  } catch (e) {
    return fail(e, say, [passwordOf(o.redis)]);
  }
}
