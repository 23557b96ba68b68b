// Builds ingest fixtures from the seed articles in corpus/ (into temp dirs).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import type { IngestItem, RawDocument, FailedDocument } from "../../../src/core/document.js";
import { ingest, type IngestOptions } from "../../../src/stages/ingest/index.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");
export const CORPUS = join(ROOT, "corpus");
export const FIXTURES = join(ROOT, "tests/fixtures/ingest");

/** The seed articles, by file name, as UTF-8 text. */
export function seeds(): Array<{ name: string; text: string }> {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(CORPUS, name), "utf8") }));
}

export function encode(text: string, encoding: "windows-1251" | "koi8-r" | "utf-8"): Buffer {
  return iconv.encode(text, encoding);
}

/** A fresh temp dir with these files (path → content); removed by the returned `cleanup`. */
export function tempTree(files: Record<string, string | Uint8Array>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "pokazatel-ingest-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function collect(inputs: string[], opts?: IngestOptions): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of ingest(inputs, opts)) out.push(item);
  return out;
}

export function docs(items: IngestItem[]): RawDocument[] {
  return items.flatMap((i) => (i.ok ? [i.doc] : []));
}

export function failures(items: IngestItem[]): FailedDocument[] {
  return items.flatMap((i) => (i.ok ? [] : [i.failed]));
}

/** Ingest one file's bytes (written to a temp dir under `name`) and return its items. */
export async function ingestOne(name: string, content: string | Uint8Array, opts?: IngestOptions): Promise<IngestItem[]> {
  const t = tempTree({ [name]: content });
  try {
    return await collect([t.dir], opts);
  } finally {
    t.cleanup();
  }
}

/** Sentences of a text, whitespace-normalised, for comparing article content across formats. */
export function sentences(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .flatMap((p) => p.replace(/\s+/g, " ").trim().split(/(?<=[.!?])\s+(?=[А-ЯЁA-Z«])/))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
