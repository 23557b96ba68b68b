import type { CompiledRules } from "../../rules/compile.js";
import type { TerritoryMention } from "../detect/territories.js";
import type { PeriodMention } from "../detect/periods.js";
import type { Sentence } from "../segment/sentences.js";
import type { Span } from "../../core/span.js";
import type { PeriodKind } from "../../core/record.js";
import { isDash, type Token } from "../segment/tokens.js";
import { matchAt } from "../../rules/pattern.js";
import { patternSetOf } from "../../rules/pattern-set.js";

export interface TerritoryValue {
  code: string;
  name: string;
  place: string | null;
  span: Span | null;
  inferred: boolean;
  rule: string | null;
}

export interface PeriodValue {
  from: string | null;
  to: string | null;
  kind: PeriodKind;
  span: Span | null;
  inferred: boolean;
  rules: string[];
}

/**
 * The article's own territory: the region its names, places and akims point
 * to most (a mention in the first sentences counts more), or the country when
 * it is named at least as much ("в Казахстане", or right after an indicator:
 * "ВВП Казахстана"). A dateline ("Астана. 20 августа. Kazinform –") says where
 * a report was filed rather than what it is about: it counts least.
 */
export function mainTerritory(mentions: TerritoryMention[], sentences: Sentence[], rules: CompiledRules, tokens?: Token[]): TerritoryValue | null {
  const score = new Map<string, number>();
  let country = 0;
  // the first three sentences that are not site chrome
  const early = new Set<number>();
  for (let i = 0; i < sentences.length && early.size < 3; i++) if (!sentences[i].chrome) early.add(i);
  const add = (code: string, n: number) => score.set(code, (score.get(code) ?? 0) + n);
  for (const m of mentions) {
    const w = early.has(m.sentence) ? 2 : 1;
    if (m.type === "country") country += m.locative || (tokens && (cueEndsAt(tokens, m.tokenFrom, rules) || (rules.country.beforeCue && cueStartsAt(tokens, m.tokenTo, rules)))) ? w : 0;
    else if ((m.type === "region" || m.type === "place") && tokens && isDateline(m, sentences[m.sentence], tokens)) add(m.code, 1);
    else if (m.type === "region") add(m.code, 2 * w);
    else if (m.type === "place") add(m.code, w);
    else if (m.type === "akim") add(m.code, 3 * w);
  }
  let best: string | null = null;
  for (const [code, s] of score) if (!best || s > (score.get(best) ?? 0)) best = code;
  if (best && (score.get(best) ?? 0) > country) {
    const r = rules.regions.get(best)!;
    return { code: best, name: r.name, place: null, span: null, inferred: true, rule: `territories.main.${best}` };
  }
  if (country > 0) return { code: "KZ", name: rules.country.name, place: null, span: null, inferred: true, rule: "territories.main.KZ" };
  return null;
}

/**
 * A name that opens its sentence and is followed only by a full stop, by a
 * comma and a date, or by a dash: "Павлодар.", "АСТАНА, 20 августа",
 * "ASTANA – Kazakhstan's economy grew…".
 */
function isDateline(m: TerritoryMention, s: Sentence, tokens: Token[]): boolean {
  if (!s || m.tokenFrom !== s.tokenFrom) return false;
  const next = tokens[m.tokenTo];
  if (!next || m.tokenTo >= s.tokenTo) return false;
  if (next.text === "." && m.tokenTo + 1 === s.tokenTo) return true;
  if (isDash(next) && next.spaceBefore) return true;
  return next.text === "," && tokens[m.tokenTo + 1]?.kind === "num" && tokens[m.tokenTo + 2]?.kind === "word";
}

/** Whether an indicator cue of the catalogue starts at token `k` ("Kazakhstan's | GDP"). */
function cueStartsAt(tokens: Token[], k: number, rules: CompiledRules): boolean {
  const t = tokens[k];
  if (!t) return false;
  for (const c of rules.sets.cues.candidates(t, rules.env)) if (matchAt(c.pattern, tokens, k, tokens.length, rules.env)) return true;
  return false;
}

/** Whether an indicator cue of the catalogue ends right before token `k` ("ВВП | Казахстана"). */
export function cueEndsAt(tokens: Token[], k: number, rules: CompiledRules): boolean {
  for (let i = Math.max(0, k - 5); i < k; i++)
    for (const c of rules.sets.cues.candidates(tokens[i], rules.env)) {
      const m = matchAt(c.pattern, tokens, i, k, rules.env);
      if (m && m.to === k) return true;
    }
  return false;
}

