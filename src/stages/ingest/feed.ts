import { XMLParser, XMLValidator } from "fast-xml-parser";
import { Parser } from "htmlparser2";
import type { IngestItem, Source } from "../../core/document.js";
import { emptySource } from "../../core/document.js";
import { normalizeDate } from "./dateline.js";
import { decodeBytes, sniffXmlEncoding } from "./decode.js";
import { sha256 } from "./digest.js";
import { failedItem } from "./failures.js";
import { HtmlTooDeepError, parseHtml } from "./html-tree.js";
import { extractText } from "./html-text.js";
import type { OutletCatalog } from "./outlets.js";
import { ByteCursor } from "./source-map.js";

/**
 * RSS 2.0 (and RSS 1.0/RDF) and Atom feeds: one document per item or entry.
 *
 * Safety: a DOCTYPE that declares entities is refused before parsing (no
 * entity expansion at all, so a "billion laughs" file fails at once), and
 * external entities are never fetched. The file must be well-formed XML
 * (fast-xml-parser's validator; a truncated feed fails with line and column).
 *
 * Per item: `text` is the description / content:encoded / Atom content or
 * summary, read as HTML by the same code as pages (`extractText`, fragment
 * mode). `docId` is the SHA-256 of the item's raw bytes in the file, from
 * `<item>` to `</item>` inclusive (found with htmlparser2 in XML mode); when
 * they cannot be located, of the item's JSON serialisation by fast-xml-parser
 * (`meta.doc_id_from` says which). `source.id` is the guid / Atom id, else
 * the link, else `item N`. Dates: pubDate, dc:date, published, updated.
 * Outlet: the item link's domain, the text ("передает ..."), else the
 * channel's title (a known outlet's name when it is one).
 */
export function* readFeed(bytes: Uint8Array, path: string, outlets: OutletCatalog): Generator<IngestItem> {
  const fileId = sha256(bytes);
  if (bytes.length === 0) return yield failedItem(fileId, path, "feed", "ingest.empty", "empty file");
  const decoded = decodeBytes(bytes, sniffXmlEncoding(bytes));
  if (!decoded.ok) return yield failedItem(fileId, path, "feed", decoded.code, decoded.reason);
  const xml = decoded.text;
  if (!xml.trim()) return yield failedItem(fileId, path, "feed", "ingest.empty", "the file holds only white space");

  const doctype = /<!DOCTYPE[\s\S]*?(?:\[[\s\S]*?\]\s*)?>/i.exec(xml);
  if (doctype && /<!ENTITY/i.test(doctype[0])) {
    return yield failedItem(fileId, path, "feed", "ingest.bad_xml", "the DOCTYPE declares entities; entity expansion is refused (possible entity-expansion attack)");
  }
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    const unclosed = /^Invalid '\[([\s\S]*)\]' found/.exec(valid.err.msg);
    const problem = unclosed
      ? `the file ends inside ${unclosed[1].replace(/["\s]/g, "").split(",").map((t) => `<${t}>`).join(" ")} (truncated?)`
      : `not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`;
    return yield failedItem(fileId, path, "feed", "ingest.bad_xml", problem);
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(xml) as Record<string, unknown>;
  } catch (e) {
    return yield failedItem(fileId, path, "feed", "ingest.bad_xml", `cannot parse XML: ${(e as Error).message}`);
  }

  const shape = feedShape(parsed);
  if (!shape) {
    const rootName = Object.keys(parsed).find((k) => !k.startsWith("?")) ?? "(none)";
    return yield failedItem(fileId, path, "feed", "ingest.bad_xml", `not an RSS or Atom feed (root element <${rootName}>)`);
  }
  const { format, channel, items } = shape;
  if (!items.length) return yield failedItem(fileId, path, format, "ingest.empty", "the feed has no items");

  const ranges = itemRanges(xml, format === "atom" ? "entry" : "item");
  const cursor = new ByteCursor(xml, decoded.info.encoding, decoded.offset);
  const channelTitle = plain(channel.title);
  const channelLink = linkOf(channel.link);

  for (const [i, item] of items.entries()) {
    const n = i + 1;
    const range = ranges.length === items.length ? ranges[i] : null;
    const docId = range ? sha256(bytes.subarray(cursor.at(range[0]), cursor.at(range[1]))) : sha256(JSON.stringify(item));
    const id = plain(item.guid) ?? plain(item.id) ?? linkOf(item.link) ?? `item ${n}`;
    const source: Source = { ...emptySource(path), id };
    const where = `${path}#${n}`;

    const body = pickBody(item);
    let text: string;
    try {
      text = body.isHtml ? extractText(parseHtml(body.html), { fragment: true }).text : body.html.trim();
    } catch (e) {
      if (!(e instanceof HtmlTooDeepError)) throw e;
      yield failedItem(docId, source, format, e.code, `the item's HTML: ${e.message}`, where);
      continue;
    }
    if (!text.trim()) {
      yield failedItem(docId, source, format, "ingest.empty", "the item has no text", where);
      continue;
    }
    source.url = linkOf(item.link) ?? (/^https?:\/\//.test(plain(item.guid) ?? "") ? plain(item.guid) : null);
    source.title = titleOf(item.title);
    source.published = normalizeDate(plain(item.pubDate) ?? plain(item["dc:date"]) ?? plain(item.published) ?? plain(item.updated));
    const meta: Record<string, unknown> = { item: n, doc_id_from: range ? "raw item bytes" : "item serialisation", body_from: body.from };
    const mention = outlets.inText(text);
    const outlet =
      outlets.byDomain(source.url)?.name ?? mention?.outlet ?? outlets.byName(channelTitle)?.name ?? outlets.byDomain(channelLink)?.name ?? channelTitle ?? null;
    source.outlet = outlet;
    if (channelTitle) meta.channel = channelTitle;
    yield { ok: true, doc: { docId, source, text, format, decoding: decoded.info, meta } };
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  // DOCTYPE entities are refused above; these bounds are a second line of defence
  processEntities: { enabled: true, maxEntityCount: 50, maxEntitySize: 1000, maxExpandedLength: 10000, maxTotalExpansions: 1000, maxExpansionDepth: 3 },
  stopNodes: ["feed.entry.content", "feed.entry.summary"],
  isArray: (name) => ["item", "entry", "link"].includes(name),
} as ConstructorParameters<typeof XMLParser>[0]);

