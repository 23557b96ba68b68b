import { afterAll, describe, expect, it } from "vitest";
import net from "node:net";
import { inspect } from "node:util";
import { MIGRATIONS, PostgresStore, PostgresStoreError, isConnectionError } from "../../src/store/postgres-store.js";
import { documentKey, type DocumentResult } from "../../src/store/store.js";
import { FLAT_COLUMNS } from "../../src/store/rows.js";
import type { RunReport } from "../../src/extract.js";
import { dropSchemas, PG_URL, pgUp, schemaUrl, sql, uniqueSchema, warnIfSkipped, willDrop } from "./pg.js";
import { result } from "./fixtures.js";

warnIfSkipped("tests/store/postgres-store.test.ts");
afterAll(dropSchemas);

const T1 = "Уровень безработицы удерживается на уровне 4,6%, инфляция 8,1%, рост ВРП 5,2%.";
const T2 = "Уровень безработицы снизился до 4,5% 🙂, инфляция 7,9%.";

async function counts(schema: string): Promise<{ rows: number; ids: number; docs: number }> {
  const [r] = await sql<{ rows: number; ids: number }>(`SELECT count(*)::int AS rows, count(DISTINCT id)::int AS ids FROM "${schema}".records`);
  const [d] = await sql<{ docs: number }>(`SELECT count(*)::int AS docs FROM "${schema}".documents`);
  return { ...r, ...d };
}

function report(over: Partial<RunReport> = {}): RunReport {
  return {
    documents: { seen: 2, skipped: 0, processed: 2, failed: 0 },
    processed: 2,
    records: 5,
    rules_version: "rv1",
    store_error: null,
    started: "2025-10-03T10:00:00.000Z",
    finished: "2025-10-03T10:00:01.000Z",
    seconds: 1,
    inputs: ["corpus"],
    store: null,
    failures: [],
    languages: { ru: 2 },
    warnings: [],
    ...over,
  };
}

/** A TCP proxy in front of the server, to cut connections and take the "server" away. */
async function proxy(): Promise<{ url: (schema: string, password?: string) => string; cut: () => void; stop: () => Promise<void>; start: () => Promise<void>; close: () => Promise<void> }> {
  const target = new URL(PG_URL);
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const start = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const up = net.connect(Number(target.port || 5432), target.hostname || "127.0.0.1");
        sockets.add(client).add(up);
        const kill = () => {
          client.destroy();
          up.destroy();
          sockets.delete(client);
          sockets.delete(up);
        };
        client.on("error", kill).on("close", kill);
        up.on("error", kill).on("close", kill);
        client.pipe(up).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const cut = () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      cut();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });
  await start();
  return {
    url: (schema, password) => {
      const u = new URL(schemaUrl(schema, password));
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    cut,
    stop,
    start,
    close: stop,
  };
}

describe("PostgresStore without a server", () => {
  it("a refused connection fails with a message that names the server but not the password", async () => {
    const t0 = Date.now();
    const err = await PostgresStore.open("postgres://alice:s3cr3t-Pa55@127.0.0.1:1/warehouse?schema=x", { retries: 2, retryDelayMs: 20 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PostgresStoreError);
    const e = err as PostgresStoreError;
    expect(e.message).toContain("alice@127.0.0.1:1/warehouse");
    expect(e.message).toMatch(/unreachable.*3 attempts/);
    expect(e.message).toContain("ECONNREFUSED");
    for (const shown of [e.message, String(e), e.stack ?? "", inspect(e), JSON.stringify(e)]) expect(shown).not.toContain("s3cr3t");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(60); // waited 20 + 40 ms between the attempts
  });

  it("a URL that is not one says so without showing the password", async () => {
    const e = (await PostgresStore.open("postgres://bob:hunter2@[bad/db").catch((x: unknown) => x)) as Error;
    expect(e).toBeInstanceOf(PostgresStoreError);
    expect(e.message).not.toContain("hunter2");
    expect(e.message).toContain("bob:***@");
  });

  it("tells connection errors from the others", () => {
    expect(isConnectionError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isConnectionError(Object.assign(new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })], ""), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isConnectionError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("connection failure"), { code: "08006" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error('password authentication failed for user "x"'), { code: "28P01" }))).toBe(false);
    expect(isConnectionError(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
  });
});

