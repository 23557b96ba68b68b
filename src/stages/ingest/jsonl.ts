import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { IngestItem, Source } from "../../core/document.js";
import { emptySource } from "../../core/document.js";
import { decodeUtf8 } from "./decode.js";
import { findDateline, normalizeDate } from "./dateline.js";
import { sha256 } from "./digest.js";
import { failedItem } from "./failures.js";
import { stringMemberRange } from "./json-member.js";
import type { OutletCatalog } from "./outlets.js";

/**
 * A JSONL dump: one document per line, read as a stream (the file is never
 * held whole). Each line is a JSON object with a `text` string and optional
 * `id`, `url`, `title`, `published`, `outlet`. `docId` is the SHA-256 of the
 * line's bytes (without its line break). `source.path` is the file's path and
 * `source.id` the line's `id` (as a string), or `line N` when there is none.
 *
 * A line that is not JSON, has no `text` string, is not UTF-8, or is longer
 * than `maxBytes` is one failed document naming file and line; blank lines
 * are skipped. Text in JSON is already decoded: `decoding.method` is `json`.
 * Without a usable `published` (or `date`, `pubDate`), a dateline in the
 * text gives the date, as for plain text.
 */
export async function* readJsonl(file: string, path: string, outlets: OutletCatalog, maxBytes: number): AsyncGenerator<IngestItem> {
  for await (const line of byteLines(file, maxBytes)) {
    yield lineItem(line, path, outlets, maxBytes);
  }
}

interface RawLine {
  /** 1-based line number. */
  number: number;
  bytes: Buffer | null;
  /** Set when the line was longer than the limit (its bytes were not kept). */
  tooLong?: number;
  /** SHA-256 of the line's bytes. */
  hash: string;
}


function lineItem(line: RawLine, path: string, outlets: OutletCatalog, maxBytes: number): IngestItem {
  const where = `${path}:${line.number}`;
  const base: Source = { ...emptySource(path), id: `line ${line.number}` };
  if (!line.bytes) return failedItem(line.hash, base, "jsonl", "ingest.too_large", `line of ${line.tooLong} bytes is over the limit of ${maxBytes} bytes`, where);
  const json = decodeUtf8(line.bytes);
  if (json === null) return failedItem(line.hash, base, "jsonl", "ingest.bad_encoding", "line is not valid UTF-8", where);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    return failedItem(line.hash, base, "jsonl", "ingest.bad_json", `not JSON (${(e as Error).message})`, where);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return failedItem(line.hash, base, "jsonl", "ingest.bad_json", "line is not a JSON object", where);
  const o = value as Record<string, unknown>;
  const id = typeof o.id === "string" || typeof o.id === "number" ? String(o.id) : null;
  if (id !== null) base.id = id;
  if (typeof o.text !== "string") return failedItem(line.hash, base, "jsonl", "ingest.bad_json", 'no "text" string', where);
  if (!o.text.trim()) return failedItem(line.hash, base, "jsonl", "ingest.empty", 'the "text" is empty', where);

  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
  const url = str(o.url);
  const source: Source = {
    ...base,
    url,
    title: str(o.title),
    published: normalizeDate(o.published ?? o.date ?? o.pubDate),
    outlet: null,
  };
  const named = str(o.outlet);
  const meta: Record<string, unknown> = { line: line.number };
  source.outlet = named ? (outlets.byName(named)?.name ?? named) : (outlets.byDomain(url)?.name ?? outlets.inText(o.text)?.outlet ?? null);
  const extra = Object.keys(o).filter((k) => !["id", "text", "url", "title", "published", "outlet"].includes(k));
  if (extra.length) meta.fields = extra;
  if (o.published != null && source.published === null) meta.unparsed_published = String(o.published);
  if (source.published === null) {
    // no usable date field: a dateline in the text, as for plain text
    const found = findDateline(o.text);
    if (found) {
      source.published = found.date;
      if (found.inferred) source.published_inferred = true;
      meta.published_from = found.kind;
    }
  }
  // the text's literal: a view of the bytes read (it keeps their chunk alive only until the document is written)
  const literal = stringMemberRange(line.bytes, "text");
  const textJson = literal ? line.bytes.subarray(literal[0], literal[1]) : undefined;
  return { ok: true, doc: { docId: line.hash, source, text: o.text, format: "jsonl", decoding: { encoding: "utf-8", method: "json", bom: false }, meta }, textJson };
}

/** The file's lines as bytes (without `\n` or `\r\n`), streamed; blank lines are skipped. */
async function* byteLines(file: string, maxBytes: number): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let number = 1;
  let hashOnly: Hash | null = null;
  const finish = (): RawLine | null => {
    let line: RawLine | null = null;
    if (hashOnly) {
      line = { number, bytes: null, tooLong: length, hash: hashOnly.digest("hex") };
    } else {
      // a line inside one chunk is a view of it (no copy)
      let bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, length);
      if (bytes.length && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
      if (number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      if (bytes.some((b) => b !== 0x20 && b !== 0x09 && b !== 0x0d)) line = { number, bytes, hash: sha256(bytes) };
    }
    parts = [];
    length = 0;
    hashOnly = null;
    number++;
    return line;
  };
  const add = (chunk: Buffer) => {
    length += chunk.length;
    if (hashOnly) {
      hashOnly.update(chunk);
    } else if (length > maxBytes) {
      hashOnly = createHash("sha256");
      for (const p of parts) hashOnly.update(p);
      hashOnly.update(chunk);
      parts = [];
    } else {
      parts.push(chunk);
    }
  };
  // large reads: fewer trips to the disk thread (a line inside a chunk is a view of it, never kept)
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 18 }) as AsyncIterable<Buffer>) {
    let pos = 0;
    for (let nl = chunk.indexOf(0x0a, pos); nl >= 0; nl = chunk.indexOf(0x0a, pos)) {
      add(chunk.subarray(pos, nl));
      const line = finish();
      if (line) yield line;
      pos = nl + 1;
    }
    if (pos < chunk.length) add(chunk.subarray(pos));
  }
  if (length > 0) {
    const line = finish();
    if (line) yield line;
  }
}
