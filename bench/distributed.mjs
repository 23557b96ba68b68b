#!/usr/bin/env node
// Distributed benchmark (run by hand; not part of npm test). See bench/README.md, "Distributed benchmark".
//
//   node bench/distributed.mjs [--workers 1,2,4] [--copies 8] [--batch 50] [--repeat 2] [--redis URL] [--pg URL] [--no-readme]
//
// Corpus: NEREL train (746 news texts) and the five seed articles, --copies
// times, each copy in a folder of its own (same texts, other paths: other
// documents for the store, the same work for the pipeline). For each worker
// count: a fresh queue and PostgreSQL schema; that many `pokazatel worker`
// processes (concurrency 1 each) are started and ready; the queue is paused,
// `pokazatel enqueue` adds the jobs, and the queue is resumed (so the workers
// start together and enqueue's own work is timed apart). Throughput is documents / (last job finished − first
// job started), from BullMQ's own timestamps; the per-worker figure is that
// divided by the number of workers; each count is run --repeat times and the
// fastest run kept (other tenants of the machine only ever slow a run down). A local `pokazatel extract --no-db
// --concurrency 1` over the same corpus is the single-process baseline.
// Runs a private copy of the build and the rules, so that rebuilding dist/ or
// editing rules/ meanwhile changes nothing. Writes the figures into its own
// section of bench/README.md (between the distributed-benchmark markers) unless --no-readme.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, hostname, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { Queue } from "bullmq";
import pg from "pg";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const shared = join(root, "..", "shared");
const arg = (n, d) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1] : d);
const flag = (n) => process.argv.includes(`--${n}`);
const counts = arg("workers", "1,2,4").split(",").map(Number);
const copies = Number(arg("copies", 8));
const repeat = Math.max(1, Number(arg("repeat", 2)));
const batch = Number(arg("batch", 50));
const redisUrl = arg("redis", process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const pgUrl = arg("pg", process.env.PG_URL ?? "postgres://root@127.0.0.1:5432/test");
const hide = (u) => u.replace(/(\/\/[^/@:]*):[^@/]*@/, "$1:***@");
const work = mkdtempSync(join(tmpdir(), "pokazatel-dist-bench-"));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** CPU seconds a process has used (user + system), from /proc. */
const cpuOf = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
};
/** CPU seconds used so far by the PostgreSQL and Redis server processes (all of them: other clients' work too). */
const serversCpu = () => {
  let t = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const comm = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
      if (comm === "postgres" || comm.startsWith("redis-server")) t += cpuOf(pid);
    } catch {
      // gone
    }
  }
  return t;
};
/** The machine's busy and total CPU time so far (all cores), from /proc/stat. */
const machine = () => {
  const v = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - v[3] - v[4], total };
};

// a private build: bin, dist, package.json and rules copied; node_modules linked
const build = join(work, "build");
mkdirSync(build);
for (const f of ["bin", "dist", "package.json", "rules"]) cpSync(join(root, f), join(build, f), { recursive: true });
symlinkSync(join(root, "node_modules"), join(build, "node_modules"), "dir");
const bin = join(build, "bin", "pokazatel");
const rules = join(build, "rules");

// the corpus
const input = join(work, "in");
for (let i = 0; i < copies; i++) {
  const d = join(input, `copy${i}`);
  mkdirSync(d, { recursive: true });
  cpSync(join(shared, "bench", "nerel", "train.jsonl"), join(d, "train.jsonl"));
  cpSync(join(shared, "corpus", "seeds"), d, { recursive: true });
}

