import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, jsonl } from "./run-cli.js";
import { buildCorpus } from "../../bench/corpus.mjs";

const tmp = () => mkdtempSync(join(tmpdir(), "pokazatel-cli-"));

describe("pokazatel extract", () => {
  it("writes records, documents and run.json for a folder and exits 0", () => {
    const out = join(tmp(), "out");
    const r = cli(["extract", "corpus", "--out", out, "--no-db", "--quiet"]);
    expect(r.status).toBe(0);
    const recs = jsonl(join(out, "records.jsonl"));
    const docs = jsonl(join(out, "documents.jsonl"));
    const run = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    expect(docs).toHaveLength(5);
    expect(recs.length).toBeGreaterThan(50);
    expect(run.documents).toEqual({ seen: 5, skipped: 0, processed: 5, failed: 0 });
    expect(run.records).toBe(recs.length);
    expect(existsSync(join(out, "pokazatel.sqlite"))).toBe(false);
  });

  it("--format csv also writes the flat view as records.csv, one row per record", () => {
    const out = join(tmp(), "out");
    expect(cli(["extract", "corpus", "--out", out, "--no-db", "--quiet", "--format", "csv"]).status).toBe(0);
    const csv = readFileSync(join(out, "records.csv"), "utf8");
    const rows = csv.split("\r\n").filter(Boolean);
    expect(csv.startsWith("\ufeffindicator,label,territory_code")).toBe(true);
    expect(rows.length - 1).toBe(jsonl(join(out, "records.jsonl")).length);
    expect(cli(["extract", "corpus", "--out", out, "--no-db", "--format", "xls"]).status).toBe(2);
  });

  it("reports broken files as failed documents, keeps the rest, exits 1", () => {
    const dir = tmp();
    cpSync("corpus/002_961fc4cb50cd10a6.txt", join(dir, "good.txt"));
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "binary.txt"), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8]));
    writeFileSync(join(dir, "dump.jsonl"), '{"id":"a","text":"Экспорт составил 5 млрд долларов."}\nnot json\n{"id":"c","text":"Импорт вырос на 3%."}\n');
    const out = join(dir, "out");
    const r = cli(["extract", dir, "--out", out, "--no-db", "--quiet"]);
    expect(r.status).toBe(1);
    const docs = jsonl<{ source: { path: string; id: string | null }; status: string; error: string | null }>(join(out, "documents.jsonl"));
    const failed = docs.filter((d) => d.status === "failed");
    expect(failed.map((d) => d.source.path).sort()).toEqual(["binary.txt", "dump.jsonl", "empty.txt"]);
    expect(failed.find((d) => d.source.path === "dump.jsonl")!.error).toMatch(/dump\.jsonl:2/);
    for (const f of failed) expect(f.error).toBeTruthy();
    const recs = jsonl<{ source: { path: string } }>(join(out, "records.jsonl"));
    expect(recs.some((x) => x.source.path === "good.txt")).toBe(true);
    expect(recs.some((x) => x.source.path === "dump.jsonl")).toBe(true);
    const run = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    expect(run.documents.failed).toBe(3);
    expect(run.failures).toHaveLength(3);
  });

  it("exits 2 naming file and line for a broken rule file, and writes nothing", () => {
    const dir = tmp();
    cpSync("rules", join(dir, "rules"), { recursive: true });
    const f = join(dir, "rules", "indicators.yaml");
    writeFileSync(f, readFileSync(f, "utf8").replace("  - code: gdp\n", "  - code: gdp\n    colour: blue\n"));
    const out = join(dir, "out");
    const r = cli(["extract", "corpus", "--out", out, "--rules", join(dir, "rules"), "--no-db"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/indicators\.yaml:\d+:\d+: .*colour/);
    expect(existsSync(join(out, "records.jsonl"))).toBe(false);
  });

  it("exits 2 for a pattern that does not parse, naming its line", () => {
    const dir = tmp();
    cpSync("rules", join(dir, "rules"), { recursive: true });
    const f = join(dir, "rules", "measures.yaml");
    const text = readFileSync(f, "utf8").replace("  - выросл*|вырос|вырастет|возрос*|растет|растут", "  - выр*ос");
    writeFileSync(f, text);
    const line = text.split("\n").findIndex((l) => l.includes("выр*ос")) + 1;
    const r = cli(["rules", "check", "--rules", join(dir, "rules")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`measures.yaml:${line}:`);
  });

  it("fails a document that overruns its time budget alone, with the reason, in-process and on workers", () => {
    const dir = tmp();
    // a long document next to a short one; a budget of 300 ms only the short one can meet
    writeFileSync(join(dir, "long.txt"), "Экспорт вырос на 5%, импорт снизился на 3%. ".repeat(60_000));
    writeFileSync(join(dir, "short.txt"), "Рост 1%.");
    for (const concurrency of ["1", "2"]) {
      const out = join(tmp(), `out-${concurrency}`);
      const r = cli(["extract", dir, "--out", out, "--no-db", "--quiet", "--timeout", "300", "--concurrency", concurrency]);
      expect(r.status).toBe(1);
      const docs = jsonl<{ source: { path: string }; status: string; error: string | null }>(join(out, "documents.jsonl"));
      const long = docs.find((d) => d.source.path === "long.txt")!;
      expect(long.status).toBe("failed");
      expect(long.error).toMatch(/^pipeline\.timeout: .*long\.txt.*300 ms/);
      expect(docs.find((d) => d.source.path === "short.txt")!.status).toBe("ok");
    }
  });

  it("exits 2 on bad arguments and when no documents are found", () => {
    expect(cli(["extract"]).status).toBe(2);
    expect(cli(["extract", "corpus", "--concurrency", "zero"]).status).toBe(2);
    expect(cli(["nonsense"]).status).toBe(2);
    const empty = tmp();
    expect(cli(["extract", empty, "--out", join(empty, "out"), "--no-db", "--quiet"]).status).toBe(2);
  });

  it("answers --help and --version with 0", () => {
    const h = cli(["--help"]);
    expect(h.status).toBe(0);
    expect(h.stdout).toContain("extract");
    const v = cli(["--version"]);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  });
});

