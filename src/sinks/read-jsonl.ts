import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

/** The values of a JSONL file, one per non-empty line, streamed. */
export async function* readJsonl<T>(path: string): AsyncGenerator<T> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    try {
      yield JSON.parse(line) as T;
    } catch (e) {
      throw new Error(`${path}:${n}: not JSON: ${(e as Error).message}`);
    }
  }
}
