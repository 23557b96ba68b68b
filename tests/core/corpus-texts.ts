/**
 * Test helper: the texts of whole corpora, for tests that check a property
 * over all of them: corpus/, and when ../shared is beside the project, the
 * seeds and NEREL (dev and train).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export function corpusTexts(): string[] {
  const texts: string[] = [];
  for (const dir of ["corpus", "../shared/corpus/seeds"]) if (existsSync(dir)) for (const f of readdirSync(dir)) if (f.endsWith(".txt")) texts.push(readFileSync(join(dir, f), "utf8"));
  for (const f of ["../shared/bench/nerel/dev.jsonl", "../shared/bench/nerel/train.jsonl"])
    if (existsSync(f)) for (const l of readFileSync(f, "utf8").split("\n")) if (l) texts.push((JSON.parse(l) as { text: string }).text);
  return texts;
}
