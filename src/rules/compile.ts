import { tokenize } from "../stages/segment/tokens.js";
import { fromNumber, parseExact, type Exact } from "../numbers/exact.js";
import { isCardinalWord } from "../numbers/cardinal-words.js";
import { parsePattern, type Pattern, type PatternEnv } from "./pattern.js";
import { AnchoredPatternSet, PatternSet, patternSetOf } from "./pattern-set.js";
import { FormMemo } from "./lexicon.js";
import { FormClass, FormClassifier } from "./form-classes.js";
import { normWord } from "./text-norm.js";
import { filesOf, loadRuleFiles, RuleError, RuleSetError, type LoadedRules, type RuleFile } from "./load.js";
import type { Qualifier } from "../core/record.js";
import type { Token } from "../stages/segment/tokens.js";
import { RULE_LANGUAGES } from "./schema.js";
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** A word sequence (token norms) that a rule entry matches exactly. */
export type Seq = string[];

/** Splits a form as written in a rule file into token norms, with the tokenizer the texts go through. */
export function seqOf(form: string): Seq {
  return tokenize(form).map((t) => t.norm);
}

export interface NumeralWord {
  id: string;
  kind: "cardinal" | "ordinal" | "multiplier" | "fraction" | "vague";
  value: Exact | null;
  role?: "adjective" | "adverb";
}

export interface Scale {
  id: string;
  value: Exact;
}

export interface UnitRule {
  id: string;
  type: "money" | "percent" | "pp" | "ratio" | "quantity" | "duration" | "rank";
  code: string;
  forms: Seq[];
  abbreviations: Seq[];
  symbols: Seq[];
  before: Seq[];
  after: Seq[];
  requiresBefore: boolean;
  requiresPreposition: string[];
}

export interface QualifierRule {
  id: string;
  qualifier: Exclude<Qualifier, "exact">;
  seq: Seq;
}

export interface PeriodRule {
  id: string;
  pattern: Pattern;
  resolve: string;
  kind?: "actual" | "plan" | "target";
  shift: number;
  n?: number;
}

export interface CueRule {
  /** Rule id, `indicators.<code>`. */
  id: string;
  indicator: string;
  pattern: Pattern;
  weight: number;
  scope: "any" | "region" | "country";
  role: "indicator" | "subject";
  /**
   * The cue names its indicator only after a cue of this indicator earlier
   * in the sentence: it continues that figure's list ("ВРП … составил
   * 15 трлн тенге, а на душу населения – 25,2 млн").
   */
  after: string | undefined;
}

export interface CountedRule {
  id: string;
  indicator: string;
  pattern: Pattern;
  lemma: string;
  requires: Pattern[];
}

export interface IndicatorDef {
  code: string;
  label: string;
  units: string[];
}

export interface NamedPattern {
  id: string;
  pattern: Pattern;
}

export interface GazetteerEntry {
  id: string;
  seq: Seq;
  type: "country" | "region" | "place" | "akim";
  code: string;
  regionName: string;
  place: string | null;
  weak: boolean;
}

