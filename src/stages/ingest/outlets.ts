import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Document } from "yaml";
import { locatedYaml } from "../../rules/yaml-located.js";
import { dataYaml } from "../../rules/yaml-data.js";
import { ruleSchemas } from "../../rules/schema.js";
import { ValidatedCache, sibling } from "../../rules/rule-cache.js";

/**
 * Known news outlets (`rules/outlets.yaml`): recognise an outlet from a URL's
 * domain, a site name (og:site_name, a feed's channel title) or the text
 * ("передает BAQ.KZ", "Усть-Каменогорск. 22 декабря. KAZAKHSTAN TODAY -").
 */

export interface Outlet {
  name: string;
  domains: string[];
  aliases: string[];
}

/** The file's schema: the rule files' own for `outlets.yaml` (zod is loaded only when a file is validated, not when it comes from the cache). */
function fileSchema() {
  return ruleSchemas().outlets;
}

/** Outlet files that passed validation, kept between runs (src/rules/rule-cache.ts). */
const validated = new ValidatedCache("outlets", [sibling(import.meta.url, "outlets"), sibling(import.meta.url, "../../rules/schema")]);

/** A rule-file error; `message` starts with `file:line:column`. */
export class OutletRulesError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    problem: string,
  ) {
    super(`${file}:${line}:${column}: ${problem}`);
    this.name = "OutletRulesError";
  }
}

/** Where an outlet was found in a text (UTF-16 offsets of the alias). */
export interface OutletMention {
  outlet: string;
  start: number;
  end: number;
  how: "attribution" | "dateline";
}

