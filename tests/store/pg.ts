/**
 * The PostgreSQL server for the store tests: PG_URL, else 127.0.0.1:5432
 * (trust auth, database `test`) as root, else as postgres. When none answers,
 * `pgUp` is false and the reason is printed: the tests say they are skipped,
 * they never pass silently.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { quoteIdent, redactUrl } from "../../src/store/pg-url.js";

const CANDIDATES = process.env.PG_URL ? [process.env.PG_URL] : ["postgres://root@127.0.0.1:5432/test", "postgres://postgres@127.0.0.1:5432/test"];

async function probe(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  c.on("error", () => undefined);
  try {
    await c.connect();
    await c.query("SELECT 1");
    return null;
  } catch (e) {
    return `${redactUrl(url)}: ${(e as Error).message || (e as { code?: string }).code}`;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function findServer(): Promise<{ url: string | null; why: string }> {
  const why: string[] = [];
  for (const u of CANDIDATES) {
    const err = await probe(u);
    if (!err) return { url: u, why: "" };
    why.push(err);
  }
  return { url: null, why: why.join("; ") };
}

const found = await findServer();
/** The server's URL (no schema parameter), or "" when there is none. */
export const PG_URL = found.url ?? "";
export const pgUp = found.url !== null;
export const pgSkipReason = found.why;

/** Prints, once per file, why its PostgreSQL tests are skipped. */
export function warnIfSkipped(file: string): void {
  if (!pgUp) console.warn(`SKIPPED PostgreSQL tests in ${file}: no PostgreSQL server answered (${pgSkipReason}); set PG_URL to run them`);
}

let n = 0;
const made = new Set<string>();
/** A schema name no other test or test run uses (dropped by dropSchemas()). */
export function uniqueSchema(what = "t"): string {
  const s = `pk_${what}_${process.pid}_${Date.now().toString(36)}_${n++}`;
  made.add(s);
  return s;
}
/** Notes a schema to drop at the end (for names made elsewhere). */
export function willDrop(schema: string): void {
  made.add(schema);
}

/** The server URL with `?schema=NAME` (and optionally a password, which trust auth ignores). */
export function schemaUrl(schema: string, password?: string): string {
  const u = new URL(PG_URL);
  if (password) {
    if (!u.username) u.username = "root";
    u.password = password;
  }
  u.searchParams.set("schema", schema);
  return u.toString();
}

/** Runs SQL on the test server with its own connection. */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

/** Drops every schema the tests made. */
export async function dropSchemas(): Promise<void> {
  if (!pgUp) return;
  for (const s of made) await sql(`DROP SCHEMA IF EXISTS ${quoteIdent(s)} CASCADE`);
  made.clear();
}

/** True when every src/**.ts has a dist/**.js at least as new. */
function upToDate(root: string): boolean {
  const walk = (dir: string): boolean =>
    readdirSync(join(root, dir), { withFileTypes: true }).every((e) => {
      const rel = join(dir, e.name);
      if (e.isDirectory()) return walk(rel);
      if (!e.name.endsWith(".ts") || e.name.endsWith(".d.ts")) return true;
      try {
        return statSync(join(root, "dist", rel.slice(4).replace(/\.ts$/, ".js"))).mtimeMs >= statSync(join(root, rel)).mtimeMs;
      } catch {
        return false;
      }
    });
  return walk("src");
}

/**
 * Builds dist/ (`tsc -p tsconfig.build.json`) when a source is newer than
 * its output, one build at a time across test files: a lock directory keeps
 * two files from writing dist/ together. Errors in files others are editing
 * do not stop the emit; the build counts when bin/pokazatel's entry point
 * exists afterwards.
 */
export async function buildProject(root: string): Promise<void> {
  const lock = join(tmpdir(), `pokazatel-build-${Buffer.from(root).toString("hex").slice(-24)}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // a lock left by a killed run is stale after 3 minutes
      try {
        if (Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`waited 3 minutes for ${lock}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (upToDate(root)) return;
    try {
      execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "pipe" });
    } catch {
      /* type errors elsewhere still emit */
    }
    statSync(join(root, "dist/cli.js"));
    statSync(join(root, "dist/store/postgres-store.js"));
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
