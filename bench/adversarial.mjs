#!/usr/bin/env node
// Adversarial-input benchmark (run by hand: `npm run bench:adversarial`; not
// part of npm test). See bench/README.md, "Adversarial inputs".
//
//   node bench/adversarial.mjs [--scale 1] [--only NAME,NAME] [--limit 60] [--bin PATH]
//
// Texts no article is, but an archive can hold: a table flattened into one
// endless sentence, a digest of thousands of statements, a word without a space, pages nested thousands deep, a
// million one-character lines. Each shape is built at a size n and at 4n, and
// `bin/pokazatel extract` runs on each (one core, --no-db). A stage whose time
// grows with the square of the input makes the second run about 16 times the
// first; linear work, about 4. The script prints both times (start-up, taken
// from a run on a one-line text, subtracted), the growth, and whether the
// document was read; it exits 1 when a shape grows faster than 7 times (and
// takes more than a second) or a run is stopped after --limit seconds
// (default 60), so that a nightly job over an archive cannot stall on such a
// text unnoticed. The HTML shapes are nested 5,000 deep at n (read) and
// 20,000 at 4n (more than 10,000 open at once: the page fails, at once).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (n, d) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1] : d);
const scale = Number(arg("scale", 1));
const limit = Number(arg("limit", 60));
const only = arg("only", null)?.split(",");
// another build to measure (a copy of bin/, dist/ and rules/ with node_modules beside it)
const bin = arg("bin", join(root, "bin", "pokazatel"));
const work = mkdtempSync(join(tmpdir(), "pokazatel-adversarial-"));

/** Each shape: a file name and its text for a size n (about n tokens or elements). */
const shapes = [
  ["money-list.txt", (n) => "составили 3,2 млрд тенге, ".repeat(n / 5)],
  ["percent-list.txt", (n) => "5% ".repeat(n / 2)],
  ["number-words.txt", (n) => "двадцать пять тысяч ".repeat(n / 3)],
  ["digits.txt", (n) => "1 ".repeat(n)],
  ["one-word.txt", (n) => "а".repeat(n * 5)],
  ["hyphenated-word.txt", (n) => "а-".repeat(n * 2)],
  ["lines.txt", (n) => "1\n".repeat(n)],
  ["paragraphs.txt", (n) => "Рост составил 5%.\n\n".repeat(n / 5)],
  ["periods.txt", (n) => "в январе-марте 2024 года ".repeat(n / 6)],
  ["territories.txt", (n) => "в Алматинской области ".repeat(n / 3)],
  // a figure with a place and a period in every sentence: in one paragraph, and each in its own
  ["statements.txt", (n) => statements(n / 20).join(" ")],
  ["statement-paragraphs.txt", (n) => statements(n / 20).join("\n\n")],
  // English: compromise reads number words; given a whole text at once it took minutes (500 KB: 160 s)
  ["english.txt", (n) => "Exports of the Abai region grew by 5.2% to 1.3 billion dollars in 2024, and twenty-five new plants were opened. ".repeat(n / 22)],
  ["nested-divs.html", (n) => `<html><body>${"<div>".repeat(n / 40)}<p>Инвестиции составили 5 млрд тенге.</p>${"</div>".repeat(n / 40)}</body></html>`],
  ["open-spans.html", (n) => `<html><body><p>Инвестиции составили 5 млрд тенге.</p>${"<span>".repeat(n / 40)}x</body></html>`],
  ["flat-page.html", (n) => `<html><body>${"<p>Инвестиции в Алматы составили 5 млрд тенге.</p>".repeat(n / 10)}</body></html>`],
  ["feed.xml", (n) => `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${Array.from({ length: n / 20 }, (_, i) => `<item><title>Новость ${i}</title><link>https://example.kz/${i}</link><description>Инвестиции составили ${i} млрд тенге.</description></item>`).join("")}</channel></rss>`],
];

/** `n` sentences, each a figure with a place and a period ("В Карагандинской области … в январе-марте 2024 года составили 7,5 млрд тенге, рост на 3,7%."). */
function statements(n) {
  const places = ["Алматинской области", "Карагандинской области", "Астане", "Шымкенте", "Павлодарской области"];
  return Array.from({ length: n }, (_, i) => `В ${places[i % 5]} инвестиции в основной капитал в январе-марте 2024 года составили ${i + 1},5 млрд тенге, рост на 3,${i % 10}%.`);
}

/** Runs extract on one file: seconds, whether it finished in time, and the document's status. */
function run(file) {
  const out = join(work, "out");
  rmSync(out, { recursive: true, force: true });
  const t0 = performance.now();
  const r = spawnSync(bin, ["extract", file, "--out", out, "--no-db", "--quiet", "--concurrency", "1"], { encoding: "utf8", timeout: limit * 1000, killSignal: "SIGKILL" });
  const s = (performance.now() - t0) / 1000;
  if (r.error || r.signal) return { s, done: false, status: `stopped after ${limit} s` };
  try {
    const doc = JSON.parse(readFileSync(join(out, "documents.jsonl"), "utf8").split("\n")[0]);
    return { s, done: true, status: doc.status === "ok" ? `ok, ${doc.records} records` : `${doc.status}: ${(doc.error ?? "").split(": ").slice(1).join(": ").slice(0, 60)}` };
  } catch {
    return { s, done: true, status: `exit ${r.status}` };
  }
}

writeFileSync(join(work, "one.txt"), "Рост составил 5%.\n");
const base = Math.min(...[0, 1, 2].map(() => run(join(work, "one.txt")).s));
console.log(`start-up: ${base.toFixed(2)} s (one-line text, best of three; subtracted below)`);
let bad = 0;
const n = 200_000 * scale;
for (const [name, make] of shapes) {
  if (only && !only.includes(name)) continue;
  const rows = [];
  for (const size of [n, 4 * n]) {
    const file = join(work, name);
    const text = make(size);
    writeFileSync(file, text);
    const r = run(file);
    rows.push({ ...r, mb: Buffer.byteLength(text) / 1e6, net: Math.max(0.01, r.s - base) });
  }
  const growth = rows[1].net / rows[0].net;
  // below a second the growth is mostly noise
  const flagged = !rows[0].done || !rows[1].done || (growth > 7 && rows[1].net > 1);
  if (flagged) bad++;
  const fmt = (r) => `${r.mb.toFixed(1)} MB ${r.net.toFixed(2)} s (${r.status})`;
  console.log(`${flagged ? "SLOW" : "ok  "} ${name.padEnd(20)} ${fmt(rows[0])}; ${fmt(rows[1])}; 4x the input: ${growth.toFixed(1)}x the time`);
}
rmSync(work, { recursive: true, force: true });
console.log(bad ? `${bad} shape(s) grow faster than the input` : "every shape grows with the input");
process.exit(bad ? 1 : 0);