describe("pokazatel extract: a run stopped before its end", () => {
  it("leaves the last complete run's files; the next run removes the temporary ones it left", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    expect(cli(["extract", "corpus", "--out", out, "--no-db", "--quiet"]).status).toBe(0);
    const complete = readdirSync(out).sort();
    const records = readFileSync(join(out, "records.jsonl"));
    // a run long enough to be stopped in the middle (seconds here)
    const input = join(dir, "big.jsonl");
    buildCorpus(".", input, 20);
    const temporary = () => readdirSync(out).filter((f) => f.includes(".tmp-")).sort();
    let before: number | undefined;
    for (const signal of ["SIGTERM", "SIGKILL"] as const) {
      const child = spawn(process.execPath, ["bin/pokazatel", "extract", input, "--out", out, "--no-db", "--quiet"], { stdio: "ignore" });
      const exit = new Promise<NodeJS.Signals | null>((done) => child.on("exit", (_code, sig) => done(sig)));
      // its two files appear (one after the other) once the run has started: stopped then
      const mine = [`documents.jsonl.tmp-${child.pid}`, `records.jsonl.tmp-${child.pid}`];
      while (mine.some((f) => !existsSync(join(out, f)))) await new Promise((r) => setTimeout(r, 5));
      child.kill(signal);
      expect(await exit).toBe(signal);
      expect(readFileSync(join(out, "records.jsonl"))).toEqual(records);
      // what it was writing stays (the run before's was removed when this one started)
      expect(temporary()).toEqual(mine);
      expect(child.pid).not.toBe(before);
      before = child.pid;
    }
    // also a records.csv of a run stopped while writing it (a process id no process has: above Linux's largest),
    // removed by the next run that writes records.csv
    writeFileSync(join(out, "records.csv.tmp-4194305"), "\ufeffindicator\r\n");
    expect(cli(["extract", "corpus", "--out", out, "--no-db", "--quiet", "--format", "csv"]).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...complete, "records.csv"].sort());
  });
});

