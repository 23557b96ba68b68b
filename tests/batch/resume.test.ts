import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { cli, cliChild, jsonl } from "../cli/run-cli.js";
import { buildCorpus } from "../../bench/corpus.mjs";

const tmp = () => mkdtempSync(join(tmpdir(), "pokazatel-batch-"));
const ids = (out: string) => jsonl<{ id: string }>(join(out, "records.jsonl")).map((r) => r.id);
const run = (out: string) => JSON.parse(readFileSync(join(out, "run.json"), "utf8"));

/** A corpus big enough that a kill lands mid-run: 3 MB recombined from the repository's texts, plus the seeds. */
function corpus(): string {
  const dir = join(tmp(), "in");
  mkdirSync(dir);
  buildCorpus(".", join(dir, "recombined.jsonl"), 3);
  cpSync("corpus", dir, { recursive: true });
  return dir;
}

describe("kill -9 and resume", () => {
  it("gives exactly the records of an uninterrupted run, whenever the kill lands", async () => {
    const input = corpus();
    const ref = join(tmp(), "ref");
    const t0 = performance.now();
    expect(cli(["extract", input, "--out", ref, "--quiet"]).status).toBe(0);
    const took = performance.now() - t0;
    const expected = ids(ref).sort();
    expect(expected.length).toBeGreaterThan(100);
    // kills early, midway and late in a run as long as the uninterrupted one
    let landed = 0;
    for (const part of [0.15, 0.5, 0.85]) {
      const ms = Math.round(took * part);
      const out = join(tmp(), `cut-${part}`);
      const child = cliChild(["extract", input, "--out", out, "--quiet"]);
      // listened to from the start: a run that ends before the kill has already exited by then
      const exited = once(child, "exit");
      await new Promise((r) => setTimeout(r, ms));
      if (child.exitCode === null && child.signalCode === null) landed++;
      child.kill("SIGKILL");
      await exited;
      expect(cli(["extract", input, "--out", out, "--quiet"]).status).toBe(0);
      const got = ids(out);
      expect(got.length, `after a kill at ${ms} ms`).toBe(expected.length);
      expect(got.sort()).toEqual(expected);
      expect(cli(["extract", input, "--out", out, "--quiet"]).status).toBe(0);
      expect(run(out).documents.processed).toBe(0);
      expect(ids(out).sort()).toEqual(expected);
    }
    // the kills really interrupted runs (a run may end before a late kill on a loaded machine)
    expect(landed).toBeGreaterThanOrEqual(2);
  }, 240_000);
});

describe("incremental runs", () => {
  it("processes only new and changed documents, and everything when the rules change", () => {
    const dir = tmp();
    const input = join(dir, "in");
    cpSync("corpus", input, { recursive: true });
    const out = join(dir, "out");
    expect(cli(["extract", input, "--out", out, "--quiet"]).status).toBe(0);
    expect(run(out).documents).toMatchObject({ seen: 5, processed: 5, skipped: 0 });

    // a new article
    writeFileSync(join(input, "new.txt"), " date 2025-03-01 В Павлодарской области экспорт составил 1,2 млрд долларов.\n");
    expect(cli(["extract", input, "--out", out, "--quiet"]).status).toBe(0);
    expect(run(out).documents).toMatchObject({ seen: 6, processed: 1, skipped: 5 });
    const before = jsonl<{ id: string; source: { path: string }; value: { amount: number } }>(join(out, "records.jsonl"));
    expect(before.filter((r) => r.source.path === "new.txt").map((r) => r.value.amount)).toEqual([1200000000]);

    // a changed article: its old records are replaced, none left behind
    writeFileSync(join(input, "new.txt"), " date 2025-03-01 В Павлодарской области экспорт составил 1,5 млрд долларов.\n");
    expect(cli(["extract", input, "--out", out, "--quiet"]).status).toBe(0);
    expect(run(out).documents).toMatchObject({ processed: 1, skipped: 5 });
    const after = jsonl<{ id: string; source: { path: string }; value: { amount: number } }>(join(out, "records.jsonl"));
    expect(after.filter((r) => r.source.path === "new.txt").map((r) => r.value.amount)).toEqual([1500000000]);
    expect(after).toHaveLength(before.length);

    // a rule change reprocesses everything
    const rules = join(dir, "rules");
    cpSync("rules", rules, { recursive: true });
    writeFileSync(join(rules, "qualifiers.yaml"), readFileSync(join(rules, "qualifiers.yaml"), "utf8") + "\n# a comment changes the version\n");
    expect(cli(["extract", input, "--out", out, "--rules", rules, "--quiet"]).status).toBe(0);
    expect(run(out).documents).toMatchObject({ processed: 6, skipped: 0 });

    // --full ignores what earlier runs did
    expect(cli(["extract", input, "--out", out, "--rules", rules, "--full", "--quiet"]).status).toBe(0);
    expect(run(out).documents).toMatchObject({ processed: 6, skipped: 0 });
  }, 120_000);

  it("gives the same records with one worker and with several", () => {
    const input = corpus();
    const one = join(tmp(), "one");
    const two = join(tmp(), "two");
    expect(cli(["extract", input, "--out", one, "--no-db", "--concurrency", "1", "--quiet"]).status).toBe(0);
    expect(cli(["extract", input, "--out", two, "--no-db", "--concurrency", "3", "--quiet"]).status).toBe(0);
    expect(readFileSync(join(two, "records.jsonl"), "utf8")).toBe(readFileSync(join(one, "records.jsonl"), "utf8"));
  }, 120_000);
});
