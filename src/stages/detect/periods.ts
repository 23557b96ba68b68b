import { FormClass } from "../../rules/form-classes.js";
import type { Stage } from "../../core/stage.js";
import { layer, type AnnotatedDocument } from "../../core/annotated.js";
import type { CompiledRules, PeriodRule } from "../../rules/compile.js";
import { isYear, matchAt } from "../../rules/pattern.js";
import { tokenAt, type Token } from "../segment/tokens.js";
import type { Sentence } from "../segment/sentences.js";
import type { PeriodKind } from "../../core/record.js";

/** A period expression and the dates it stands for: the `periods` layer. Offsets UTF-16. */
export interface PeriodMention {
  start: number;
  end: number;
  tokenFrom: number;
  tokenTo: number;
  sentence: number;
  from: string | null;
  to: string | null;
  kind: PeriodKind;
  /** True when its year came from an inferred reference date (no publication date). */
  inferred: boolean;
  /**
   * It names a period a shift away from the one before it ("годом ранее"): it
   * is the period of the number right before it only (src/stages/assemble/context.ts).
   */
  refersBack?: boolean;
  /** Years joined by "и" ("в 2023 и 2024 годах"): each year with its own span, for numbers joined in the same order. */
  each?: Array<{ start: number; end: number; from: string; to: string }>;
  rules: string[];
}

/** The date periods are resolved against: the publication date, or a year inferred from the text. */
export interface ReferenceDate {
  year: number;
  /** Null when only the year is known. */
  month: number | null;
  day: number | null;
  inferred: boolean;
}

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `YYYY-MM-DD` moved by whole years; a month's last day stays its last day (29 February 2024 → 28 February 2023). */
function shiftYears(d: string, years: number): string {
  const y = Number(d.slice(0, 4)) + years;
  const m = Number(d.slice(5, 7));
  const day = Number(d.slice(8, 10));
  return ymd(y, m, day === lastDay(y - years, m) ? lastDay(y, m) : Math.min(day, lastDay(y, m)));
}

/** The reference date of a document: `source.published`, else the latest year its text states (marked inferred), else null. */
export function referenceDate(doc: AnnotatedDocument, tokens: Token[], sentences: Sentence[], rules: CompiledRules): ReferenceDate | null {
  const pub = doc.raw.source.published;
  const m = pub ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(pub) : null;
  if (m) return { year: +m[1], month: +m[2], day: +m[3], inferred: doc.raw.source.published_inferred === true };
  // no date: the latest year the article speaks of in the past or present (not "до 2030 года", "к 2029 году")
  let best = 0;
  for (const s of sentences) {
    if (s.chrome) continue;
    for (let i = s.tokenFrom; i < s.tokenTo; i++) {
      const t = tokens[i];
      if (!isYear(t)) continue;
      const prev = tokenAt(tokens, i - 1)?.norm;
      const next = tokenAt(tokens, i + 1)?.norm ?? "";
      if (prev !== undefined && rules.targetBefore.has(prev)) continue;
      // "2024 году"; where the rules say so, "in 2024" and "September 2025"
      const dated = rules.yearWords.has(next) || (prev !== undefined && (rules.yearBefore.has(prev) || (rules.yearAfterMonth && rules.env.isMonth(prev))));
      if (!dated) continue;
      best = Math.max(best, +t.text);
    }
  }
  return best ? { year: best, month: null, day: null, inferred: true } : null;
}

interface Parts {
  years: number[];
  nums: number[];
  months: number[];
}

function partsOf(tokens: Token[], from: number, to: number, rules: CompiledRules): Parts {
  const p: Parts = { years: [], nums: [], months: [] };
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (isYear(t)) p.years.push(+t.text);
    else if (t.kind === "num") p.nums.push(+t.text);
    else if (t.kind === "word") {
      const month = rules.months.get(t.norm);
      if (month) p.months.push(month);
      else if (t.norm.includes("-")) {
        const [a, b] = t.norm.split("-");
        if (rules.months.has(a) && rules.months.has(b)) p.months.push(rules.months.get(a)!, rules.months.get(b)!);
      } else {
        const w = rules.forms.numeral.get(t);
        if (w?.kind === "cardinal" && w.value) p.nums.push(Number(w.value.n) / Number(w.value.d));
      }
    }
  }
  return p;
}

/** A year reference right after a period ("… 2024 года", "… прошлого года"): its year and where it ends. */
function yearAfter(tokens: Token[], j: number, limit: number, ref: ReferenceDate | null, rules: CompiledRules): { year: number; to: number; rule: string } | null {
  const t = tokens[j];
  if (!t || j >= limit) return null;
  // "the third quarter of 2025": a joiner between the expression and its year
  const y = rules.yearJoiners.has(t.norm) && j + 1 < limit && tokens[j + 1] !== undefined && isYear(tokens[j + 1]) ? j + 1 : j;
  if (isYear(tokens[y])) {
    const g = tokens[y + 1];
    const to = g && y + 1 < limit && rules.yearWords.has(g.norm) ? y + 2 : y + 1;
    return { year: +tokens[y].text, to, rule: "periods.explicit_year" };
  }
  if (!ref) return null;
  for (const r of rules.relativeYears) {
    const m = matchAt(r.pattern, tokens, j, limit, rules.env);
    if (m) return { year: ref.year + r.shift, to: m.to, rule: r.id };
  }
  return null;
}