type Node = Record<string, unknown>;

function feedShape(doc: Record<string, unknown>): { format: "rss" | "atom"; channel: Node; items: Node[] } | null {
  const obj = (v: unknown): Node => (v && typeof v === "object" && !Array.isArray(v) ? (v as Node) : {});
  const arr = (v: unknown): Node[] => (Array.isArray(v) ? v.map(obj) : v ? [obj(v)] : []);
  if (doc.rss) {
    const channel = obj(Array.isArray(obj(doc.rss).channel) ? (obj(doc.rss).channel as unknown[])[0] : obj(doc.rss).channel);
    return { format: "rss", channel, items: arr(channel.item) };
  }
  if (doc["rdf:RDF"]) {
    const rdf = obj(doc["rdf:RDF"]);
    return { format: "rss", channel: obj(rdf.channel), items: arr(rdf.item) };
  }
  if (doc.feed) {
    const feed = obj(doc.feed);
    return { format: "atom", channel: feed, items: arr(feed.entry) };
  }
  return null;
}

/** Text of a parsed value: a string, or `#text` of an element with attributes. */
function plain(v: unknown): string | null {
  if (Array.isArray(v)) return plain(v[0]);
  if (v && typeof v === "object") return plain((v as Node)["#text"]);
  if (typeof v === "string" || typeof v === "number") {
    const s = String(v).replace(/\s+/g, " ").trim();
    return s || null;
  }
  return null;
}

/** An RSS `<link>` text or the Atom `<link rel="alternate" href>`. */
function linkOf(v: unknown): string | null {
  const links = Array.isArray(v) ? v : v != null ? [v] : [];
  for (const l of links) {
    if (typeof l === "string" && l.trim()) return l.trim();
    if (l && typeof l === "object") {
      const o = l as Node;
      const rel = typeof o["@_rel"] === "string" ? o["@_rel"] : "alternate";
      if (rel === "alternate" && typeof o["@_href"] === "string") return o["@_href"];
      const text = plain(o);
      if (text && !("@_href" in o)) return text;
    }
  }
  return null;
}

/** A title, read as HTML when the feed says it is (`type="html"`, escaped markup). */
function titleOf(v: unknown): string | null {
  const s = plain(v);
  if (!s) return null;
  if (!/[<&]/.test(s)) return s;
  try {
    return extractText(parseHtml(s), { fragment: true }).text.replace(/\s+/g, " ").trim() || null;
  } catch (e) {
    // a title nested without end is no title; the item is still read
    if (e instanceof HtmlTooDeepError) return null;
    throw e;
  }
}

/** The item's body: the longest of content:encoded, description, Atom content and summary. */
function pickBody(item: Node): { html: string; isHtml: boolean; from: string } {
  const candidates: Array<{ html: string; isHtml: boolean; from: string }> = [];
  for (const key of ["content:encoded", "description", "content", "summary"]) {
    const v = item[key];
    if (v == null) continue;
    if (key === "content" || key === "summary") {
      // Atom: raw inner XML (a stop node); type text (default), html or xhtml
      const o = typeof v === "object" ? (v as Node) : { "#text": v };
      const raw = typeof o["#text"] === "string" ? o["#text"] : "";
      const type = typeof o["@_type"] === "string" ? o["@_type"].toLowerCase() : "text";
      if (type === "xhtml") candidates.push({ html: raw, isHtml: true, from: key });
      else if (type === "html" || type === "text/html") candidates.push({ html: xmlUnescape(raw), isHtml: true, from: key });
      else candidates.push({ html: xmlUnescape(raw), isHtml: false, from: key });
    } else {
      const s = plain(v) === null ? "" : typeof v === "string" ? v : String((v as Node)["#text"] ?? "");
      candidates.push({ html: s, isHtml: true, from: key });
    }
  }
  candidates.sort((a, b) => b.html.length - a.html.length);
  return candidates[0] ?? { html: "", isHtml: false, from: "none" };
}

/** Character data of raw XML content: CDATA sections kept as they are, the five XML entities and character references decoded. */
export function xmlUnescape(raw: string): string {
  return raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, cdata: string | undefined, ent: string | undefined) => {
    if (cdata !== undefined) return cdata;
    switch (ent!.toLowerCase()) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
    }
    const code = ent![1] === "x" || ent![1] === "X" ? parseInt(ent!.slice(2), 16) : parseInt(ent!.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** UTF-16 ranges of the `<item>`/`<entry>` elements of the feed (children of channel, feed or rdf:RDF), in document order. */
function itemRanges(xml: string, name: "item" | "entry"): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const stack: Array<{ name: string; start: number }> = [];
  const local = (n: string) => n.slice(n.indexOf(":") + 1).toLowerCase();
  const p: Parser = new Parser(
    {
      onopentag(tag) {
        stack.push({ name: local(tag), start: p.startIndex });
      },
      onclosetag() {
        const open = stack.pop();
        const parent = stack[stack.length - 1]?.name;
        if (open && open.name === name && (parent === "channel" || parent === "feed" || parent === "rdf")) ranges.push([open.start, p.endIndex + 1]);
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true },
  );
  p.write(xml);
  p.end();
  return ranges;
}
