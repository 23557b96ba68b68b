import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { threadId } from "node:worker_threads";

/**
 * A cache of rule files that passed validation, so that a run whose rules
 * have not changed neither parses them again nor loads the validator. An
 * entry is keyed by the files' bytes and by the source of the code that
 * validates them: a change to either is a miss. Where it lives:
 * `POKAZATEL_CACHE_DIR`, else `$XDG_CACHE_HOME/pokazatel`, else
 * `~/.cache/pokazatel`; `POKAZATEL_CACHE_DIR=off` turns it off. A cache that
 * cannot be read or written is simply not used.
 */
export class ValidatedCache {
  private readonly codeVersion: string;

  /** `code`: the modules whose source decides what is valid (their text is part of every key). */
  constructor(
    private readonly name: string,
    code: URL[],
  ) {
    const h = createHash("sha256");
    for (const u of code) {
      try {
        h.update(readFileSync(fileURLToPath(u)));
      } catch {
        h.update(`missing:${u.href}`);
      }
      h.update("\0");
    }
    this.codeVersion = h.digest("hex");
  }

  private file(key: string): string | null {
    const dir = cacheDir();
    if (!dir) return null;
    const id = createHash("sha256").update(this.codeVersion).update("\0").update(key).digest("hex").slice(0, 32);
    return join(dir, `${this.name}-${id}.json`);
  }

  get<T>(key: string): T | null {
    const f = this.file(key);
    if (!f) return null;
    try {
      return JSON.parse(readFileSync(f, "utf8")) as T;
    } catch {
      return null;
    }
  }

  put(key: string, value: unknown): void {
    const f = this.file(key);
    if (!f) return;
    // worker threads of one process may write at once: each its own temporary file
    const tmp = `${f}.tmp-${process.pid}-${threadId}`;
    try {
      mkdirSync(join(f, ".."), { recursive: true });
      writeFileSync(tmp, JSON.stringify(value));
      renameSync(tmp, f);
    } catch {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // nothing was written
      }
    }
  }
}

/** The cache folder, or null when caching is off. */
export function cacheDir(): string | null {
  const set = process.env.POKAZATEL_CACHE_DIR;
  if (set === "off") return null;
  if (set) return set;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "pokazatel");
}

/** A module next to `from` with the same extension (.js when built, .ts under the tests). */
export function sibling(from: string, name: string): URL {
  const ext = from.endsWith(".ts") ? ".ts" : ".js";
  return new URL(`./${name}${ext}`, from);
}