/** The years of "2023 и 2024 годах" in [from, to), each with its span (the last with the words after it). */
function eachYear(tokens: Token[], from: number, to: number): NonNullable<PeriodMention["each"]> {
  const years: number[] = [];
  for (let k = from; k < to; k++) if (isYear(tokens[k])) years.push(k);
  return years.map((k, j) => {
    const y = +tokens[k].text;
    return { start: tokens[k].start, end: j === years.length - 1 ? tokens[to - 1].end : tokens[k].end, from: ymd(y, 1, 1), to: ymd(y, 12, 31) };
  });
}

/** Resolves one matched expression to dates. Returns null when it needs a year that is not known. */
function resolve(
  rule: PeriodRule,
  p: Parts,
  year: number | null,
  ref: ReferenceDate | null,
  plan = false,
  before: PeriodMention | null = null,
): { from: string | null; to: string | null } | null {
  // a period named without a year that would not be over by the publication date is last year's,
  // unless the sentence speaks of the future ("в четвертом квартале рост составит 5%")
  const yearFor = (endMonth: number): number | null => {
    if (year !== null) return year;
    if (p.years.length) return p.years[0]; // the expression names its year: "9 месяцев 2024 года"
    if (!ref) return null;
    if (ref.month !== null && endMonth >= ref.month && !plan) return ref.year - 1;
    return ref.year;
  };
  switch (rule.resolve) {
    case "months_to_date": {
      const n = p.nums[0];
      if (!n || n < 1 || n > 12) return null;
      const y = yearFor(n);
      return y === null ? null : { from: ymd(y, 1, 1), to: ymd(y, n, lastDay(y, n)) };
    }
    case "month_range":
    case "month": {
      if (p.months.length === 0) return null;
      const a = p.months[0];
      const b = p.months[p.months.length - 1];
      const y = yearFor(b);
      return y === null ? null : { from: ymd(y, a, 1), to: ymd(y, b, lastDay(y, b)) };
    }
    case "quarter": {
      const n = rule.n ?? 1;
      const y = yearFor(3 * n);
      return y === null ? null : { from: ymd(y, 3 * n - 2, 1), to: ymd(y, 3 * n, lastDay(y, 3 * n)) };
    }
    case "half_year": {
      const n = rule.n ?? 1;
      const y = yearFor(6 * n);
      return y === null ? null : { from: ymd(y, 6 * n - 5, 1), to: ymd(y, 6 * n, lastDay(y, 6 * n)) };
    }
    case "year": {
      const base = p.years[0] ?? year;
      if (base == null) return null;
      const y = base + rule.shift;
      return { from: ymd(y, 1, 1), to: ymd(y, 12, 31) };
    }
    case "year_relative": {
      if (!ref) return null;
      const y = ref.year + rule.shift;
      return { from: ymd(y, 1, 1), to: ymd(y, 12, 31) };
    }
    case "year_range":
    case "each_year": {
      if (p.years.length < 2) return null;
      return { from: ymd(p.years[0], 1, 1), to: ymd(p.years[p.years.length - 1], 12, 31) };
    }
    case "until_year":
    case "by_year": {
      // "до конца года" names no year: the reference year
      const y = p.years[0] ?? year ?? ref?.year;
      return y ? { from: null, to: ymd(y, 12, 31) } : null;
    }
    case "year_start":
    case "year_end": {
      const y = p.years[0] ?? year ?? ref?.year;
      if (!y) return null;
      const d = rule.resolve === "year_start" ? ymd(y, 1, 1) : ymd(y, 12, 31);
      return { from: d, to: d };
    }
    case "year_to_date": {
      // "с начала года": from the first of January to the publication date
      const y = p.years[0] ?? year ?? ref?.year;
      if (!y) return null;
      const to = ref && ref.year === y && ref.month ? ymd(y, ref.month, ref.day ?? lastDay(y, ref.month)) : null;
      return { from: ymd(y, 1, 1), to };
    }
    case "earlier": {
      // "годом ранее": the sentence's period before it, `shift` years away (none before it: nothing)
      if (!before) return null;
      const move = (d: string | null) => (d === null ? null : shiftYears(d, rule.shift));
      return { from: move(before.from), to: move(before.to) };
    }
    case "date": {
      // "1 октября", or written in digits: "01.10.2025"
      const day = p.nums[0];
      const month = p.months[0] ?? (p.nums.length >= 2 && p.nums[1] >= 1 && p.nums[1] <= 12 ? p.nums[1] : undefined);
      if (!day || !month || day > lastDay(2000, month)) return null;
      const y = p.years[0] ?? year ?? ref?.year;
      if (!y) return null;
      const d = ymd(y, month, day);
      return { from: d, to: d };
    }
  }
  return null;
}

