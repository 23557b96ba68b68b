import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PostgresStore } from "../../src/store/postgres-store.js";
import { documentKey, type DocumentLine } from "../../src/store/store.js";
import { buildProject, dropSchemas, pgUp, schemaUrl, sql, uniqueSchema, warnIfSkipped } from "./pg.js";

/**
 * The built command line into a real PostgreSQL: the same as
 * ../shared/checks/postgres (records land once each, also when the run is
 * repeated in full), plus incremental reruns and credentials kept out of
 * everything printed or written.
 */
warnIfSkipped("tests/store/postgres-e2e.test.ts");
afterAll(dropSchemas);

const root = join(import.meta.dirname, "../..");
const PASSWORD = "e2e-Secr3t-pw";

function extract(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "bin/pokazatel"), "extract", ...args], { cwd: root, encoding: "utf8", timeout: 180_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
const lines = (f: string) => readFileSync(f, "utf8").split("\n").filter(Boolean);

describe("pokazatel extract --db postgres://…", () => {
  beforeAll(async () => {
    await buildProject(root);
  });

  it.skipIf(!pgUp)("stores each record once, also when repeated in full; a third run skips everything and writes the same records", async () => {
    const schema = uniqueSchema("e2e");
    const url = schemaUrl(schema, PASSWORD);
    const out = mkdtempSync(join(tmpdir(), "pokazatel-pg-e2e-"));
    const corpus = join(root, "corpus");

    const first = extract([corpus, "--out", out, "--db", url]);
    expect(first.status, first.out).toBe(0);
    const firstRecords = readFileSync(join(out, "records.jsonl"), "utf8");
    const second = extract([corpus, "--out", out, "--db", url, "--full"]);
    expect(second.status, second.out).toBe(0);

    const recs = lines(join(out, "records.jsonl"));
    expect(recs.length).toBeGreaterThan(0);
    const [c] = await sql<{ rows: number; ids: number }>(`SELECT count(*)::int AS rows, count(DISTINCT id)::int AS ids FROM "${schema}".records`);
    expect(c).toEqual({ rows: recs.length, ids: recs.length });
    const ids = new Set(recs.map((l) => JSON.parse(l).id as string));
    expect(ids.size).toBe(recs.length);
    const stored = await sql<{ id: string; json: unknown }>(`SELECT id, json FROM "${schema}".records`);
    expect(new Set(stored.map((r) => r.id))).toEqual(ids);

    const runs = await sql<{ processed: number; report: { store: string } }>(`SELECT processed, report FROM "${schema}".runs ORDER BY id`);
    expect(runs.map((r) => r.processed)).toEqual([5, 5]);

    // what the store gives back is what the run wrote, byte for byte
    const store = await PostgresStore.open(url);
    try {
      const docs = lines(join(out, "documents.jsonl")).map((l) => JSON.parse(l) as DocumentLine);
      const back: string[] = [];
      for (const d of docs) {
        const r = (await store.load(documentKey(d.source)))!;
        expect(r.document).toEqual(d);
        back.push(...r.records.map((x) => JSON.stringify(x)));
      }
      expect(back).toEqual(recs);
    } finally {
      await store.close();
    }

    const third = extract([corpus, "--out", out, "--db", url, "--quiet"]);
    expect(third.status, third.out).toBe(0);
    const run = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    expect(run.documents).toMatchObject({ seen: 5, skipped: 5, processed: 0 });
    expect(readFileSync(join(out, "records.jsonl"), "utf8")).toBe(firstRecords);

    // credentials: not in run.json, the runs table, or anything printed
    expect(run.store).toContain(":***@");
    for (const shown of [first.out, second.out, third.out, readFileSync(join(out, "run.json"), "utf8"), JSON.stringify(runs)]) expect(shown).not.toContain(PASSWORD);
    expect(first.out).toContain(":***@");
  });

  it("an unreachable server fails the run with a message that names it and not the password", () => {
    const out = mkdtempSync(join(tmpdir(), "pokazatel-pg-e2e-"));
    const r = extract([join(root, "corpus"), "--out", out, "--db", `postgres://alice:${PASSWORD}@127.0.0.1:1/warehouse`, "--quiet"]);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain("alice@127.0.0.1:1/warehouse");
    expect(r.out).toMatch(/unreachable.*6 attempts/);
    expect(r.out).not.toContain(PASSWORD);
  }, 30_000);
});