describe("pokazatel rules check", () => {
  it("prints what the rules hold", () => {
    const r = cli(["rules", "check"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/version [0-9a-f]{16}/);
    expect(r.stdout).toMatch(/\d+ indicators/);
    expect(r.stdout).toMatch(/20 regions/);
    expect(r.stdout).toMatch(/\d+ news outlets/);
  });

  // the outlet catalogue's own checks (a domain's form, a name given to two outlets), which the
  // rule files' schema does not make: `rules check` and `extract` refuse the same files, alike
  const badOutlets: Array<[string, string, RegExp]> = [
    ["a name given to two outlets", "outlets:\n  - name: Kazinform\n  - name: Другое\n    aliases: [kazinform]\n", /outlets\.yaml:4:\d+: "kazinform" already belongs to outlet "Kazinform"/],
    ["a domain that is not one", "outlets:\n  - name: BAQ.KZ\n    domains: [BAQ.KZ/news]\n", /outlets\.yaml:3:\d+: .*lower-case domain/],
  ];
  it.each(badOutlets)("exits 2 for an outlets file with %s, naming its line, in check and extract", (_, yaml, message) => {
    const dir = tmp();
    cpSync("rules", join(dir, "rules"), { recursive: true });
    writeFileSync(join(dir, "rules", "outlets.yaml"), yaml);
    for (const args of [["rules", "check"], ["extract", "corpus", "--out", join(dir, "out"), "--no-db", "--quiet"]]) {
      const r = cli([...args, "--rules", join(dir, "rules")]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^pokazatel: bad rule files:\n/);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(join(dir, "out", "records.jsonl"))).toBe(false);
  });
});

const ENGLISH = "ASTANA. Investment in fixed assets in the Almaty region reached 838 billion tenge in January-February 2025, up 8.3% year on year, the akimat said. The region plans to attract $1.2 billion of foreign investment by 2030.";
const KAZAKH = "Алматы облысында негізгі капиталға салынған инвестициялар 838 млрд теңгені құрады, бұл өткен жылдың сәйкес кезеңімен салыстырғанда 8,3%-ға артық.";

describe("pokazatel extract: texts in three languages", () => {
  it("reads Russian and English with their rules; a Kazakh text gets no records and a warning, in documents.jsonl, run.json and the summary; the run exits 0", () => {
    const dir = tmp();
    cpSync("corpus/002_961fc4cb50cd10a6.txt", join(dir, "ru.txt"));
    writeFileSync(join(dir, "en.txt"), ENGLISH);
    writeFileSync(join(dir, "kk.txt"), KAZAKH);
    const out = join(dir, "out");
    const r = cli(["extract", dir, "--out", out, "--no-db"]);
    expect(r.status).toBe(0);
    const docs = jsonl<{ source: { path: string }; status: string; language: string; records: number; warnings?: Array<{ code: string; message: string }> }>(join(out, "documents.jsonl"));
    expect(docs.map((d) => [d.source.path, d.status, d.language, d.records > 0, d.warnings?.map((w) => w.code)])).toEqual([
      ["en.txt", "ok", "en", true, undefined],
      ["kk.txt", "ok", "kk", false, ["language.unsupported"]],
      ["ru.txt", "ok", "ru", true, undefined],
    ]);
    expect(docs[1].warnings![0].message).toBe("the text is in Kazakh (kk); the rules are for Russian (ru) and English (en): no records");
    // the English text read by the English rules (rules/en/): "$1.2 billion" is 1.2 billion dollars
    const en = jsonl<{ source: { path: string }; indicator: string; value: { text: string; amount: number; unit: string }; period: { to: string; kind: string } | null }>(join(out, "records.jsonl")).filter((x) => x.source.path === "en.txt");
    expect(en.map((x) => [x.indicator, x.value.text, x.value.amount, x.value.unit, x.period?.kind])).toEqual([
      ["fixed_capital_investment", "838 billion tenge", 838_000_000_000, "KZT", "actual"],
      ["fixed_capital_investment", "8.3%", 8.3, "percent", "actual"],
      ["investment", "$1.2 billion", 1_200_000_000, "USD", "target"],
    ]);
    const run = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    expect(run.languages).toEqual({ en: 1, kk: 1, ru: 1 });
    expect(run.warnings.map((w: { path: string; code: string }) => [w.path, w.code])).toEqual([["kk.txt", "language.unsupported"]]);
    expect(r.stderr).toMatch(/warning: kk\.txt: language\.unsupported: the text is in Kazakh \(kk\)/);
  });
});

describe("pokazatel mentions", () => {
  it("reads an English text with the English rules and skips one in a language with no rules, with a warning", () => {
    const dir = tmp();
    const f = join(dir, "a.jsonl");
    writeFileSync(f, [JSON.stringify({ id: "en", text: ENGLISH }), JSON.stringify({ id: "kk", text: KAZAKH }), JSON.stringify({ id: "ru", text: "Экспорт: 1,6 млрд долларов (+12%)." })].join("\n") + "\n");
    const r = cli(["mentions", f, "--out", join(dir, "m.jsonl")]);
    expect(r.status).toBe(0);
    const m = jsonl<{ source: { id: string }; text: string }>(join(dir, "m.jsonl"));
    expect(m.map((x) => [x.source.id, x.text])).toEqual([
      ["en", "838 billion tenge"],
      ["en", "8.3%"],
      ["en", "$1.2 billion"],
      ["ru", "1,6 млрд долларов"],
      ["ru", "+12%"],
    ]);
    expect(r.stderr).toMatch(/1 not read \(another language\)/);
    expect(r.stderr).toMatch(/warning: .*a\.jsonl \[kk\]: language\.unsupported/);
  });

  it("writes one JSON line per mention with code point offsets", () => {
    const dir = tmp();
    const f = join(dir, "a.jsonl");
    writeFileSync(f, JSON.stringify({ id: "x", text: "📈 Экспорт: 1,6 млрд долларов (+12%)." }) + "\n");
    const r = cli(["mentions", f, "--out", join(dir, "m.jsonl")]);
    expect(r.status).toBe(0);
    const m = jsonl<{ type: string; start: number; end: number; text: string; amount: number; unit: string; source: { id: string } }>(join(dir, "m.jsonl"));
    const cps = Array.from("📈 Экспорт: 1,6 млрд долларов (+12%).");
    expect(m.map((x) => x.type)).toEqual(["money", "percent"]);
    for (const x of m) expect(cps.slice(x.start, x.end).join("")).toBe(x.text);
    expect(m[0]).toMatchObject({ amount: 1600000000, unit: "USD", source: { id: "x" } });
  });

  it("--out is written beside its name and renamed into place; standard output gets the same lines", () => {
    const dir = tmp();
    const out = join(dir, "m.jsonl");
    // left by a run stopped before its end (a process id no process has: above Linux's largest)
    writeFileSync(`${out}.tmp-4194305`, '{"half":');
    const r = cli(["mentions", "corpus", "--out", out]);
    expect(r.status).toBe(0);
    expect(readdirSync(dir)).toEqual(["m.jsonl"]);
    const lines = readFileSync(out, "utf8");
    expect(lines.split("\n").length).toBeGreaterThan(50);
    expect(cli(["mentions", "corpus"]).stdout).toBe(lines);
  });
});
