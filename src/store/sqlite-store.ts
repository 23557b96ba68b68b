import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { IndicatorRecord } from "../core/record.js";
import type { RunReport } from "../extract.js";
import { documentKey, type DocumentLine, type DocumentResult, type Store } from "./store.js";
import { FLAT_COLUMNS, recordRow, RECORD_COLUMNS } from "./rows.js";

/** Versioned migrations; each runs once, in order, in a transaction. */
const MIGRATIONS: string[] = [
  `CREATE TABLE documents (
     key TEXT PRIMARY KEY,
     doc_id TEXT NOT NULL,
     path TEXT, source_id TEXT, url TEXT, outlet TEXT, title TEXT, published TEXT,
     status TEXT NOT NULL, error TEXT,
     rules_version TEXT NOT NULL,
     records INTEGER NOT NULL,
     line TEXT NOT NULL,
     updated TEXT NOT NULL
   );
   CREATE INDEX documents_doc_id ON documents(doc_id);
   CREATE TABLE records (
     doc_key TEXT NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     ${RECORD_COLUMNS.map((c) => `${c.name} ${c.sqlite}`).join(",\n     ")},
     json TEXT NOT NULL,
     PRIMARY KEY (doc_key, id)
   );
   CREATE INDEX records_indicator ON records(indicator);
   CREATE INDEX records_territory ON records(territory_code);
   CREATE INDEX records_period ON records(period_from, period_to);
   CREATE INDEX records_id ON records(id);
   CREATE TABLE runs (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     started TEXT, finished TEXT, seconds REAL, rules_version TEXT,
     seen INTEGER, skipped INTEGER, processed INTEGER, failed INTEGER, records INTEGER,
     report TEXT NOT NULL
   );
   CREATE VIEW indicator_values AS
     SELECT ${FLAT_COLUMNS.map((c) => `${c.expr} AS ${c.name}`).join(", ")}
     FROM records r JOIN documents d ON d.key = r.doc_key;`,
];

/** The embedded database: documents, records, runs, and the flat view `indicator_values` for analysts. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  readonly where: string;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.where = `sqlite:${path}`;
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.migrate();
  }

  private migrate(): void {
    this.db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)");
    const done = new Set((this.db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map((r) => r.version));
    MIGRATIONS.forEach((sql, i) => {
      const version = i + 1;
      if (done.has(version)) return;
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.prepare("INSERT INTO schema_migrations (version, applied) VALUES (?, ?)").run(version, new Date().toISOString());
      })();
    });
  }

  async lookup(keys: string[]): Promise<Map<string, { docId: string; rulesVersion: string }>> {
    const out = new Map<string, { docId: string; rulesVersion: string }>();
    const stmt = this.db.prepare("SELECT doc_id, rules_version FROM documents WHERE key = ? AND status != 'failed'");
    for (const k of keys) {
      const row = stmt.get(k) as { doc_id: string; rules_version: string } | undefined;
      if (row) out.set(k, { docId: row.doc_id, rulesVersion: row.rules_version });
    }
    return out;
  }

  async put(results: DocumentResult[]): Promise<void> {
    const del = this.db.prepare("DELETE FROM documents WHERE key = ?");
    const insDoc = this.db.prepare(
      `INSERT INTO documents (key, doc_id, path, source_id, url, outlet, title, published, status, error, rules_version, records, line, updated)
       VALUES (@key, @doc_id, @path, @source_id, @url, @outlet, @title, @published, @status, @error, @rules_version, @records, @line, @updated)`,
    );
    const cols = ["doc_key", "seq", ...RECORD_COLUMNS.map((c) => c.name), "json"];
    const insRec = this.db.prepare(`INSERT OR REPLACE INTO records (${cols.join(", ")}) VALUES (${cols.map((c) => `@${c}`).join(", ")})`);
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const r of results) {
        const d = r.document;
        const key = documentKey(d.source);
        del.run(key);
        insDoc.run({
          key,
          doc_id: d.doc_id,
          path: d.source.path,
          source_id: d.source.id,
          url: d.source.url,
          outlet: d.source.outlet,
          title: d.source.title,
          published: d.source.published,
          status: d.status,
          error: d.error,
          rules_version: r.rulesVersion,
          records: r.records.length,
          line: JSON.stringify(d),
          updated: now,
        });
        r.records.forEach((rec, seq) => insRec.run({ doc_key: key, seq, ...recordRow(rec), json: JSON.stringify(rec) }));
      }
    })();
  }

  /** The statements `load` runs for every unchanged document, prepared once (preparing them each time was most of a rerun's time). */
  private loading: { document: Database.Statement; records: Database.Statement } | null = null;

  async load(key: string): Promise<DocumentResult | null> {
    this.loading ??= {
      document: this.db.prepare("SELECT line, rules_version FROM documents WHERE key = ?"),
      records: this.db.prepare("SELECT json FROM records WHERE doc_key = ? ORDER BY seq"),
    };
    const d = this.loading.document.get(key) as { line: string; rules_version: string } | undefined;
    if (!d) return null;
    const recs = this.loading.records.all(key) as { json: string }[];
    return { document: JSON.parse(d.line) as DocumentLine, records: recs.map((r) => JSON.parse(r.json) as IndicatorRecord), rulesVersion: d.rules_version };
  }

  async recordRun(report: RunReport): Promise<void> {
    const d = report.documents;
    this.db
      .prepare("INSERT INTO runs (started, finished, seconds, rules_version, seen, skipped, processed, failed, records, report) VALUES (?,?,?,?,?,?,?,?,?,?)")
      .run(report.started, report.finished, report.seconds, report.rules_version, d.seen, d.skipped, d.processed, d.failed, report.records, JSON.stringify(report));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