/**
 * Follows which territory the text is speaking of, sentence by sentence: a
 * named region or place moves the focus there; "в регионе" keeps the region
 * and leaves the city; "областного центра" is the focus region's centre; "в
 * городе" is the city last named; "в стране" is the country. A new paragraph
 * returns to the article's own territory.
 */
export class TerritoryFocus {
  private region: TerritoryValue | null;
  private lastCity: TerritoryValue | null = null;
  private paragraph = -1;

  constructor(
    private readonly main: TerritoryValue | null,
    private readonly rules: CompiledRules,
  ) {
    this.region = main;
  }

  /** The focus at the start of sentence `s` (carried: inferred). */
  enter(s: Sentence): TerritoryValue | null {
    this.pass(s);
    return this.region ? { ...this.region, span: null, inferred: true } : null;
  }

  /** Goes past sentence `s` without asking for the focus (a new paragraph returns to the article's territory). */
  pass(s: Sentence): void {
    if (s.paragraph !== this.paragraph) {
      this.paragraph = s.paragraph;
      this.region = this.main;
    }
  }

  /** Resolves a mention in the current focus, and moves the focus. Returns what the mention names (or null). */
  see(m: TerritoryMention, forRank: boolean, listed = false): TerritoryValue | null {
    const span = { start: m.start, end: m.end };
    const regionOf = (code: string) => this.rules.regions.get(code);
    let v: TerritoryValue | null = null;
    switch (m.type) {
      case "region":
        v = { code: m.code, name: m.regionName, place: null, span, inferred: false, rule: m.rule };
        break;
      case "place":
        v = { code: m.code, name: m.regionName, place: listed ? null : m.place, span, inferred: false, rule: m.rule };
        if (!listed) this.lastCity = v;
        break;
      case "country":
      case "ref_country":
        // "3-е место в стране": the country is the rank's peer set, not the territory
        if (!m.locative || forRank) return null;
        v = { code: "KZ", name: this.rules.country.name, place: null, span, inferred: false, rule: m.rule };
        break;
      case "ref_region": {
        // "в регионе" after the focus went to the country ("по республике – 400 тыс.") is the article's own region again
        const region = this.region && this.region.code !== "KZ" ? this.region : this.main && this.main.code !== "KZ" ? this.main : null;
        if (!region) return null;
        v = { ...region, place: m.locative ? null : region.place, span, inferred: false, rule: m.rule };
        break;
      }
      case "ref_centre": {
        const r = this.region && regionOf(this.region.code);
        if (!r) return null;
        v = { code: r.code, name: r.name, place: r.centre, span, inferred: false, rule: m.rule };
        this.lastCity = v;
        break;
      }
      case "ref_city":
        if (!this.lastCity) return null;
        v = { ...this.lastCity, span, inferred: false, rule: m.rule };
        break;
      case "akim":
        return null;
    }
    if (v) this.region = v;
    return v;
  }
}

/**
 * A document's period mentions by sentence, and for each sentence the one an
 * earlier sentence of its paragraph carries into it (the last that does not
 * refer back). Built once per document: asked for each quantity, a search
 * of all the document's periods made a text of 40,000 sentences quadratic.
 * `periods` must be in text order, and must not hold comparison bases
 * ("больше, чем в 2024 году"): see `comparisonBases`.
 */
export class SentencePeriods {
  private readonly own: Array<PeriodMention[] | undefined> = [];
  private readonly carried: Array<PeriodMention | null> = [];

  constructor(periods: PeriodMention[], sentences: Sentence[]) {
    for (const p of periods) (this.own[p.sentence] ??= []).push(p);
    // a paragraph's sentences are consecutive
    let last: PeriodMention | null = null;
    for (let si = 0; si < sentences.length; si++) {
      if (si > 0 && sentences[si].paragraph !== sentences[si - 1].paragraph) last = null;
      this.carried.push(last);
      for (const p of this.own[si] ?? NO_PERIODS) if (!p.refersBack) last = p;
    }
  }

  /** The period mentions of sentence `si`, in text order. */
  of(si: number): PeriodMention[] {
    return this.own[si] ?? NO_PERIODS;
  }