/** Words that credit a source; an alias right after them names the outlet. */
const ATTRIBUTION = /(?:переда[её]т|сообщает|сообщили|пишет|информирует|со ссылкой на|по данным|по информации)\s+(?:(?:корреспондент|собкор|агентств|портал|сайт|издани|редакци)\p{L}*\s+)?[«"]?/giu;
/** "Усть-Каменогорск. 22 декабря. " at the start of one of the first lines. */
const DATELINE = /[ \t]*[\p{Lu}][\p{L}\- ]{1,40}[.,][ \t]+\d{1,2}[ \t]+\p{L}+(?:[ \t]+\d{4}(?:[ \t]*(?:года|г\.?))?)?[.,][ \t]*/uy;
/** How far into the text a dateline is looked for. */
const DATELINE_HEAD = 1500;
const WORD_CHAR = /[\p{L}\p{N}]/u;

export class OutletCatalog {
  private readonly byKey = new Map<string, Outlet>();
  private readonly byDomainName = new Map<string, Outlet>();
  /** Sticky: matches an alias exactly at `lastIndex`. */
  private readonly aliasRe: RegExp | null;

  constructor(readonly outlets: Outlet[]) {
    const aliases: string[] = [];
    for (const o of outlets) {
      for (const a of [o.name, ...o.aliases]) {
        this.byKey.set(key(a), o);
        aliases.push(a);
      }
      for (const d of o.domains) this.byDomainName.set(d, o);
    }
    aliases.sort((a, b) => b.length - a.length);
    this.aliasRe = aliases.length
      ? new RegExp(`(?:${aliases.map(escapeRe).join("|")})(?![\\p{L}\\p{N}]|\\.[\\p{L}\\p{N}])`, "iuy")
      : null;
  }

  /** Load and validate a YAML file; throws `OutletRulesError` naming file and line. */
  static load(file: string): OutletCatalog {
    const source = readFileSync(file, "utf8");
    const seen = validated.get<Outlet[]>(source);
    if (seen) return new OutletCatalog(seen);
    // fast: js-yaml reads the data; the slower `yaml` parse that knows every node's line runs only to place a problem
    let data: unknown = undefined;
    try {
      const jsyaml = dataYaml();
      data = jsyaml.load(source, { schema: jsyaml.CORE_SCHEMA });
    } catch {
      // placed below
    }
    const parsed = fileSchema().safeParse(data);
    if (parsed.success && duplicateName(parsed.data.outlets) === null) {
      validated.put(source, parsed.data.outlets);
      return new OutletCatalog(parsed.data.outlets);
    }
    return OutletCatalog.placeProblem(file, source);
  }

  /** Finds the first problem of a file that did not load, with its place, and throws it. */
  private static placeProblem(file: string, source: string): never {
    const { LineCounter, parseDocument } = locatedYaml();
    const lineCounter = new LineCounter();
    const doc = parseDocument(source, { lineCounter, uniqueKeys: true });
    const at = (offset: number, problem: string) => {
      const { line, col } = lineCounter.linePos(offset);
      return new OutletRulesError(file, line, col, problem);
    };
    if (doc.errors.length) throw at(doc.errors[0].pos[0], doc.errors[0].message.split("\n")[0]);
    const parsed = fileSchema().safeParse(doc.toJS());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = nodeOffset(doc, issue.path as (string | number)[]);
      const field = issue.path.join(".") || "(file)";
      throw at(where, `${field}: ${issue.message}`);
    }
    const dup = duplicateName(parsed.data.outlets);
    if (dup) throw at(nodeOffset(doc, dup.path), `"${dup.name}" already belongs to outlet "${dup.owner}"`);
    throw at(0, "cannot read this file");
  }

  /** The outlet whose name or alias this is (case and spacing ignored), e.g. an og:site_name. */
  byName(name: string | null | undefined): Outlet | null {
    if (!name) return null;
    return this.byKey.get(key(name)) ?? this.byDomain(name.trim().toLowerCase());
  }

  /** The outlet of a URL or host name (subdomains included: `www.baq.kz` → BAQ.KZ). */
  byDomain(urlOrHost: string | null | undefined): Outlet | null {
    if (!urlOrHost) return null;
    let host = urlOrHost.trim().toLowerCase();
    try {
      if (/^[a-z]+:\/\//.test(host)) host = new URL(host).hostname;
    } catch {
      return null;
    }
    host = host.replace(/\.$/, "");
    for (let h = host; h.includes("."); h = h.slice(h.indexOf(".") + 1)) {
      const o = this.byDomainName.get(h);
      if (o) return o;
    }
    return null;
  }

  /**
   * The outlet the text credits: an alias after an attribution verb
   * ("передает BAQ.KZ", "сообщает МИА «Казинформ»") anywhere in the text, else
   * an alias right after a dateline ("Усть-Каменогорск. 22 декабря. KAZAKHSTAN TODAY -").
   */
  inText(text: string): OutletMention | null {
    if (!this.aliasRe) return null;
    // exec on the one expression, not matchAll (which makes a copy of it for every text)
    ATTRIBUTION.lastIndex = 0;
    for (let m = ATTRIBUTION.exec(text); m; m = ATTRIBUTION.exec(text)) {
      if (m.index > 0 && WORD_CHAR.test(text[m.index - 1])) continue;
      const found = this.aliasAt(text, m.index + m[0].length);
      if (found) return { ...found, how: "attribution" };
    }
    for (const end of datelineEnds(text.slice(0, DATELINE_HEAD))) {
      const found = this.aliasAt(text, end);
      if (found && /^\s*[-–—]/.test(text.slice(found.end, found.end + 3))) return { ...found, how: "dateline" };
    }
    return null;
  }

  private aliasAt(text: string, at: number): Omit<OutletMention, "how"> | null {
    const re = this.aliasRe!;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return null;
    return { outlet: this.byKey.get(key(m[0]))!.name, start: at, end: at + m[0].length };
  }
}

/**
 * Where each dateline of the text ends: DATELINE tried at the start of every
 * line (after \n, \r, U+2028 or U+2029, as `^` in a multiline expression),
 * not at every character. A dateline never runs past its line.
 */
function datelineEnds(head: string): number[] {
  const ends: number[] = [];
  // most texts break lines with \n alone: found by indexOf
  const onlyNewlines = !OTHER_BREAK.test(head);
  for (let at = 0; at < head.length; ) {
    if (mayStartDateline(head, at)) {
      DATELINE.lastIndex = at;
      const m = DATELINE.exec(head);
      if (m) ends.push(at + m[0].length);
    }
    let br: number;
    if (onlyNewlines) br = head.indexOf("\n", at);
    else {
      LINE_BREAK.lastIndex = at;
      br = LINE_BREAK.exec(head)?.index ?? -1;
    }
    if (br < 0) break;
    at = br + 1;
  }
  return ends;
}

const LINE_BREAK = /[\n\r\u2028\u2029]/g;
const OTHER_BREAK = /[\r\u2028\u2029]/;

/**
 * What DATELINE needs at a line start, checked cheaply first: after spaces
 * and tabs, a letter run of at most 41 characters (its first upper-case)
 * ends in a full stop or comma, and spaces or tabs and a digit follow. The run
 * holds neither, so that full stop or comma is the line's first.
 */
export function mayStartDateline(s: string, at: number): boolean {
  const p = blanksEnd(s, at);
  const last = Math.min(s.length, p + 42);
  for (let k = p + 1; k < last; k++) {
    const c = s.charCodeAt(k);
    if (c === 46 || c === 44) {
      const d = blanksEnd(s, k + 1);
      return d > k + 1 && d < s.length && s.charCodeAt(d) >= 48 && s.charCodeAt(d) <= 57;
    }
  }
  return false;
}

/** Where the spaces and tabs from `at` on end. */
function blanksEnd(s: string, at: number): number {
  let p = at;
  while (p < s.length && (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 9)) p++;
  return p;
}

/** Whether DATELINE matches at `at` (what `mayStartDateline` must let through). */
export function datelineAt(s: string, at: number): boolean {
  DATELINE.lastIndex = at;
  return DATELINE.test(s);
}

/** The first name, alias or domain that two outlets share, with where it is written. */
function duplicateName(outlets: Outlet[]): { name: string; owner: string; path: (string | number)[] } | null {
  const seen = new Map<string, string>();
  for (const [i, o] of outlets.entries()) {
    const names: Array<[string, (string | number)[]]> = [
      [key(o.name), ["outlets", i, "name"]],
      ...o.aliases.map((a, j): [string, (string | number)[]] => [key(a), ["outlets", i, "aliases", j]]),
      ...o.domains.map((d, j): [string, (string | number)[]] => [`domain:${d}`, ["outlets", i, "domains", j]]),
    ];
    for (const [k, path] of names) {
      const owner = seen.get(k);
      if (owner !== undefined && owner !== o.name) return { name: k.replace(/^domain:/, ""), owner, path };
      seen.set(k, o.name);
    }
  }
  return null;
}

function key(s: string): string {
  return s.toLowerCase().replace(/ё/g, "е").replace(/[«»"]/g, "").replace(/\s+/g, " ").trim();
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
}

function nodeOffset(doc: Document, path: (string | number)[]): number {
  const { isNode } = locatedYaml();
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return 0;
}

/** The outlet catalogue of a rule folder (`DIR/outlets.yaml`), or undefined when it has none. */
export function outletsFileIn(rulesDir: string): string | undefined {
  const f = join(rulesDir, "outlets.yaml");
  return existsSync(f) ? f : undefined;
}

/** `rules/outlets.yaml` of this package, found by walking up from this module. */
export function defaultOutletsFile(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "rules", "outlets.yaml");
    if (existsSync(candidate)) return candidate;
    const up = resolve(dir, "..");
    if (up === dir) break;
    dir = up;
  }
  return null;
}

const cache = new Map<string, OutletCatalog>();

/** The catalogue in `file` (default: the package's `rules/outlets.yaml`; none found: an empty catalogue), loaded once. */
export function loadOutlets(file?: string): OutletCatalog {
  const path = file ?? defaultOutletsFile();
  if (!path) return new OutletCatalog([]);
  let catalog = cache.get(path);
  if (!catalog) {
    catalog = OutletCatalog.load(path);
    cache.set(path, catalog);
  }
  return catalog;
}
