import { ingest } from "../../src/stages/ingest/index.js";
import type { RawDocument } from "../../src/core/document.js";

/** Reads one file through the real ingest stage. */
export async function readTxtForTest(path: string): Promise<RawDocument> {
  for await (const item of ingest([path])) {
    if (!item.ok) throw new Error(`${path}: ${item.failed.error}`);
    return item.doc;
  }
  throw new Error(`${path}: no document`);
}
