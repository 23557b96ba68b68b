#!/usr/bin/env node
// Batch benchmark (run by hand; not part of npm test). See bench/README.md, "Batch benchmark".
//
//   node bench/batch.mjs [--docs 100000] [--stores sqlite,postgres] [--rerun] [--pg URL] [--concurrency N] [--keep]
//
// Builds --docs JSONL documents from real texts (the articles in corpus/ and
// NEREL's Russian news in ../shared/bench/nerel, paragraphs recombined so that
// documents differ; deterministic), then runs `bin/pokazatel extract` on them
// into each store: SQLite (the default, output/pokazatel.sqlite) and
// PostgreSQL (--pg, else PG_URL, else postgres://root@127.0.0.1:5432/test, in a
// schema of its own that is dropped afterwards); `none` runs with --no-db.
// Prints wall time, documents/s, records/s and the peak RSS of the extract
// process (/usr/bin/time -f %M: main thread and worker threads together; the
// PostgreSQL server's own memory is not included). --rerun runs each store a
// second time with nothing changed (every document skipped as unchanged).
// The built program and its rules are copied first (bin, dist, rules,
// package.json; node_modules linked), so that edits and rebuilds in the
// working tree meanwhile change nothing: every run uses the same code and
// rules version.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { once } from "node:events";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { seeded } from "./random.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (n, d) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1] : d);
const flag = (n) => process.argv.includes(`--${n}`);
const docs = Number(arg("docs", 100_000));
const stores = arg("stores", "sqlite,postgres").split(",");
const pgUrl = arg("pg", process.env.PG_URL ?? "postgres://root@127.0.0.1:5432/test");
const concurrency = arg("concurrency", null);
const work = mkdtempSync(join(tmpdir(), "pokazatel-batch-"));
const hide = (u) => u.replace(/(\/\/[^/@:]*):[^@/]*@/, "$1:***@");

/** Paragraphs of the economic press articles (corpus/) and of NEREL's news. */
function pools() {
  const split = (t) => t.split(/\n\s*\n|\n/).map((p) => p.trim()).filter((p) => p.length > 40);
  const press = readdirSync(join(root, "corpus"))
    .filter((f) => f.endsWith(".txt"))
    .flatMap((f) => split(readFileSync(join(root, "corpus", f), "utf8")));
  const news = [];
  for (const f of ["train", "dev"]) {
    const p = join(root, "../shared/bench/nerel", `${f}.jsonl`);
    if (existsSync(p)) for (const l of readFileSync(p, "utf8").split("\n")) if (l) news.push(...split(JSON.parse(l).text));
  }
  return { press, news };
}

/**
 * Writes `n` documents: each 1-3 paragraphs of the economic articles and 2-6
 * of the news, shuffled, with a publication date in 2024-2025. Returns bytes
 * and paragraph counts.
 */
async function buildDocuments(file, n, seed = 7) {
  const { press, news } = pools();
  if (!press.length) throw new Error("no texts in corpus/");
  const rnd = seeded(seed);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const out = createWriteStream(file);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const paras = [];
    for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) paras.push(pick(press));
    if (news.length) for (let k = 2 + Math.floor(rnd() * 5); k > 0; k--) paras.push(pick(news));
    for (let j = paras.length - 1; j > 0; j--) {
      const x = Math.floor(rnd() * (j + 1));
      [paras[j], paras[x]] = [paras[x], paras[j]];
    }
    const day = 1 + Math.floor(rnd() * 28);
    const month = 1 + Math.floor(rnd() * 12);
    const line = `${JSON.stringify({ id: `doc-${i}`, published: `${2024 + Math.floor(rnd() * 2)}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`, text: paras.join("\n\n") })}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return { bytes, press: press.length, news: news.length };
}

/** Runs extract under /usr/bin/time; returns wall seconds, peak RSS (MB) and run.json. */
function extract(input, out, dbArgs) {
  const args = ["extract", input, "--out", out, "--quiet", ...dbArgs, ...(concurrency ? ["--concurrency", concurrency] : [])];
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", join(app, "bin/pokazatel"), ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  const seconds = (performance.now() - t0) / 1000;
  const rss = Number(r.stderr.trim().split("\n").pop()) / 1024;
  if (r.status !== 0 && r.status !== 1) throw new Error(`extract ${dbArgs.join(" ")} failed (${r.status}): ${hide(r.stderr.slice(-800))}`);
  const run = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
  return { seconds, rss, run };
}

function psql(sql) {
  execFileSync("psql", [pgUrl, "-qAtc", sql], { stdio: "pipe" });
}

execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}, load average ${loadavg()[0].toFixed(1)} at start`);
// a snapshot of the program: a rebuild or a rule edit in the working tree during the benchmark would change results and make reruns process everything
const app = join(work, "app");
mkdirSync(app);
for (const d of ["bin", "dist", "rules", "package.json"]) cpSync(join(root, d), join(app, d), { recursive: true });
symlinkSync(join(root, "node_modules"), join(app, "node_modules"));
const input = join(work, "documents.jsonl");
const t0 = performance.now();
const built = await buildDocuments(input, docs);
console.log(
  `documents: ${docs} (${(built.bytes / 1e6).toFixed(0)} MB JSONL, ${(built.bytes / docs / 1024).toFixed(1)} KB each; from ${built.press} press and ${built.news} news paragraphs; built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
);

const schema = `pokazatel_bench_${process.pid}`;
for (const store of stores) {
  const out = join(work, `out-${store}`);
  const dbArgs = store === "none" ? ["--no-db"] : store === "sqlite" ? [] : store === "postgres" ? ["--db", `${pgUrl}${pgUrl.includes("?") ? "&" : "?"}schema=${schema}`] : null;
  if (!dbArgs) throw new Error(`unknown store ${store}: none, sqlite or postgres`);
  const passes = flag("rerun") && store !== "none" ? ["first run", "rerun, unchanged"] : ["first run"];
  try {
    for (const pass of passes) {
      const r = extract(input, out, dbArgs);
      const d = r.run.documents;
      console.log(
        `${store.padEnd(8)} ${pass}: ${r.seconds.toFixed(1)} s, ${(d.seen / r.seconds).toFixed(0)} documents/s, ${(r.run.records / r.seconds).toFixed(0)} records/s ` +
          `(${d.seen} documents: ${d.processed} processed, ${d.skipped} unchanged, ${d.failed} failed; ${r.run.records} records), peak RSS ${r.rss.toFixed(0)} MB, load average ${loadavg()[0].toFixed(1)}`,
      );
    }
  } finally {
    if (store === "postgres") psql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    if (!flag("keep")) rmSync(out, { recursive: true, force: true });
  }
}
if (!flag("keep")) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
