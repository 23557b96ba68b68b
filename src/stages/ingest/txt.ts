import type { IngestItem, Source } from "../../core/document.js";
import { emptySource } from "../../core/document.js";
import { CodePointIndex } from "../../core/offsets.js";
import { findChromeSpans } from "./chrome.js";
import { findDateline, headerDate } from "./dateline.js";
import { decodeBytes } from "./decode.js";
import { sha256 } from "./digest.js";
import { failedItem } from "./failures.js";
import type { OutletCatalog } from "./outlets.js";

/**
 * A plain-text file. The document text is the whole decoded file (BOM removed,
 * nothing else changed, the ` date` header included), so that offsets into
 * the document are offsets into the file.
 *
 * `meta` holds: `published_from` (`header`, `date-line`, `dateline`),
 * `dateline` and `outlet_span` (code-point spans where they were read), and
 * `chrome`: code-point spans of site chrome inside the text (view counters,
 * "Популярное" lists, navigation, placeholders) that later stages may skip.
 */
export function readTxt(bytes: Uint8Array, path: string, outlets: OutletCatalog): IngestItem {
  const docId = sha256(bytes);
  if (bytes.length === 0) return failedItem(docId, path, "txt", "ingest.empty", "empty file");
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return failedItem(docId, path, "txt", decoded.code, decoded.reason);
  const text = decoded.text;
  if (!text.trim()) return failedItem(docId, path, "txt", "ingest.empty", "the file holds only white space");

  const cp = new CodePointIndex(text);
  const span = (start: number, end: number) => ({ start: cp.toCodePoint(start), end: cp.toCodePoint(end), text: text.slice(start, end) });
  const source: Source = emptySource(path);
  const meta: Record<string, unknown> = {};

  const header = headerDate(text);
  if (header) {
    source.published = header.date;
    meta.published_from = "header";
  } else {
    const found = findDateline(text);
    if (found) {
      source.published = found.date;
      if (found.inferred) source.published_inferred = true;
      meta.published_from = found.kind;
      meta.dateline = span(found.start, found.end);
    }
  }
  const outlet = outlets.inText(text);
  if (outlet) {
    source.outlet = outlet.outlet;
    meta.outlet_span = span(outlet.start, outlet.end);
  }
  const body = header ? text.slice(header.length) : text;
  source.title = headline(body);
  const chrome = findChromeSpans(text);
  if (chrome.length) meta.chrome = chrome.map((c) => ({ ...span(c.start, c.end), reason: c.reason }));
  if (decoded.note) meta.decoding_note = decoded.note;

  return { ok: true, doc: { docId, source, text, format: "txt", decoding: decoded.info, meta } };
}

/**
 * The first non-empty line when it clearly is a headline: Russian, 4+ words,
 * 20-200 characters, no final punctuation, followed by a blank line. Else null.
 */
export function headline(text: string): string | null {
  const lines = text.split(/\r?\n/);
  const i = lines.findIndex((l) => l.trim() !== "");
  if (i < 0) return null;
  const line = lines[i].trim();
  const next = lines[i + 1];
  if (next !== undefined && next.trim() !== "") return null;
  if (line.length < 20 || line.length > 200) return null;
  if (!/[А-Яа-яЁё]/.test(line) || !/^[«"]?[\p{Lu}\d]/u.test(line)) return null;
  if (/[.:;,!…]$/.test(line) || line.split(/\s+/).length < 4) return null;
  return line;
}
