import { afterAll, describe, expect, it } from "vitest";
import { compileRules } from "../../src/rules/compile.js";
import { startWorker } from "../../src/distributed/worker.js";
import { jobOptions, ATTEMPTS, type BatchData, type DoneData } from "../../src/distributed/jobs.js";
import { ingest } from "../../src/stages/ingest/index.js";
import type { IngestItem } from "../../src/core/document.js";
import type { Store } from "../../src/store/store.js";
import { cli, copyRules, corpus, dropSchema, openQueue, REDIS_URL, schemaUrl, servicesMissing, spawnWorker, sql, tmp, unique, until } from "./services.js";

const missing = await servicesMissing("tests/distributed/queue.test.ts");
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

/** A queue of its own, obliterated after the tests. */
function testQueue() {
  const name = unique("q");
  const q = openQueue(name);
  cleanups.push(() => q.close());
  return { name, queue: q.queue };
}

function testSchema() {
  const schema = unique("dist");
  cleanups.push(() => dropSchema(schema));
  return { schema, url: schemaUrl(schema) };
}

async function items(dir: string): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const it of ingest([dir])) out.push(it);
  return out;
}

const quiet = () => undefined;

describe.skipIf(missing)(`enqueue and status${missing ? ` (SKIPPED: ${missing})` : ""}`, () => {
  it("enqueueing the same input twice adds no duplicate work; other rules make other jobs", async () => {
    const { name, queue } = testQueue();
    const rules = copyRules();
    // five seeds and one unreadable file: 6 documents, 3 jobs of 2
    const input = corpus({ extra: { "empty.txt": "" } });
    const args = ["enqueue", input, "--redis", REDIS_URL, "--queue", name, "--rules", rules, "--batch", "2"];
    const first = cli(args);
    expect(first.status, first.all).toBe(0);
    expect(first.stdout).toMatch(/6 documents \(1 unreadable.*\) in 3 jobs: 3 added, 0 already in the queue/);
    const second = cli(args);
    expect(second.status, second.all).toBe(0);
    expect(second.stdout).toMatch(/6 documents .* in 3 jobs: 0 added, 3 already in the queue/);
    expect(await queue.getJobCounts("waiting", "active", "completed", "failed", "delayed")).toEqual({ waiting: 3, active: 0, completed: 0, failed: 0, delayed: 0 });

    // each job carries its documents (or the ingest failure) and the rules version; its id comes from them
    const version = compileRules(rules).version;
    const jobs = await queue.getJobs(["waiting"]);
    const data = jobs.map((j) => j.data as BatchData);
    expect(data.every((d) => d.rulesVersion === version)).toBe(true);
    expect(data.flatMap((d) => d.items).length).toBe(6);
    const failedItems = data.flatMap((d) => d.items).filter((i) => !i.ok);
    expect(failedItems.map((i) => (!i.ok ? i.failed.code : ""))).toEqual(["ingest.empty"]);
    expect(jobs.every((j) => /^b-[0-9a-f]{64}$/.test(String(j.id)))).toBe(true);
    expect(jobs.every((j) => j.opts.attempts === ATTEMPTS && (j.opts.backoff as { type: string }).type === "exponential")).toBe(true);

    // status, for people and as JSON
    const st = cli(["status", "--redis", REDIS_URL, "--queue", name, "--json"]);
    expect(st.status, st.all).toBe(0);
    expect(JSON.parse(st.stdout)).toMatchObject({ queue: name, waiting: 3, active: 0, completed: 0, failed: 0, delayed: 0 });
    const text = cli(["status", "--redis", REDIS_URL, "--queue", name]);
    expect(text.stdout).toMatch(/waiting 3, active 0, delayed 0, completed 0, failed 0/);
    expect(text.stdout).toMatch(/rate: .* jobs\/min/);

    // new rules: the same documents are new work
    const other = copyRules("another version");
    const third = cli(["enqueue", input, "--redis", REDIS_URL, "--queue", name, "--rules", other, "--batch", "2"]);
    expect(third.stdout).toMatch(/in 3 jobs: 3 added, 0 already/);
    expect(await queue.getWaitingCount()).toBe(6);
  });

  it("exits 2 with nothing to enqueue or no server, and never prints a password", async () => {
    const { name } = testQueue();
    const empty = tmp("empty");
    const none = cli(["enqueue", empty, "--redis", REDIS_URL, "--queue", name]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no documents/);

    const secret = "s3cr3t-Pa55";
    const never = unique("never");
    cleanups.push(() => dropSchema(never));
    const badRedis = `redis://user:${secret}@127.0.0.1:1/0`;
    for (const args of [
      ["enqueue", corpus(), "--redis", badRedis],
      ["status", "--redis", badRedis, "--json"],
      ["worker", "--redis", badRedis, "--db", schemaUrl(never)],
      ["worker", "--redis", REDIS_URL, "--db", `postgres://user:${secret}@127.0.0.1:1/test`],
    ]) {
      const r = cli(args);
      expect(r.status, `${args[0]}: ${r.all}`).toBe(2);
      expect(r.all).toMatch(/cannot connect to Redis|PostgreSQL .* is unreachable/);
      expect(r.all).not.toContain(secret);
    }
    // a worker that cannot reach Redis does not touch the database
    expect(await sql(`SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`, [never])).toEqual([]);
  });
});

