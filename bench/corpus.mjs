// Builds a JSONL corpus of about N MB of Russian news text from the
// repository's own texts (corpus/ seeds, test fixtures, ../shared/bench/nerel),
// paragraphs recombined so that documents differ. Deterministic (seeded).
import { readFileSync, readdirSync, writeFileSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { seeded } from "./random.mjs";

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (n.endsWith(".txt")) out.push(p);
  }
  return out;
}

/** Paragraphs of every text the repository has. */
export function paragraphs(root) {
  const texts = [];
  for (const f of ["train", "dev"]) {
    const p = join(root, "../shared/bench/nerel", `${f}.jsonl`);
    if (existsSync(p)) for (const l of readFileSync(p, "utf8").split("\n")) if (l) texts.push(JSON.parse(l).text);
  }
  for (const f of [...walk(join(root, "corpus")), ...walk(join(root, "tests/fixtures"))]) texts.push(readFileSync(f, "utf8"));
  return texts.flatMap((t) => t.split(/\n+/)).filter((p) => p.length > 40);
}

/** Writes about `mb` megabytes of JSONL documents to `out`; returns {bytes, docs}. */
export function buildCorpus(root, out, mb, seed = 11) {
  const paras = paragraphs(root);
  const rnd = seeded(seed);
  const lines = [];
  let bytes = 0;
  let i = 0;
  while (bytes < mb * 1e6) {
    const n = 4 + Math.floor(rnd() * 12);
    const text = Array.from({ length: n }, () => paras[Math.floor(rnd() * paras.length)]).join("\n\n");
    const line = JSON.stringify({ id: `b${i++}`, published: "2025-06-30", text });
    lines.push(line);
    bytes += Buffer.byteLength(line) + 1;
    if (lines.length >= 2000) {
      writeFileSync(out, lines.join("\n") + "\n", { flag: i > 2000 ? "a" : "w" });
      lines.length = 0;
    }
  }
  if (lines.length) writeFileSync(out, lines.join("\n") + "\n", { flag: i > lines.length ? "a" : "w" });
  return { bytes, docs: i };
}
