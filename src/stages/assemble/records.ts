import type { Stage } from "../../core/stage.js";
import { layer } from "../../core/annotated.js";
import type { CompiledRules } from "../../rules/compile.js";
import type { Measure, Qualifier } from "../../core/record.js";
import type { Span } from "../../core/span.js";
import { neg, type Exact } from "../../numbers/exact.js";
import { matchAt } from "../../rules/pattern.js";
import { joinLists, patternSetOf } from "../../rules/pattern-set.js";
import { isDash, type Token } from "../segment/tokens.js";
import type { Sentence } from "../segment/sentences.js";
import { anyMatch, joinedTo, type Quantity } from "../detect/quantities.js";
import type { CueMention } from "../detect/cues.js";
import { clausesOf, clauseIndexOf, type Clause } from "./clauses.js";
import { changedBy, measureOf, firstMatch } from "./measure.js";
import { chooseIndicator, unitFits } from "./indicator.js";
import { comparisonBases, listedPlaces, mainTerritory, periodFor, SentencePeriods, TerritoryFocus, type PeriodValue, type TerritoryValue } from "./context.js";
import { anyRecordable, mayGiveRecord } from "./recordable.js";

/** A record before it is written: spans in UTF-16 (src/sinks converts them to code points). */
export interface DraftRecord {
  quantity: Quantity;
  indicator: string;
  label: string;
  measure: Measure;
  amount: Exact;
  upper: Exact | null;
  unit: string;
  qualifier: Qualifier;
  counted: string | null;
  change: { direction: "up" | "down" | null; base: string | null } | null;
  subject: Span | null;
  cue: Span | null;
  territory: TerritoryValue | null;
  period: PeriodValue | null;
  sentence: Span;
  /** Records of one statement share a fact number (level + change of one subject). */
  fact: number;
  rules: string[];
}

function subjectFor(q: Quantity, tokens: Token[], clause: Clause, indicator: string, rules: CompiledRules): Span | null {
  // the nearest subject words of this indicator in the clause, before the number
  let best: Span | null = null;
  const set = patternSetOf(rules.subjects);
  for (let i = clause.from; i < q.tokenFrom; i++)
    for (const s of set.candidates(tokens[i], rules.env)) {
      if (s.indicator !== indicator) continue;
      const m = matchAt(s.pattern, tokens, i, q.tokenFrom, rules.env);
      if (m && (!best || tokens[i].start > best.start)) best = { start: tokens[i].start, end: tokens[m.to - 1].end };
    }
  return best;
}

const NONE: never[] = [];

