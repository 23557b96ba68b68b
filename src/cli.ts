import { readFileSync } from "node:fs";
import { once } from "node:events";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { compileRules, type CompiledRules } from "./rules/compile.js";
import { RuleSetError } from "./rules/load.js";
import { loadOutlets, OutletRulesError, outletsFileIn } from "./stages/ingest/outlets.js";
import { runExtract, runMentions } from "./extract.js";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { writeCsv } from "./sinks/csv.js";
import { JsonlFile } from "./sinks/jsonl-file.js";
import { readJsonl } from "./sinks/read-jsonl.js";
import type { IndicatorRecord } from "./core/record.js";
import type { Store } from "./store/store.js";
import { LANGUAGE_NAMES, type LanguageCode } from "./stages/ingest/language.js";

/** Exit statuses scripts rely on (shared/spec/cli.md). */
export const EXIT = { ok: 0, someFailed: 1, nothingDone: 2 } as const;

class UsageError extends Error {}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

function defaultRulesDir(): string {
  return new URL("../rules", import.meta.url).pathname;
}

/**
 * Compiles the rule folder and loads its outlet catalogue (`outlets.yaml`),
 * which has a check of its own (a name given to two outlets): every command
 * that reads rules, `rules check` first, refuses the same bad files.
 * The catalogue is kept in this process, so ingest does not read it again.
 */
function loadRules(dir: string): CompiledRules {
  const rules = compileRules(dir);
  const outlets = outletsFileIn(rules.dir);
  if (outlets) loadOutlets(outlets);
  return rules;
}

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("a whole number of at least 1");
  return n;
};

interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Problems listed one a line on stderr; the rest are counted. */
const SHOWN = 20;

/** The first SHOWN failures or warnings of a run, and how many more (and where they all are, when they are written). */
function listSome(say: (s: string) => void, kind: "failed" | "warning", items: Array<{ path: string | null; id: string | null; code: string; text: string }>, all: string | null): void {
  for (const x of items.slice(0, SHOWN)) say(`  ${kind}: ${x.path ?? ""}${x.id ? ` [${x.id}]` : ""}: ${x.code}: ${x.text}`);
  if (items.length > SHOWN) say(`  … and ${items.length - SHOWN} more${kind === "warning" ? " warnings" : ""}${all ? ` (see ${all})` : ""}`);
}