function hasAny(patterns: CompiledRules["sets"]["planCues"], tokens: Token[], s: Sentence, rules: CompiledRules): string | null {
  for (let i = s.tokenFrom; i < s.tokenTo; i++) for (const p of patterns.candidates(tokens[i], rules.env)) if (matchAt(p.pattern, tokens, i, s.tokenTo, rules.env)) return p.id;
  return null;
}

/** Finds and resolves the period expressions of a sentence. */
export function findPeriods(
  tokens: Token[],
  s: Sentence,
  si: number,
  ref: ReferenceDate | null,
  rules: CompiledRules,
  /** The last period before this sentence in its paragraph, and in the document: what "Годом ранее …", "За отчетный период …" at its start refer to. */
  earlier: { paragraph: PeriodMention | null; document: PeriodMention | null } = { paragraph: null, document: null },
): PeriodMention[] {
  const out: PeriodMention[] = [];
  let plan: string | null | undefined;
  // leftmost-longest: every match, by start, the longest first; a chosen one (with the year
  // reference it takes) covers what it spans
  let next = s.tokenFrom;
  for (const found of rules.sets.periodAnchors.matches(tokens, s.tokenFrom, s.tokenTo, rules.env, FormClass.periodAnchor)) {
    if (found.from < next) continue;
    const i = found.from;
    const best = { rule: found.item, to: found.to };
    const p = partsOf(tokens, i, best.to, rules);
    let to = best.to;
    const used = [best.rule.id];
    let year: number | null = null;
    if (p.years.length === 0 && best.rule.resolve !== "earlier") {
      const ya = yearAfter(tokens, to, s.tokenTo, ref, rules);
      if (ya) {
        year = ya.year;
        to = ya.to;
        used.push(ya.rule);
      }
    }
    // whether the sentence speaks of plans: looked up once, and only when it has a period
    if (plan === undefined) plan = hasAny(rules.sets.planCues, tokens, s, rules);
    // a period named again ("за отчетный период") may be the article's, named in an earlier paragraph
    const previous = out.length ? out[out.length - 1] : (earlier.paragraph ?? (best.rule.shift === 0 ? earlier.document : null));
    const dates = resolve(best.rule, p, year, ref, plan !== null, previous);
    if (dates) {
      let kind: PeriodKind = best.rule.kind ?? "actual";
      if (!best.rule.kind && plan) {
        kind = "plan";
        used.push(plan);
      }
      // a period that starts after the publication date can only be planned
      if (!best.rule.kind && ref?.month && dates.from && dates.from > ymd(ref.year, ref.month, ref.day ?? 1)) kind = "plan";
      // nor can one that runs into a later year ("в 2025–2029 годах" in an article of 2025)
      if (!best.rule.kind && ref?.month && dates.to && Number(dates.to.slice(0, 4)) > ref.year) kind = "plan";
      const yearFromRef = p.years.length === 0 && year === null && best.rule.resolve !== "year" && best.rule.resolve !== "year_range" && best.rule.resolve !== "each_year";
      out.push({
        start: tokens[i].start,
        end: tokens[to - 1].end,
        tokenFrom: i,
        tokenTo: to,
        sentence: si,
        ...dates,
        kind,
        inferred:
          best.rule.resolve === "earlier" ? previous!.inferred : Boolean(ref?.inferred && (yearFromRef || best.rule.resolve === "year_relative" || year !== null)),
        ...(best.rule.resolve === "earlier" && best.rule.shift !== 0 ? { refersBack: true } : {}),
        ...(best.rule.resolve === "each_year" ? { each: eachYear(tokens, i, to) } : {}),
        rules: used,
      });
    }
    next = to;
  }
  return out;
}

export const periodsStage: Stage = {
  name: "detect.periods",
  requires: ["tokens", "sentences"],
  provides: ["periods"],
  run(doc, rules) {
    const tokens = layer(doc, "tokens");
    const sentences = layer(doc, "sentences");
    const ref = referenceDate(doc, tokens, sentences, rules);
    const out: PeriodMention[] = [];
    sentences.forEach((s, si) => {
      // periods matter only where a number can take them: in paragraphs that hold one
      if (s.chrome || !s.anchored) return;
      const last = out.length ? out[out.length - 1] : null;
      out.push(...findPeriods(tokens, s, si, ref, rules, { paragraph: last && sentences[last.sentence].paragraph === s.paragraph ? last : null, document: last }));
    });
    doc.layers.periods = out;
  },
};