/** Links the mentions of each sentence into records. */
export function assemble(
  text: string,
  tokens: Token[],
  sentences: ReturnType<typeof layer<"sentences">>,
  quantities: Quantity[],
  cues: CueMention[],
  territories: ReturnType<typeof layer<"territories">>,
  periods: ReturnType<typeof layer<"periods">>,
  rules: CompiledRules,
  /** Look only where a quantity may give a record (src/stages/assemble/recordable.ts); false only to test that this changes nothing. */
  gate = true,
): DraftRecord[] {
  const out: DraftRecord[] = [];
  if (gate && !anyRecordable(quantities)) return out;
  const main = mainTerritory(territories, sentences, rules, tokens);
  const bases = comparisonBases(periods, tokens, rules);
  const recordPeriods = new SentencePeriods(
    periods.filter((p) => !bases.has(p)),
    sentences,
  );
  const listed = listedPlaces(territories, tokens, rules);
  const focus = new TerritoryFocus(main, rules);
  let fact = 0;
  // each layer is in text order: walk them sentence by sentence
  // (a sentence without any has no group: most sentences)
  const bySentence = <T extends { sentence: number }>(items: T[]) => {
    const groups: Array<T[] | undefined> = [];
    for (const x of items) (groups[x.sentence] ??= []).push(x);
    return groups;
  };
  const quantitiesOf = bySentence(quantities);
  const territoriesOf = bySentence(territories);
  const cuesOf = bySentence(cues);
  sentences.forEach((s, si) => {
    const qs = quantitiesOf[si] ?? NONE;
    const ts = territoriesOf[si] ?? NONE;
    // chrome, and a sentence with neither numbers nor territories, only pass the focus on (most sentences)
    if (s.chrome || (qs.length === 0 && ts.length === 0)) {
      focus.pass(s);
      return;
    }
    const start = focus.enter(s);
    // a sentence without numbers only moves the territory focus
    const clauses = (gate ? qs.some(mayGiveRecord) : qs.length > 0) ? clausesOf(tokens, s) : [];
    const sentenceCues = cuesOf[si] ?? NONE;
    // territory of each position: walk mentions in order
    // "3-е место в стране": in a sentence with a rank, the country is the peers, not the territory
    const hasRank = qs.some((q) => q.unit === "place");
    const resolved: Array<{ at: number; value: TerritoryValue | null; rank: TerritoryValue | null }> = [];
    for (const m0 of ts) {
      // "ВВП Казахстана", "экспорт страны": the country in the genitive right after an indicator's cue is its territory;
      // so is one right before it where the language puts the owner first ("Kazakhstan's GDP": territories.yaml, before_cue)
      const afterCue =
        (m0.type === "country" || m0.type === "ref_country") &&
        !m0.locative &&
        sentenceCues.some((c) => c.tokenTo === m0.tokenFrom || (rules.country.beforeCue && c.tokenFrom === m0.tokenTo));
      const m = afterCue ? { ...m0, locative: true } : m0;
      const v = focus.see(m, hasRank, listed.has(m0));
      resolved.push({ at: m.tokenFrom, value: v, rank: m.type === "country" || m.type === "ref_country" ? null : v });
    }
    const joined = joinedGroups(qs);
    const respective = respectiveTerritories(joined, resolved, tokens, s, rules);
    const territoryAt = (q: Quantity, isRank: boolean): TerritoryValue | null => {
      const own = respective.get(q.tokenFrom);
      if (own) return own;
      const pick = (r: (typeof resolved)[number]) => (isRank ? r.rank : r.value);
      if (isRank) {
        // "на втором месте Карагандинская область": the one holding the place may follow it in its clause
        const c = clauses[clauseIndexOf(clauses, q.tokenFrom)];
        const own = resolved.filter((r) => r.at >= c.from && r.at < c.to && pick(r));
        const near = own.filter((r) => r.at < q.tokenFrom).pop() ?? own.find((r) => r.at >= q.tokenTo);
        if (near) return pick(near);
      }
      const before = resolved.filter((r) => r.at < q.tokenFrom && pick(r)).pop();
      if (before) return pick(before);
      const after = resolved.find((r) => r.at >= q.tokenTo && pick(r));
      if (after) return pick(after);
      return start;
    };
    let lastCount: Quantity | null = null;
    let lastRecord: DraftRecord | null = null;
    for (const q0 of qs) {
      let q = q0;
      if (q.duration || q.amount === null) continue;
      const clause = clauses[clauseIndexOf(clauses, q.tokenFrom)];
      const used: string[] = [];
      // a bare number after a count of the same sentence counts the same ("25 тысяч рабочих мест, из них 19 тысяч")
      if (q.type === "number" && lastCount && lastCount.counted && !q.transition && !yearLike(q, tokens)) {
        q = { ...q, type: "count", unit: "count", counted: lastCount.counted };
        used.push("assemble.count_ellipsis");
      }
      // "количество моногородов сокращено с 27 до 20", "число субъектов МСБ превысило 54 тыс.": a bare
      // number in a clause about a counted thing (a scaled, bounded or changing number: not a list number)
      if (q.type === "number" && (q.transition || q.leadsTo || q.hasScale || q.qualifier !== "exact")) {
        const counted = countedCueBefore(q, tokens, clause, s, rules);
        if (counted) {
          q = { ...q, type: "count", unit: "count", counted };
          used.push("assemble.counted_cue");
        }
      }
      if (q.type === "number") continue;
      // "двукратный рост", "выросли вдвое" are changes; "двукратный чемпион", "трижды становился лауреатом" are not figures
      // so are "в 13 раз «Арсенал» завоевал Кубок" and "выше нормы в девять раз" without one
      if ((q.numberKind === "multiplier" || q.unit === "times") && !changeWordIn(tokens, clause, rules)) continue;
      if (q.type === "count") lastCount = q;
      const m = measureOf(q, tokens, clause, qs, rules);
      let measure = m.measure;
      const territory = territoryAt(q, measure === "rank");
      if (respective.has(q.tokenFrom)) used.push("assemble.respectively");
      const isCountry = territory?.code === "KZ";
      let indicator: string;
      let cue: CueMention | null = null;
      let referenceSpan: Span | null = null;
      let cueRule: string | null = null;
      if (q.counted) {
        indicator = q.counted.indicator;
        cueRule = q.counted.rule;
      } else {
        const choice = chooseIndicator(q, measure, sentenceCues, clauses, qs, isCountry, rules);
        const qClause = clauseIndexOf(clauses, q.tokenFrom);
        const ownCue = choice?.cue && clauseIndexOf(clauses, choice.cue.tokenFrom) === qClause;
        // the last record of an earlier clause of this sentence ("… – 7,8 трлн тенге, на втором месте Карагандинская область – 3,9 трлн тенге")
        let previous: DraftRecord | null = null;
        for (let k = out.length - 1; k >= 0 && out[k].quantity.sentence === si; k--)
          if (clauseIndexOf(clauses, out[k].quantity.tokenFrom) < qClause) {
            previous = out[k];
            break;
          }
        // "Этот показатель на 12% выше": the clause names the indicator of the figure before this sentence
        const reference = ownCue ? null : referenceBefore(q, tokens, clause, rules);
        const antecedent = reference ? antecedentOf(out, si, sentences) : null;
        if (reference && antecedent && unitFits(rules.indicators.get(antecedent.indicator)!, q, measure)) {
          indicator = antecedent.indicator;
          cue = null;
          referenceSpan = reference.span;
          cueRule = reference.id;
        } else if (previous && !ownCue) {
          // the same statement or list goes on: "644,7 млрд тенге инвестиций, с ростом на 11,1%", "чугуна выросло на 6%, стали – на 6,9%"
          indicator = previous.indicator;
          cue = null;
          cueRule = "assemble.continues_previous";
          if (measure === "level" && continuesChange(q, previous, tokens, rules)) {
            measure = "change";
            m.direction = previous.change?.direction ?? null;
            used.push("measures.list_continuation");
          }
        } else if (choice && choice.score >= 0.12) {
          indicator = choice.indicator;
          cue = choice.cue;
          cueRule = choice.rule?.id ?? null;
          // "в строительстве рост составил 18,4%, в сельском хозяйстве – 3,2%": a list of changes goes on with its own subjects
          // so does "…, trade by 8.7%": the change preposition without a change word of its own
          if (previous && measure === "level" && continuesChange(q, previous, tokens, rules)) {
            measure = "change";
            m.direction = previous.change?.direction ?? null;
            used.push("measures.list_continuation");
          }
          // "40% валового регионального продукта": a percentage followed by its whole
          if (measure === "level" && q.unit === "percent" && cue && cue.tokenFrom >= q.tokenTo && cue.tokenFrom - q.tokenTo <= 1) {
            measure = "share";
            used.push("measures.percent_of_whole");
          }
          // a place with no indicator named is not "other": it is a contest's ("заняла 3-е место в чемпионате");
          // nor is a fraction ("две трети голосов", "на треть выросло число ДТП")
        } else if (q.type === "money" || ((measure === "change" || measure === "share") && q.numberKind !== "fraction")) {
          indicator = "other";
          cueRule = "assemble.other";
        } else continue;
      }
      const def = rules.indicators.get(indicator)!;
      let amount = q.amount as Exact;
      if (measure === "change" && m.direction === "down" && q.unit !== "times" && amount.n > 0n) amount = neg(amount);
      // a plan does not inherit a past period from an earlier sentence
      const own = periodFor(q.tokenFrom, q.tokenTo, si, recordPeriods, joined.get(q.tokenFrom), rules.periodAfterFigure);
      const plan = planOnly(tokens, clause, rules);
      // (a carried plan or target goes on: "До 2030 года ... реализовать 45 проектов. Будет создано 10 тыс. рабочих мест.")
      const period = own && !(own.inferred && own.kind === "actual" && own.span && plan && !recordPeriods.of(si).some((p) => p.start === own.span!.start)) ? own : plan ?? own;
      if (period && period.kind === "actual" && planIn(tokens, clause, rules)) period.kind = "plan";
      const rec: DraftRecord = {
        quantity: q,
        indicator,
        label: def.label,
        measure,
        amount,
        upper: q.upper,
        unit: q.unit ?? "count",
        qualifier: q.qualifier,
        counted: q.counted?.lemma ?? null,
        change: measure === "change" ? { direction: m.direction, base: m.base } : null,
        subject: subjectFor(q, tokens, clause, indicator, rules),
        cue: cue ? { start: cue.start, end: cue.end } : (referenceSpan ?? (q.counted ? q.counted.span : null)),
        territory,
        period,
        sentence: { start: s.start, end: s.end },
        fact: 0,
        rules: [...q.rules, ...used, ...m.rules, ...(cueRule ? [cueRule] : []), ...(territory?.rule ? [territory.rule] : []), ...(period?.rules ?? [])],
      };
      // one statement: consecutive records of the same indicator until a measure and unit repeat
      const sameFact =
        lastRecord &&
        lastRecord.quantity.sentence === si &&
        lastRecord.indicator === indicator &&
        !(lastRecord.measure === measure && lastRecord.unit === rec.unit) &&
        !factHas(out, lastRecord.fact, measure, rec.unit);
      rec.fact = sameFact ? lastRecord!.fact : ++fact;
      out.push(rec);
      lastRecord = rec;
    }
  });
  void text;
  return out;
}

