/**
 * The review page's script. `reviewClient` runs in the browser: the page
 * embeds its source text (`Function.prototype.toString`) together with the
 * pure helpers of text-spans.ts and format.ts, which it receives as `lib`.
 * So this function must not use anything from this module's scope at run
 * time, only `lib`, its own locals and browser globals.
 *
 * Data goes into the page through DOM APIs only (textContent, attributes,
 * createElement): never innerHTML, so article text and fields stay text.
 */
import type * as format from "./format.js";
import type * as spans from "./text-spans.js";
import type { ReviewData, ReviewRecord, SpanKind } from "./types.js";

/** The helpers the page script is given. */
export type ClientLib = typeof spans & typeof format;

// This project is type-checked without the DOM library, so the browser
// globals the page uses are declared loosely, in this module only.
type El = any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const document: El;
declare const window: El;
declare const location: El;
declare const history: El;

/** Renders the review page from the JSON in `#review-data`. Runs in the browser. */
export function reviewClient(lib: ClientLib): void {
  const t0 = performance.now();
  const $ = (id: string): El => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";

  function el(tag: string, cls?: string | null, text?: string | null): El {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function svg(tag: string, attrs: Record<string, string | number>, text?: string): El {
    const e = document.createElementNS(SVG, tag);
    for (const k of Object.keys(attrs)) e.setAttribute(k, String(attrs[k]));
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function fatal(message: string): void {
    const box = $("fatal");
    box.textContent = message;
    box.hidden = false;
  }

  let data: ReviewData;
  try {
    data = JSON.parse($("review-data").textContent);
  } catch (err) {
    fatal("The data embedded in this page could not be read: " + String(err));
    return;
  }
  const recs = data.records;
  const docs = data.docs;

  // ---- what a record says, as text ----------------------------------------------------------
  const KINDS: SpanKind[] = ["value", "cue", "subject", "territory", "period", "sentence"];
  type Span = { start: number; end: number; text: string };
  function spansOf(r: ReviewRecord): Record<SpanKind, Span | null> {
    return {
      value: r.value,
      cue: r.cue || null,
      subject: r.subject || null,
      territory: (r.territory && r.territory.span) || null,
      period: (r.period && r.period.span) || null,
      sentence: r.sentence || null,
    };
  }
  function territoryText(r: ReviewRecord): string {
    const t = r.territory;
    if (!t) return "—";
    return t.code + " " + (t.name || "") + (t.place ? " · " + t.place : "") + (t.inferred ? " (inferred)" : "");
  }
  function periodText(r: ReviewRecord): string {
    const p = r.period;
    if (!p) return "—";
    return (p.from || "…") + "–" + (p.to || "…") + " " + p.kind + (p.inferred ? " (inferred)" : "");
  }
  function changeText(r: ReviewRecord): string {
    const c = r.change;
    if (!c) return "";
    const dir = c.direction ? lib.directionSign(c.direction) + " " + c.direction : "? direction";
    return dir + (c.base ? " vs " + c.base : "");
  }
  function recName(r: ReviewRecord): string {
    return "record #" + r.line + " · " + r.indicator + (r.label ? " " + r.label : "") + ": “" + r.value.text + "”";
  }

  // ---- columns ------------------------------------------------------------------------------
  interface Column {
    key: string;
    title: string;
    width: number;
    text: (r: ReviewRecord) => string;
    sort?: (r: ReviewRecord) => number | string;
    cls?: string;
  }
  const COLUMNS: Column[] = [
    { key: "line", title: "#", width: 52, text: (r) => String(r.line), sort: (r) => r.line, cls: "c-num" },
    { key: "check", title: "Offsets", width: 112, text: (r) => (r.mismatch.length ? "⚠ mismatch" : "ok"), cls: "c-check" },
    { key: "doc", title: "Document", width: 150, text: (r) => docs[r.doc].name },
    { key: "indicator", title: "Indicator", width: 220, text: (r) => r.indicator + " · " + r.label },
    { key: "territory", title: "Territory", width: 210, text: territoryText },
    {
      key: "period",
      title: "Period",
      width: 225,
      text: periodText,
      sort: (r) => (r.period ? (r.period.to || "") + " " + (r.period.from || "") : ""),
    },
    { key: "measure", title: "Measure", width: 82, text: (r) => r.measure },
    { key: "value", title: "Value (text)", width: 170, text: (r) => r.value.text, cls: "c-value" },
    { key: "amount", title: "Amount", width: 180, text: (r) => lib.amountText(r.value), sort: (r) => r.value.amount, cls: "c-num" },
    { key: "change", title: "Change", width: 100, text: changeText },
  ];

  // ---- state --------------------------------------------------------------------------------
  let view: number[] = recs.map((_r, i) => i);
  let sortKey = "line";
  let sortDir = 1;
  let selected = -1;
  const rowCache = new Map<number, El>();
  const sortKeys = new Map<string, Array<number | string>>();
  let haystack: string[] | null = null;
  const byDoc: number[][] = docs.map(() => []);
  for (let i = 0; i < recs.length; i++) byDoc[recs[i].doc].push(i);
  const collator = new Intl.Collator("ru", { numeric: true, sensitivity: "base" });

  // ---- summary ------------------------------------------------------------------------------
  {
    const failed = docs.filter((d) => d.status !== "ok").length;
    const bad = recs.filter((r) => r.mismatch.length > 0).length;
    const n = (x: number): string => lib.groupDigits(String(x));
    let text = n(recs.length) + " records from " + n(docs.length) + " documents (" + n(docs.length - failed) + " ok, " + n(failed) + " not ok)";
    text += bad ? " · " + n(bad) + " with offset mismatches" : " · all offsets check out";
    text += " · folder “" + data.folder + "”, written " + data.generated.replace("T", " ").slice(0, 19) + " UTC";
    $("summary").textContent = text;
    if (bad) $("summary").classList.add("has-bad");
  }

  // ---- filters ------------------------------------------------------------------------------
  function fillSelect(id: string, allLabel: string, entries: Array<[string, string, number]>): void {
    const sel = $(id);
    const frag = document.createDocumentFragment();
    const all = el("option", null, allLabel + " (" + recs.length + ")");
    all.value = "";
    frag.appendChild(all);
    for (const [value, label, count] of entries) {
      const o = el("option", null, label + " (" + count + ")");
      o.value = value;
      frag.appendChild(o);
    }
    sel.replaceChildren(frag);
  }
  function tally(key: (r: ReviewRecord) => string, label: (r: ReviewRecord) => string): Array<[string, string, number]> {
    const m = new Map<string, [string, string, number]>();
    for (const r of recs) {
      const k = key(r);
      const e = m.get(k);
      if (e) e[2]++;
      else m.set(k, [k, label(r), 1]);
    }
    return Array.from(m.values()).sort((a, b) => collator.compare(a[1], b[1]));
  }
  fillSelect("f-indicator", "all indicators", tally((r) => r.indicator, (r) => r.indicator + " · " + r.label));
  fillSelect(
    "f-territory",
    "all territories",
    tally(
      (r) => (r.territory ? r.territory.code : "-"),
      (r) => (r.territory ? r.territory.code + " " + r.territory.name : "(no territory)"),
    ),
  );
  fillSelect("f-document", "all documents", tally((r) => String(r.doc), (r) => docs[r.doc].name));
  fillSelect("f-measure", "all measures", tally((r) => r.measure, (r) => r.measure));

  function textOf(i: number): string {
    if (!haystack) {
      haystack = recs.map((r) =>
        [
          r.value.text,
          r.indicator,
          r.label,
          territoryText(r),
          periodText(r),
          r.subject ? r.subject.text : "",
          r.cue ? r.cue.text : "",
          docs[r.doc].name,
          lib.amountText(r.value),
          r.id,
        ]
          .join("\n")
          .toLowerCase(),
      );
    }
    return haystack[i];
  }

  function applyFilters(): void {
    const fi = $("f-indicator").value;
    const ft = $("f-territory").value;
    const fd = $("f-document").value;
    const fm = $("f-measure").value;
    const q = $("f-text").value.trim().toLowerCase();
    const onlyBad = $("f-mismatch").checked;
    const next: number[] = [];
    for (let i = 0; i < recs.length; i++) {
      const r = recs[i];
      if (fi && r.indicator !== fi) continue;
      if (ft && (r.territory ? r.territory.code : "-") !== ft) continue;
      if (fd && String(r.doc) !== fd) continue;
      if (fm && r.measure !== fm) continue;
      if (onlyBad && r.mismatch.length === 0) continue;
      if (q && textOf(i).indexOf(q) < 0) continue;
      next.push(i);
    }
    view = next;
    sortView();
    $("table-wrap").scrollTop = 0;
    renderRows();
  }
  for (const id of ["f-indicator", "f-territory", "f-document", "f-measure", "f-mismatch"]) {
    $(id).addEventListener("change", applyFilters);
  }
  let typing: ReturnType<typeof setTimeout> | null = null;
  $("f-text").addEventListener("input", () => {
    if (typing) clearTimeout(typing);
    typing = setTimeout(applyFilters, 150);
  });
  $("f-reset").addEventListener("click", () => {
    for (const id of ["f-indicator", "f-territory", "f-document", "f-measure", "f-text"]) $(id).value = "";
    $("f-mismatch").checked = false;
    applyFilters();
  });

  // ---- sorting ------------------------------------------------------------------------------
  function sortView(): void {
    const col = COLUMNS.find((c) => c.key === sortKey) || COLUMNS[0];
    let keys = sortKeys.get(col.key);
    if (!keys) {
      const f = col.sort || col.text;
      keys = recs.map((r) => f(r));
      sortKeys.set(col.key, keys);
    }
    const k = keys;
    view.sort((a, b) => {
      const x = k[a];
      const y = k[b];
      const c = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
      return c * sortDir || a - b;
    });
    $("count").textContent = view.length + " of " + recs.length + " records";
    $("count").dataset.count = String(view.length);
  }

  // ---- the records table (virtualised: only rows near the viewport are in the DOM) -----------
  const wrap = $("table-wrap");
  const tbody = $("rows");
  let rowH = 26;
  const OVERSCAN = 15;
  {
    const colgroup = $("cols");
    const head = $("head-row");
    const total = COLUMNS.reduce((sum, c) => sum + c.width, 0);
    for (const col of COLUMNS) {
      const c = el("col");
      c.style.width = ((100 * col.width) / total).toFixed(2) + "%";
      colgroup.appendChild(c);
      const th = el("th");
      th.dataset.key = col.key;
      const b = el("button", "sort", col.title);
      b.type = "button";
      b.title = "Sort by " + col.title.toLowerCase();
      th.appendChild(b);
      head.appendChild(th);
    }
    head.addEventListener("click", (e: El) => {
      const th = e.target.closest("th");
      if (!th) return;
      const key = th.dataset.key;
      if (key === sortKey) sortDir = -sortDir;
      else {
        sortKey = key;
        sortDir = 1;
      }
      for (const h of head.children) {
        h.removeAttribute("aria-sort");
        h.classList.remove("asc", "desc");
      }
      th.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
      th.classList.add(sortDir > 0 ? "asc" : "desc");
      sortView();
      renderRows();
    });
    $("records").style.minWidth = Math.round(total * 0.8) + "px";
    head.children[0].setAttribute("aria-sort", "ascending");
    head.children[0].classList.add("asc");
  }

  function makeRow(i: number): El {
    const r = recs[i];
    const tr = el("tr", r.mismatch.length ? "mismatch" : null);
    tr.dataset.r = String(i);
    for (const col of COLUMNS) {
      const text = col.text(r);
      const td = el("td", col.cls || null, text);
      td.title = col.key === "check" && r.mismatch.length ? "offset mismatch: " + r.mismatch.join(", ") : text;
      tr.appendChild(td);
    }
    return tr;
  }
  function rowFor(i: number): El {
    let tr = rowCache.get(i);
    if (!tr) {
      tr = makeRow(i);
      rowCache.set(i, tr);
    }
    tr.classList.toggle("sel", i === selected);
    return tr;
  }
  function spacer(height: number): El {
    const tr = el("tr", "spacer");
    tr.setAttribute("aria-hidden", "true");
    const td = el("td");
    td.colSpan = COLUMNS.length;
    td.style.height = height + "px";
    tr.appendChild(td);
    return tr;
  }
  function headerHeight(): number {
    return $("head-row").offsetHeight || 0;
  }
  function renderRows(): void {
    const total = view.length;
    const top = Math.max(0, wrap.scrollTop - headerHeight());
    const height = wrap.clientHeight || 480;
    const first = Math.max(0, Math.floor(top / rowH) - OVERSCAN);
    const last = Math.min(total, Math.ceil((top + height) / rowH) + OVERSCAN);
    const frag = document.createDocumentFragment();
    frag.appendChild(spacer(first * rowH));
    for (let p = first; p < last; p++) frag.appendChild(rowFor(view[p]));
    frag.appendChild(spacer((total - last) * rowH));
    tbody.replaceChildren(frag);
    $("empty-view").hidden = total > 0;
    const probe = tbody.querySelector("tr[data-r]");
    if (probe) {
      const h = probe.getBoundingClientRect().height;
      if (h > 0 && Math.abs(h - rowH) > 0.5) {
        rowH = h;
        renderRows();
      }
    }
  }
  wrap.addEventListener("scroll", renderRows, { passive: true });
  tbody.addEventListener("click", (e: El) => {
    const tr = e.target.closest("tr[data-r]");
    if (tr) select(Number(tr.dataset.r));
  });
  wrap.addEventListener("keydown", (e: El) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    const pos = view.indexOf(selected);
    const next = pos < 0 ? 0 : Math.max(0, Math.min(view.length - 1, pos + (e.key === "ArrowDown" ? 1 : -1)));
    if (view.length) select(view[next], { scrollRow: true });
  });
  function showRow(i: number): void {
    const pos = view.indexOf(i);
    if (pos < 0) return;
    const head = headerHeight();
    const top = pos * rowH;
    if (top < wrap.scrollTop) wrap.scrollTop = top;
    else if (top + rowH > wrap.scrollTop + wrap.clientHeight - head) wrap.scrollTop = top + rowH + head - wrap.clientHeight;
    renderRows();
  }

  // ---- the chosen record: details and its document's text with highlights --------------------
  interface Check {
    kind: SpanKind;
    span: Span;
    ok: boolean;
    actual: string | null;
    start16: number;
    end16: number;
  }
  interface Mark {
    start: number;
    end: number;
    /** A span kind, "other" (another record's value) or "bad" (offsets that do not give the span's text). */
    kind: string;
    rec: number;
    /** For "bad": the check that failed. */
    check?: Check;
  }
  const docCache = new Map<number, { table: Uint32Array | null; values: Mark[] }>();
  function docInfo(di: number): { table: Uint32Array | null; values: Mark[] } {
    let info = docCache.get(di);
    if (!info) {
      const text = docs[di].text || "";
      const table = lib.codePointOffsets(text);
      const values: Mark[] = [];
      for (const j of byDoc[di]) {
        const c = lib.checkSpan(text, table, recs[j].value);
        if (c.ok && c.end16 > c.start16) values.push({ start: c.start16, end: c.end16, kind: "other", rec: j });
      }
      info = { table, values };
      docCache.set(di, info);
    }
    return info;
  }
  function checkRecord(i: number): Check[] {
    const r = recs[i];
    const d = docs[r.doc];
    const sp = spansOf(r);
    const out: Check[] = [];
    const info = docInfo(r.doc);
    for (const kind of KINDS) {
      const s = sp[kind];
      if (!s) continue;
      if (d.text === null) {
        out.push({ kind, span: s, ok: false, actual: null, start16: -1, end16: -1 });
        continue;
      }
      const c = lib.checkSpan(d.text, info.table, s);
      out.push({ kind, span: s, ok: c.ok, actual: c.actual, start16: c.start16, end16: c.end16 });
    }
    return out;
  }

  function renderText(i: number, checks: Check[]): void {
    const r = recs[i];
    const d = docs[r.doc];
    const box = $("doc-text");
    const head = $("doc-head");
    head.replaceChildren();
    head.appendChild(el("strong", null, d.name));
    const meta = [d.source.outlet, d.source.published, d.source.path, d.source.url].filter(Boolean).join(" · ");
    if (meta) head.appendChild(el("span", "muted", " " + meta));
    box.replaceChildren();
    if (d.text === null) {
      box.appendChild(el("p", "muted", "No text is stored for this document (" + d.status + (d.error ? ": " + d.error : "") + ")."));
      return;
    }
    const text = d.text;
    const marks: Mark[] = [];
    for (const c of checks) {
      if (c.end16 <= c.start16) continue;
      // a span whose offsets do not give its text is drawn as an error where it points, never as that kind
      marks.push({ start: c.start16, end: c.end16, kind: c.ok ? c.kind : "bad", rec: i, check: c });
    }
    for (const m of docInfo(r.doc).values) if (m.rec !== i) marks.push(m);
    const segments = lib.segmentSpans(text.length, marks);
    const order = ["bad", "value", "cue", "subject", "territory", "period", "other", "sentence"];
    const frag = document.createDocumentFragment();
    for (const seg of segments) {
      const piece = text.slice(seg.start, seg.end);
      if (seg.covers.length === 0) {
        frag.appendChild(document.createTextNode(piece));
        continue;
      }
      const kinds: string[] = [];
      const titles: string[] = [];
      let other = -1;
      for (const k of seg.covers) {
        const m = marks[k];
        if (m.kind === "other") {
          if (other < 0) other = m.rec;
          titles.push("value of " + recName(recs[m.rec]) + " (click to show it)");
          if (kinds.indexOf("other") < 0) kinds.push("other");
        } else if (m.kind === "bad") {
          if (kinds.indexOf("bad") < 0) kinds.push("bad");
          const c = m.check as Check;
          titles.push("offset mismatch: the " + c.kind + " of " + recName(r) + " points here, but the record says “" + c.span.text + "”");
        } else {
          kinds.push(m.kind);
          titles.push(m.kind + " of " + recName(r));
        }
      }
      kinds.sort((a, b) => order.indexOf(a) - order.indexOf(b));
      let cls = "hl k-" + kinds[0];
      if (kinds.length > 1 && kinds[1] !== "other" && kinds[1] !== "sentence" && kinds[0] !== "bad") cls += " k2-" + kinds[1];
      if (kinds[0] !== "other" && kinds.indexOf("other") >= 0) cls += " has-other";
      const mark = el("mark", cls, piece);
      mark.dataset.kinds = kinds.join(" ");
      mark.title = titles.join("\n");
      if (other >= 0) mark.dataset.r = String(other);
      frag.appendChild(mark);
    }
    box.appendChild(frag);
    const target = box.querySelector('mark[data-kinds~="value"]') || box.querySelector('mark[data-kinds~="sentence"]');
    if (target) box.scrollTop = Math.max(0, target.offsetTop - box.clientHeight / 3);
    else box.scrollTop = 0;
  }

  function renderDetail(i: number, checks: Check[]): void {
    const r = recs[i];
    const d = docs[r.doc];
    const box = $("detail");
    box.replaceChildren();
    const h = el("h3", null, "Record #" + r.line + " ");
    h.appendChild(el("span", "muted mono", r.id));
    box.appendChild(h);
    const bad = checks.filter((c) => !c.ok);
    if (bad.length) {
      const warn = el("div", "warn");
      warn.dataset.mismatch = bad.map((c) => c.kind).join(" ");
      warn.appendChild(
        el("strong", null, d.text === null ? "⚠ offsets cannot be checked: no document text" : "⚠ offset mismatch: not highlighted; a red wavy line shows where the offsets point"),
      );
      const ul = el("ul");
      for (const c of bad) {
        const where = c.span.start + "–" + c.span.end;
        const got = c.actual === null ? "no such range in the text" : "the text there is “" + c.actual + "”";
        ul.appendChild(el("li", null, c.kind + " " + where + ": record says “" + c.span.text + "”, " + got));
      }
      warn.appendChild(ul);
      box.appendChild(warn);
    }
    const dl = el("dl");
    const row = (name: string, value: string | null | undefined, cls?: string): El => {
      dl.appendChild(el("dt", null, name));
      const dd = el("dd", cls || null, value === null || value === undefined || value === "" ? "—" : value);
      dl.appendChild(dd);
      return dd;
    };
    row("document", d.name + (d.status !== "ok" ? " (" + d.status + ")" : ""));
    row("indicator", r.indicator + " · " + r.label);
    row("measure", r.measure);
    row("value", r.value.text, "k-value-text");
    row("amount", lib.amountText(r.value));
    row(
      "unit, qualifier",
      r.value.unit + ", " + r.value.qualifier + (r.value.counted ? ", counted: " + r.value.counted : ""),
    );
    if (r.change) row("change", changeText(r));
    row("subject", r.subject ? r.subject.text : null);
    row("territory", territoryText(r) + (r.territory && r.territory.span ? " — “" + r.territory.span.text + "”" : ""));
    row("period", periodText(r) + (r.period && r.period.span ? " — “" + r.period.span.text + "”" : ""));
    row("cue", r.cue ? r.cue.text : null);
    const same = recs.filter((x, j) => j !== i && x.fact === r.fact && x.doc === r.doc);
    const factDd = row("fact", r.fact + (same.length ? " (also: " : ""), "mono");
    if (same.length) {
      same.forEach((x, k) => {
        const a = el("button", "link", "#" + x.line + " " + x.value.text);
        a.type = "button";
        a.dataset.r = String(recs.indexOf(x));
        factDd.appendChild(a);
        factDd.appendChild(document.createTextNode(k + 1 < same.length ? ", " : ")"));
      });
    }
    row("rules", r.rules.join(", "), "mono");
    row("records.jsonl", "line " + r.line);
    box.appendChild(dl);
  }

  function select(i: number, opts?: { scrollRow?: boolean }): void {
    if (!(i >= 0 && i < recs.length)) return;
    const prev = rowCache.get(selected);
    if (prev) prev.classList.remove("sel");
    selected = i;
    const cur = rowCache.get(i);
    if (cur) cur.classList.add("sel");
    const checks = checkRecord(i);
    renderDetail(i, checks);
    renderText(i, checks);
    try {
      history.replaceState(null, "", "#r=" + encodeURIComponent(recs[i].id));
    } catch (_err) {
      // file:// pages may refuse; the selection still works
    }
    if (opts && opts.scrollRow) showRow(i);
  }
  function jumpTo(i: number): void {
    select(i, { scrollRow: true });
    $("detail-section").scrollIntoView({ block: "start" });
  }
  $("detail").addEventListener("click", (e: El) => {
    const b = e.target.closest("button[data-r]");
    if (b) select(Number(b.dataset.r), { scrollRow: true });
  });
  $("doc-text").addEventListener("click", (e: El) => {
    const m = e.target.closest("mark[data-r]");
    if (m && !m.matches('[data-kinds~="value"]')) select(Number(m.dataset.r), { scrollRow: true });
  });

  // ---- documents: status, counts and every value found ---------------------------------------
  function renderDocuments(): void {
    const body = $("docs-body");
    const frag = document.createDocumentFragment();
    docs.forEach((d, di) => {
      const tr = el("tr", "status-" + d.status);
      tr.appendChild(el("td", "c-num", d.line === null ? "—" : String(d.line)));
      const name = el("td");
      const b = el("button", "link", d.name);
      b.type = "button";
      b.dataset.doc = String(di);
      b.title = "Show only this document's records";
      name.appendChild(b);
      const meta = [d.source.outlet, d.source.published, d.source.path].filter(Boolean).join(" · ");
      if (meta) name.appendChild(el("div", "muted small", meta));
      tr.appendChild(name);
      const st = el("td");
      st.appendChild(el("span", "badge " + (d.status === "ok" ? "ok" : "bad"), d.status));
      if (d.error) st.appendChild(el("div", "error", d.error));
      for (const w of d.warnings) st.appendChild(el("div", "warning", w));
      tr.appendChild(st);
      tr.appendChild(el("td", "c-num", String(d.records)));
      tr.appendChild(el("td", "c-num" + (d.mismatches ? " bad-text" : ""), String(d.mismatches)));
      const vals = el("td");
      const chips = el("div", "chips");
      for (const j of byDoc[di]) {
        const r = recs[j];
        const chip = el("span", "chip" + (r.mismatch.length ? " bad" : ""), r.value.text);
        chip.dataset.r = String(j);
        chip.title = recName(r) + (r.mismatch.length ? " — offset mismatch: " + r.mismatch.join(", ") : "");
        chips.appendChild(chip);
      }
      vals.appendChild(chips);
      tr.appendChild(vals);
      frag.appendChild(tr);
    });
    body.appendChild(frag);
    body.addEventListener("click", (e: El) => {
      const chip = e.target.closest(".chip[data-r]");
      if (chip) return jumpTo(Number(chip.dataset.r));
      const b = e.target.closest("button[data-doc]");
      if (b) {
        $("f-document").value = b.dataset.doc;
        applyFilters();
        $("records-section").scrollIntoView({ block: "start" });
      }
    });
  }

  // ---- charts: one per indicator, measure and unit with numbers to compare -------------------
  function renderCharts(): void {
    const box = $("charts");
    const groups = new Map<string, number[]>();
    for (let i = 0; i < recs.length; i++) {
      const v = recs[i].value;
      if (typeof v.amount !== "number" || !Number.isFinite(v.amount)) continue;
      const r = recs[i];
      const key = [r.indicator, r.measure, v.unit, v.unit === "count" ? v.counted || "" : ""].join("\u0001");
      const g = groups.get(key);
      if (g) g.push(i);
      else groups.set(key, [i]);
    }
    const where = (r: ReviewRecord): string => {
      const t = r.territory;
      const name = t ? (t.name || "").replace(/ область$/, " обл.") : "";
      return (t ? t.code + " " + name + (t.place ? " · " + t.place : "") : "—") + " · " + lib.periodShort(r.period);
    };
    const frag = document.createDocumentFragment();
    const MAX_BARS = 60;
    let made = 0;
    for (const key of Array.from(groups.keys()).sort((a, b) => collator.compare(a, b))) {
      const all = groups.get(key) || [];
      const places = new Set(all.map((i) => where(recs[i])));
      if (all.length < 2 || places.size < 2) continue;
      all.sort((a, b) => {
        const pa = recs[a].period;
        const pb = recs[b].period;
        return (
          collator.compare((pa && pa.to) || "", (pb && pb.to) || "") ||
          collator.compare((pa && pa.from) || "", (pb && pb.from) || "") ||
          collator.compare(where(recs[a]), where(recs[b])) ||
          a - b
        );
      });
      const shown = all.slice(0, MAX_BARS);
      const first = recs[shown[0]];
      const fig = el("figure", "chart");
      fig.dataset.indicator = first.indicator;
      const unit = lib.unitText(first.value.unit, first.value.counted) || first.value.unit;
      const cap = el("figcaption");
      cap.appendChild(el("strong", null, first.label || first.indicator));
      cap.appendChild(
        el(
          "span",
          "muted",
          " " + first.indicator + " · " + first.measure + " · " + unit + " · " + all.length + " records" +
            (all.length > shown.length ? " (first " + shown.length + " shown)" : ""),
        ),
      );
      fig.appendChild(cap);
      const amounts = shown.map((i) => recs[i].value.amount);
      const lo = Math.min(0, ...amounts);
      const hi = Math.max(0, ...amounts);
      const W = 690;
      const labelW = 300;
      const valueW = 100;
      const plotW = W - labelW - valueW - 16;
      const barH = 16;
      const gap = 6;
      const H = shown.length * (barH + gap) + 8;
      const scale = (x: number): number => labelW + 8 + ((x - lo) / (hi - lo || 1)) * plotW;
      const s = svg("svg", { width: W, height: H, viewBox: "0 0 " + W + " " + H, role: "img" });
      s.appendChild(svg("title", {}, (first.label || first.indicator) + " — " + first.measure + ", " + unit));
      shown.forEach((i, k) => {
        const r = recs[i];
        const y = 4 + k * (barH + gap);
        const g = svg("g", { class: "bar " + (r.period ? r.period.kind : "none"), "data-r": i });
        g.appendChild(svg("title", {}, recName(r) + "\n" + where(r) + "\n" + lib.amountText(r.value) + "\n" + docs[r.doc].name));
        let label = where(r);
        if (label.length > 42) label = label.slice(0, 41) + "…";
        g.appendChild(svg("text", { x: labelW, y: y + barH - 4, "text-anchor": "end", class: "label" }, label));
        const x0 = scale(0);
        const x1 = scale(r.value.amount);
        const w = Math.max(Math.abs(x1 - x0), r.value.amount === 0 ? 0 : 1);
        g.appendChild(svg("rect", { x: Math.min(x0, x1), y, width: w, height: barH, rx: 2 }));
        const vx = r.value.amount < 0 ? x0 + 4 : Math.max(x0, x1) + 4;
        const sign = lib.qualifierSign(r.value.qualifier);
        const vtext = (sign.length > 1 ? sign + " " : sign) + lib.compactAmount(r.value.amount) + (unit === "%" ? "%" : "");
        g.appendChild(svg("text", { x: vx, y: y + barH - 4, class: "amount" }, vtext));
        s.appendChild(g);
      });
      s.appendChild(svg("line", { x1: scale(0), x2: scale(0), y1: 0, y2: H, class: "axis" }));
      fig.appendChild(s);
      frag.appendChild(fig);
      made++;
    }
    if (!made) frag.appendChild(el("p", "muted", "No indicator has two or more comparable numbers (same measure and unit) across territories or periods."));
    box.replaceChildren(frag);
    box.addEventListener("click", (e: El) => {
      const g = e.target.closest("g[data-r]");
      if (g) jumpTo(Number(g.getAttribute("data-r")));
    });
  }

  // ---- start: table and chosen record first, then documents and charts ----------------------
  sortView();
  renderRows();
  let start = recs.length ? view[0] : -1;
  const m = /^#r=(.+)$/.exec(location.hash || "");
  if (m) {
    const id = decodeURIComponent(m[1]);
    const found = recs.findIndex((r) => r.id === id);
    if (found >= 0) start = found;
  }
  if (start >= 0) select(start, { scrollRow: true });
  else $("detail").appendChild(el("p", "muted", "No records in this output folder."));
  setTimeout(() => {
    renderDocuments();
    renderCharts();
    const ms = Math.round(performance.now() - t0);
    $("timing").textContent = "Rendered in " + ms + " ms.";
    document.body.dataset.loadMs = String(ms);
    document.body.dataset.ready = "1";
    window.dispatchEvent(new Event("review-ready"));
  }, 0);
}