describe("PostgresStore", () => {
  it.skipIf(!pgUp)("creates its schema with versioned migrations, once, also when opened twice or by two processes at once", async () => {
    const schema = uniqueSchema("mig");
    const [a, b] = await Promise.all([PostgresStore.open(schemaUrl(schema)), PostgresStore.open(schemaUrl(schema))]);
    await Promise.all([a.close(), b.close()]);
    const again = await PostgresStore.open(schemaUrl(schema));
    await again.close();
    const applied = await sql<{ version: number; name: string }>(`SELECT version, name FROM "${schema}".schema_migrations ORDER BY version`);
    expect(applied.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const tables = await sql<{ table_name: string; table_type: string }>(
      "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name",
      [schema],
    );
    expect(tables.map((t) => `${t.table_name}:${t.table_type}`)).toEqual([
      "documents:BASE TABLE",
      "indicator_values:VIEW",
      "records:BASE TABLE",
      "runs:BASE TABLE",
      "schema_migrations:BASE TABLE",
    ]);
    const idx = await sql<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'records'", [schema]);
    const defs = idx.map((i) => i.indexdef).join("\n");
    for (const cols of ["(indicator)", "(territory_code)", "(period_from, period_to)", "(doc_key, id)"]) expect(defs).toContain(cols);
    const types = await sql<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'records'",
      [schema],
    );
    const type = Object.fromEntries(types.map((t) => [t.column_name, t.data_type]));
    expect(type).toMatchObject({ json: "jsonb", amount: "double precision", period_from: "date", territory_inferred: "boolean", value_start: "integer" });
    const view = await sql<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'indicator_values' ORDER BY ordinal_position",
      [schema],
    );
    expect(view.map((c) => c.column_name)).toEqual(FLAT_COLUMNS.map((c) => c.name));
  });

  it.skipIf(!pgUp)("refuses a schema migrated by a newer version", async () => {
    const schema = uniqueSchema("newer");
    await (await PostgresStore.open(schemaUrl(schema))).close();
    await sql(`INSERT INTO "${schema}".schema_migrations (version, name) VALUES (999, 'future')`);
    await expect(PostgresStore.open(schemaUrl(schema))).rejects.toThrow(/version 999, newer than this pokazatel knows/);
  });

  it.skipIf(!pgUp)("put and load round-trip documents and records, keys in the order the pipeline writes them", async () => {
    const schema = uniqueSchema("rt");
    const store = await PostgresStore.open(schemaUrl(schema));
    try {
      const a = result("a.txt", T1, [["4,6%", 4.6], ["8,1%", 8.1], ["5,2%", 5.2]]);
      const b = result("feed.jsonl", T2, [["4,5%", 4.5], ["7,9%", 7.9]], { id: "item-7" });
      await store.put([a, b]);
      for (const r of [a, b]) {
        const back = (await store.load(documentKey(r.document.source)))!;
        expect(back.rulesVersion).toBe("rv1");
        expect(back.records.map((x) => JSON.stringify(x))).toEqual(r.records.map((x) => JSON.stringify(x)));
        expect(back.document).toEqual(r.document);
        expect(Object.keys(back.document)).toEqual(Object.keys(r.document));
      }
      expect(await store.load(documentKey({ ...a.document.source, path: "missing.txt" }))).toBeNull();
      const seen = await store.lookup([documentKey(a.document.source), documentKey(b.document.source), "nope"]);
      expect([...seen.values()]).toEqual([
        { docId: a.document.doc_id, rulesVersion: "rv1" },
        { docId: b.document.doc_id, rulesVersion: "rv1" },
      ]);
      const flat = await sql(`SELECT * FROM "${schema}".indicator_values WHERE source_id = 'item-7' ORDER BY amount`);
      expect(flat.map((r) => [r.indicator, r.amount, r.value_text, r.territory_code, r.outlet, r.sentence])).toEqual([
        ["unemployment_rate", 4.5, "4,5%", "KZ-63", "KAZAKHSTAN TODAY", T2],
        ["unemployment_rate", 7.9, "7,9%", "KZ-63", "KAZAKHSTAN TODAY", T2],
      ]);
      // code point offsets survive: PostgreSQL substr counts code points too
      const [cp] = await sql<{ ok: boolean }>(
        `SELECT bool_and(substr(d.line->>'text', r.value_start + 1, r.value_end - r.value_start) = r.value_text) AS ok
         FROM "${schema}".records r JOIN "${schema}".documents d ON d.key = r.doc_key`,
      );
      expect(cp.ok).toBe(true);
    } finally {
      await store.close();
    }
  });

  it.skipIf(!pgUp)("a changed document replaces its old records: no stale rows", async () => {
    const schema = uniqueSchema("chg");
    const store = await PostgresStore.open(schemaUrl(schema));
    try {
      await store.put([result("a.txt", T1, [["4,6%", 4.6], ["8,1%", 8.1], ["5,2%", 5.2]]), result("b.txt", T2, [["4,5%", 4.5]])]);
      const changed = "Уровень безработицы вырос до 4,9%.";
      await store.put([result("a.txt", changed, [["4,9%", 4.9]])]);
      const rows = await sql<{ doc_key: string; value_text: string; doc_id: string }>(`SELECT doc_key, value_text, doc_id FROM "${schema}".records ORDER BY doc_key, seq`);
      expect(rows.map((r) => r.value_text)).toEqual(["4,9%", "4,5%"]);
      const key = documentKey(result("a.txt", changed, []).document.source);
      expect((await store.lookup([key])).get(key)?.docId).toBe(rows[0].doc_id);
      expect((await store.load(key))!.records.map((r) => r.value.text)).toEqual(["4,9%"]);
      // what a lookup fetched ahead for load() is not served after a put replaced it
      expect((await store.lookup([key])).size).toBe(1);
      await store.put([result("a.txt", "Уровень безработицы вырос до 5,0%.", [["5,0%", 5]])]);
      expect((await store.load(key))!.records.map((r) => r.value.text)).toEqual(["5,0%"]);
      // a document that now gives no records keeps none
      await store.put([result("a.txt", "Без цифр.", [])]);
      expect(await counts(schema)).toEqual({ rows: 1, ids: 1, docs: 2 });
    } finally {
      await store.close();
    }
  });

  it.skipIf(!pgUp)("reruns upsert: the same results twice, a document twice in a batch, an id twice in a document: no doubles", async () => {
    const schema = uniqueSchema("ups");
    const store = await PostgresStore.open(schemaUrl(schema));
    try {
      const batch = [result("a.txt", T1, [["4,6%", 4.6], ["8,1%", 8.1]]), result("b.txt", T2, [["4,5%", 4.5]])];
      await store.put(batch);
      await store.put(batch);
      expect(await counts(schema)).toEqual({ rows: 3, ids: 3, docs: 2 });
      // (record ids come from the document's bytes: other texts for other documents)
      const older = result("c.txt", `${T1} (c)`, [["4,6%", 4.6]]);
      const newer = result("c.txt", `${T1} (c, исправлено)`, [["4,6%", 4.6], ["5,2%", 5.2]]);
      const dup = result("d.txt", `${T2} (d)`, [["4,5%", 4.5]]);
      dup.records.push({ ...dup.records[0], label: "второй" });
      await store.put([older, newer, dup]);
      expect(await counts(schema)).toEqual({ rows: 6, ids: 6, docs: 4 });
      expect((await store.load(documentKey(newer.document.source)))!.records).toHaveLength(2);
      expect((await store.load(documentKey(dup.document.source)))!.records.map((r) => r.label)).toEqual(["второй"]);
    } finally {
      await store.close();
    }
  });

  it.skipIf(!pgUp)("failed documents are kept but never skipped as unchanged; runs are recorded", async () => {
    const schema = uniqueSchema("fail");
    const store = await PostgresStore.open(schemaUrl(schema));
    try {
      const bad = result("bad.xml", "", []);
      bad.document = { ...bad.document, text: null, status: "failed", error: "ingest.xml: broken" };
      await store.put([bad]);
      expect((await store.lookup([documentKey(bad.document.source)])).size).toBe(0);
      await store.recordRun(report({ store: store.where }));
      const runs = await sql<{ seen: number; report: RunReport }>(`SELECT seen, report FROM "${schema}".runs`);
      expect(runs).toHaveLength(1);
      expect(runs[0].seen).toBe(2);
      expect(runs[0].report.store).toBe(store.where);
    } finally {
      await store.close();
    }
  });

  it.skipIf(!pgUp)("text PostgreSQL cannot hold (NUL, lone surrogates) is stored as U+FFFD and the document is processed again next time", async () => {
    const schema = uniqueSchema("nul");
    const store = await PostgresStore.open(schemaUrl(schema));
    try {
      const text = "Инфляция\u0000 составила 8,1% \ud800.";
      const r = result("nul.jsonl", text, [["8,1%", 8.1]], { id: "a\u0000b" });
      await store.put([r]);
      const key = documentKey(r.document.source);
      expect((await store.lookup([key])).size).toBe(0);
      const back = (await store.load(key))!;
      expect(back.document.text).toBe("Инфляция\uFFFD составила 8,1% \uFFFD.");
      expect(Array.from(back.document.text!).length).toBe(Array.from(text).length);
      expect(back.records[0].value.text).toBe("8,1%");
      // the key with its NUL is distinct from one that spells the escape out
      const other = result("nul.jsonl", "Инфляция 9%.", [["9%", 9]], { id: "a\\u0000b" });
      await store.put([other]);
      expect((await store.load(documentKey(other.document.source)))!.document.text).toBe("Инфляция 9%.");
      expect((await store.load(key))!.records).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it.skipIf(!pgUp)('a hostile schema name (a"; DROP TABLE x; --) is quoted, in the URL and as an option', async () => {
    const victim = uniqueSchema("victim");
    await sql(`CREATE SCHEMA "${victim}"; CREATE TABLE "${victim}".x (n int)`);
    const hostile = `a"; DROP TABLE ${victim}.x; --${process.pid}`;
    willDrop(hostile);
    const fromUrl = await PostgresStore.open(schemaUrl(hostile));
    try {
      await fromUrl.put([result("a.txt", T1, [["4,6%", 4.6]])]);
      await fromUrl.recordRun(report());
      expect((await fromUrl.load(documentKey(result("a.txt", T1, []).document.source)))!.records).toHaveLength(1);
      expect(fromUrl.where).toContain("schema=");
    } finally {
      await fromUrl.close();
    }
    const asOption = await PostgresStore.open(PG_URL, { schema: hostile });
    await asOption.close();
    const [ns] = await sql<{ n: number }>("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1", [hostile]);
    expect(ns.n).toBe(1);
    const [rec] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "${hostile.replace(/"/g, '""')}".records`);
    expect(rec.n).toBe(1);
    const [x] = await sql<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'x'", [victim]);
    expect(x.n).toBe(1);
  });

  it.skipIf(!pgUp)("where shows the URL with the password replaced by ***", async () => {
    const schema = uniqueSchema("where");
    const store = await PostgresStore.open(schemaUrl(schema, "pa55-w0rd"));
    try {
      expect(store.where).toContain(":***@");
      expect(store.where).not.toContain("pa55-w0rd");
      expect(store.where).toContain(`schema=${schema}`);
    } finally {
      await store.close();
    }
  });

  it.skipIf(!pgUp)("connections cut between calls and in the middle of a put are replaced: the batch lands once", async () => {
    const p = await proxy();
    const schema = uniqueSchema("cut");
    const store = await PostgresStore.open(p.url(schema), { retryDelayMs: 20 });
    try {
      await store.put([result("a.txt", T1, [["4,6%", 4.6]])]);
      p.cut();
      await store.put([result("b.txt", T2, [["4,5%", 4.5]])]);
      expect(await counts(schema)).toEqual({ rows: 2, ids: 2, docs: 2 });
      const big: DocumentResult[] = Array.from({ length: 300 }, (_, i) => result(`big/${i}.txt`, `${T1} ${i}`, [["4,6%", 4.6], ["8,1%", 8.1]]));
      const pending = store.put(big);
      setTimeout(() => p.cut(), 5);
      await pending;
      expect(await counts(schema)).toEqual({ rows: 602, ids: 602, docs: 302 });
      p.cut();
      expect((await store.lookup([documentKey(big[7].document.source)])).size).toBe(1);
    } finally {
      await store.close();
      await p.close();
    }
  });

  it.skipIf(!pgUp)("a server that comes back during the backoff is used again", async () => {
    const p = await proxy();
    const schema = uniqueSchema("back");
    const store = await PostgresStore.open(p.url(schema), { retries: 5, retryDelayMs: 100 });
    try {
      await p.stop();
      setTimeout(() => void p.start(), 250);
      await store.put([result("a.txt", T1, [["4,6%", 4.6]])]);
      expect(await counts(schema)).toEqual({ rows: 1, ids: 1, docs: 1 });
    } finally {
      await store.close();
      await p.close();
    }
  });

  it.skipIf(!pgUp)("a server that stays away fails the call after the retries, naming the server and never the password", async () => {
    const p = await proxy();
    const schema = uniqueSchema("gone");
    const store = await PostgresStore.open(p.url(schema, "t0p-s3cret"), { retries: 3, retryDelayMs: 20 });
    try {
      await p.stop();
      const e = (await store.put([result("a.txt", T1, [["4,6%", 4.6]])]).catch((x: unknown) => x)) as Error;
      expect(e).toBeInstanceOf(PostgresStoreError);
      expect(e.message).toMatch(/^PostgreSQL at \w+@127\.0\.0\.1:\d+\/\w+ \(schema "pk_gone_[^"]+"\) is unreachable: cannot store 1 document after 4 attempts over 0\.1 s: /);
      for (const shown of [e.message, e.stack ?? "", inspect(e)]) expect(shown).not.toContain("t0p-s3cret");
    } finally {
      await store.close();
      await p.close();
    }
  });
});