/**
 * Whether a level right after a change of the same sentence goes on with that
 * change ("чугуна выросло на 6%, стали – на 6,9%", "… рост 18,4%, в торговле – 7,5%"):
 * same unit, written as "на N" or after a dash, and not an index (100% or more).
 */
function continuesChange(q: Quantity, previous: DraftRecord, tokens: Token[], rules: CompiledRules): boolean {
  if (previous.measure !== "change") return false;
  // another unit goes on a list of changes only with "на" ("увеличилось на 2,4 тыс. тонн, а молока – на 5%")
  const changeBy = changedBy(q, rules);
  if (previous.unit !== (q.unit ?? "count") && !changeBy) return false;
  if (q.unit === "percent" && q.amount && q.amount.n >= 100n * q.amount.d) return false;
  return changeBy || dashAt(tokens, q.tokenFrom - 1);
}

/** Words in the clause before the number that name the indicator of an earlier figure ("этот показатель", "данный показатель"). */
function referenceBefore(q: Quantity, tokens: Token[], clause: Clause, rules: CompiledRules): { id: string; span: Span } | null {
  const set = patternSetOf(rules.indicatorReferences);
  for (let i = q.tokenFrom - 1; i >= clause.from; i--)
    for (const r of set.candidates(tokens[i], rules.env)) {
      const m = matchAt(r.pattern, tokens, i, q.tokenFrom, rules.env);
      if (m) return { id: r.id, span: { start: tokens[i].start, end: tokens[m.to - 1].end } };
    }
  return null;
}

