/** Paragraphs of every text the repository has (corpus/, tests/fixtures/, ../shared/bench/nerel when present). */
export function paragraphs(root: string): string[];
/** Writes about `mb` megabytes of JSONL documents (recombined paragraphs, seeded) to `out`. */
export function buildCorpus(root: string, out: string, mb: number, seed?: number): { bytes: number; docs: number };
