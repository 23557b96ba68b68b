import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JsonlFile } from "../../src/sinks/jsonl-file.js";
import { seeded } from "../../bench/random.mjs";

const dir = () => mkdtempSync(join(tmpdir(), "jsonl-file-"));

describe("JsonlFile", () => {
  it("writes every line, in order, across chunks and lines longer than a chunk, and renames into place on commit", async () => {
    const path = join(dir(), "out.jsonl");
    const f = new JsonlFile(path);
    const rnd = seeded(3);
    const want: unknown[] = [];
    for (let i = 0; i < 3000; i++) {
      // mostly short lines; now and then one of up to 400 000 characters (several chunks), Cyrillic and emoji
      const size = rnd() < 0.01 ? Math.floor(rnd() * 400_000) : Math.floor(rnd() * 300);
      const value = { i, s: "Рост 😀 ".repeat(Math.ceil(size / 7)).slice(0, size) };
      want.push(value);
      const wait = i % 3 === 0 ? f.writeLine([`{"i":${i},"s":`, Buffer.from(JSON.stringify(value.s)), "}"]) : f.write(value);
      if (wait) await wait;
    }
    expect(existsSync(path)).toBe(false);
    await f.commit();
    const lines = readFileSync(path, "utf8").split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((l) => JSON.parse(l))).toEqual(want);
    expect(f.lines).toBe(3000);
  });

  it("leaves nothing behind when aborted, even before its file is open", async () => {
    // the stream opens its file in the background: an abort must not remove it before it exists
    const d = dir();
    await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const f = new JsonlFile(join(d, `out-${i}.jsonl`));
        if (i % 2) f.write({ a: i });
        await f.abort();
      }),
    );
    expect(readdirSync(d)).toEqual([]);
  });
});