/** Runs the command line; resolves to the exit status. */
export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let status: number = EXIT.ok;
  const say = (s: string) => io.stderr.write(`${s}\n`);
  const program = new Command();
  program
    .name("pokazatel")
    .description("Russian-language economic press texts about Kazakhstan → indicator records with exact offsets")
    .version(version(), "-v, --version")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  program
    .command("extract")
    .description("extract indicator records from every document under the inputs")
    .argument("<input...>", "files or folders (.txt, .html, .htm, .xml, .jsonl)")
    .option("--out <dir>", "output folder", "output")
    .option("--rules <dir>", "rule folder", defaultRulesDir())
    .option("--concurrency <n>", "documents processed at once (default: cores - 1; 1 runs in this thread)", positiveInt)
    .option("--db <url>", "database: sqlite:PATH or postgres://…")
    .option("--no-db", "do not write the embedded database")
    .option("--full", "process every document, also those unchanged since an earlier run")
    .option("--timeout <ms>", "time budget per document, in milliseconds", positiveInt, 10_000)
    .option("--max-bytes <n>", "largest input file read, in bytes", positiveInt, 20 * 1024 * 1024)
    .option("--format <format>", "also write the flat view of the records as records.csv (csv); records.jsonl is always written", (v) => {
      if (v !== "jsonl" && v !== "csv") throw new InvalidArgumentError("jsonl or csv");
      return v;
    }, "jsonl")
    .option("--quiet", "no progress and no summary")
    .action(async (inputs: string[], o) => {
      const rules = loadRules(o.rules);
      const store = await openStore(o.db, o.out);
      const tty = Boolean(io.stderr.isTTY) && !o.quiet;
      // loaded only for a terminal
      const cliProgress = tty ? (await import("cli-progress")).default : null;
      const bar = cliProgress ? new cliProgress.SingleBar({ format: "{bar} {value} documents | {rate}/s | {failed} failed", stream: io.stderr as NodeJS.WriteStream }, cliProgress.Presets.shades_classic) : null;
      const t0 = Date.now();
      let failed = 0;
      bar?.start(0, 0, { rate: 0, failed: 0 });
      const report = await runExtract({
        inputs,
        out: o.out,
        rules,
        store,
        full: Boolean(o.full),
        // one core reads and writes; the others run the pipeline (on two cores one thread does
        // everything: faster there than two workers and a reader sharing two cores, bench/README.md)
        concurrency: o.concurrency ?? Math.max(1, availableParallelism() - 1),
        timeoutMs: o.timeout,
        maxBytes: o.maxBytes,
        onDocument: (done, st) => {
          if (st === "failed") failed++;
          if (bar) {
            bar.setTotal(done);
            bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - t0) / 1000)), failed });
          } else if (!o.quiet && done % 1000 === 0) say(`pokazatel: ${done} documents, ${failed} failed`);
        },
      });
      bar?.stop();
      await store?.close();
      if (o.format === "csv") {
        const n = await writeCsv(readJsonl<IndicatorRecord>(join(o.out, "records.jsonl")), join(o.out, "records.csv"));
        if (!o.quiet) say(`pokazatel: ${n} records → ${o.out}/records.csv`);
      }
      if (!o.quiet) {
        const d = report.documents;
        say(`pokazatel: ${d.seen} documents (${d.processed} processed, ${d.skipped} unchanged, ${d.failed} failed), ${report.records} records in ${report.seconds} s → ${o.out}/${store ? ` and ${store.where}` : ""}`);
        listSome(say, "failed", report.failures.map((f) => ({ ...f, text: f.error })), `${o.out}/documents.jsonl`);
        listSome(say, "warning", report.warnings.map((w) => ({ ...w, text: w.message })), `${o.out}/run.json`);
      }
      if (report.documents.seen === 0) {
        say("pokazatel: no documents found under the inputs");
        status = EXIT.nothingDone;
      } else status = report.documents.failed || report.store_error ? EXIT.someFailed : EXIT.ok;
      if (report.store_error) say(`pokazatel: the database stopped taking results: ${report.store_error}; ${o.out}/ is complete`);
    });

  program
    .command("mentions")
    .description("every number mention the rules find, before indicator assignment (JSONL)")
    .argument("<input...>", "files or folders")
    .option("--out <file>", "output file (default: standard output)")
    .option("--rules <dir>", "rule folder", defaultRulesDir())
    .option("--timeout <ms>", "time budget per document, in milliseconds", positiveInt, 10_000)
    .action(async (inputs: string[], o) => {
      const rules = loadRules(o.rules);
      // a file is written beside its name and renamed into place at the end, as extract's outputs
      const file = o.out ? new JsonlFile(o.out) : null;
      let r: Awaited<ReturnType<typeof runMentions>>;
      try {
        r = await runMentions({
          inputs,
          rules,
          timeoutMs: o.timeout,
          write: file
            ? (m) => file.write(m)
            : async (m) => {
                if (!io.stdout.write(`${JSON.stringify(m)}\n`)) await once(io.stdout, "drain");
              },
        });
      } catch (e) {
        await file?.abort();
        throw e;
      }
      await file?.commit();
      say(`pokazatel: ${r.documents} documents, ${r.mentions} mentions, ${r.failed} failed${r.warnings.length ? `, ${r.warnings.length} not read (another language)` : ""}`);
      listSome(say, "failed", r.failures.map((f) => ({ ...f, text: f.error })), null);
      listSome(say, "warning", r.warnings.map((w) => ({ ...w, text: w.message })), null);
      status = r.documents === 0 ? EXIT.nothingDone : r.failed ? EXIT.someFailed : EXIT.ok;
    });

  const rulesCmd = program.command("rules").description("work with rule files");
  rulesCmd
    .command("check")
    .description("validate the rule files and print what they hold")
    .option("--rules <dir>", "rule folder", defaultRulesDir())
    .action((o) => {
      const main = loadRules(o.rules);
      const w = (s: string) => io.stdout.write(`${s}\n`);
      // the folder's rules, then each language folder's (rules/en/)
      for (const r of main.byLanguage.values()) {
        w(`rules ${r.dir}: version ${r.version}, for texts in ${LANGUAGE_NAMES[r.language as LanguageCode] ?? r.language} (${r.language})`);
        for (const f of r.files) w(`  ${f.path} (${f.kind})`);
        w(`  ${r.indicators.size} indicators, ${r.cues.length} cues, ${r.counted.length} counted nouns`);
        w(`  ${r.units.length} units (${r.units.filter((u) => u.type === "money").length} currencies), ${r.numerals.size} number words, ${r.scales.size} scale words`);
        w(`  ${r.qualifiers.length} qualifier forms, ${new Set(r.periods.map((p) => p.id)).size} period expressions (${r.periods.length} patterns)`);
        w(`  ${r.regions.size} regions, ${[...r.gazetteer.values()].reduce((n, l) => n + l.length, 0)} territory names`);
      }
      const outlets = outletsFileIn(main.dir);
      if (outlets) w(`  ${loadOutlets(outlets).outlets.length} news outlets`);
    });

  program
    .command("review")
    .description("write OUTPUT_DIR/review.html: every record over its highlighted source text")
    .argument("<output_dir>", "a folder written by `pokazatel extract`")
    .action(async (dir: string) => {
      const { writeReviewPage } = await import("./review/review-page.js");
      const r = await writeReviewPage(dir);
      io.stdout.write(`${r.file}: ${r.records} records, ${r.documents} documents\n`);
    });

  // distributed runs (BullMQ on Redis → PostgreSQL): src/distributed/
  /** The options every queue command shares. */
  const queueCommand = (name: string, description: string) =>
    program
      .command(name)
      .description(description)
      .requiredOption("--redis <url>", "Redis server: redis://[:password@]host:port[/db]")
      .option("--queue <name>", "queue name", "pokazatel");

  queueCommand("enqueue", "add the documents under the inputs to the work queue, in jobs of --batch documents (idempotent)")
    .argument("<input...>", "files or folders")
    .option("--rules <dir>", "rule folder (its version travels with each job)", defaultRulesDir())
    .option("--batch <n>", "documents per job", positiveInt, 50)
    .option("--max-bytes <n>", "largest input file read, in bytes", positiveInt, 20 * 1024 * 1024)
    .action(async (inputs: string[], o) => {
      const { enqueueCommand } = await import("./distributed/commands.js");
      status = await enqueueCommand(inputs, loadRules(o.rules), o, (s) => io.stdout.write(`${s}\n`), say);
    });

  queueCommand("worker", "process jobs from the work queue into PostgreSQL until SIGTERM/SIGINT")
    .requiredOption("--db <url>", "PostgreSQL: postgres://…[?schema=NAME]")
    .option("--rules <dir>", "rule folder (jobs enqueued with other rules are refused)", defaultRulesDir())
    .option("--concurrency <n>", "jobs processed at once, each on its own thread", positiveInt, 1)
    .option("--timeout <ms>", "time budget per document, in milliseconds", positiveInt, 10_000)
    .option("--grace <ms>", "after SIGTERM, how long the current job may run before it is given back to the queue", (v) => {
      if (!/^\d+$/.test(v)) throw new InvalidArgumentError("a whole number of milliseconds");
      return Number(v);
    }, 10_000)
    .action(async (o) => {
      const { workerCommand } = await import("./distributed/commands.js");
      status = await workerCommand(loadRules(o.rules), o, say);
    });

  queueCommand("status", "the work queue: waiting, active, completed, failed and delayed jobs, and the rate")
    .option("--json", "one JSON object")
    .action(async (o) => {
      const { statusCommand } = await import("./distributed/commands.js");
      status = await statusCommand(o, (s) => io.stdout.write(`${s}\n`), say);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return status;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0) return EXIT.ok;
      return EXIT.nothingDone;
    }
    if (e instanceof RuleSetError || e instanceof OutletRulesError) {
      say(`pokazatel: bad rule files:\n${e.message}`);
      return EXIT.nothingDone;
    }
    if (e instanceof UsageError) {
      say(`pokazatel: ${e.message}`);
      return EXIT.nothingDone;
    }
    if ((e as { name?: string }).name === "ReviewInputError" || (e as { name?: string }).name === "PostgresStoreError") {
      say(`pokazatel: ${(e as Error).message}`);
      return EXIT.nothingDone;
    }
    say(`pokazatel: ${(e as Error).stack ?? e}`);
    return EXIT.nothingDone;
  }
}

/** The store `--db` names: the embedded SQLite database in the output folder by default, none with --no-db. */
async function openStore(db: string | boolean | undefined, out: string): Promise<Store | null> {
  if (db === false) return null;
  if (db === undefined || db === true || db.startsWith("sqlite:")) {
    const { SqliteStore } = await import("./store/sqlite-store.js");
    return new SqliteStore(db === undefined || db === true ? join(out, "pokazatel.sqlite") : db.slice("sqlite:".length));
  }
  if (/^postgres(ql)?:\/\//.test(db)) {
    // loaded only when asked for: most runs use the embedded database
    const { PostgresStore } = await import("./store/postgres-store.js");
    return PostgresStore.open(db);
  }
  throw new UsageError(`--db ${redact(db)}: give sqlite:PATH or postgres://…`);
}

/** Hides a password in a connection URL. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, "//$1:***@");
}
