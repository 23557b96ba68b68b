/** Where a document came from. Unknown fields are `null`. */
export interface Source {
  /** Path of the input file, relative to the corpus root given on the command line. */
  path: string | null;
  /** The document's id inside a multi-document file (a JSONL line's `id`, a feed item's guid). */
  id: string | null;
  url: string | null;
  outlet: string | null;
  title: string | null;
  /** Publication date `YYYY-MM-DD`. */
  published: string | null;
  /** True when the publication date (or its year) was guessed from the text, not stated. */
  published_inferred?: boolean;
}

/** How the bytes were turned into text. */
export interface DecodingInfo {
  /** WHATWG encoding label actually used, e.g. `utf-8`, `windows-1251`, `koi8-r`. */
  encoding: string;
  /** How the encoding was chosen: `bom`, `declared`, `utf8-valid`, `statistics`, `json`. */
  method: string;
  bom: boolean;
}

/**
 * A decoded document. `text` is immutable: every later stage only adds spans
 * over it (shared/spec/record.md, "Offsets").
 */
export interface RawDocument {
  /** SHA-256 (hex) of the document's raw bytes. */
  docId: string;
  source: Source;
  text: string;
  /** Input format: `txt`, `jsonl`, `html`, `rss`, `atom`. */
  format: string;
  decoding?: DecodingInfo;
  /** Extra facts the ingest stage found (e.g. which header it read the date from). */
  meta?: Record<string, unknown>;
}

/** A document that could not be read; it is reported, never dropped. */
export interface FailedDocument {
  docId: string;
  source: Source;
  /** `area.problem` code, e.g. `ingest.empty`, `ingest.binary`. */
  code: string;
  /** Human-readable reason, naming the file (and line, for multi-document files). */
  error: string;
  format: string;
}

/**
 * What ingest gives for one document. `textJson`, when the text came from a
 * JSON string (a JSONL line's `text`), is that literal exactly as the input
 * wrote it (UTF-8, quotes included): documents.jsonl takes it as it is.
 */
export type IngestItem = { ok: true; doc: RawDocument; textJson?: Uint8Array } | { ok: false; failed: FailedDocument };

export function emptySource(path: string | null): Source {
  return { path, id: null, url: null, outlet: null, title: null, published: null };
}
