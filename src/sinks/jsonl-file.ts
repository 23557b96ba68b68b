import { createWriteStream, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { once } from "node:events";

/**
 * A JSONL file written next to its final name and renamed into place on
 * `commit()`: readers never see a half-written file, and a killed run leaves
 * the previous complete file untouched.
 */
export class JsonlFile {
  private readonly stream: WriteStream;
  private readonly tmp: string;
  /** Lines not yet handed to the stream, and their length in UTF-16 units. */
  private pending: string[] = [];
  private pendingLength = 0;
  lines = 0;

  constructor(readonly path: string) {
    this.tmp = `${path}.tmp-${process.pid}`;
    // room for a few chunks: the pipeline goes on while the disk takes them (a stream's default, 16 KB, made it wait at every chunk)
    this.stream = createWriteStream(this.tmp, { encoding: "utf8", highWaterMark: 1 << 20 });
  }

  /**
   * Appends one JSON line. Lines are handed to the stream in chunks of about
   * 64 KB; a promise comes back only when the stream's buffer is full
   * and the caller must wait for it to drain.
   */
  write(value: unknown): Promise<void> | undefined {
    this.lines++;
    const line = `${JSON.stringify(value)}\n`;
    this.pending.push(line);
    this.pendingLength += line.length;
    return this.pendingLength >= CHUNK ? this.flush() : undefined;
  }

  private flush(): Promise<void> | undefined {
    if (!this.pending.length) return undefined;
    const chunk = this.pending.join("");
    this.pending = [];
    this.pendingLength = 0;
    return this.stream.write(chunk) ? undefined : once(this.stream, "drain").then(() => undefined);
  }

  async commit(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
    await rename(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    this.pending = [];
    this.stream.destroy();
    await rm(this.tmp, { force: true });
  }
}

/** Characters gathered before they are written: a few documents (lines kept longer would outlive the young generation and fill the old one). */
const CHUNK = 1 << 16;
