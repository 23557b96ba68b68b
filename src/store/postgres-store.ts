import pg from "pg";
import { randomUUID } from "node:crypto";
import type { IndicatorRecord } from "../core/record.js";
import type { RunReport } from "../extract.js";
import type { DocumentLine, DocumentResult, Store } from "./store.js";
import { FLAT_COLUMNS, RECORD_COLUMNS } from "./rows.js";
import { parsePgUrl, quoteIdent, scrub, type PgTarget } from "./pg-url.js";
import { pgKey, prepareBatch, storableJson } from "./pg-rows.js";
import { copyLoader, type Loader, type LoaderState } from "./pg-bulk.js";
import { DOCUMENT_LINE_ORDER, orderKeys, RECORD_ORDER } from "./record-schema.js";

/**
 * Versioned migrations of the store's schema (`s` is the quoted schema name).
 * Each runs once, in its own transaction, under an advisory lock, and is
 * noted in `schema_migrations`. Never edit one that has shipped: add another.
 */
export const MIGRATIONS: { name: string; sql: (s: string) => string }[] = [
  {
    name: "documents, records, runs, indicator_values",
    sql: (s) => `
      CREATE TABLE ${s}.documents (
        key text PRIMARY KEY,
        doc_id text NOT NULL,
        path text, source_id text, url text, outlet text, title text, published date,
        status text NOT NULL CHECK (status IN ('ok', 'empty', 'failed')),
        error text,
        rules_version text NOT NULL,
        records integer NOT NULL,
        line jsonb NOT NULL,
        lossy boolean NOT NULL DEFAULT false,
        updated timestamptz NOT NULL DEFAULT now()
      );
      COMMENT ON COLUMN ${s}.documents.line IS 'the document''s line of documents.jsonl';
      COMMENT ON COLUMN ${s}.documents.lossy IS 'true when a NUL or lone surrogate had to become U+FFFD: such a document is processed again by the next run';
      CREATE INDEX documents_doc_id ON ${s}.documents (doc_id);
      CREATE TABLE ${s}.records (
        doc_key text NOT NULL REFERENCES ${s}.documents (key) ON DELETE CASCADE,
        seq integer NOT NULL,
        ${RECORD_COLUMNS.map((c) => `${c.name} ${c.pg}`).join(",\n        ")},
        json jsonb NOT NULL,
        PRIMARY KEY (doc_key, id)
      );
      COMMENT ON COLUMN ${s}.records.json IS 'the record as written to records.jsonl (indicator-record/1)';
      CREATE INDEX records_indicator ON ${s}.records (indicator);
      CREATE INDEX records_territory ON ${s}.records (territory_code);
      CREATE INDEX records_period ON ${s}.records (period_from, period_to);
      CREATE INDEX records_id ON ${s}.records (id);
      CREATE TABLE ${s}.runs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        run_key text NOT NULL UNIQUE,
        started timestamptz, finished timestamptz, seconds double precision, rules_version text,
        seen integer, skipped integer, processed integer, failed integer, records integer,
        report jsonb NOT NULL
      );
      CREATE VIEW ${s}.indicator_values AS
        SELECT ${FLAT_COLUMNS.map((c) => `${c.expr} AS ${c.name}`).join(", ")}
        FROM ${s}.records r JOIN ${s}.documents d ON d.key = r.doc_key;`,
  },
];

/** How bulk rows go in: COPY into temporary tables, then one upsert per table (measured in src/store/pg-bulk.ts). */
const LOADER: Loader = copyLoader;

/** A store failure with a message safe to print: it names the server, never the password. */
export class PostgresStoreError extends Error {
  override name = "PostgresStoreError";
}