/**
 * "В Астане и Алматы введено 3,2 и 2,8 млн кв. м жилья соответственно":
 * before "соответственно", numbers joined by "и" take the territories named
 * before them, in order, when there are as many different ones.
 */
function respectiveTerritories(
  joined: Map<number, { index: number; size: number; first: number }>,
  resolved: Array<{ at: number; value: TerritoryValue | null }>,
  tokens: Token[],
  s: Sentence,
  rules: CompiledRules,
): Map<number, TerritoryValue> {
  /** By the number's first token. */
  const out = new Map<number, TerritoryValue>();
  if (!joined.size) return out;
  let word = -1;
  for (let i = s.tokenFrom; i < s.tokenTo && word < 0; i++) if (rules.measures.respectively.has(tokens[i].norm)) word = i;
  if (word < 0) return out;
  for (const [at, place] of joined) {
    if (at > word) continue;
    const named = resolved.filter((r) => r.value && r.at < place.first).map((r) => r.value!);
    const last = named.slice(-place.size);
    if (last.length === place.size && new Set(last.map((v) => `${v.code}/${v.place ?? ""}`)).size === place.size) out.set(at, last[place.index]);
  }
  return out;
}

/**
 * Numbers joined by "и" into groups ("1,2 и 1,5 трлн тенге"), by each
 * number's first token: its place in the group, the group's size, and where
 * the group starts. Numbers on their own are not in it.
 */