describe.skipIf(missing)(`worker${missing ? ` (SKIPPED: ${missing})` : ""}`, () => {
  it("refuses a job enqueued with other rules, with a reason that names both versions", async () => {
    const { name, queue } = testQueue();
    const { url } = testSchema();
    const enqRules = copyRules();
    const workerRules = compileRules(copyRules("a changed comment changes the version"));
    const enqVersion = compileRules(enqRules).version;
    expect(workerRules.version).not.toBe(enqVersion);
    expect(cli(["enqueue", corpus(), "--redis", REDIS_URL, "--queue", name, "--rules", enqRules, "--batch", "5"]).status).toBe(0);

    const w = await startWorker({ redis: REDIS_URL, db: url, rules: workerRules, queue: name, signals: false, log: quiet });
    try {
      const [job] = await until("the job to fail", async () => {
        const f = await queue.getJobs(["failed"]);
        return f.length ? f : null;
      });
      expect(job.failedReason).toMatch(/rules version mismatch/);
      expect(job.failedReason).toContain(enqVersion);
      expect(job.failedReason).toContain(workerRules.version);
      // refused at once (UnrecoverableError): no retries, and it stays in the failed set
      expect(job.attemptsMade).toBe(1);
      expect(await queue.getJobCounts("waiting", "delayed", "completed")).toEqual({ waiting: 0, delayed: 0, completed: 0 });
    } finally {
      await w.stop();
    }
    const st = JSON.parse(cli(["status", "--redis", REDIS_URL, "--queue", name, "--json"]).stdout);
    expect(st.failed).toBe(1);
    expect(st.failures[0].reason).toContain(enqVersion);
  });

  it("a poison document fails alone: the rest of its batch is stored, the job completes", async () => {
    const { name, queue } = testQueue();
    const { schema, url } = testSchema();
    const rules = compileRules(copyRules());
    const good = await items(corpus({ extra: { "broken.txt": Buffer.from([0, 1, 2, 0]) } }));
    expect(good.filter((i) => !i.ok)).toHaveLength(1);
    const poison = { ok: true, doc: { docId: "f".repeat(64), source: { path: "poison.txt", id: null, url: null, outlet: null, title: null, published: null }, text: 42, format: "txt" } };
    const data = { v: 1, rulesVersion: rules.version, seq: 0, items: [...good.slice(0, 3), poison, ...good.slice(3)] };
    await queue.add("documents", data as unknown as BatchData, jobOptions("b-poison"));

    const w = await startWorker({ redis: REDIS_URL, db: url, rules, queue: name, signals: false, log: quiet });
    try {
      await until("the job to complete", async () => (await queue.getCompletedCount()) === 1);
    } finally {
      await w.stop();
    }
    const job = (await queue.getJob("b-poison"))!;
    expect(job.returnvalue).toMatchObject({ documents: 7, failed: 2 });
    // the texts are not kept in Redis once the results are stored
    expect((job.data as unknown as DoneData).done).toBe(true);
    expect("items" in job.data).toBe(false);

    const docs = await sql<{ path: string; status: string; error: string | null; records: number }>(`SELECT path, status, error, records FROM "${schema}".documents ORDER BY path`);
    expect(docs).toHaveLength(7);
    const byPath = new Map(docs.map((d) => [d.path, d]));
    expect(byPath.get("poison.txt")).toMatchObject({ status: "failed" });
    expect(byPath.get("poison.txt")!.error).toMatch(/^queue\.malformed: /);
    expect(byPath.get("broken.txt")).toMatchObject({ status: "failed" });
    expect(byPath.get("broken.txt")!.error).toMatch(/^ingest\.binary: /);
    const ok = docs.filter((d) => d.status === "ok");
    expect(ok).toHaveLength(5);
    const [{ n }] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".records`);
    expect(Number(n)).toBe(ok.reduce((s, d) => s + d.records, 0));
    expect(Number(n)).toBeGreaterThan(10);
  });

  it("a job whose results cannot be stored is retried with backoff, then rests in the failed set with the reason", async () => {
    const { name, queue } = testQueue();
    const rules = compileRules(copyRules());
    let puts = 0;
    const store: Store = {
      where: "a store that always fails",
      lookup: async () => new Map(),
      put: async () => {
        puts++;
        throw new Error(`PostgreSQL at db:5432 is unreachable: attempt ${puts}`);
      },
      load: async () => null,
      recordRun: async () => undefined,
      close: async () => undefined,
    };
    const [item] = await items(corpus());
    // the job options of enqueue, with a shorter backoff for the test
    await queue.add("documents", { v: 1, rulesVersion: rules.version, seq: 0, items: [item] }, { ...jobOptions("b-retry"), attempts: 3, backoff: { type: "exponential", delay: 200 } });
    const w = await startWorker({ redis: REDIS_URL, store, rules, queue: name, signals: false, log: quiet });
    try {
      await until("the job to fail for good", async () => (await queue.getFailedCount()) === 1, 30_000);
    } finally {
      await w.stop();
    }
    const job = (await queue.getJob("b-retry"))!;
    expect(job.attemptsMade).toBe(3);
    expect(puts).toBe(3);
    expect(job.failedReason).toMatch(/unreachable: attempt 3/);
    // the documents are still in the job: it can be retried once the database is back
    expect((job.data as BatchData).items).toHaveLength(1);
    // exponential: 200 ms then 400 ms between the attempts
    expect(job.finishedOn! - job.timestamp).toBeGreaterThanOrEqual(600);
  });

  it("SIGTERM finishes the current job (or gives it back after --grace), closes everything and exits 0", async () => {
    const rules = copyRules();
    const { url } = testSchema();
    const input = corpus({ nerel: true });
    for (const [grace, expectState] of [
      ["10000", "completed"],
      ["0", "waiting"],
    ] as const) {
      const { name, queue } = testQueue();
      // one long job: every document in it
      expect(cli(["enqueue", input, "--redis", REDIS_URL, "--queue", name, "--rules", rules, "--batch", "5000"]).status).toBe(0);
      const w = spawnWorker(["--redis", REDIS_URL, "--db", url, "--queue", name, "--rules", rules, "--grace", grace]);
      await w.ready;
      // the signal must land while the job runs: poll the count, which is cheap (the job itself holds megabytes of texts)
      await until("the job to be active", async () => (await queue.getActiveCount()) > 0, 60_000, 5);
      w.child.kill("SIGTERM");
      const exit = await w.exit;
      expect(exit, w.log()).toEqual({ code: 0, signal: null });
      expect(w.log()).toMatch(/SIGTERM/);
      const jobs = await queue.getJobs(["active", "waiting", "completed", "failed"]);
      expect(jobs).toHaveLength(1);
      const [job] = jobs;
      expect(await queue.getJobState(String(job.id)), w.log()).toBe(expectState);
      // the name BullMQ stores is the worker's own (host:pid)
      expect(job.processedBy).toBe(w.name);
      if (expectState === "waiting") {
        expect(w.log()).toMatch(/given back to the queue/);
        const back = (await queue.getJob(String(job.id)))!;
        expect(back.attemptsMade).toBe(0);
        expect((back.data as BatchData).items.length).toBeGreaterThan(700);
      }
      expect(await queue.getActiveCount()).toBe(0);
    }
  });
});