export interface PostgresStoreOptions {
  /** Schema for the tables (overrides `?schema=` in the URL; default `pokazatel`). */
  schema?: string;
  /** Retries after a lost or refused connection (default 5: waits 0.2, 0.4, 0.8, 1.6, 3.2 s). */
  retries?: number;
  /** First wait before a retry, ms (default 200; doubles each time). */
  retryDelayMs?: number;
  /** Connections at most (default 2: one writing a batch while another looks up documents). */
  maxConnections?: number;
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENETDOWN", "EAI_AGAIN", "ECONNABORTED"]);
// 08: connection exception; 57P01-03: the server shut down or is starting; 53300: too many connections
const CONNECTION_STATES = /^(08...|57P0[123]|53300)$/;
const CONNECTION_MESSAGES = /connection terminated|connection error|not queryable|timeout exceeded when trying to connect|connection timeout|server closed the connection/i;

/** True for an error that a new connection may cure. */
export function isConnectionError(e: unknown): boolean {
  const x = e as { code?: unknown; message?: unknown; errors?: unknown[] } | null;
  if (!x || typeof x !== "object") return false;
  if (typeof x.code === "string" && (CONNECTION_CODES.has(x.code) || CONNECTION_STATES.test(x.code))) return true;
  if (Array.isArray(x.errors) && x.errors.some(isConnectionError)) return true;
  return typeof x.message === "string" && CONNECTION_MESSAGES.test(x.message);
}

function messageOf(e: unknown): string {
  const x = e as { message?: string; code?: string; errors?: unknown[] } | null;
  if (x && typeof x === "object") {
    if (x.message) return x.message;
    if (Array.isArray(x.errors) && x.errors.length) return [...new Set(x.errors.map(messageOf))].join("; ");
    if (x.code) return x.code;
  }
  return String(e);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function transaction<T>(c: pg.ClientBase, body: () => Promise<T>): Promise<T> {
  await c.query("BEGIN");
  try {
    const out = await body();
    await c.query("COMMIT");
    return out;
  } catch (e) {
    await c.query("ROLLBACK").catch(() => undefined);
    throw e;
  }
}

/**
 * The PostgreSQL store: tables documents, records and runs and the flat view
 * `indicator_values` in one schema (default `pokazatel`, or `?schema=NAME`
 * in the URL), migrated on open. A batch of results goes in as one
 * transaction: the documents' old rows are deleted (records cascade) and the
 * new ones loaded in bulk with upserts. A lost connection is retried with
 * exponential backoff on a new connection, then the call fails with a
 * message that names the server but never the password.
 */
export class PostgresStore implements Store {
  readonly where: string;
  /** The quoted schema name, for SQL. */
  private readonly s: string;
  private readonly pool: pg.Pool;
  private readonly loaderState = new WeakMap<pg.ClientBase, LoaderState>();
  private closed = false;

  private constructor(
    private readonly target: PgTarget,
    private readonly opts: Required<Omit<PostgresStoreOptions, "schema">>,
  ) {
    this.where = target.where;
    this.s = quoteIdent(target.schema);
    this.pool = new pg.Pool({
      connectionString: target.connectionString,
      max: opts.maxConnections,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      application_name: "pokazatel",
    });
    // an idle connection that dies is dropped by the pool; the next call connects again
    this.pool.on("error", () => undefined);
    this.pool.on("connect", (c) => c.on("error", () => undefined));
  }

  /** Connects, creates the schema and applies the migrations it lacks. */
  static async open(url: string, opts: PostgresStoreOptions = {}): Promise<PostgresStore> {
    let target: PgTarget;
    try {
      target = parsePgUrl(url, opts.schema);
    } catch (e) {
      throw new PostgresStoreError(`--db: ${scrub(messageOf(e), "")}`);
    }
    const store = new PostgresStore(target, {
      retries: Math.max(0, opts.retries ?? 5),
      retryDelayMs: opts.retryDelayMs ?? 200,
      maxConnections: opts.maxConnections ?? 2,
    });
    try {
      await store.attempt("open the store", (c) => store.migrate(c));
    } catch (e) {
      await store.pool.end().catch(() => undefined);
      throw e;
    }
    return store;
  }

  /** The schema's name, unquoted. */
  get schema(): string {
    return this.target.schema;
  }

  private lockKey(what: string): string {
    return `pokazatel:${what}:${this.target.schema}`;
  }

  private async migrate(c: pg.ClientBase): Promise<void> {
    const s = this.s;
    const lock = () => c.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [this.lockKey("migrate")]);
    const applied = await transaction(c, async () => {
      await lock();
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
      await c.query(`CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())`);
      const r = await c.query<{ version: number }>(`SELECT version FROM ${s}.schema_migrations`);
      return new Set(r.rows.map((x) => x.version));
    });
    const newest = Math.max(0, ...applied);
    if (newest > MIGRATIONS.length) {
      throw new Error(`schema ${s} is at version ${newest}, newer than this pokazatel knows (${MIGRATIONS.length}): upgrade pokazatel or use another schema`);
    }
    for (const [i, m] of MIGRATIONS.entries()) {
      const version = i + 1;
      if (applied.has(version)) continue;
      await transaction(c, async () => {
        await lock();
        // another process may have applied it while this one waited for the lock
        const done = await c.query(`SELECT 1 FROM ${s}.schema_migrations WHERE version = $1`, [version]);
        if (done.rowCount) return;
        await c.query(m.sql(s));
        await c.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [version, m.name]);
      });
    }
  }

