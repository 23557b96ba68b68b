import { readdir, realpath, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";

/** File extensions the ingest stage reads (lower case, with the dot). */
export const INPUT_EXTENSIONS = [".txt", ".html", ".htm", ".xml", ".jsonl"] as const;
export type InputExtension = (typeof INPUT_EXTENSIONS)[number];

/** One file found under the inputs. */
export interface FoundFile {
  /** Absolute or caller-relative path to open. */
  file: string;
  /** `source.path`: relative to the input folder it was found under (`/`-separated), or the basename of a file given directly. */
  path: string;
  ext: InputExtension | null;
  /** Set when the input could not be listed or opened (missing path, permission). */
  problem?: string;
}

export function inputExtension(name: string): InputExtension | null {
  const ext = extname(name).toLowerCase();
  return (INPUT_EXTENSIONS as readonly string[]).includes(ext) ? (ext as InputExtension) : null;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every input file under `inputs`, in a stable order: inputs in the order
 * given, each folder's entries sorted by name (code unit order, not locale).
 * Hidden files and folders (`.name`) are skipped, and so are files in folders
 * whose extension is not an input. A file named directly is always returned
 * (with `ext: null` if its extension is not an input), and a missing input is
 * returned with a `problem`, so that the caller can report it.
 */
export async function* walkInputs(inputs: string[]): AsyncGenerator<FoundFile> {
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (e) {
      yield { file: input, path: basename(input), ext: inputExtension(input), problem: errorText(e) };
      continue;
    }
    if (info.isDirectory()) {
      const seen = new Set<string>([await realpath(input)]);
      yield* walkDir(input, "", seen);
    } else {
      yield { file: input, path: basename(input), ext: inputExtension(input) };
    }
  }
}

async function* walkDir(dir: string, rel: string, seen: Set<string>): AsyncGenerator<FoundFile> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort(byName);
  } catch (e) {
    yield { file: dir, path: rel || basename(dir), ext: null, problem: errorText(e) };
    return;
  }
  for (const name of names) {
    if (name.startsWith(".")) continue;
    const file = join(dir, name);
    const path = rel ? `${rel}/${name}` : name;
    let info;
    try {
      info = await stat(file); // follows symbolic links
    } catch (e) {
      if (inputExtension(name)) yield { file, path, ext: inputExtension(name), problem: errorText(e) };
      continue;
    }
    if (info.isDirectory()) {
      const real = await realpath(file);
      if (seen.has(real)) continue; // a link back up the tree
      seen.add(real);
      yield* walkDir(file, path, seen);
    } else if (info.isFile()) {
      const ext = inputExtension(name);
      if (ext) yield { file, path, ext };
    }
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
