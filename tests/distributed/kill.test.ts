import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, copyRules, corpus, dropSchema, jsonl, openQueue, REDIS_URL, schemaUrl, servicesMissing, spawnWorker, sql, tmp, unique, until, type WorkerProc } from "./services.js";

const missing = await servicesMissing("tests/distributed/kill.test.ts");

interface Rec {
  id: string;
  [k: string]: unknown;
}

describe.skipIf(missing)(`three worker processes, one killed mid-job${missing ? ` (SKIPPED: ${missing})` : ""}`, () => {
  const queueName = unique("kill");
  const schema = unique("dist_kill");
  let q: ReturnType<typeof openQueue>;
  const workers: WorkerProc[] = [];
  beforeAll(() => {
    q = openQueue(queueName);
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
    await q?.close();
    await dropSchema(schema);
  });

  it("the database ends with exactly the records of a single local run: none doubled, none missing", async () => {
    const rules = copyRules();
    const input = corpus({ nerel: true });
    const ref = join(tmp("ref"), "out");
    const local = cli(["extract", input, "--out", ref, "--rules", rules, "--no-db", "--quiet"]);
    expect(local.status, local.all).toBe(0);
    const expected = jsonl<Rec>(join(ref, "records.jsonl"));
    const documents = jsonl(join(ref, "documents.jsonl")).length;
    expect(expected.length).toBeGreaterThan(300);

    const db = schemaUrl(schema);
    const args = ["--redis", REDIS_URL, "--db", db, "--queue", queueName, "--rules", rules];
    const w1 = spawnWorker(args);
    const w2 = spawnWorker(args);
    workers.push(w1, w2);
    await Promise.all([w1.ready, w2.ready]);
    // small jobs: many of them, so the kill lands while the others still have work
    const enq = cli(["enqueue", input, "--redis", REDIS_URL, "--queue", queueName, "--rules", rules, "--batch", "10"]);
    expect(enq.status, enq.all).toBe(0);
    const jobs = Number(/in (\d+) jobs/.exec(enq.stdout)![1]);
    expect(jobs).toBeGreaterThan(50);

    // kill w1 while it holds a job
    const held = await until("w1 to hold a job", async () => {
      const active = await q.queue.getJobs(["active"]);
      return active.find((j) => j.processedBy === w1.name) ?? null;
    }, 60_000, 20);
    w1.child.kill("SIGKILL");
    expect((await w1.exit).signal).toBe("SIGKILL");
    const w3 = spawnWorker(args);
    workers.push(w3);
    await w3.ready;

    // everything done: the killed job's lock expired and another worker took it
    await until("the queue to drain", async () => {
      const c = await q.queue.getJobCounts("waiting", "active", "delayed", "completed", "failed");
      return c.waiting + c.active + c.delayed === 0 && c.completed + c.failed === jobs ? c : null;
    }, 120_000, 250);
    expect(await q.queue.getFailedCount()).toBe(0);
    const all = await q.queue.getJobs(["completed"], 0, -1);
    expect(all).toHaveLength(jobs);
    const retaken = all.find((j) => j.id === held.id)!;
    const stalled = all.filter((j) => j.stalledCounter > 0);
    // w1 held a job when it was killed (BullMQ hands a worker its next job as it finishes one): that job's lock ran out and another worker finished it
    expect(stalled.length, "a job of the killed worker was taken over").toBeGreaterThan(0);
    if (retaken.processedBy !== w1.name) expect(retaken.stalledCounter).toBeGreaterThan(0);
    for (const j of stalled) expect([w2.name, w3.name]).toContain(j.processedBy);

    // w2 and w3 stop cleanly on SIGTERM
    w2.child.kill("SIGTERM");
    w3.child.kill("SIGTERM");
    expect((await w2.exit).code, w2.log()).toBe(0);
    expect((await w3.exit).code, w3.log()).toBe(0);

    // the database: exactly the local run's record ids and values
    const rows = await sql<{ id: string; json: Rec }>(`SELECT id, json FROM "${schema}".records`);
    const got = new Map<string, Rec>();
    for (const r of rows) {
      expect(got.has(r.id), `record ${r.id} stored twice`).toBe(false);
      got.set(r.id, r.json);
    }
    expect(rows.length).toBe(expected.length);
    expect([...got.keys()].sort()).toEqual(expected.map((r) => r.id).sort());
    for (const r of expected) expect(got.get(r.id), r.id).toEqual(r);
    const [{ n }] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".documents`);
    expect(Number(n)).toBe(documents);
  }, 240_000);
});
