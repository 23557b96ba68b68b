#!/usr/bin/env node
// Throughput benchmark (npm run bench; not part of npm test).
//
//   node bench/run.mjs [--mb 50] [--big 200] [--skip-big]
//
// Builds a corpus of --mb MB from the repository's texts and measures in one run:
//  - the floor: read + JSON parse + one number regex pass (MB/s);
//  - `pokazatel extract` end to end on one core and on all cores: MB/s,
//    documents/s, records/s, peak RSS;
//  - the machine's own ceiling for that scaling: as many independent one-core
//    extract processes as cores, each on its share of the documents, at once;
//  - each stage's share of the pipeline's time;
//  - peak RSS on a --big MB corpus, to show memory stays flat in corpus size.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCorpus } from "./corpus.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (n, d) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1] : d);
const mb = Number(arg("mb", 50));
const big = Number(arg("big", 200));
const work = mkdtempSync(join(tmpdir(), "pokazatel-bench-"));

function floor(file) {
  const t0 = performance.now();
  const re = /(\d[\d\u00a0 ]*(?:[.,]\s?\d+)?)\s*(%|процент\p{L}*|тыс\.|тысяч\p{L}*|млн|млрд|трлн)?/gu;
  let hits = 0;
  for (const l of readFileSync(file, "utf8").split("\n")) if (l) for (const _ of JSON.parse(l).text.matchAll(re)) hits++;
  return (performance.now() - t0) / 1000;
}

function extractArgs(file, concurrency) {
  const out = join(work, `out-${concurrency}-${Math.random().toString(36).slice(2)}`);
  return { out, args: ["-f", "%M %U %S", join(root, "bin/pokazatel"), "extract", file, "--out", out, "--no-db", "--quiet", "--concurrency", String(concurrency)] };
}

/** What /usr/bin/time printed last: peak RSS (MB) and CPU seconds (user + system). */
function timeFigures(stderr) {
  const [kb, user, sys] = stderr.trim().split("\n").pop().split(" ").map(Number);
  return { rss: kb / 1024, cpu: user + sys };
}

/** Runs extract under /usr/bin/time; returns seconds, peak RSS MB, CPU seconds, records, documents. */
function extract(file, concurrency) {
  const { out, args } = extractArgs(file, concurrency);
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", args, { encoding: "utf8" });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`extract failed (${r.status}): ${r.stderr.slice(-500)}`);
  const run = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
  rmSync(out, { recursive: true, force: true });
  return { seconds, ...timeFigures(r.stderr), records: run.records, docs: run.documents.seen };
}

/**
 * The scaling this machine allows: the documents dealt round-robin into `n`
 * files, and one one-core extract process per file, all at once (no worker
 * pool, no messages between threads). Returns the wall-clock seconds of all.
 */
async function independent(file, n) {
  const parts = Array.from({ length: n }, () => []);
  readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .forEach((l, i) => parts[i % n].push(l));
  const files = parts.map((lines, k) => {
    const f = join(work, `part-${k}.jsonl`);
    writeFileSync(f, `${lines.join("\n")}\n`);
    return f;
  });
  const t0 = performance.now();
  await Promise.all(
    files.map(
      (f) =>
        new Promise((resolve, reject) => {
          const { args } = extractArgs(f, 1);
          const child = spawn("/usr/bin/time", args, { stdio: "ignore" });
          child.on("error", reject);
          child.on("exit", (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`extract of ${f} exited with ${code}`))));
        }),
    ),
  );
  return (performance.now() - t0) / 1000;
}

async function stageShares(file) {
  const { compileRules } = await import(join(root, "dist/rules/compile.js"));
  const { runDocument } = await import(join(root, "dist/pipeline.js"));
  const rules = compileRules(join(root, "rules"));
  const timings = new Map();
  for (const l of readFileSync(file, "utf8").split("\n")) {
    if (!l) continue;
    const d = JSON.parse(l);
    runDocument({ docId: "b", source: { path: "b", id: d.id, url: null, outlet: null, title: null, published: d.published }, text: d.text, format: "jsonl" }, rules, undefined, { timings });
  }
  const total = [...timings.values()].reduce((a, b) => a + b, 0);
  return [...timings].map(([k, v]) => `${k} ${((v / total) * 100).toFixed(0)}%`).join(", ");
}

execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
const cores = availableParallelism();
console.log(`machine: ${cores} cores (${cpus()[0]?.model ?? "?"}), node ${process.version}`);
const file = join(work, "corpus.jsonl");
const c = buildCorpus(root, file, mb);
const size = c.bytes / 1e6;
console.log(`corpus: ${size.toFixed(1)} MB, ${c.docs} documents`);
const f = floor(file);
console.log(`floor (read + parse + one regex pass): ${(size / f).toFixed(1)} MB/s`);
const rate = {};
for (const conc of [1, cores]) {
  const r = extract(file, conc);
  rate[conc] = size / r.seconds;
  console.log(
    `extract, ${conc === 1 ? "one core" : `${conc} cores`}: ${(size / r.seconds).toFixed(2)} MB/s, ${(r.docs / r.seconds).toFixed(0)} documents/s, ${(r.records / r.seconds).toFixed(0)} records/s, ${r.records} records, peak RSS ${r.rss.toFixed(0)} MB, CPU ${(r.cpu / r.seconds).toFixed(2)} cores busy on average (floor/extract = ${(size / f / (size / r.seconds)).toFixed(1)})`,
  );
}
if (cores > 1) {
  const s = await independent(file, cores);
  console.log(
    `scaling: ${cores} cores give ${(rate[cores] / rate[1]).toFixed(2)} times one core; ${cores} independent one-core processes, each on 1/${cores} of the documents at once, give ${(size / s / rate[1]).toFixed(2)} times (${(size / s).toFixed(2)} MB/s): what this machine allows`,
  );
}
console.log(`stage shares: ${await stageShares(file)}`);
if (!process.argv.includes("--skip-big")) {
  const bigFile = join(work, "big.jsonl");
  const b = buildCorpus(root, bigFile, big, 29);
  const r = extract(bigFile, 1);
  console.log(`memory: ${(b.bytes / 1e6).toFixed(0)} MB corpus, one core: peak RSS ${r.rss.toFixed(0)} MB, ${((b.bytes / 1e6) / r.seconds).toFixed(2)} MB/s`);
}
rmSync(work, { recursive: true, force: true });
