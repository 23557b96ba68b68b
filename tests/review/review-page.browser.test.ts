/**
 * The review page in a real browser: Debian's chromium driven by
 * playwright-core (no browser download). Without chromium these tests are
 * reported as skipped, with the reason printed.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReviewData, type ReviewData, writeReviewPage } from "../../src/review/review-page.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(`[tests/review] browser tests SKIPPED: no Chromium at ${CHROMIUM} (install Debian's package: apt-get install -y chromium, or set CHROMIUM_PATH)`);
}

const FIXTURE = path.join(import.meta.dirname, "../fixtures/review/basic");

// Browser globals used inside page callbacks (the project type-checks without the DOM library).
type HTMLElement = any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const window: any; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.skipIf(!haveChromium)("review page in headless Chromium", () => {
  let browser: Browser;
  let tmp: string;
  let shots: string;
  let basic: { dir: string; data: ReviewData };

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    tmp = await mkdtemp(path.join(os.tmpdir(), "pokazatel-review-browser-"));
    shots = process.env.REVIEW_SCREENSHOTS ?? path.join(tmp, "screenshots");
    await mkdir(shots, { recursive: true });
    basic = { dir: await copyFixture("basic"), data: await buildReviewData(FIXTURE) };
    await writeReviewPage(basic.dir);
  });
  afterAll(async () => {
    await browser?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  async function copyFixture(name: string): Promise<string> {
    const dir = path.join(tmp, name);
    await mkdir(dir, { recursive: true });
    for (const f of ["records.jsonl", "documents.jsonl"]) await cp(path.join(FIXTURE, f), path.join(dir, f));
    return dir;
  }

  /** Opens dir/review.html in a fresh context and waits until the page says it is ready; fails on any script error. */
  async function open(dir: string, hash = "", viewport = { width: 1500, height: 1000 }): Promise<{ page: Page; errors: string[]; ms: number }> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console: ${m.text()}`);
    });
    const t0 = performance.now();
    await page.goto(pathToFileURL(path.join(dir, "review.html")).href + hash);
    await page.waitForSelector("body[data-ready]", { timeout: 90_000 });
    return { page, errors, ms: performance.now() - t0 };
  }

  const marked = (page: Page, kind: string) =>
    page.$$eval(`#doc-text mark[data-kinds~="${kind}"]`, (ms) => ms.map((m) => m.textContent).join(""));

  it("clicking each record highlights exactly its value text, also after an emoji", async () => {
    const { page, errors } = await open(basic.dir);
    const recs = basic.data.records;
    const docText = basic.data.docs[recs[0].doc].text!;
    expect(Array.from(docText).slice(0, 20).join("")).toContain("📈🇰🇿"); // non-BMP characters before the Cyrillic values
    expect(recs[0].value.start).not.toBe(docText.indexOf("4,6%")); // code points differ from UTF-16 here
    for (let i = 0; i < recs.length; i++) {
      await page.click(`#rows tr[data-r="${i}"]`);
      expect(await page.getAttribute(`#rows tr[data-r="${i}"]`, "class")).toContain("sel");
      expect(await marked(page, "value")).toBe(recs[i].value.text);
      expect(await marked(page, "cue")).toBe(recs[i].cue?.text ?? "");
      expect(await marked(page, "period")).toBe(recs[i].period?.span?.text ?? "");
      const title = await page.getAttribute('#doc-text mark[data-kinds~="value"]', "title");
      expect(title).toContain(`value of record #${recs[i].line}`);
      expect(await page.textContent("#detail .k-value-text")).toBe(recs[i].value.text);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("draws overlapping spans (subject inside cue) as split segments that keep both", async () => {
    const { page } = await open(basic.dir);
    const i = basic.data.records.findIndex((r) => r.subject && r.cue && r.subject.start > r.cue.start && r.subject.end <= r.cue.end);
    expect(i).toBeGreaterThanOrEqual(0);
    const r = basic.data.records[i];
    await page.click(`#rows tr[data-r="${i}"]`);
    expect(await marked(page, "cue")).toBe(r.cue!.text);
    expect(await marked(page, "subject")).toBe(r.subject!.text);
    expect(await page.$$eval('#doc-text mark[data-kinds~="cue"][data-kinds~="subject"]', (ms) => ms.length)).toBeGreaterThan(0);
    expect(await marked(page, "territory")).toBe(r.territory!.span!.text);
    // the whole text is still there, in order
    const doc = basic.data.docs[r.doc].text!;
    expect(await page.$eval("#doc-text", (e) => e.textContent)).toBe(doc);
    await page.context().close();
  });

  it("filters by indicator, measure and text, and sorts by a column", async () => {
    const { page } = await open(basic.dir);
    const count = () => page.getAttribute("#count", "data-count").then(Number);
    const column = (n: number) => page.$$eval(`#rows tr[data-r] td:nth-child(${n})`, (tds) => tds.map((td) => td.textContent ?? ""));
    expect(await count()).toBe(9);
    await page.selectOption("#f-indicator", "unemployment_rate");
    expect(await count()).toBe(2);
    expect(await page.$$eval("#rows tr[data-r]", (rows) => rows.length)).toBe(2);
    expect((await column(4)).every((t) => t.startsWith("unemployment_rate"))).toBe(true);
    await page.selectOption("#f-territory", "KZ-75");
    expect(await count()).toBe(1);
    await page.click("#f-reset");
    await page.selectOption("#f-measure", "change");
    expect(await count()).toBe(3);
    await page.click("#f-reset");
    await page.fill("#f-text", "трлн");
    await page.waitForFunction(() => document.getElementById("count")?.dataset.count === "2");
    expect((await column(8)).sort()).toEqual(["1,3 трлн тенге", "2,8 трлн тенге"]);
    await page.click("#f-reset");
    await page.click('th[data-key="amount"] button');
    expect((await column(8))[0]).toBe("4,6%");
    await page.click('th[data-key="amount"] button');
    expect((await column(8))[0]).toBe("2,8 трлн тенге");
    expect(await page.getAttribute('th[data-key="amount"]', "aria-sort")).toBe("descending");
    await page.selectOption("#f-document", String(basic.data.records[0].doc));
    expect(await count()).toBe(3);
    await page.context().close();
  });

  it("shows HTML-looking article text and fields as text and runs none of it", async () => {
    const { page, errors } = await open(basic.dir);
    const i = basic.data.records.findIndex((r) => basic.data.docs[r.doc].text?.includes("<script>"));
    await page.click(`#rows tr[data-r="${i}"]`);
    const shown = await page.$eval("#doc-text", (e) => (e as HTMLElement).innerText);
    expect(shown).toContain("<script>window.__pwned = 1</script>");
    expect(shown).toContain('<img src=x onerror="window.__pwned = 2">');
    expect(shown).toContain("</script><!-- конец -->");
    expect(await marked(page, "value")).toBe(basic.data.records[i].value.text);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      imgs: document.querySelectorAll("img").length,
      scripts: document.scripts.length,
      docsTable: (document.getElementById("docs-body") as HTMLElement).innerText,
    }));
    expect(state).toMatchObject({ pwned: undefined, imgs: 0, scripts: 2 });
    expect(state.docsTable).toContain('Заметка <img src=x onerror="window.__pwned = 3"> об Атырау');
    expect(state.docsTable).toContain("<b>Atyrau</b> News");
    // the records after the article with </script> in it were all read
    expect(await page.getAttribute("#count", "data-count")).toBe("9");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows documents with their status, failure reason and counts, and a chart per comparable indicator", async () => {
    const { page } = await open(basic.dir);
    const rows = await page.$$eval("#docs-body tr", (trs) => trs.map((tr) => (tr as HTMLElement).innerText));
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatch(/failed/);
    expect(rows[3]).toMatch(/ingest\.bad_encoding/);
    expect(await page.$$eval("#docs-body tr td:nth-child(4)", (tds) => tds.map((td) => td.textContent))).toEqual(["3", "4", "2", "0"]);
    const charts = await page.$$eval("figure.chart", (fs) => fs.map((f) => [(f as HTMLElement).dataset.indicator, f.querySelectorAll("g.bar").length]));
    expect(charts).toEqual([
      ["avg_monthly_wage", 2],
      ["unemployment_rate", 2],
    ]);
    // a chip selects its record
    await page.click('#docs-body .chip:text-is("520 тысяч тенге")');
    expect(await marked(page, "value")).toBe("520 тысяч тенге");
    await page.context().close();
  });

  it("shows a document's warning under its status (a text in a language the rules are not for)", async () => {
    const dir = await copyFixture("warned");
    const warned = { doc_id: "en1", source: { path: "en.txt" }, text: "Exports reached $1.6 billion.", status: "ok", error: null, language: "en", records: 0, warnings: [{ code: "language.unsupported", message: "the text is in English (en); the rules are for Russian (ru): no records" }] };
    await writeFile(path.join(dir, "documents.jsonl"), (await readFile(path.join(dir, "documents.jsonl"), "utf8")).trimEnd() + "\n" + JSON.stringify(warned) + "\n");
    await writeReviewPage(dir);
    const { page, errors } = await open(dir);
    const rows = await page.$$eval("#docs-body tr", (trs) => trs.map((tr) => (tr as HTMLElement).innerText));
    expect(rows).toHaveLength(5);
    expect(rows[4]).toMatch(/en\.txt[\s\S]*ok[\s\S]*language\.unsupported: the text is in English \(en\)/);
    expect(await page.$$eval("#docs-body .warning", (ws) => ws.length)).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("opens the record named in the URL (#r=id)", async () => {
    const r = basic.data.records[5];
    const { page } = await open(basic.dir, `#r=${encodeURIComponent(r.id)}`);
    expect(await marked(page, "value")).toBe(r.value.text);
    await page.context().close();
  });

  it("marks a record whose offsets do not match its text instead of highlighting the wrong text", async () => {
    const dir = await copyFixture("mismatch");
    const lines = (await readFile(path.join(dir, "records.jsonl"), "utf8")).trim().split("\n");
    const r = JSON.parse(lines[0]);
    r.value.start += 3; // as if UTF-16 offsets had been written
    r.value.end += 3;
    lines[0] = JSON.stringify(r);
    await writeFile(path.join(dir, "records.jsonl"), lines.join("\n") + "\n");
    await writeReviewPage(dir);
    const { page } = await open(dir);
    await page.click('#rows tr[data-r="0"]');
    expect(await page.textContent('#rows tr[data-r="0"] td.c-check')).toBe("⚠ mismatch");
    expect(await page.textContent("#detail .warn")).toMatch(/offset mismatch.*value 161–165: record says “4,6%”, the text there is “%\. С”/s);
    expect(await marked(page, "value")).toBe("");
    expect(await marked(page, "bad")).toBe("%. С"); // where the offsets point, drawn as an error
    expect(await page.getAttribute('#doc-text mark[data-kinds~="bad"]', "title")).toContain("offset mismatch: the value of record #1");
    expect(await marked(page, "cue")).toBe(r.cue.text); // the spans that do match are still shown
    await page.check("#f-mismatch");
    expect(await page.getAttribute("#count", "data-count")).toBe("1");
    await page.screenshot({ path: path.join(shots, "review-mismatch.png") });
    await page.context().close();
  });

  it("an output folder without records still shows its documents and says there is nothing to review", async () => {
    const dir = await copyFixture("empty");
    await writeFile(path.join(dir, "records.jsonl"), "");
    await writeReviewPage(dir);
    const { page, errors } = await open(dir);
    expect(await page.getAttribute("#count", "data-count")).toBe("0");
    expect(await page.textContent("#detail")).toContain("No records");
    expect(await page.$$eval("#docs-body tr", (trs) => trs.length)).toBe(4);
    expect(await page.textContent("#charts")).toContain("No indicator has two or more comparable numbers");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("a person would find the page readable (screenshot)", async () => {
    const { page } = await open(basic.dir);
    await page.click('#rows tr[data-r="4"]');
    const file = path.join(shots, "review-basic.png");
    await page.screenshot({ path: file, fullPage: true });
    console.log(`[tests/review] screenshot: ${file}`);
    expect(existsSync(file)).toBe(true);
    await page.context().close();
  });

  it("chromium --dump-dom (as the acceptance check runs it) shows every value in the rendered text, not only in the data", async () => {
    const profile = await mkdtemp(path.join(tmp, "profile-"));
    const { stdout } = await promisify(execFile)(
      CHROMIUM,
      [...ARGS, `--user-data-dir=${profile}`, "--virtual-time-budget=5000", "--dump-dom", pathToFileURL(path.join(basic.dir, "review.html")).href],
      { timeout: 60_000, maxBuffer: 64 << 20 },
    );
    const text = stdout
      .replace(/<script\b[\s\S]*?<\/script>/gi, " ") // the embedded JSON does not count
      .replace(/<[^>]+>/g, " ")
      .replace(/&nbsp;|\u00a0/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
    const missing = basic.data.records.filter((r) => !text.includes(r.value.text.replace(/\u00a0/g, " ")));
    expect(missing.map((r) => r.value.text)).toEqual([]);
  });

  it("stays usable with 10,000 records", async () => {
    const dir = path.join(tmp, "big");
    await mkdir(dir, { recursive: true });
    const { records, documents } = bigCorpus(500, 20);
    await writeFile(path.join(dir, "records.jsonl"), records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    await writeFile(path.join(dir, "documents.jsonl"), documents.map((d) => JSON.stringify(d)).join("\n") + "\n");
    let t = performance.now();
    const written = await writeReviewPage(dir);
    const writeMs = performance.now() - t;
    expect(written.records).toBe(10_000);
    const { page, errors, ms } = await open(dir);
    const pageMs = Number(await page.getAttribute("body", "data-load-ms"));
    const size = (await readFile(written.file)).length;
    console.log(
      `[tests/review] 10,000 records: page ${(size / 1e6).toFixed(1)} MB written in ${writeMs.toFixed(0)} ms; ` +
        `browser load to ready ${ms.toFixed(0)} ms (page script ${pageMs} ms)`,
    );
    expect(ms).toBeLessThan(60_000); // generous: shared, noisy machines
    expect(await page.$$eval("#rows tr[data-r]", (rows) => rows.length)).toBeLessThan(200); // virtualised
    expect(await page.$$eval("#docs-body .chip", (cs) => cs.length)).toBe(10_000); // every value is in the page's text

    // the last row: scroll the table to the bottom and click it
    await page.$eval("#table-wrap", (w) => (w.scrollTop = w.scrollHeight));
    const last = 9_999;
    await page.waitForSelector(`#rows tr[data-r="${last}"]`);
    t = performance.now();
    await page.click(`#rows tr[data-r="${last}"]`);
    expect(await marked(page, "value")).toBe(records[last].value.text);
    console.log(`[tests/review] 10,000 records: selecting the last row took ${(performance.now() - t).toFixed(0)} ms`);

    // filter, then sort, then keyboard
    t = performance.now();
    await page.selectOption("#f-indicator", "avg_monthly_wage");
    const n = records.filter((r) => r.indicator === "avg_monthly_wage").length;
    expect(await page.getAttribute("#count", "data-count")).toBe(String(n));
    await page.click('th[data-key="amount"] button');
    console.log(`[tests/review] 10,000 records: filter + sort took ${(performance.now() - t).toFixed(0)} ms`);
    const first = Number(await page.getAttribute("#rows tr[data-r]", "data-r"));
    await page.click(`#rows tr[data-r="${first}"]`);
    await page.keyboard.press("ArrowDown");
    const next = Number(await page.getAttribute("#rows tr.sel", "data-r"));
    expect(next).not.toBe(first);
    expect(await marked(page, "value")).toBe(records[next].value.text);
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(shots, "review-10k.png") });
    console.log(`[tests/review] screenshot: ${path.join(shots, "review-10k.png")}`);
    await page.context().close();
  }, 180_000);
});

/** Synthetic output: `docs` documents of `perDoc` records each, every fifth document starting with emoji. */
function bigCorpus(docs: number, perDoc: number) {
  const territories = [
    ["KZ-63", "Восточно-Казахстанская область", "Восточно-Казахстанской области"],
    ["KZ-75", "Алматы", "Алматы"],
    ["KZ-71", "Астана", "Астане"],
    ["KZ-35", "Карагандинская область", "Карагандинской области"],
  ];
  const indicators = [
    ["unemployment_rate", "Уровень безработицы", "уровень безработицы", "percent"],
    ["avg_monthly_wage", "Среднемесячная номинальная заработная плата", "среднемесячная заработная плата", "KZT"],
    ["grp", "Валовой региональный продукт", "ВРП", "percent"],
  ];
  const records: Array<Record<string, unknown> & { indicator: string; value: { text: string; [k: string]: unknown } }> = [];
  const documents: Array<Record<string, unknown>> = [];
  let n = 0;
  for (let d = 0; d < docs; d++) {
    const docId = (d + 1).toString(16).padStart(64, "0");
    const source = { path: `big/${d}.txt`, id: null, url: null, outlet: "Тест", title: `Статья ${d}`, published: "2025-06-30" };
    let text = d % 5 === 0 ? "📈🇰🇿 " : "";
    const len = () => Array.from(text).length;
    const span = (s: string) => {
      const start = len();
      text += s;
      return { start, end: len(), text: s };
    };
    for (let k = 0; k < perDoc; k++, n++) {
      const [code, name, locative] = territories[n % territories.length];
      const [indicator, label, cue, unit] = indicators[n % indicators.length];
      const year = 2020 + (n % 6);
      const amount = unit === "KZT" ? 300_000 + n : Math.round((1 + (n % 97) / 10) * 10) / 10;
      const valueText = unit === "KZT" ? `${amount} тенге` : `${String(amount).replace(".", ",")}%`;
      const sStart = len();
      text += "В ";
      const terr = span(locative);
      text += " ";
      const period = span(`за ${year} год`);
      text += " ";
      const cueSpan = span(cue);
      text += " составил ";
      const value = span(valueText);
      text += ".";
      const sentence = { start: sStart, end: len(), text: Array.from(text).slice(sStart).join("") };
      text += k % 7 === 6 ? " 💰\n" : " ";
      records.push({
        format: "indicator-record/1",
        id: `r${n}`,
        fact: `f${n}`,
        doc_id: docId,
        source,
        indicator,
        label,
        measure: "level",
        value: { ...value, amount, exact: String(amount), unit, qualifier: "exact", counted: null },
        change: null,
        subject: null,
        territory: { code, name, place: null, span: terr, inferred: false },
        period: { from: `${year}-01-01`, to: `${year}-12-31`, kind: "actual", span: period, inferred: false },
        sentence,
        cue: cueSpan,
        rules: ["test.synthetic"],
        rules_version: "test",
      });
    }
    documents.push({ doc_id: docId, source, text, status: "ok", error: null });
  }
  return { records, documents };
}
