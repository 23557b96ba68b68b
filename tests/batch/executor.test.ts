import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileRules } from "../../src/rules/compile.js";
import { inProcess, ISOLATE_OVER, workerPool } from "../../src/batch/executor.js";
import { processDocument } from "../../src/batch/run-one.js";
import { rawDoc } from "../core/run.js";

describe("the worker pool", () => {
  it("processes documents on worker threads exactly as in this thread", async () => {
    const rules = compileRules("rules");
    const pool = workerPool(rules, 2, 10_000);
    const here = inProcess(rules, 10_000);
    try {
      const texts = ["Экспорт вырос на 5% и составил 1,2 млрд долларов.", "В Павлодарской области построено 12 школ.", "Без чисел."];
      const [a, b] = await Promise.all([Promise.all(texts.map((t) => pool.run(rawDoc(t)))), Promise.all(texts.map((t) => here.run(rawDoc(t))))]);
      expect(a).toEqual(b);
      expect(a[0].ok && a[0].records.length).toBe(2);
      // and as the in-process executor's synchronous path, which `runExtract` takes at concurrency 1
      expect(texts.map((t) => here.runNow!(rawDoc(t)))).toEqual(b);
      expect(pool.runNow).toBeUndefined();
    } finally {
      await pool.close();
    }
  });

  it("stops a worker stuck on a document: that document fails alone, the ones queued behind it go through", async () => {
    const rules = compileRules("rules");
    // one worker, so the small documents queue behind the big one; its budget is 100 ms and no grace:
    // the pool stops the worker while it is still splitting the 4 MB into tokens
    const pool = workerPool(rules, 1, 100, { graceMs: 0 });
    try {
      await pool.ready();
      const big = rawDoc("Экспорт вырос на 5% и составил 1,2 млрд долларов. ".repeat(80_000));
      const small = ["Экспорт вырос на 5% и составил 1,2 млрд долларов.", "В Павлодарской области построено 12 школ."];
      const [slow, ...rest] = await Promise.all([pool.run(big), ...small.map((t) => pool.run(rawDoc(t)))]);
      expect(slow).toMatchObject({ ok: false, code: "pipeline.timeout", error: expect.stringMatching(/its worker was stopped/) });
      expect(rest.map((o) => o.ok && o.records.length)).toEqual([2, 1]);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("fails the documents with the reason when its workers cannot start, instead of waiting forever", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "pokazatel-pool-")), "rules");
    cpSync("rules", dir, { recursive: true });
    const rules = compileRules(dir);
    // the rules change after the run compiled them: every worker refuses to start
    writeFileSync(join(dir, "qualifiers.yaml"), `${readFileSync(join(dir, "qualifiers.yaml"), "utf8")}\n# changed\n`);
    const pool = workerPool(rules, 2, 10_000);
    try {
      const outcomes = await Promise.all([1, 2, 3].map(() => pool.run(rawDoc("Рост 5%."))));
      for (const o of outcomes) expect(o).toMatchObject({ ok: false, code: "pipeline.worker_error", error: expect.stringMatching(/rules changed/) });
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe("the in-process executor", () => {
  it("runs a text longer than ISOLATE_OVER on a worker thread, stopped when it overruns; shorter ones go on in this thread", async () => {
    const rules = compileRules("rules");
    // a budget of 100 ms and no grace: the worker is stopped while it is still splitting the 4 MB into tokens
    const here = inProcess(rules, 100, { graceMs: 0 });
    try {
      const big = rawDoc("Экспорт вырос на 5% и составил 1,2 млрд долларов. ".repeat(80_000));
      expect(big.text.length).toBeGreaterThan(ISOLATE_OVER);
      expect(here.runNow!(big)).toBeNull();
      expect(await here.run(big)).toMatchObject({ ok: false, code: "pipeline.timeout", error: expect.stringMatching(/its worker was stopped/) });
      const small = rawDoc("Экспорт вырос на 5% и составил 1,2 млрд долларов.");
      expect(here.runNow!(small)).toMatchObject({ ok: true, records: [{}, {}] });
      expect(await here.run(small)).toMatchObject({ ok: true, records: [{}, {}] });
    } finally {
      await here.close();
    }
  }, 60_000);

  it("gives a long text the outcome this thread would", async () => {
    const rules = compileRules("rules");
    const here = inProcess(rules, 60_000, { isolateOver: 1000 });
    try {
      const doc = rawDoc(readFileSync("corpus/002_961fc4cb50cd10a6.txt", "utf8"));
      expect(doc.text.length).toBeGreaterThan(1000);
      expect(here.runNow!(doc)).toBeNull();
      const there = await here.run(doc);
      expect(there.ok && there.records.length).toBeGreaterThan(5);
      expect(there).toEqual(processDocument(doc, rules, 60_000));
    } finally {
      await here.close();
    }
  }, 60_000);
});
