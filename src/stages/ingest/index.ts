import { readFileSync, statSync } from "node:fs";
import type { IngestItem } from "../../core/document.js";
import { sha256, sha256File } from "./digest.js";
import { failedItem } from "./failures.js";
import { readJsonl } from "./jsonl.js";
import { loadOutlets, OutletCatalog } from "./outlets.js";
import { readTxt } from "./txt.js";
import { errorText, walkInputs, type InputExtension } from "./walk.js";

export type { IngestItem, RawDocument, FailedDocument, Source, DecodingInfo } from "../../core/document.js";
export { OutletCatalog, OutletRulesError, loadOutlets } from "./outlets.js";
export { INPUT_EXTENSIONS } from "./walk.js";
export { textToByte, type SourceMap } from "./source-map.js";
export type { IngestFailureCode } from "./failures.js";

/** Default largest file read (bytes): 20 MiB. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface IngestOptions {
  /** Largest file read, in bytes (for JSONL: largest line); larger ones fail with `ingest.too_large`. Default 20 MiB. */
  maxBytes?: number;
  /** Known outlets: a catalogue, or the path of an outlets YAML file. Default: the package's `rules/outlets.yaml`. */
  outlets?: OutletCatalog | string;
}

/** `RawDocument.format` of a file, by extension (feeds are refined to `rss`/`atom` once parsed). */
function formatOf(ext: InputExtension | null): string {
  switch (ext) {
    case ".txt":
      return "txt";
    case ".jsonl":
      return "jsonl";
    case ".html":
    case ".htm":
      return "html";
    case ".xml":
      return "feed";
    default:
      return "unknown";
  }
}

/**
 * Every document under the inputs (files or folders, recursively, in a stable
 * sorted order), streamed: never the whole corpus in memory. One item per
 * document; a file that cannot be read is one `{ok: false}` item and the walk
 * goes on. Throws only for a bad outlets rule file (`OutletRulesError`).
 */
export async function* ingest(inputs: string[], opts: IngestOptions = {}): AsyncGenerator<IngestItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const outlets = opts.outlets instanceof OutletCatalog ? opts.outlets : loadOutlets(opts.outlets);
  for await (const found of walkInputs(inputs)) {
    const format = formatOf(found.ext);
    const { path } = found;
    if (found.problem) {
      yield failedItem(sha256(`unreadable:${path}`), path, format, "ingest.unreadable", `cannot read: ${found.problem}`);
      continue;
    }
    if (!found.ext) {
      yield failedItem(sha256(`unsupported:${path}`), path, format, "ingest.unsupported", "not an input format (.txt, .html, .htm, .xml, .jsonl)");
      continue;
    }
    try {
      if (found.ext === ".jsonl") {
        yield* readJsonl(found.file, path, outlets, maxBytes);
        continue;
      }
      const size = found.size ?? statSync(found.file).size;
      if (size > maxBytes) {
        yield failedItem(await sha256File(found.file), path, format, "ingest.too_large", `${size} bytes is over the limit of ${maxBytes} bytes`);
        continue;
      }
      // read synchronously, as the walk asks (src/stages/ingest/walk.ts): a file is at most maxBytes
      const bytes = readFileSync(found.file);
      yield* readBytes(bytes, found.ext, path, outlets, await readers());
    } catch (e) {
      yield failedItem(sha256(`unreadable:${path}`), path, format, "ingest.unreadable", `cannot read: ${errorText(e)}`);
    }
  }
}

/** The HTML and feed readers, loaded on the first file that needs one (their parsers take a while to load; JSONL runs never need them). */
let loaded: Promise<Readers> | null = null;
interface Readers {
  readHtml: typeof import("./html.js").readHtml;
  readFeed: typeof import("./feed.js").readFeed;
}
function readers(): Promise<Readers> {
  loaded ??= Promise.all([import("./html.js"), import("./feed.js")]).then(([h, f]) => ({ readHtml: h.readHtml, readFeed: f.readFeed }));
  return loaded;
}

function* readBytes(bytes: Buffer, ext: InputExtension, path: string, outlets: OutletCatalog, { readHtml, readFeed }: Readers): Generator<IngestItem> {
  switch (ext) {
    case ".txt":
      yield readTxt(bytes, path, outlets);
      return;
    case ".html":
    case ".htm":
      yield readHtml(bytes, path, outlets);
      return;
    case ".xml":
      yield* readFeed(bytes, path, outlets);
      return;
    default:
      yield failedItem(sha256(bytes), path, formatOf(ext), "ingest.unsupported", "format not supported yet");
  }
}
