import type { IngestItem, Source } from "../../core/document.js";
import { emptySource } from "../../core/document.js";
import { findDateline, normalizeDate } from "./dateline.js";
import { decodeBytes, sniffHtmlCharset } from "./decode.js";
import { sha256 } from "./digest.js";
import { failedItem } from "./failures.js";
import { elements, HtmlTooDeepError, parseHtml, textContent, type HtmlElement } from "./html-tree.js";
import { extractText } from "./html-text.js";
import type { OutletCatalog } from "./outlets.js";
import { ByteCursor } from "./source-map.js";

/**
 * A saved news page. The document text is the article text extracted by
 * `extractText` (chrome dropped, entities decoded, blocks separated by blank
 * lines). `meta.source_map` maps text offsets back to bytes of the file (see
 * source-map.ts); `meta.dropped` lists the blocks dropped as chrome;
 * `meta.published_from` and `meta.outlet_from` say where those came from.
 */
export function readHtml(bytes: Uint8Array, path: string, outlets: OutletCatalog): IngestItem {
  const docId = sha256(bytes);
  if (bytes.length === 0) return failedItem(docId, path, "html", "ingest.empty", "empty file");
  const decoded = decodeBytes(bytes, sniffHtmlCharset(bytes));
  if (!decoded.ok) return failedItem(docId, path, "html", decoded.code, decoded.reason);
  const html = decoded.text;
  let tree: HtmlElement;
  try {
    tree = parseHtml(html);
  } catch (e) {
    if (e instanceof HtmlTooDeepError) return failedItem(docId, path, "html", e.code, `the page: ${e.message}`);
    throw e;
  }
  const cursor = new ByteCursor(html, decoded.info.encoding, decoded.offset);
  const extracted = extractText(tree, { cursor, encoding: decoded.info.encoding });
  const text = extracted.text;
  if (!text.trim()) return failedItem(docId, path, "html", "ingest.empty", "no article text found in the page");

  const meta: Record<string, unknown> = {};
  const source: Source = { ...emptySource(path), ...pageMetadata(tree, extracted.root, text, outlets, meta) };
  if (extracted.map) meta.source_map = extracted.map;
  if (extracted.dropped.length) meta.dropped = extracted.dropped;
  if (decoded.note) meta.decoding_note = decoded.note;
  return { ok: true, doc: { docId, source, text, format: "html", decoding: decoded.info, meta } };
}

/** Title, date, outlet and URL of a page; records in `meta` where the date and the outlet were read. */
export function pageMetadata(
  tree: HtmlElement,
  articleRoot: HtmlElement,
  text: string,
  outlets: OutletCatalog,
  meta: Record<string, unknown>,
): Pick<Source, "url" | "title" | "published" | "outlet" | "published_inferred"> {
  const all = [...elements(tree)];
  const metaTags = new Map<string, string>();
  for (const el of all) {
    if (el.name !== "meta") continue;
    const key = (el.attrs.property ?? el.attrs.name ?? el.attrs.itemprop ?? "").toLowerCase();
    if (key && el.attrs.content && !metaTags.has(key)) metaTags.set(key, el.attrs.content.trim());
  }
  const jsonLd = all.filter((e) => e.name === "script" && /ld\+json/i.test(e.attrs.type ?? "")).flatMap((e) => parseJsonLd(textContent(e, false)));
  const first = (name: string, within: HtmlElement = tree) => [...elements(within)].find((e) => e.name === name);
  const clean = (s: string | undefined | null) => (s ? s.replace(/\s+/g, " ").trim() || null : null);

  // title
  const h1 = first("h1", articleRoot) ?? first("h1");
  const titleTag = first("title");
  const title =
    clean(metaTags.get("og:title")) ?? clean(jsonLd.map((o) => o.headline).find((h) => typeof h === "string") as string | undefined) ?? clean(h1 && textContent(h1)) ?? clean(titleTag && textContent(titleTag, false));

  // URL
  const canonical = all.find((e) => e.name === "link" && /\bcanonical\b/i.test(e.attrs.rel ?? ""))?.attrs.href;
  const url = clean(metaTags.get("og:url")) ?? clean(canonical) ?? null;

  // publication date
  let published: string | null = null;
  let inferred = false;
  const tries: Array<[string, unknown]> = [
    ["meta article:published_time", metaTags.get("article:published_time")],
    ["meta datePublished", metaTags.get("datepublished")],
    ["json-ld datePublished", jsonLd.map((o) => o.datePublished).find((d) => d != null)],
    ["meta date", metaTags.get("pubdate") ?? metaTags.get("publishdate") ?? metaTags.get("date") ?? metaTags.get("dc.date.issued") ?? metaTags.get("dc.date")],
    ["<time datetime>", (first("time", articleRoot) ?? first("time"))?.attrs.datetime],
    ["<time>", (() => { const t = first("time", articleRoot) ?? first("time"); return t ? textContent(t) : null; })()],
  ];
  for (const [from, value] of tries) {
    const d = normalizeDate(value);
    if (d) {
      published = d;
      meta.published_from = from;
      break;
    }
  }
  if (!published) {
    const d = findDateline(text);
    if (d) {
      published = d.date;
      inferred = d.inferred;
      meta.published_from = d.kind;
    }
  }

  // outlet
  let outlet: string | null = null;
  const siteName = clean(metaTags.get("og:site_name")) ?? clean(jsonLd.map((o) => (o.publisher as { name?: unknown } | undefined)?.name).find((n) => typeof n === "string") as string | undefined);
  const mention = outlets.inText(text);
  const candidates: Array<[string, string | null | undefined]> = [
    ["og:site_name", siteName ? outlets.byName(siteName)?.name : null],
    ["url", outlets.byDomain(url)?.name],
    [`text (${mention?.how})`, mention?.outlet],
    ["og:site_name", siteName],
  ];
  const found = candidates.find(([, name]) => name);
  if (found) {
    outlet = found[1]!;
    meta.outlet_from = found[0];
  }
  return { url, title, published, outlet, ...(inferred ? { published_inferred: true } : {}) };
}

function parseJsonLd(json: string): Array<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  const out: Array<Record<string, unknown>> = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || !v || typeof v !== "object") return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    out.push(o);
    if (o["@graph"]) visit(o["@graph"], depth + 1);
  };
  visit(value, 0);
  return out;
}