const run = (args) => {
  const r = spawnSync(bin, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`pokazatel ${args[0]} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return r;
};

function startWorker(args) {
  const child = spawn(bin, ["worker", ...args], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  const ready = new Promise((res, rej) => {
    child.stderr.on("data", (d) => {
      log += d;
      if (log.includes(": ready on queue")) res();
    });
    child.on("exit", (code) => rej(new Error(`worker exited ${code} before it was ready: ${log}`)));
  });
  ready.catch(() => undefined);
  const exit = new Promise((res) => child.on("exit", (code, signal) => res({ code, signal })));
  return { child, ready, exit, name: `${hostname()}:${child.pid}` };
}

// the baseline: one process, one thread, no queue, no database
const t0 = Date.now();
const local = join(work, "local");
run(["extract", input, "--out", local, "--rules", rules, "--no-db", "--quiet", "--concurrency", "1"]);
const localS = (Date.now() - t0) / 1000;
const localRun = JSON.parse(readFileSync(join(local, "run.json"), "utf8"));
const documents = localRun.documents.seen;
const records = localRun.records;
console.log(`corpus: ${documents} documents (${copies} copies of NEREL train + seeds), ${records} records; local extract, 1 thread, no database: ${localS.toFixed(2)} s (${(documents / localS).toFixed(0)} documents/s, process start included)`);

const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
connection.on("error", () => undefined);
const db = new pg.Client({ connectionString: pgUrl });
await db.connect();

const results = [];
const enqueueS = [];
for (const n of counts.flatMap((c) => Array(repeat).fill(c))) {
  const queueName = `bench_dist_${process.pid}_${n}_${results.length}`;
  const schema = queueName;
  const u = new URL(pgUrl);
  u.searchParams.set("schema", schema);
  const queue = new Queue(queueName, { connection });
  const workers = [];
  try {
    const load = loadavg()[0];
    for (let i = 0; i < n; i++) workers.push(startWorker(["--redis", redisUrl, "--db", u.toString(), "--queue", queueName, "--rules", rules]));
    await Promise.all(workers.map((w) => w.ready));
    // the whole corpus is enqueued while the queue is paused: the workers then start together, and enqueue's own work is not in the figures
    await queue.pause();
    const e0 = Date.now();
    const enq = run(["enqueue", input, "--redis", redisUrl, "--queue", queueName, "--rules", rules, "--batch", String(batch)]);
    enqueueS.push((Date.now() - e0) / 1000);
    const jobs = Number(/in (\d+) jobs/.exec(enq.stdout)[1]);
    const m0 = machine();
    const c0 = workers.map((w) => cpuOf(w.child.pid));
    const s0 = serversCpu();
    await queue.resume();
    for (;;) {
      const c = await queue.getJobCounts("completed", "failed");
      if (c.completed + c.failed >= jobs) break;
      await sleep(100);
    }
    const m1 = machine();
    const workerCpu = workers.reduce((t, w, i) => t + cpuOf(w.child.pid) - c0[i], 0);
    const serverCpu = serversCpu() - s0;
    const busyShare = (m1.busy - m0.busy) / Math.max(1, m1.total - m0.total);
    const done = await queue.getJobs(["completed"], 0, -1);
    const failed = await queue.getFailedCount();
    const start = Math.min(...done.map((j) => j.processedOn));
    const end = Math.max(...done.map((j) => j.finishedOn));
    const seconds = (end - start) / 1000;
    const perWorker = new Map(workers.map((w) => [w.name, 0]));
    for (const j of done) perWorker.set(j.processedBy, (perWorker.get(j.processedBy) ?? 0) + (j.returnvalue?.documents ?? 0));
    const busy = done.reduce((t, j) => t + (j.returnvalue?.ms ?? 0), 0);
    const storeShare = done.reduce((t, j) => t + (j.returnvalue?.store_ms ?? 0), 0) / Math.max(1, busy);
    const stored = (await db.query(`SELECT count(*)::int AS n FROM "${schema}".records`)).rows[0].n;
    const r = {
      workers: n,
      jobs,
      failed,
      seconds,
      docsPerS: documents / seconds,
      perWorker: documents / seconds / n,
      split: [...perWorker.values()].sort((a, b) => b - a),
      stored,
      load,
      storeShare,
      workerCpu,
      serverCpu,
      busyShare,
    };
    results.push(r);
    console.log(
      `${n} worker${n > 1 ? "s" : ""}: ${jobs} jobs in ${seconds.toFixed(2)} s → ${r.docsPerS.toFixed(0)} documents/s, ${r.perWorker.toFixed(0)} per worker (documents by worker: ${r.split.join(", ")}); ${(storeShare * 100).toFixed(0)}% of job time in the store; workers used ${workerCpu.toFixed(1)} CPU s, PostgreSQL and Redis ${serverCpu.toFixed(1)}, the machine was ${(busyShare * 100).toFixed(0)}% busy; ${stored} records in PostgreSQL${failed ? `, ${failed} jobs FAILED` : ""}; load ${load.toFixed(1)}`,
    );
    if (stored !== records) console.log(`  warning: ${stored} records stored, the local run has ${records}`);
  } finally {
    for (const w of workers) w.child.kill("SIGTERM");
    await Promise.all(workers.map((w) => w.exit));
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
}
await db.end();
await connection.quit();
// the fastest run of each worker count
const best = counts.map((n) => results.filter((r) => r.workers === n).sort((a, b) => a.seconds - b.seconds)[0]);
const enq = Math.min(...enqueueS);
console.log(`enqueue (one process, queue paused): ${enq.toFixed(2)} s at best, ${(documents / enq).toFixed(0)} documents/s, process start included`);
console.log(`best of ${repeat}: ${best.map((r) => `${r.workers} → ${r.docsPerS.toFixed(0)} documents/s (${r.perWorker.toFixed(0)} per worker)`).join("; ")}`);
rmSync(work, { recursive: true, force: true });

if (!flag("no-readme")) {
  const readme = join(root, "bench", "README.md");
  const cpu = cpus()[0]?.model?.trim() ?? "unknown CPU";
  const base = best.find((r) => r.workers === 1);
  const rows = best
    .map((r) => `| ${r.workers} | ${r.jobs} | ${r.seconds.toFixed(2)} | ${r.docsPerS.toFixed(0)} | ${r.perWorker.toFixed(0)} | ${base ? `${(r.docsPerS / base.docsPerS).toFixed(2)}×` : ""} | ${r.split.join(" / ")} | ${(r.storeShare * 100).toFixed(0)}% | ${r.workerCpu.toFixed(1)} | ${r.serverCpu.toFixed(1)} | ${(r.busyShare * 100).toFixed(0)}% | ${r.stored} | ${r.load.toFixed(1)} |`)
    .join("\n");
  const figures = `<!-- distributed-benchmark:figures -->
Measured ${new Date().toISOString().slice(0, 10)} with \`node bench/distributed.mjs\` on ${availableParallelism()} cores (${cpu}), Redis and PostgreSQL on the same machine
(${hide(redisUrl)}, ${hide(pgUrl)}). Corpus: ${documents} documents (${copies} copies of NEREL train + the seeds, ${records} records), jobs of ${batch} documents, each worker
a separate \`pokazatel worker\` process with \`--concurrency 1\`. Time: first job started → last job finished (BullMQ's timestamps); the fastest of ${repeat} runs per row.
Enqueue (one process, into the paused queue): ${enq.toFixed(2)} s, ${(documents / enq).toFixed(0)} documents/s.
Single-process baseline: \`extract --no-db --concurrency 1\` took ${localS.toFixed(2)} s (${(documents / localS).toFixed(0)} documents/s, process start and rule compilation included).

| workers | jobs | seconds | documents/s | per worker | vs 1 | documents by worker | job time in store.put | worker CPU s | PostgreSQL + Redis CPU s | machine CPU busy | records in PostgreSQL | load (1 min) |
|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|
${rows}
<!-- /distributed-benchmark:figures -->`;
  let text = existsSync(readme) ? readFileSync(readme, "utf8") : "# Benchmarks\n";
  const start = text.indexOf("<!-- distributed-benchmark:figures -->");
  const end = text.indexOf("<!-- /distributed-benchmark:figures -->");
  if (start >= 0 && end > start) text = text.slice(0, start) + figures + text.slice(end + "<!-- /distributed-benchmark:figures -->".length);
  else text = `${text.replace(/\n*$/, "\n")}\n## Distributed benchmark\n\n${figures}\n`;
  writeFileSync(readme, text);
  console.log(`figures written to ${readme}`);
}