  /**
   * Runs `fn` on a pooled connection; after a connection error, waits
   * (retryDelayMs, doubling) and runs it again on a new connection. `fn` must
   * be safe to repeat: each is one transaction or a read.
   */
  private async attempt<T>(what: string, fn: (c: pg.ClientBase) => Promise<T>): Promise<T> {
    if (this.closed) throw new PostgresStoreError(`PostgreSQL store ${this.describe()}: ${what} after close()`);
    const { retries, retryDelayMs } = this.opts;
    let waited = 0;
    for (let i = 0; ; i++) {
      let client: pg.PoolClient | null = null;
      try {
        client = await this.pool.connect();
        const out = await fn(client);
        client.release();
        return out;
      } catch (e) {
        // a connection that saw an error is not reused
        client?.release(true);
        if (!isConnectionError(e)) throw new PostgresStoreError(`PostgreSQL at ${this.describe()}: cannot ${what}: ${this.clean(messageOf(e))}`);
        if (i >= retries) {
          throw new PostgresStoreError(
            `PostgreSQL at ${this.describe()} is unreachable: cannot ${what} after ${i + 1} attempt${i ? "s" : ""} over ${(waited / 1000).toFixed(1)} s: ${this.clean(messageOf(e))}`,
          );
        }
        const delay = retryDelayMs * 2 ** i;
        waited += delay;
        await sleep(delay);
      }
    }
  }

  private describe(): string {
    return `${this.target.label} (schema ${this.s})`;
  }

  private clean(text: string): string {
    return scrub(text, this.target.password);
  }

  async lookup(keys: string[]): Promise<Map<string, { docId: string; rulesVersion: string }>> {
    const out = new Map<string, { docId: string; rulesVersion: string }>();
    if (!keys.length) return out;
    const byPg = new Map(keys.map((k) => [pgKey(k), k]));
    const rows = await this.attempt("look up documents", async (c) => {
      const r = await c.query<{ key: string; doc_id: string; rules_version: string }>(
        `SELECT key, doc_id, rules_version FROM ${this.s}.documents WHERE key = ANY($1::text[]) AND status <> 'failed' AND NOT lossy`,
        [[...byPg.keys()]],
      );
      return r.rows;
    });
    for (const row of rows) {
      const k = byPg.get(row.key);
      if (k !== undefined) out.set(k, { docId: row.doc_id, rulesVersion: row.rules_version });
    }
    return out;
  }

  async put(results: DocumentResult[]): Promise<void> {
    if (!results.length) return;
    const batch = prepareBatch(results);
    await this.attempt(`store ${batch.keys.length} document${batch.keys.length === 1 ? "" : "s"}`, (c) =>
      transaction(c, async () => {
        // one writer per schema at a time: the delete and the inserts see no one else's rows of these documents
        await c.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [this.lockKey("put")]);
        await c.query(`DELETE FROM ${this.s}.documents WHERE key = ANY($1::text[])`, [batch.keys]);
        let state = this.loaderState.get(c);
        if (!state) this.loaderState.set(c, (state = {}));
        await LOADER(c as pg.Client, this.s, batch, state);
      }),
    );
  }

  async load(key: string): Promise<DocumentResult | null> {
    const row = await this.attempt("load a document", async (c) => {
      const r = await c.query<{ line: unknown; rules_version: string; records: unknown[] }>(
        `SELECT d.line, d.rules_version,
                coalesce((SELECT jsonb_agg(r.json ORDER BY r.seq) FROM ${this.s}.records r WHERE r.doc_key = d.key), '[]'::jsonb) AS records
         FROM ${this.s}.documents d WHERE d.key = $1`,
        [pgKey(key)],
      );
      return r.rows[0];
    });
    if (!row) return null;
    // jsonb keeps keys sorted: give them back the order the pipeline writes
    return {
      document: orderKeys(row.line, DOCUMENT_LINE_ORDER) as DocumentLine,
      records: row.records.map((x) => orderKeys(x, RECORD_ORDER) as IndicatorRecord),
      rulesVersion: row.rules_version,
    };
  }

  async recordRun(report: RunReport): Promise<void> {
    const d = report.documents;
    const runKey = randomUUID();
    const json = storableJson(report).json;
    await this.attempt("record the run", (c) =>
      c.query(
        `INSERT INTO ${this.s}.runs (run_key, started, finished, seconds, rules_version, seen, skipped, processed, failed, records, report)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb) ON CONFLICT (run_key) DO NOTHING`,
        [runKey, report.started || null, report.finished || null, report.seconds, report.rules_version, d.seen, d.skipped, d.processed, d.failed, report.records, json],
      ),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
