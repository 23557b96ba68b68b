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
  lines = 0;

  constructor(readonly path: string) {
    this.tmp = `${path}.tmp-${process.pid}`;
    this.stream = createWriteStream(this.tmp, { encoding: "utf8" });
  }

  /** Appends one JSON line, waiting when the stream's buffer is full. */
  async write(value: unknown): Promise<void> {
    this.lines++;
    if (!this.stream.write(`${JSON.stringify(value)}\n`)) await once(this.stream, "drain");
  }

  async commit(): Promise<void> {
    this.stream.end();
    await once(this.stream, "finish");
    await rename(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.tmp, { force: true });
  }
}
