import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import type { LineCounter, Node as YamlNode, Document } from "yaml";
import { locatedYaml } from "./yaml-located.js";
import { dataYaml } from "./yaml-data.js";
import type { z } from "zod";
import { RULE_KINDS, ruleSchemas, type RuleKind } from "./schema.js";
import { ValidatedCache, sibling } from "./rule-cache.js";
import { parsePattern, PatternError } from "./pattern.js";

/** A problem in a rule file, with the place it was found. */
export class RuleError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    readonly problem: string,
    readonly code = "rule.invalid",
  ) {
    super(`${file}:${line}:${col}: ${problem}`);
  }
}

/** Thrown when a rule set has one or more errors; `errors` lists them all. */
export class RuleSetError extends Error {
  constructor(readonly errors: RuleError[]) {
    super(errors.map((e) => e.message).join("\n"));
  }
}

/** One parsed, validated rule file. */
export interface RuleFile<K extends RuleKind = RuleKind> {
  path: string;
  /** File name without extension: the prefix of its rule ids (`units.kzt`). */
  name: string;
  kind: K;
  data: z.infer<ReturnType<typeof ruleSchemas>[K]>;
  /** Line of the node at a data path, for messages about entries. */
  lineOf(path: (string | number)[]): { line: number; col: number };
}

export interface LoadedRules {
  dir: string;
  /** SHA-256 over the rule files' names and bytes: changes whenever any rule changes. */
  version: string;
  files: RuleFile[];
}

function nodeAt(doc: Document, path: (string | number)[]): YamlNode | null {
  const { isMap, isSeq } = locatedYaml();
  let node: unknown = doc.contents;
  let last: unknown = node;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === key);
      if (!pair) break;
      node = pair.value ?? pair.key;
    } else if (isSeq(node)) {
      const item = node.items[key as number];
      if (item === undefined) break;
      node = item;
    } else break;
    last = node;
  }
  return (last as YamlNode) ?? null;
}

/** Reads, parses and validates every `*.yaml` file in `dir`. Throws RuleSetError listing every problem. */
export function loadRuleFiles(dir: string): LoadedRules {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error("not a directory");
    names = readdirSync(dir)
      .filter((n) => /\.ya?ml$/.test(n) && !n.startsWith("."))
      .sort();
  } catch (e) {
    throw new RuleSetError([new RuleError(dir, 0, 0, `cannot read the rules folder: ${(e as Error).message}`, "rule.no_folder")]);
  }
  if (names.length === 0) throw new RuleSetError([new RuleError(dir, 0, 0, "no .yaml rule files in this folder", "rule.no_files")]);
  const errors: RuleError[] = [];
  const files: RuleFile[] = [];
  const hash = createHash("sha256");
  const sources = names.map((n) => {
    const path = join(dir, n);
    const src = readFileSync(path, "utf8");
    hash.update(n).update("\0").update(src).update("\0");
    return { n, shown: relative(process.cwd(), path) || path, src };
  });
  const version = hash.digest("hex").slice(0, 16);
  // the same files validated before: their data as it was then
  const cached = validated.get<Array<{ n: string; name: string; kind: RuleKind; data: unknown }>>(version);
  if (cached && cached.length === sources.length && cached.every((c, i) => c.n === sources[i].n)) {
    return { dir, version, files: cached.map((c, i) => ({ path: sources[i].shown, name: c.name, kind: c.kind, data: c.data as never, lineOf: placer(sources[i].src).lineOf })) };
  }
  for (const { n, shown, src } of sources) {
    // fast: js-yaml reads the data; the slower `yaml` parse that knows every
    // node's line runs only when a message needs a place
    const { locate, lineOf } = placer(src);
    let json: Record<string, unknown> | null;
    try {
      const jsyaml = dataYaml();
      json = jsyaml.load(src, { schema: jsyaml.CORE_SCHEMA, filename: shown }) as Record<string, unknown> | null;
    } catch (e) {
      const { doc, lc } = locate();
      // later YAML errors are mostly echoes of the first one
      const first = doc.errors[0];
      if (first) {
        const pos = lc.linePos(first.pos[0]);
        errors.push(new RuleError(shown, pos.line, pos.col, `YAML: ${first.message.split("\n")[0]}`, "rule.bad_yaml"));
      } else {
        const mark = (e as { mark?: { line: number; column: number } }).mark;
        errors.push(new RuleError(shown, (mark?.line ?? 0) + 1, (mark?.column ?? 0) + 1, `YAML: ${(e as Error).message.split("\n")[0]}`, "rule.bad_yaml"));
      }
      continue;
    }
    if (!json || typeof json !== "object" || Array.isArray(json)) {
      errors.push(new RuleError(shown, 1, 1, "a rule file must be a mapping with a `kind:` key"));
      continue;
    }
    const name = basename(n).replace(/\.ya?ml$/, "");
    const kind = (json.kind ?? name) as string;
    if (!(RULE_KINDS as readonly string[]).includes(kind)) {
      const at = lineOf(["kind"]);
      errors.push(
        new RuleError(shown, at.line, at.col, `unknown kind "${kind}" (known: ${RULE_KINDS.join(", ")})`, "rule.unknown_kind"),
      );
      continue;
    }
    const parsed = ruleSchemas()[kind as RuleKind].safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const p = issue.path as (string | number)[];
        const keyPath = issue.code === "unrecognized_keys" ? [...p, ...(issue as { keys: string[] }).keys.slice(0, 1)] : p;
        const at = lineOf(keyPath);
        const where = p.length ? ` at ${p.join(".")}` : "";
        errors.push(new RuleError(shown, at.line, at.col, `${issue.message}${where}`, issue.code === "unrecognized_keys" ? "rule.unknown_key" : "rule.invalid"));
      }
      continue;
    }
    const file: RuleFile = { path: shown, name, kind: kind as RuleKind, data: parsed.data as never, lineOf };
    errors.push(...checkPatterns(file, json));
    files.push(file);
  }
  if (errors.length) throw new RuleSetError(errors);
  validated.put(
    version,
    files.map((f, i) => ({ n: sources[i].n, name: f.name, kind: f.kind, data: f.data })),
  );
  return { dir, version, files };
}

