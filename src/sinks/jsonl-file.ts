import { createWriteStream, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { claimTempPath } from "./temp-files.js";

/**
 * A JSONL file written next to its final name and renamed into place on
 * `commit()`: readers never see a half-written file, and a killed run leaves
 * the previous complete file untouched.
 */
export class JsonlFile {
  private readonly stream: WriteStream;
  private readonly tmp: string;
  /** Bytes gathered for the stream: lines are encoded straight into it. */
  private chunk: Buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  /** Chunks the stream has written out, ready to take lines again. */
  private readonly spare: Buffer[] = [];
  lines = 0;

  constructor(readonly path: string) {
    this.tmp = claimTempPath(path);
    // room for a few chunks: the pipeline goes on while the disk takes them (a stream's default, 16 KB, made it wait at every chunk)
    this.stream = createWriteStream(this.tmp, { highWaterMark: 1 << 20 });
  }

  /**
   * Appends one JSON line. Lines are handed to the stream in chunks of
   * CHUNK bytes; a promise comes back only when the stream's buffer is full
   * and the caller must wait for it to drain.
   */
  write(value: unknown): Promise<void> | undefined {
    return this.writeLine([JSON.stringify(value)]);
  }

  /**
   * Appends one line made of pieces of JSON: strings, and bytes that are
   * already UTF-8 JSON (a literal kept as the input wrote it). Returns as `write`.
   */
  writeLine(parts: ReadonlyArray<string | Uint8Array>): Promise<void> | undefined {
    this.lines++;
    let wait: Promise<void> | undefined;
    for (const p of parts) wait = this.put(p) ?? wait;
    return this.put("\n") ?? wait;
  }

  private put(piece: string | Uint8Array): Promise<void> | undefined {
    // a UTF-16 unit takes at most three bytes
    const most = typeof piece === "string" ? piece.length * 3 : piece.length;
    let wait: Promise<void> | undefined;
    if (most > CHUNK - this.used) {
      wait = this.flush();
      // more than a chunk: handed to the stream alone
      if (most > CHUNK) return this.send(typeof piece === "string" ? Buffer.from(piece, "utf8") : piece) ?? wait;
    }
    if (typeof piece === "string") this.used += this.chunk.write(piece, this.used, "utf8");
    else {
      this.chunk.set(piece, this.used);
      this.used += piece.length;
    }
    return wait;
  }

  private flush(): Promise<void> | undefined {
    if (!this.used) return undefined;
    const chunk = this.chunk;
    // the stream keeps the chunk until it is written, then it takes lines again: a few chunks serve the whole run
    this.chunk = this.spare.pop() ?? Buffer.allocUnsafe(CHUNK);
    const used = this.used;
    this.used = 0;
    return this.send(chunk.subarray(0, used), () => this.spare.push(chunk));
  }

  private send(bytes: Uint8Array, written?: () => void): Promise<void> | undefined {
    return this.stream.write(bytes, written) ? undefined : once(this.stream, "drain").then(() => undefined);
  }

  async commit(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
    await rename(this.tmp, this.path);
  }

  /** Drops what was written: the file beside the final name is removed, the final name untouched. */
  async abort(): Promise<void> {
    this.used = 0;
    // the stream opens its file in the background: removed only once the stream has closed it (it may not exist yet)
    if (!this.stream.closed) {
      const closed = once(this.stream, "close");
      this.stream.destroy();
      await closed;
    }
    await rm(this.tmp, { force: true });
  }
}

/** Bytes gathered before they are handed to the stream: a few documents. */
const CHUNK = 1 << 17;