function joinedGroups(qs: Quantity[]): Map<number, { index: number; size: number; first: number }> {
  const out = new Map<number, { index: number; size: number; first: number }>();
  for (let k = 0; k < qs.length; ) {
    let e = k;
    while (e + 1 < qs.length && joinedTo(qs[e], qs[e + 1])) e++;
    if (e > k) for (let j = k; j <= e; j++) out.set(qs[j].tokenFrom, { index: j - k, size: e - k + 1, first: qs[k].tokenFrom });
    k = e + 1;
  }
  return out;
}

/** Sentences back that a reference ("этот показатель") may reach for its figure. */
const REFERENCE_REACH = 2;

/** The record an indicator reference points to: the last one of the sentences just before (same paragraph), or null. */
/**
 * Whether fact `fact` already has a record of this measure and unit. A fact's
 * records are the last ones made (a fact goes on only from the last record),
 * so the search stops where they do; over every record, it made a text of
 * 40,000 figures quadratic.
 */
function factHas(out: DraftRecord[], fact: number, measure: Measure, unit: string): boolean {
  for (let k = out.length - 1; k >= 0 && out[k].fact === fact; k--) if (out[k].measure === measure && out[k].unit === unit) return true;
  return false;
}

function antecedentOf(out: DraftRecord[], si: number, sentences: ReturnType<typeof layer<"sentences">>): DraftRecord | null {
  const last = out[out.length - 1];
  if (!last) return null;
  const at = last.quantity.sentence;
  return at < si && at >= si - REFERENCE_REACH && sentences[at].paragraph === sentences[si].paragraph ? last : null;
}

const dashAt = (tokens: Token[], i: number): boolean => i >= 0 && i < tokens.length && isDash(tokens[i]);

/** A bare four-digit number 1900-2100: a year ("67 200 жителей в 2004"), never the same count again. */
function yearLike(q: Quantity, tokens: Token[]): boolean {
  if (q.hasScale || q.tokenTo - q.tokenFrom !== 1) return false;
  const t = tokens[q.tokenFrom];
  return t.kind === "num" && t.text.length === 4 && +t.text >= 1900 && +t.text <= 2100;
}

function changeWordIn(tokens: Token[], clause: Clause, rules: CompiledRules): boolean {
  const m = rules.measures;
  return firstMatch(joinLists(m.changeUp, m.changeDown, m.comparativeUp, m.comparativeDown, m.changeNouns), tokens, clause.from, clause.to, rules) !== null;
}

/** A counted noun before the number in its clause ("число субъектов МСБ превысило 54 тыс."), with what it requires in the sentence (as after a number). */
function countedCueBefore(q: Quantity, tokens: Token[], clause: Clause, s: Sentence, rules: CompiledRules): Quantity["counted"] {
  const set = patternSetOf(rules.counted);
  for (let i = q.tokenFrom - 1; i >= clause.from; i--)
    for (const c of set.candidates(tokens[i], rules.env)) {
      const m = matchAt(c.pattern, tokens, i, q.tokenFrom, rules.env);
      if (!m) continue;
      if (c.requires.length && !c.requires.some((p) => anyMatch(p, tokens, s, rules))) continue;
      return { lemma: c.lemma, indicator: c.indicator, span: { start: tokens[i].start, end: tokens[m.to - 1].end }, rule: c.id };
    }
  return null;
}

function planIn(tokens: Token[], clause: Clause, rules: CompiledRules): boolean {
  return firstMatch(rules.planCues, tokens, clause.from, clause.to, rules) !== null;
}

/** A clause about the future with no period named: a plan with no dates ("дальнейшие проекты обеспечат еще 3,5 тыс."). */
function planOnly(tokens: Token[], clause: Clause, rules: CompiledRules): PeriodValue | null {
  const m = firstMatch(rules.planCues, tokens, clause.from, clause.to, rules);
  return m ? { from: null, to: null, kind: "plan", span: null, inferred: true, rules: [m.id] } : null;
}

export const recordsStage: Stage = {
  name: "assemble.records",
  requires: ["tokens", "sentences", "quantities", "cues", "territories", "periods"],
  provides: ["records"],
  run(doc, rules) {
    doc.layers.records = assemble(
      doc.text,
      layer(doc, "tokens"),
      layer(doc, "sentences"),
      layer(doc, "quantities"),
      layer(doc, "cues"),
      layer(doc, "territories"),
      layer(doc, "periods"),
      rules,
    );
  },
};