/** Everything the detectors need, compiled once from the rule files. */
export interface CompiledRules {
  version: string;
  dir: string;
  /** The language the rule files are written for (their `language:`): documents in another get no records. */
  language: string;
  /**
   * The rule set of each language there are rules for, this one's included:
   * a language folder's (`rules/en/`) under its code. All share one `version`.
   */
  byLanguage: Map<string, CompiledRules>;
  files: Array<{ path: string; kind: string; name: string }>;
  env: PatternEnv;
  numerals: Map<string, NumeralWord>;
  scales: Map<string, Scale>;
  scaleAbbreviations: Map<string, Scale>;
  ordinalSuffixes: Set<string>;
  /** Ordinal suffixes written right after the digits ("3rd", "21st"). */
  gluedOrdinalSuffixes: Set<string>;
  /** Words inside a number written in words, after its first cardinal ("two hundred": "hundred"). */
  numberWordParts: Set<string>;
  /**
   * How numbers combine (numerals.yaml): a range opened by a word ("от 2 до 3
   * млрд") or a dash ("50–70 млн"); a transition, two values ("с 27 до 20",
   * "from 27 to 20"); joiners, after which a bare number shares the next one's
   * scale and unit ("5 и 7%", "5 and 7%").
   */
  numberGrammar: { rangeOpen: Set<string>; rangeTo: Set<string>; transitionFrom: Set<string>; transitionTo: Set<string>; joiners: Set<string> };
  units: UnitRule[];
  /** Unit entries keyed by the first norm of any of their sequences. */
  unitIndex: Map<string, UnitRule[]>;
  /** Money symbols of one token, by norm ("$", "₸", and "kzt" where a currency code is listed among the symbols). */
  moneySymbols: Set<string>;
  qualifiers: QualifierRule[];
  /** The qualifiers by the last word of their form, longest forms first (as in `qualifiers`). */
  qualifiersByLast: Map<string, QualifierRule[]>;
  /** Words before a number that make it an upper bound ("до 5%": under), unless a change word before makes it the level reached. */
  upperBound: Set<string>;
  /** Prepositions that may stand between a qualifier and its number ("почти на 5%"). */
  qualifierGoverning: Set<string>;
  /** Words between the governing word and its number that say nothing of the amount ("by only 0.4%"). */
  numberFillers: Set<string>;
  noBreakAfter: Set<string>;
  mayEndAfterNumber: Set<string>;
  months: Map<string, number>;
  relativeYears: Array<NamedPattern & { shift: number }>;
  periods: PeriodRule[];
  planCues: NamedPattern[];
  /** Forms of "year" written after a year ("2024 году"): such a year is a date of the article's time, and belongs to a period expression just before it. */
  yearWords: Set<string>;
  /** Words between a period expression and its year ("the third quarter of 2025"). */
  yearJoiners: Set<string>;
  /** Words before a year that make it a date of the article's time as a year word after it does ("in 2024"). */
  yearBefore: Set<string>;
  /** A year right after a month name ("September 2025") is a date of the article's time too. */
  yearAfterMonth: boolean;
  /** A period right after the figure is its own, before one earlier in the sentence ("2.5 billion in 2024"). */
  periodAfterFigure: boolean;
  /** Words before a year that make it a target ("до 2030 года"), not the article's time. */
  targetBefore: Set<string>;
  measures: {
    changeUp: NamedPattern[];
    changeDown: NamedPattern[];
    comparativeUp: NamedPattern[];
    comparativeDown: NamedPattern[];
    changeNouns: NamedPattern[];
    share: NamedPattern[];
    shareAfter: NamedPattern[];
    rankNouns: Set<string>;
    /** Words after which an ordinal is a rank ("ranks first"). */
    rankVerbs: Set<string>;
    /** Words a few tokens before a period that make it the base of a comparison ("чем", "than"). */
    baseWords: Set<string>;
    rankPeerSet: NamedPattern[];
    /** Prepositions that make a number after a change word the change itself ("выросла на 9,5%", "grew by 9.5%"). */
    changePrepositions: Set<string>;
    /** Verbs that assert a number of a change noun before them ("рост составил 7%"). */
    asserting: Set<string>;
    /** Words after numbers joined by a joiner that give them, in order, to the places named before ("соответственно", "respectively"). */
    respectively: Set<string>;
    /** A comparative right after the number makes it a change without a change preposition ("12% higher"). */
    comparativeAlone: boolean;
    /** Change verbs that make the number right after them the change ("rose 12%"). */
    changeVerbsAlone: Set<string>;
    bases: Array<NamedPattern & { base: string }>;
  };
  indicators: Map<string, IndicatorDef>;
  cues: CueRule[];
  counted: CountedRule[];
  subjects: Array<NamedPattern & { indicator: string }>;
  /** Words that name the indicator of the figure before them ("этот показатель"): indicators.yaml `refer_back`. */
  indicatorReferences: NamedPattern[];
  gazetteer: Map<string, GazetteerEntry[]>;
  regions: Map<string, { code: string; name: string; centre: string }>;
  /** `beforeCue`: a form of the country right before an indicator's cue is the cue's territory ("Kazakhstan's GDP"). */
  country: { code: string; name: string; beforeCue: boolean };
  references: { region: NamedPattern[]; centre: NamedPattern[]; city: NamedPattern[]; country: NamedPattern[] };
  cityCues: Set<string>;
  akimCues: Set<string>;
  /** Words that place a figure where the name or reference after them is ("в", "in"); a country reference starting with one is locative itself ("в стране"). */
  locativeWords: Set<string>;
  /** Words before a reference that point away from the article's territory ("в других регионах"). */
  elsewhereWords: Set<string>;
  /** Endings of a country reference's first word that make it the country's figure ("среднереспубликанского"). */
  countryEndings: string[];
  /** Words that join places into a list ("Темиртау, Шахтинск, Абай и Балхаш"): none of them is a record's place. */
  listJoiners: Set<string>;
  /** Words that may follow a scaled number whose currency was left out ("в 3 млрд и 75 млн"). */
  ellipsisFollowers: Set<string>;
  /** Lookups every token would repeat, kept per word form. */
  forms: {
    /** The number word (cardinal, ordinal, multiplier, fraction) a form is, or null. */
    numeral: FormMemo<NumeralWord | null>;
    /** A digit run, number word or scale word: what makes a paragraph hold a number. */
    numberLike: FormMemo<boolean>;
    /** Gazetteer entries whose first word this form is, or null. */
    gazetteer: FormMemo<GazetteerEntry[] | null>;
  };
  /** Region adjectives standing for their region ("в Мангистауской – 12,5%"), by normal form. */
  regionAdjectives: Map<string, GazetteerEntry>;
  /** Lexical classes of word forms under these rules, copied onto tokens by the tokenizer. */
  classifier: FormClassifier;
  /** The same pattern lists, indexed by first token for the per-token loops. */
  sets: {
    periods: PatternSet<PeriodRule>;
    periodAnchors: AnchoredPatternSet<PeriodRule>;
    planCues: PatternSet<NamedPattern>;
    cues: PatternSet<CueRule>;
    counted: PatternSet<CountedRule>;
    references: PatternSet<NamedPattern & { type: "ref_centre" | "ref_region" | "ref_city" | "ref_country" }>;
  };
}