/** Validated rule files, kept between runs; keyed also by the code that validates them. */
const validated = new ValidatedCache("rules", [sibling(import.meta.url, "schema"), sibling(import.meta.url, "load"), sibling(import.meta.url, "pattern")]);

/** A file's source parsed with node positions when first asked: `locate` gives the parse, `lineOf` the place of a data path. */
function placer(src: string) {
  let located: { doc: Document; lc: LineCounter } | null = null;
  const locate = () => {
    if (!located) {
      const { LineCounter, parseDocument } = locatedYaml();
      const lc: LineCounter = new LineCounter();
      located = { doc: parseDocument(src, { lineCounter: lc, uniqueKeys: true, prettyErrors: false }), lc };
    }
    return located;
  };
  const lineOf = (p: (string | number)[]): { line: number; col: number } => {
    const { doc, lc } = locate();
    return lc.linePos(nodeAt(doc, p)?.range?.[0] ?? 0);
  };
  return { locate, lineOf };
}

/**
 * Every string under a key named `patterns`, `pattern`, `cues` (strings),
 * `requires`, `subjects` or one of the measures/periods pattern lists must parse as a
 * token pattern; problems are reported at their line.
 */
const PATTERN_KEYS = new Set([
  "patterns",
  "pattern",
  "cues",
  "requires",
  "subjects",
  "plan_cues",
  "change_up",
  "change_down",
  "comparative_up",
  "comparative_down",
  "change_nouns",
  "share",
  "share_after",
  "rank_peer_set",
  "region",
  "centre",
  "city",
  "country",
]);

function checkPatterns(file: RuleFile, json: unknown): RuleError[] {
  const errors: RuleError[] = [];
  const walk = (v: unknown, path: (string | number)[], inPatternList: boolean) => {
    if (typeof v === "string") {
      if (!inPatternList) return;
      try {
        parsePattern(v);
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        const at = file.lineOf(path);
        errors.push(new RuleError(file.path, at.line, at.col, `bad pattern "${v}": ${e.message}`, "rule.bad_pattern"));
      }
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i], inPatternList));
    } else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        const key = typeof k === "string" ? k : "";
        // territory `forms` are literal names, not patterns
        const isPatternKey = PATTERN_KEYS.has(key) && !(file.kind === "territories" && key !== "region" && key !== "centre" && key !== "city" && key !== "country");
        walk(x, [...path, k], isPatternKey || (inPatternList && key === "pattern"));
      }
    }
  };
  walk(json, [], false);
  return errors;
}

/** All files of one kind, in file-name order. */
export function filesOf<K extends RuleKind>(rules: LoadedRules, kind: K): RuleFile<K>[] {
  return rules.files.filter((f) => f.kind === kind) as RuleFile<K>[];
}
