/**
 * Redis and PostgreSQL for the distributed tests: REDIS_URL and PG_URL
 * override 127.0.0.1. When one cannot be reached, the tests are skipped and
 * say why (printed, and in the skipped test names): never a silent pass.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Redis } from "ioredis";
import { Queue } from "bullmq";
import { buildCorpus } from "../../bench/corpus.mjs";
// the PostgreSQL server the store tests found (PG_URL, or the project machines' defaults)
import { PG_URL, pgSkipReason, pgUp, schemaUrl, sql } from "../store/pg.js";

export { PG_URL, schemaUrl, sql };

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

const hide = (u: string) => u.replace(/(\/\/[^/@:]*):[^@/]*@/, "$1:***@");

async function probeRedis(): Promise<string | null> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let last: Error | null = null;
  r.on("error", (e) => (last = e));
  try {
    await r.connect();
    await r.ping();
    return null;
  } catch (e) {
    return `no Redis at ${hide(REDIS_URL)} (${(last ?? (e as Error)).message}); set REDIS_URL`;
  } finally {
    r.disconnect();
  }
}

/** Why the tests cannot run here, or null. */
export async function servicesMissing(file: string): Promise<string | null> {
  const reasons = [await probeRedis(), pgUp ? null : `no PostgreSQL (${pgSkipReason}); set PG_URL`].filter(Boolean);
  if (!reasons.length) return null;
  const why = reasons.join("; ");
  console.warn(`SKIPPED ${file}: ${why}`);
  return why;
}

let n = 0;
/** A name no other test (or test run) uses: for queues and schemas. */
export const unique = (what: string) => `${what}_${process.pid}_${Date.now().toString(36)}_${n++}`;

export async function dropSchema(schema: string): Promise<void> {
  await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

/** A BullMQ queue handle for looking at a test's queue (and obliterating it afterwards). */
export function openQueue(name: string): { queue: Queue; close(): Promise<void> } {
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  connection.on("error", () => undefined);
  const queue = new Queue(name, { connection });
  return {
    queue,
    async close() {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await connection.quit();
    },
  };
}

export const tmp = (what = "dist") => mkdtempSync(join(tmpdir(), `pokazatel-${what}-`));

/**
 * A copy of the project's rules: the tests' own version, immune to edits of
 * rules/ while they run. With `comment`, a comment is appended to one file,
 * which changes the version and nothing else.
 */
export function copyRules(comment?: string): string {
  const dir = join(tmp("rules"), "rules");
  cpSync("rules", dir, { recursive: true });
  if (comment) writeFileSync(join(dir, "qualifiers.yaml"), `${readFileSync(join(dir, "qualifiers.yaml"), "utf8")}\n# ${comment}\n`);
  return dir;
}

/**
 * The seed articles (corpus/), and optionally ~3 MB more recombined from the
 * repository's texts (`nerel`: as much as NEREL train), in a fresh folder;
 * nothing outside the checkout is needed.
 */
export function corpus(opts: { nerel?: boolean; extra?: Record<string, string | Buffer> } = {}): string {
  const dir = join(tmp("in"), "in");
  mkdirSync(dir);
  for (const f of readdirSync("corpus")) if (f.endsWith(".txt")) cpSync(join("corpus", f), join(dir, f));
  if (opts.nerel) buildCorpus(".", join(dir, "train.jsonl"), 3);
  for (const [name, body] of Object.entries(opts.extra ?? {})) writeFileSync(join(dir, name), body);
  return dir;
}

/**
 * A private copy of the built command line (bin, dist, package.json, rules; the
 * project's node_modules linked): every process of a test runs the same
 * build, even while dist/ is rebuilt beside it. Checked by importing its
 * entry points; taken again if it caught a build half-written.
 */
function snapshotBuild(): string {
  for (let attempt = 1; ; attempt++) {
    const root = tmp("build");
    for (const f of ["bin", "dist", "package.json", "rules"]) cpSync(f, join(root, f), { recursive: true });
    symlinkSync(resolve("node_modules"), join(root, "node_modules"), "dir");
    const probe = spawnSync(
      process.execPath,
      ["--input-type=module", "-e", ["cli.js", "distributed/commands.js", "batch/run-one.js"].map((m) => `await import(${JSON.stringify(join(root, "dist", m))});`).join("")],
      { encoding: "utf8" },
    );
    if (probe.status === 0) return root;
    if (attempt === 5) throw new Error(`no usable build in dist/ (run npx tsc -p tsconfig.build.json): ${probe.stderr}`);
    spawnSync("sleep", ["2"]);
  }
}

let build: string | null = null;
/** The command line of this test run's build copy. */
function bin(): string {
  build ??= snapshotBuild();
  return join(build, "bin", "pokazatel");
}

/** Runs the built command line to its end. */
export function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin(), ...args], { encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, all: `${r.stdout}${r.stderr}` };
}

/** A worker process; `log()` is what it wrote to stderr so far; `ready` settles once it takes jobs. */
export interface WorkerProc {
  child: ChildProcess;
  /** What BullMQ stores as `processedBy` for its jobs. */
  name: string;
  log(): string;
  ready: Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnWorker(args: string[]): WorkerProc {
  const child = spawn(process.execPath, [bin(), "worker", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let onReady: () => void;
  let onFail: (e: Error) => void;
  const ready = new Promise<void>((res, rej) => ((onReady = res), (onFail = rej)));
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => {
    out += d;
    if (out.includes(": ready on queue")) onReady();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.on("exit", (code, signal) => {
      onFail(new Error(`worker exited (${code ?? signal}) before it was ready:\n${out}`));
      res({ code, signal });
    }),
  );
  return { child, name: `${hostname()}:${child.pid}`, log: () => out, ready, exit };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `fn` gives a truthy value, or fails with `what` after `ms`. */
export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 60_000, every = 100): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(every);
  }
}

export function jsonl<T = Record<string, unknown>>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
}