const named = (prefix: string, list: string[]): NamedPattern[] =>
  list.map((p, i) => ({ id: `${prefix}.${i + 1}`, pattern: parsePattern(p) }));

function exactValue(v: number | string): Exact {
  return typeof v === "number" ? fromNumber(v) : parseExact(v);
}

/**
 * Loads, validates and compiles the rule folder, and each of its subfolders
 * named by a language code (`rules/en/`): the rules for documents in that
 * language (src/batch/language-gate.ts picks them). `version` then covers
 * every folder, so editing any file reprocesses every document. Throws
 * RuleSetError (file:line messages, of every folder) on any problem.
 */
export function compileRules(dir: string): CompiledRules {
  const main = compile(loadRuleFiles(dir));
  const errors: RuleError[] = [];
  for (const code of languageFolders(dir)) {
    const sub = join(dir, code);
    try {
      const rules = compile(loadRuleFiles(sub));
      if (rules.language !== code) errors.push(new RuleError(rules.files[0]?.path ?? sub, 1, 1, `the files of folder "${code}" are for language "${rules.language}": a language folder holds rules for its own language`, "rule.mixed_language"));
      else if (code === main.language) errors.push(new RuleError(sub, 0, 0, `the main folder's rules are already for "${code}"`, "rule.mixed_language"));
      else main.byLanguage.set(code, rules);
    } catch (e) {
      if (e instanceof RuleSetError) errors.push(...e.errors);
      else throw e;
    }
  }
  if (errors.length) throw new RuleSetError(errors);
  if (main.byLanguage.size > 1) {
    const h = createHash("sha256");
    for (const [code, rules] of main.byLanguage) h.update(code).update("\0").update(rules.version).update("\0");
    const version = h.digest("hex").slice(0, 16);
    for (const rules of main.byLanguage.values()) {
      rules.version = version;
      rules.byLanguage = main.byLanguage;
    }
  }
  return main;
}

/** Subfolders of `dir` named by a language code rule files may be written for (`en`), sorted. */
function languageFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && (RULE_LANGUAGES as readonly string[]).includes(e.name))
    .map((e) => e.name)
    .sort();
}

/** The normal forms of words from rule files' lists, as one set. */
function wordSet(lists: string[][]): Set<string> {
  return new Set(lists.flat().map(normWord));
}

