/**
 * The offset invariant of shared/spec/record.md, over whole corpora:
 * `Array.from(text).slice(start, end).join("") === span.text` for every span
 * of every record (value, subject, cue, sentence, territory.span,
 * period.span) and of every mention, in code points.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { compileRules, type CompiledRules } from "../../../src/rules/compile.js";
import { ingest } from "../../../src/stages/ingest/index.js";
import type { RawDocument } from "../../../src/core/document.js";
import type { IndicatorRecord, MentionLine } from "../../../src/core/record.js";
import type { OutputSpan } from "../../../src/core/span.js";
import { runDocument, RU_STAGES, stagesFor } from "../../../src/pipeline.js";
import { toMentions, toRecords } from "../../../src/sinks/record-json.js";
import { rawDoc } from "../../core/run.js";

const rules = compileRules("rules");

/** Every span of a record, named. */
function spansOfRecord(r: IndicatorRecord): Array<[string, OutputSpan]> {
  const out: Array<[string, OutputSpan]> = [
    ["value", { start: r.value.start, end: r.value.end, text: r.value.text }],
    ["sentence", r.sentence],
  ];
  if (r.subject) out.push(["subject", r.subject]);
  if (r.cue) out.push(["cue", r.cue]);
  if (r.territory?.span) out.push(["territory.span", r.territory.span]);
  if (r.period?.span) out.push(["period.span", r.period.span]);
  return out;
}

/** Checks a document's records and mentions; returns how many spans were checked and the failures. */
function checkDocument(raw: RawDocument, set: CompiledRules = rules): { spans: number; records: number; mentions: number; bad: string[] } {
  const cps = Array.from(raw.text);
  const bad: string[] = [];
  let spans = 0;
  const check = (what: string, s: OutputSpan) => {
    spans++;
    const ok = Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= cps.length && cps.slice(s.start, s.end).join("") === s.text;
    if (!ok) bad.push(`${raw.source.path ?? ""}${raw.source.id ? `#${raw.source.id}` : ""} ${what} [${s.start}, ${s.end}) ${JSON.stringify(s.text)} ≠ ${JSON.stringify(cps.slice(s.start, s.end).join(""))}`);
  };
  const full = runDocument(raw, set, stagesFor(set.language));
  const records = toRecords(full, full.layers.records ?? [], set.version);
  for (const r of records) for (const [what, s] of spansOfRecord(r)) check(`record ${r.indicator} ${what}`, s);
  // what `pokazatel mentions` writes: the mention stages alone
  const partial = runDocument(raw, set, stagesFor(set.language, true));
  const mentions: MentionLine[] = toMentions(partial, partial.layers.quantities ?? []);
  for (const m of mentions) check(`mention ${m.type}`, m);
  return { spans, records: records.length, mentions: mentions.length, bad };
}

async function readAll(path: string): Promise<RawDocument[]> {
  const out: RawDocument[] = [];
  for await (const item of ingest([path])) {
    if (!item.ok) throw new Error(`${path}: ${item.failed.error}`);
    out.push(item.doc);
  }
  return out;
}

describe("offsets: the seed articles", () => {
  for (const name of readdirSync("corpus").filter((f) => f.endsWith(".txt")))
    it(name, async () => {
      const [raw] = await readAll(join("corpus", name));
      const got = checkDocument(raw);
      expect(got.bad).toEqual([]);
      expect(got.records).toBeGreaterThan(5);
    });
});

describe("offsets: the English golden articles", () => {
  const dir = "tests/fixtures/golden/en";
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".txt")))
    it(name, async () => {
      const [raw] = await readAll(join(dir, name));
      const got = checkDocument(raw, rules.byLanguage.get("en")!);
      expect(got.bad).toEqual([]);
      expect(got.records).toBeGreaterThan(5);
    });
});

// NEREL lives in ../shared beside the checkout (as on developers' machines and in CI); a bare clone has none
const NEREL_DEV = "../shared/bench/nerel/dev.jsonl";
const haveNerel = existsSync(NEREL_DEV);
if (!haveNerel) console.warn(`SKIPPED: offsets over NEREL dev: ${NEREL_DEV} is not there`);

describe("offsets: NEREL dev (independent Russian news)", () => {
  it.skipIf(!haveNerel)("every record and mention span of all 94 documents", () => {
    const lines = readFileSync(NEREL_DEV, "utf8").split("\n").filter((l) => l.trim());
    expect(lines).toHaveLength(94);
    let spans = 0;
    let records = 0;
    let mentions = 0;
    const bad: string[] = [];
    for (const line of lines) {
      const d = JSON.parse(line) as { id: string; text: string };
      const raw: RawDocument = { ...rawDoc(d.text, null, "dev.jsonl"), docId: d.id, source: { path: "dev.jsonl", id: d.id, url: null, outlet: null, title: null, published: null } };
      const got = checkDocument(raw);
      spans += got.spans;
      records += got.records;
      mentions += got.mentions;
      bad.push(...got.bad);
    }
    expect(bad).toEqual([]);
    // the corpus was really exercised
    expect(mentions).toBeGreaterThan(300);
    expect(records).toBeGreaterThan(20);
    expect(spans).toBeGreaterThan(mentions + records * 2);
  });
});

describe("offsets: characters outside the Basic Multilingual Plane", () => {
  const text = [
    "📈 🇰🇿 Экономика региона растет 🚀",
    "",
    "🇰🇿 В Павлодарской области за 8 месяцев объем промышленного производства составил 3,2 трлн тенге 💰, рост – 7%.",
    "",
    "👷 Создано 1 500 рабочих мест 🎉, построено 12 школ. Экспорт 🚢 вырос в 1,5 раза.",
  ].join("\n");

  it("every span counts code points, not UTF-16 units", () => {
    const got = checkDocument(rawDoc(text, "2025-10-03"));
    expect(got.bad).toEqual([]);
    expect(got.records).toBeGreaterThanOrEqual(5);
  });

  it("records after emoji have code point offsets smaller than their JavaScript string indices", () => {
    const doc = runDocument(rawDoc(text, "2025-10-03"), rules, RU_STAGES);
    const recs = toRecords(doc, doc.layers.records!, rules.version);
    const money = recs.find((r) => r.value.unit === "KZT")!;
    expect(money).toMatchObject({ indicator: "industrial_output", value: { text: "3,2 трлн тенге", amount: 3.2e12 }, territory: { code: "KZ-55" }, period: { from: "2025-01-01", to: "2025-08-31" } });
    expect(money.value.start).toBeLessThan(text.indexOf("3,2 трлн"));
    // before it: 📈, 🇰🇿 (two regional indicator symbols), 🚀 and 🇰🇿 again: six code points of two UTF-16 units each
    expect(text.indexOf("3,2 трлн") - money.value.start).toBe(6);
    const jobs = recs.find((r) => r.indicator === "jobs_created")!;
    expect(Array.from(text).slice(jobs.value.start, jobs.value.end).join("")).toBe("1 500 рабочих мест");
  });

  it("mentions of a text of emoji and figures only", () => {
    const t = "🇰🇿📈💰 5%, 👍 $3 млрд 🚀 и 7 млн тенге";
    const got = checkDocument(rawDoc(t));
    expect(got.bad).toEqual([]);
    expect(got.mentions).toBe(3);
  });
});
