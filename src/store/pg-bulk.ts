import type pg from "pg";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { DOC_COLUMNS, REC_COLUMNS, type Cell, type PreparedBatch } from "./pg-rows.js";

/**
 * The bulk loader for one batch of prepared rows, run inside the caller's
 * transaction after it deleted the documents' old rows: COPY (text format)
 * into session-local temporary tables, then one INSERT … SELECT … ON CONFLICT
 * per table, upserting documents by key and records by (doc_key, id).
 *
 * Measured against a multi-row parameterised INSERT … VALUES … ON CONFLICT
 * (chunked under the 65,535-parameter limit) and an INSERT … SELECT FROM
 * unnest($1::text[], …) ON CONFLICT, on batches of 200 real documents
 * (median of 30 batches each, 2 cores, PostgreSQL 15 on localhost):
 * ~130 records a batch: COPY 29 ms, VALUES 32 ms, unnest 34 ms;
 * ~3,100 records a batch: COPY 238 ms, VALUES 372 ms, unnest 466 ms.
 * bench/README.md ("Batch benchmark") has these and a whole run.
 */
export type Loader = (client: pg.Client, schemaQ: string, batch: PreparedBatch, state: LoaderState) => Promise<void>;

/** Per-connection state of a loader (temporary tables made). */
export interface LoaderState {
  temp?: boolean;
}

const docNames = DOC_COLUMNS.map((c) => c.name);
const recNames = REC_COLUMNS.map((c) => c.name);

function upsert(names: string[], conflict: string[], extra = ""): string {
  const set = names.filter((n) => !conflict.includes(n)).map((n) => `${n} = EXCLUDED.${n}`);
  return `ON CONFLICT (${conflict.join(", ")}) DO UPDATE SET ${set.join(", ")}${extra}`;
}
const docUpsert = upsert(docNames, ["key"], ", updated = now()");
const recUpsert = upsert(recNames, ["doc_key", "id"]);

/* ---------- COPY into temporary tables, then INSERT … SELECT … ON CONFLICT ---------- */

/** A value in COPY's text format. */
function copyCell(v: Cell): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  return v.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

async function copyRows(client: pg.Client, table: string, names: string[], rows: Cell[][]): Promise<void> {
  if (!rows.length) return;
  const stream = client.query(copyFrom(`COPY ${table} (${names.join(", ")}) FROM STDIN`));
  async function* lines() {
    let buf = "";
    for (const r of rows) {
      buf += `${r.map(copyCell).join("\t")}\n`;
      if (buf.length > 1 << 16) {
        yield buf;
        buf = "";
      }
    }
    if (buf) yield buf;
  }
  await pipeline(Readable.from(lines()), stream);
}

export const copyLoader: Loader = async (client, s, batch, state) => {
  if (!state.temp) {
    await client.query(
      `CREATE TEMP TABLE IF NOT EXISTS pokazatel_documents_in (LIKE ${s}.documents INCLUDING DEFAULTS) ON COMMIT DELETE ROWS;
       CREATE TEMP TABLE IF NOT EXISTS pokazatel_records_in (LIKE ${s}.records INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`,
    );
    state.temp = true;
  }
  await copyRows(client, "pokazatel_documents_in", docNames, batch.docs);
  await copyRows(client, "pokazatel_records_in", recNames, batch.records);
  await client.query(`INSERT INTO ${s}.documents (${docNames.join(", ")}) SELECT ${docNames.join(", ")} FROM pokazatel_documents_in ${docUpsert}`);
  await client.query(`INSERT INTO ${s}.records (${recNames.join(", ")}) SELECT ${recNames.join(", ")} FROM pokazatel_records_in ${recUpsert}`);
};