export function compile(loaded: LoadedRules): CompiledRules {
  const errors: RuleError[] = [];
  const need = <K extends Parameters<typeof filesOf>[1]>(kind: K) => {
    const fs = filesOf(loaded, kind);
    if (fs.length === 0) errors.push(new RuleError(loaded.dir, 0, 0, `no rule file of kind "${kind}"`, "rule.missing_kind"));
    return fs;
  };
  const numeralFiles = need("numerals");
  const unitFiles = need("units");
  const qualifierFiles = need("qualifiers");
  const abbreviationFiles = need("abbreviations");
  const periodFiles = need("periods");
  const measureFiles = need("measures");
  const indicatorFiles = need("indicators");
  const territoryFiles = need("territories");
  const language = languageOf(loaded, errors);
  if (errors.length) throw new RuleSetError(errors);

  // duplicate detection: a key (word form, id) defined twice, with both places
  // (lines are looked up only for a duplicate: finding them means a slower parse)
  const seen = new Map<string, { file: RuleFile; path: (string | number)[] }>();
  /** Claims a key; false when it was already claimed (an error, unless the same list repeats a form that reads the same: "г. Астана", "г.Астана"). */
  const claim = (key: string, file: RuleFile, path: (string | number)[], what: string): boolean => {
    const prev = seen.get(key);
    if (!prev) {
      seen.set(key, { file, path });
      return true;
    }
    const sameList = prev.file === file && prev.path.length === path.length && prev.path.slice(0, -1).every((k, i) => k === path[i]);
    if (sameList) return false;
    const at = file.lineOf(path);
    const was = prev.file.lineOf(prev.path);
    errors.push(new RuleError(file.path, at.line, at.col, `${what} is already defined at ${prev.file.path}:${was.line}`, "rule.duplicate"));
    return false;
  };

  const numerals = new Map<string, NumeralWord>();
  const scales = new Map<string, Scale>();
  const scaleAbbreviations = new Map<string, Scale>();
  const ordinalSuffixes = new Set<string>();
  for (const f of numeralFiles) {
    const d = f.data;
    const addWords = (list: { id: string; forms: string[] }[], key: string, make: (e: never) => NumeralWord) =>
      list.forEach((e, i) => {
        claim(`numerals.id.${e.id}`, f, [key, i, "id"], `numeral id "${e.id}"`);
        e.forms.forEach((form, j) => {
          const w = normWord(form);
          claim(`numerals.form.${w}`, f, [key, i, "forms", j], `number word "${form}"`);
          numerals.set(w, make(e as never));
        });
      });
    addWords(d.cardinals, "cardinals", (e: { id: string; value: number | string }) => ({ id: `${f.name}.${e.id}`, kind: "cardinal", value: exactValue(e.value) }));
    addWords(d.ordinals, "ordinals", (e: { id: string; value: number }) => ({ id: `${f.name}.${e.id}`, kind: "ordinal", value: fromNumber(e.value) }));
    addWords(d.multipliers, "multipliers", (e: { id: string; value: number; role: "adjective" | "adverb" }) => ({
      id: `${f.name}.${e.id}`,
      kind: "multiplier",
      value: fromNumber(e.value),
      role: e.role,
    }));
    addWords(d.fractions, "fractions", (e: { id: string; value: number | string }) => ({ id: `${f.name}.${e.id}`, kind: "fraction", value: exactValue(e.value) }));
    addWords(d.vague, "vague", (e: { id: string }) => ({ id: `${f.name}.${e.id}`, kind: "vague", value: null }));
    d.scales.forEach((s, i) => {
      const scale = { id: `${f.name}.${s.id}`, value: fromNumber(s.value) };
      s.forms.forEach((form, j) => {
        const w = normWord(form);
        claim(`numerals.form.${w}`, f, ["scales", i, "forms", j], `scale word "${form}"`);
        scales.set(w, scale);
      });
      s.abbreviations.forEach((a) => scaleAbbreviations.set(normWord(a.replace(/\.$/, "")), scale));
    });
    d.ordinal_suffixes.forEach((s) => ordinalSuffixes.add(normWord(s)));
  }

  const units: UnitRule[] = [];
  for (const f of unitFiles)
    f.data.units.forEach((u, i) => {
      claim(`units.id.${u.id}`, f, ["units", i, "id"], `unit id "${u.id}"`);
      units.push({
        id: `${f.name}.${u.id}`,
        type: u.type,
        code: u.code,
        forms: u.forms.map(seqOf),
        abbreviations: u.abbreviations.map((a) => seqOf(a.replace(/\.$/, ""))),
        symbols: u.symbols.map(seqOf),
        before: u.before.map(seqOf),
        after: u.after.map(seqOf),
        requiresBefore: u.requires_before,
        requiresPreposition: u.requires_preposition.map(normWord),
      });
    });
  const unitIndex = new Map<string, UnitRule[]>();
  for (const u of units)
    for (const s of [...u.forms, ...u.abbreviations, ...u.symbols, ...u.before]) {
      const list = unitIndex.get(s[0]) ?? [];
      if (!list.includes(u)) list.push(u);
      unitIndex.set(s[0], list);
    }

  const qualifiers: QualifierRule[] = [];
  for (const f of qualifierFiles)
    f.data.qualifiers.forEach((q, i) => {
      claim(`qualifiers.id.${q.id}`, f, ["qualifiers", i, "id"], `qualifier id "${q.id}"`);
      for (const form of q.forms) qualifiers.push({ id: `${f.name}.${q.id}`, qualifier: q.qualifier, seq: seqOf(form) });
    });
  qualifiers.sort((a, b) => b.seq.length - a.seq.length);
  const upperBound = wordSet(qualifierFiles.map((f) => f.data.upper_bound));
  const qualifierGoverning = wordSet(qualifierFiles.map((f) => f.data.governing));
  const numberFillers = wordSet(qualifierFiles.map((f) => f.data.fillers));
  const qualifiersByLast = new Map<string, QualifierRule[]>();
  for (const q of qualifiers) {
    const last = q.seq[q.seq.length - 1];
    const list = qualifiersByLast.get(last);
    if (list) list.push(q);
    else qualifiersByLast.set(last, [q]);
  }

  const noBreakAfter = new Set<string>();
  const mayEndAfterNumber = new Set<string>();
  for (const f of abbreviationFiles) {
    f.data.no_sentence_break_after.forEach((w) => noBreakAfter.add(normWord(w.replace(/\.$/, ""))));
    f.data.may_end_after_number.forEach((w) => mayEndAfterNumber.add(normWord(w.replace(/\.$/, ""))));
  }

  const months = new Map<string, number>();
  const relativeYears: CompiledRules["relativeYears"] = [];
  const periods: PeriodRule[] = [];
  const planCues: NamedPattern[] = [];
  for (const f of periodFiles) {
    f.data.months.forEach((m) => m.forms.forEach((form) => months.set(normWord(form), m.month)));
    f.data.relative_years.forEach((r) =>
      r.patterns.forEach((p) => relativeYears.push({ id: `${f.name}.${r.id}`, shift: r.shift, pattern: parsePattern(p) })),
    );
    f.data.periods.forEach((p, i) => {
      claim(`periods.id.${p.id}`, f, ["periods", i, "id"], `period id "${p.id}"`);
      for (const src of p.patterns)
        periods.push({ id: `${f.name}.${p.id}`, pattern: parsePattern(src), resolve: p.resolve, kind: p.kind, shift: p.shift, n: p.n });
    });
    planCues.push(...named(`${f.name}.plan`, f.data.plan_cues));
  }

  const m0 = measureFiles[0];
  const mAll = <K extends keyof (typeof m0)["data"]>(k: K) => measureFiles.flatMap((f) => f.data[k] as unknown as string[]);
  const mn = measureFiles.map((f) => f.name)[0];
  const measures: CompiledRules["measures"] = {
    changeUp: named(`${mn}.change_up`, mAll("change_up")),
    changeDown: named(`${mn}.change_down`, mAll("change_down")),
    comparativeUp: named(`${mn}.comparative_up`, mAll("comparative_up")),
    comparativeDown: named(`${mn}.comparative_down`, mAll("comparative_down")),
    changeNouns: named(`${mn}.change_noun`, mAll("change_nouns")),
    share: named(`${mn}.share`, mAll("share")),
    shareAfter: named(`${mn}.share_after`, mAll("share_after")),
    rankNouns: new Set(mAll("rank_nouns").map(normWord)),
    rankVerbs: new Set(mAll("rank_verbs").map(normWord)),
    baseWords: new Set(mAll("base_words").map(normWord)),
    rankPeerSet: named(`${mn}.rank_peer_set`, mAll("rank_peer_set")),
    changePrepositions: new Set(mAll("change_prepositions").map(normWord)),
    asserting: new Set(mAll("asserting").map(normWord)),
    respectively: new Set(mAll("respectively").map(normWord)),
    comparativeAlone: measureFiles.some((f) => f.data.comparative_alone),
    changeVerbsAlone: new Set(mAll("change_verbs_alone").map(normWord)),
    bases: measureFiles.flatMap((f) =>
      f.data.bases.flatMap((b) => b.patterns.map((p) => ({ id: `${f.name}.${b.id}`, base: b.base, pattern: parsePattern(p) }))),
    ),
  };

  const indicators = new Map<string, IndicatorDef>();
  const cues: CueRule[] = [];
  const counted: CountedRule[] = [];
  const subjects: CompiledRules["subjects"] = [];
  const indicatorReferences: NamedPattern[] = [];
  /** Cues' `after` codes, checked once every indicator is known. */
  const continuations: Array<{ file: RuleFile; path: (string | number)[]; code: string }> = [];
  for (const f of indicatorFiles) {
    f.data.refer_back.forEach((p, i) => indicatorReferences.push({ id: `${f.name}.refer_back.${i + 1}`, pattern: parsePattern(p) }));
    f.data.indicators.forEach((ind, i) => {
      claim(`indicators.code.${ind.code}`, f, ["indicators", i, "code"], `indicator "${ind.code}"`);
      indicators.set(ind.code, { code: ind.code, label: ind.label, units: ind.units });
      const id = `${f.name}.${ind.code}`;
      ind.cues.forEach((c, j) => {
        const o = typeof c === "string" ? { pattern: c, weight: 1, scope: "any" as const, role: "indicator" as const } : c;
        const after = typeof c === "string" ? undefined : c.after;
        // `after` always present (undefined when not given): every cue rule has one shape, and the code reading them stays monomorphic
        cues.push({ id, indicator: ind.code, pattern: parsePattern(o.pattern), weight: o.weight, scope: o.scope, role: o.role, after: after || undefined });
        if (after) continuations.push({ file: f, path: ["indicators", i, "cues", j, "after"], code: after });
      });
      ind.counted.forEach((c) =>
        counted.push({ id: `${id}.counted`, indicator: ind.code, pattern: parsePattern(c.pattern), lemma: c.lemma, requires: c.requires.map(parsePattern) }),
      );
      ind.subjects.forEach((s, j) => subjects.push({ id: `${id}.subject${j + 1}`, indicator: ind.code, pattern: parsePattern(s) }));
    });
  }
  for (const c of continuations)
    if (!indicators.has(c.code)) {
      const at = c.file.lineOf(c.path);
      errors.push(new RuleError(c.file.path, at.line, at.col, `cue continues indicator "${c.code}", which the catalogue does not define`, "rule.unknown_indicator"));
    }
  if (!indicators.has("other")) errors.push(new RuleError(indicatorFiles[0].path, 1, 1, 'the catalogue must define the indicator "other"', "rule.missing_other"));

  const gazetteer = new Map<string, GazetteerEntry[]>();
  const regions = new Map<string, { code: string; name: string; centre: string }>();
  let country = { code: "KZ", name: "Казахстан", beforeCue: false };
  const references: CompiledRules["references"] = { region: [], centre: [], city: [], country: [] };
  const cityCues = new Set<string>();
  const akimCues = new Set<string>();
  const countryEndings: string[] = [];
  const addName = (f: RuleFile, path: (string | number)[], form: string, e: Omit<GazetteerEntry, "seq">) => {
    const seq = seqOf(form);
    if (seq.length === 0) return;
    if (!claim(`territories.form.${seq.join(" ")}`, f, path, `territory name "${form}"`)) return;
    const list = gazetteer.get(seq[0]) ?? [];
    // every entry with the same fields in the same order: one object shape for the code reading them
    list.push({ id: e.id, type: e.type, code: e.code, regionName: e.regionName, place: e.place, weak: e.weak, seq });
    gazetteer.set(seq[0], list);
  };
  for (const f of territoryFiles) {
    const d = f.data;
    country = { code: d.country.code, name: d.country.name, beforeCue: d.country.before_cue };
    d.country.forms.forEach((form, j) =>
      addName(f, ["country", "forms", j], form, { id: `${f.name}.KZ`, type: "country", code: "KZ", regionName: d.country.name, place: null, weak: false }),
    );
    d.regions.forEach((r, i) => {
      if (regions.has(r.code)) {
        const at = f.lineOf(["regions", i, "code"]);
        errors.push(new RuleError(f.path, at.line, at.col, `region ${r.code} is defined twice`, "rule.duplicate"));
      }
      regions.set(r.code, { code: r.code, name: r.name, centre: r.centre });
      const base = { id: `${f.name}.${r.code}`, code: r.code, regionName: r.name, weak: false };
      r.forms.forEach((form, j) => addName(f, ["regions", i, "forms", j], form, { ...base, type: "region", place: null }));
      r.former.forEach((form, j) => addName(f, ["regions", i, "former", j], form, { ...base, type: "region", place: null }));
      r.places.forEach((p, k) =>
        p.forms.forEach((form, j) =>
          addName(f, ["regions", i, "places", k, "forms", j], form, { ...base, type: "place", place: p.name, weak: p.weak }),
        ),
      );
      r.akims.forEach((a, k) =>
        a.forms.forEach((form, j) =>
          addName(f, ["regions", i, "akims", k, "forms", j], form, { ...base, id: `${f.name}.${r.code}.akim`, type: "akim", place: null }),
        ),
      );
      if (!r.places.some((p) => p.name === r.centre)) {
        const at = f.lineOf(["regions", i, "centre"]);
        errors.push(new RuleError(f.path, at.line, at.col, `centre "${r.centre}" is not one of the region's places`, "rule.bad_centre"));
      }
    });
    references.region.push(...named(`${f.name}.ref_region`, d.references.region));
    references.centre.push(...named(`${f.name}.ref_centre`, d.references.centre));
    references.city.push(...named(`${f.name}.ref_city`, d.references.city));
    references.country.push(...named(`${f.name}.ref_country`, d.references.country));
    d.references.city_cues.forEach((w) => cityCues.add(normWord(w.replace(/\.$/, ""))));
    d.references.akim_cues.forEach((w) => akimCues.add(normWord(w)));
    countryEndings.push(...d.references.country_endings.map(normWord));
  }
  // "Almaty's", "the Almaty region's": every name with its last word in the possessive, where a file
  // lists the endings and no name is already written so
  const possessive = [...new Set(territoryFiles.flatMap((f) => f.data.possessive.map(normWord)))];
  if (possessive.length)
    for (const list of [...gazetteer.values()])
      for (const e of [...list]) {
        const last = e.seq[e.seq.length - 1];
        if (!/\p{L}$/u.test(last)) continue;
        for (const ending of possessive) {
          const seq = [...e.seq.slice(0, -1), last + ending];
          const key = `territories.form.${seq.join(" ")}`;
          if (seen.has(key)) continue;
          seen.set(key, seen.get(`territories.form.${e.seq.join(" ")}`)!);
          const into = gazetteer.get(seq[0]) ?? [];
          into.push({ ...e, seq });
          gazetteer.set(seq[0], into);
        }
      }
  for (const list of gazetteer.values()) list.sort((a, b) => b.seq.length - a.seq.length);

  if (errors.length) throw new RuleSetError(errors);
  const env: PatternEnv = { isMonth: (w) => months.has(w) || isMonthRange(w, months), isCardinal: (w) => numerals.get(w)?.kind === "cardinal" };
  const sets: CompiledRules["sets"] = {
    periods: new PatternSet(periods),
    periodAnchors: new AnchoredPatternSet(periods),
    // the set `firstMatch(rules.planCues, …)` finds too; asked at every word of a sentence with a period
    planCues: patternSetOf(planCues).gateBy(FormClass.planCueStart),
    cues: new PatternSet(cues),
    counted: new PatternSet(counted),
    references: new PatternSet([
      ...references.centre.map((r) => ({ ...r, type: "ref_centre" as const })),
      ...references.region.map((r) => ({ ...r, type: "ref_region" as const })),
      ...references.city.map((r) => ({ ...r, type: "ref_city" as const })),
      ...references.country.map((r) => ({ ...r, type: "ref_country" as const })),
    ]),
  };
  // the first words of the regions' two-word forms "X-ская область" in any case: "мангистауской" → KZ-47
  const regionAdjectives = new Map<string, GazetteerEntry>();
  for (const list of gazetteer.values())
    for (const e of list) if (e.type === "region" && e.seq.length === 2 && e.seq[1].startsWith("облас") && !regionAdjectives.has(e.seq[0])) regionAdjectives.set(e.seq[0], e);
  // "twenty-five", "forty-two": one token (a word with inner hyphens) whose parts are cardinals; the
  // language's number reader reads its value (English: compromise), and here it is a number word
  const isCardinal = (part: string) => numerals.get(part)?.kind === "cardinal";
  const compoundCardinal = (norm: string) => norm.includes("-") && isCardinalWord(norm, isCardinal);
  /** Digits, a number word or a scale word: what makes a paragraph hold a number. */
  const numberLike = (norm: string, kind: Token["kind"]) => kind === "num" || (kind === "word" && (numerals.has(norm) || scales.has(norm) || compoundCardinal(norm)));
  // what a money symbol or currency code written before the number starts with ("$", "us" of "US$", "kzt")
  const moneyPrefixes = new Set(units.filter((u) => u.type === "money").flatMap((u) => u.symbols.map((s) => s[0])));
  const REGION_ADJECTIVE = FormClass.regionAdjective;
  const classifier = new FormClassifier((t) => {
    const { norm, kind } = t;
    let c = 0;
    const number = numberLike(norm, kind);
    if (number || numerals.has(norm) || scaleAbbreviations.has(norm) || (kind === "punct" && unitIndex.has(norm)) || moneyPrefixes.has(norm)) c |= FormClass.quantityStart;
    if (number) c |= FormClass.numberLike;
    if (gazetteer.has(norm)) c |= FormClass.gazetteerStart;
    // no branch of its own: region adjectives are rare, and code run only for one went unexecuted
    // in the first documents; the tokenizer's optimized code (which inlines this) was thrown away
    // at the first
    const capitalised = t.text !== norm;
    const adjective = regionAdjectives.has(norm);
    c |= adjective && capitalised ? REGION_ADJECTIVE : 0;
    if (sets.references.canStartAt(t, env)) c |= FormClass.referenceStart;
    if (sets.cues.canStartAt(t, env)) c |= FormClass.cueStart;
    if (sets.periodAnchors.canAnchorAt(t, env)) c |= FormClass.periodAnchor;
    if (sets.planCues.canStartAt(t, env)) c |= FormClass.planCueStart;
    return c;
  });
  const compiled: CompiledRules = {
    version: loaded.version,
    dir: loaded.dir,
    language,
    byLanguage: new Map(),
    files: loaded.files.map((f) => ({ path: f.path, kind: f.kind, name: f.name })),
    env,
    numerals,
    scales,
    scaleAbbreviations,
    ordinalSuffixes,
    gluedOrdinalSuffixes: wordSet(numeralFiles.map((f) => f.data.glued_ordinal_suffixes)),
    numberWordParts: wordSet(numeralFiles.map((f) => f.data.number_word_parts)),
    numberGrammar: {
      rangeOpen: wordSet(numeralFiles.map((f) => f.data.ranges.open)),
      rangeTo: wordSet(numeralFiles.map((f) => f.data.ranges.to)),
      transitionFrom: wordSet(numeralFiles.map((f) => f.data.transitions.from)),
      transitionTo: wordSet(numeralFiles.map((f) => f.data.transitions.to)),
      joiners: wordSet(numeralFiles.map((f) => f.data.joiners)),
    },
    units,
    unitIndex,
    moneySymbols: new Set(units.filter((u) => u.type === "money").flatMap((u) => u.symbols.filter((sym) => sym.length === 1).map((sym) => sym[0]))),
    qualifiers,
    qualifiersByLast,
    upperBound,
    qualifierGoverning,
    numberFillers,
    noBreakAfter,
    mayEndAfterNumber,
    months,
    relativeYears,
    yearWords: wordSet(periodFiles.map((f) => f.data.year_words)),
    yearJoiners: wordSet(periodFiles.map((f) => f.data.year_joiners)),
    yearBefore: wordSet(periodFiles.map((f) => f.data.year_before)),
    yearAfterMonth: periodFiles.some((f) => f.data.year_after_month),
    periodAfterFigure: periodFiles.some((f) => f.data.period_after_figure),
    targetBefore: wordSet(periodFiles.map((f) => f.data.target_before)),
    periods,
    planCues,
    measures,
    indicators,
    cues,
    counted,
    subjects,
    indicatorReferences,
    gazetteer,
    regions,
    country,
    references,
    cityCues,
    akimCues,
    locativeWords: wordSet(territoryFiles.map((f) => f.data.references.locative)),
    elsewhereWords: wordSet(territoryFiles.map((f) => f.data.references.elsewhere)),
    countryEndings,
    listJoiners: wordSet(territoryFiles.map((f) => f.data.references.list_joiners)),
    ellipsisFollowers: wordSet(unitFiles.map((f) => f.data.ellipsis_followers)),
    forms: {
      numeral: new FormMemo((norm) => numerals.get(norm) ?? null),
      numberLike: new FormMemo(numberLike),
      gazetteer: new FormMemo((norm) => gazetteer.get(norm) ?? null),
    },
    sets,
    regionAdjectives,
    classifier,
  };
  compiled.byLanguage.set(language, compiled);
  return compiled;
}

