/**
 * `pokazatel review OUTPUT_DIR`: one self-contained HTML page that shows
 * every record over its highlighted source text (issue 6).
 *
 * The page has no external resources: the data is embedded as escaped JSON,
 * the script and styles are inline, and a Content-Security-Policy allows
 * only that one script (by hash) and no network at all.
 */
import { createHash } from "node:crypto";
import { rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { reviewClient } from "./client.js";
import { embedJson, escapeHtml } from "./embed.js";
import { amountText, compactAmount, directionSign, groupDigits, periodShort, qualifierSign, unitText } from "./format.js";
import { buildReviewData, ReviewInputError } from "./inputs.js";
import { REVIEW_CSS } from "./style.js";
import { checkSpan, codePointLength, codePointOffsets, segmentSpans, utf16Range } from "./text-spans.js";
import type { ReviewData } from "./types.js";

export { buildReviewData, ReviewInputError } from "./inputs.js";
export type { ReviewData, ReviewDoc, ReviewRecord } from "./types.js";

/** The pure helpers the page script receives, embedded as their source text. */
const CLIENT_LIB = {
  codePointOffsets,
  codePointLength,
  utf16Range,
  checkSpan,
  segmentSpans,
  groupDigits,
  qualifierSign,
  unitText,
  amountText,
  compactAmount,
  periodShort,
  directionSign,
};

/** The page's one script: the helpers' and `reviewClient`'s source, run at once. */
export function clientScript(): string {
  const parts = ["(function () {", '"use strict";'];
  for (const [name, fn] of Object.entries(CLIENT_LIB)) parts.push(`const ${name} = ${fn.toString()};`);
  parts.push(`(${reviewClient.toString()})({ ${Object.keys(CLIENT_LIB).join(", ")} });`);
  parts.push("})();");
  const script = parts.join("\n");
  if (/<\/script|<!--|<script/i.test(script)) throw new Error("review page script contains </script, <script or <!--: it would break the page");
  return script;
}

/** The whole page for `data`: a complete HTML document as a string. */
export function renderReviewHtml(data: ReviewData): string {
  const script = clientScript();
  const hash = createHash("sha256").update(script, "utf8").digest("base64");
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${hash}'`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="pokazatel review">
<title>pokazatel review — ${escapeHtml(data.folder)}</title>
<style>${REVIEW_CSS}</style>
</head>
<body>
<header>
  <h1>pokazatel <span>review</span></h1>
  <p id="summary"></p>
</header>
<noscript><p class="warn">This page needs JavaScript to show the records (it runs only its own inline script and loads nothing).</p></noscript>
<p id="fatal" class="warn" hidden></p>
<main>
<section id="records-section" aria-labelledby="records-title">
  <h2 id="records-title">Records</h2>
  <div class="filters">
    <label>Indicator <select id="f-indicator"></select></label>
    <label>Territory <select id="f-territory"></select></label>
    <label>Document <select id="f-document"></select></label>
    <label>Measure <select id="f-measure"></select></label>
    <label>Text <input id="f-text" type="search" placeholder="value, subject, place…" autocomplete="off"></label>
    <label class="check"><input id="f-mismatch" type="checkbox"> only offset mismatches</label>
    <button id="f-reset" type="button">Reset</button>
    <span id="count" class="count"></span>
  </div>
  <div id="table-wrap" class="table-wrap" tabindex="0" aria-label="Records; arrow keys move the selection">
    <table class="records" id="records">
      <colgroup id="cols"></colgroup>
      <thead><tr id="head-row"></tr></thead>
      <tbody id="rows"></tbody>
    </table>
    <p id="empty-view" class="muted pad" hidden>No record matches the filters.</p>
  </div>
</section>
<section id="detail-section" class="detail-grid" aria-label="The chosen record">
  <div>
    <h2>Record</h2>
    <div id="detail"></div>
    <div class="legend" aria-label="Highlight colours">
      <span class="hl k-value">value</span>
      <span class="hl k-cue">cue</span>
      <span class="hl k-subject">subject</span>
      <span class="hl k-territory">territory</span>
      <span class="hl k-period">period</span>
      <span class="hl k-sentence">sentence</span>
      <span class="hl k-other">other record's value</span>
      <span class="hl k-bad">offsets that do not match</span>
    </div>
  </div>
  <div>
    <h2>Source text</h2>
    <div id="doc-head" class="doc-head"></div>
    <div id="doc-text" class="doc-text" lang="ru"></div>
  </div>
</section>
<section id="documents-section" aria-labelledby="documents-title">
  <h2 id="documents-title">Documents</h2>
  <table class="docs">
    <thead><tr><th>line</th><th>document</th><th>status</th><th>records</th><th>offset mismatches</th><th>values found (click one to show it)</th></tr></thead>
    <tbody id="docs-body"></tbody>
  </table>
</section>
<section id="charts-section" aria-labelledby="charts-title">
  <h2 id="charts-title">Charts</h2>
  <p class="muted small">One chart per indicator, measure and unit where numbers compare across territories and periods. Bar colour: <span class="sw actual"></span> actual <span class="sw plan"></span> plan <span class="sw target"></span> target. Click a bar to show its record.</p>
  <div id="charts"></div>
</section>
</main>
<footer><span id="timing"></span> Offsets are Unicode code points of each document's text (records.jsonl); every highlighted span is checked against its text.</footer>
<script type="application/json" id="review-data">${embedJson(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}

/** Reads OUTPUT_DIR/records.jsonl and OUTPUT_DIR/documents.jsonl and writes OUTPUT_DIR/review.html. */
export async function writeReviewPage(outDir: string): Promise<{ file: string; records: number; documents: number }> {
  const info = await stat(outDir).catch(() => null);
  if (!info || !info.isDirectory()) {
    throw new ReviewInputError(`${outDir}: no such output folder (write one with \`pokazatel extract INPUT --out ${outDir}\`)`, outDir, null);
  }
  const data = await buildReviewData(outDir);
  const html = renderReviewHtml(data);
  const file = path.join(outDir, "review.html");
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, html, "utf8");
  await rename(tmp, file);
  return { file, records: data.records.length, documents: data.docs.length };
}