  /** The period carried into sentence `si` from earlier sentences of its paragraph, or null. */
  carriedInto(si: number): PeriodMention | null {
    return this.carried[si] ?? null;
  }
}

const NO_PERIODS: PeriodMention[] = [];

/**
 * The period of a quantity [tokenFrom, tokenTo): a period that refers back
 * right after it ("9,8% годом ранее"), else a period expression of its own
 * sentence (the nearest one before it, else the first after it that does
 * not refer back; of joined years, the one in the quantity's place among
 * as many joined numbers), else the last one of the same paragraph before
 * it (carried, marked inferred) that does not refer back.
 */
export function periodFor(
  tokenFrom: number,
  tokenTo: number,
  sentenceIndex: number,
  periods: SentencePeriods,
  /** Where the quantity stands among numbers joined by "и" ("1,2 и 1,5 трлн тенге"), if it does. */
  joined?: { index: number; size: number } | undefined,
  /** A period right after the figure comes first (periods.yaml: period_after_figure; "2.5 billion in 2024"). */
  afterFirst = false,
): PeriodValue | null {
  const own = periods.of(sentenceIndex);
  const back = own.find((p) => p.refersBack && p.tokenFrom === tokenTo);
  if (back) return toValue(back, false);
  const right = afterFirst ? own.find((p) => !p.refersBack && p.tokenFrom === tokenTo) : undefined;
  const before = own.filter((p) => p.tokenTo <= tokenFrom).pop();
  const chosen = right ?? before ?? own.find((p) => !p.refersBack && p.tokenFrom >= tokenFrom);
  // "в 2023 и 2024 годах составили 1,2 и 1,5 трлн тенге": as many years as joined numbers, in order
  if (chosen?.each && joined && joined.size === chosen.each.length) {
    const year = chosen.each[joined.index];
    return { from: year.from, to: year.to, kind: chosen.kind, span: { start: year.start, end: year.end }, inferred: chosen.inferred, rules: chosen.rules };
  }
  if (chosen) return toValue(chosen, false);
  const carried = periods.carriedInto(sentenceIndex);
  return carried ? toValue(carried, true) : null;
}

function toValue(p: PeriodMention, carried: boolean): PeriodValue {
  return { from: p.from, to: p.to, kind: p.kind, span: { start: p.start, end: p.end }, inferred: p.inferred || carried, rules: p.rules };
}

/** Period mentions that are the base of a comparison ("такого же периода 2024 года", "чем в прошлом году"), not a record's period. */
export function comparisonBases(periods: PeriodMention[], tokens: Token[], rules: CompiledRules): Set<PeriodMention> {
  const out = new Set<PeriodMention>();
  for (const p of periods) {
    // "против 9,8% годом ранее": the earlier figure's own period, not a base
    if (p.refersBack) continue;
    const from = Math.max(0, p.tokenFrom - 4);
    for (let i = from; i <= p.tokenFrom; i++)
      for (const b of patternSetOf(rules.measures.bases).candidates(tokens[i], rules.env)) {
        const m = matchAt(b.pattern, tokens, i, p.tokenTo, rules.env);
        if (m && m.to >= p.tokenFrom) out.add(p);
      }
    for (let i = from; i < p.tokenFrom; i++) {
      const n = tokens[i].norm;
      if (rules.measures.baseWords.has(n)) {
        out.add(p);
        break;
      }
    }
  }
  return out;
}

/** Place mentions that are items of a list of places ("Темиртау, Шахтинск, Абай и Балхаш"): none of them is the record's place. */
export function listedPlaces(mentions: TerritoryMention[], tokens: Token[], rules: CompiledRules): Set<TerritoryMention> {
  const out = new Set<TerritoryMention>();
  for (let k = 1; k < mentions.length; k++) {
    const a = mentions[k - 1];
    const b = mentions[k];
    if (a.type !== "place" || b.type !== "place" || a.sentence !== b.sentence) continue;
    // only commas, a list's joiner ("и": territories.yaml list_joiners), and other names (not in the gazetteer) between them
    const between = tokens.slice(a.tokenTo, b.tokenFrom);
    if (between.length <= 4 && between.every((t) => t.norm === "," || rules.listJoiners.has(t.norm) || (t.kind === "word" && t.text !== t.norm))) {
      out.add(a);
      out.add(b);
    }
  }
  return out;
}