/**
 * The one language of the rule files (outlets, which name sources, have
 * none). The stages apply all the files to each document, so files for two
 * languages in one folder are an error naming the file that differs.
 */
function languageOf(loaded: LoadedRules, errors: RuleError[]): string {
  let first: RuleFile | null = null;
  for (const file of loaded.files) {
    if (file.kind === "outlets") continue;
    const language = (file.data as { language: string }).language;
    if (!first) first = file;
    else if ((first.data as { language: string }).language !== language) {
      const at = file.lineOf(["language"]); // without the key (the default, ru): the file's start
      errors.push(new RuleError(file.path, at.line, at.col, `language "${language}" is not that of ${first.path} ("${(first.data as { language: string }).language}"): one rules folder is for one language`, "rule.mixed_language"));
    }
  }
  return first ? (first.data as { language: string }).language : "ru";
}

/** "январь-май" is one token: two month names joined by a hyphen. */
export function isMonthRange(norm: string, months: Map<string, number>): boolean {
  const i = norm.indexOf("-");
  if (i <= 0) return false;
  // both halves looked up, whatever the first gives: a lookup made only after a first month found
  // had no type feedback until one came, and the optimized code asking it was thrown away there
  const first = months.has(norm.slice(0, i));
  const second = months.has(norm.slice(i + 1));
  return first && second;
}
