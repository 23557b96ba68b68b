import type { CompiledRules, CueRule, IndicatorDef } from "../../rules/compile.js";
import type { Quantity } from "../detect/quantities.js";
import type { CueMention } from "../detect/cues.js";
import type { Clause } from "./clauses.js";
import { clauseIndexOf } from "./clauses.js";
import type { Measure } from "../../core/record.js";

export interface IndicatorChoice {
  indicator: string;
  cue: CueMention | null;
  rule: CueRule | null;
  score: number;
}

/** Whether an indicator can be measured in the quantity's unit (rules/indicators.yaml `units`). */
export function unitFits(def: IndicatorDef, q: Quantity, measure: Measure): boolean {
  const u = q.unit ?? "count";
  if (def.units.includes(u)) return true;
  if (q.type === "money" && def.units.includes("money")) return true;
  if (q.type === "quantity" && def.units.includes("quantity")) return true;
  // a change can be stated in percent or times of any indicator measured in money, counts or tonnes
  if (measure === "change" && (u === "percent" || u === "times")) return true;
  if (measure === "rank") return true;
  return false;
}

/**
 * Picks the indicator cue that best explains a quantity: the nearest cue in
 * its own clause (before it, or right after it for a share: "40% валового
 * регионального продукта"), then cues of earlier clauses of the sentence,
 * weighted by each cue's `weight`. Cues whose indicator cannot be measured in
 * the quantity's unit, or whose scope does not fit the territory, are ignored.
 */
export function chooseIndicator(
  q: Quantity,
  measure: Measure,
  cues: CueMention[],
  clauses: Clause[],
  quantities: Quantity[],
  isCountry: boolean,
  rules: CompiledRules,
): IndicatorChoice | null {
  const qc = clauseIndexOf(clauses, q.tokenFrom);
  let best: IndicatorChoice | null = null;
  for (const c of cues) {
    // in a chain of cues the head names the indicator ("Экспорт | продукции сельского хозяйства"),
    // unless it is generic ("объему производства | продукции сельского хозяйства")
    const headOfNext = cues.some((n) => n.tokenFrom === c.tokenTo);
    if (cues.some((p) => p.tokenTo === c.tokenFrom && p.rules.some((r) => r.weight >= 1))) continue;
    const cc = clauseIndexOf(clauses, c.tokenFrom);
    const before = c.tokenTo <= q.tokenFrom;
    const d = before ? q.tokenFrom - c.tokenTo : c.tokenFrom - q.tokenTo;
    if (!before && c.tokenFrom < q.tokenTo) continue; // overlapping: the cue is inside the value (counted noun)
    let place: number;
    if (cc === qc) place = before ? 1 : measure === "share" && d <= 2 ? 1.6 : d <= 2 ? 0.95 : 0.75;
    else if (cc < qc) place = 0.55 ** (qc - cc);
    else place = 0.25;
    // another number between the cue and this one: the cue is more likely that number's
    // so is a cue after this number that another number follows as close ("trade by 8.7% and transport by 8.1%")
    const between =
      quantities.some((o) => o !== q && (before ? o.tokenFrom >= c.tokenTo && o.tokenTo <= q.tokenFrom : o.tokenFrom >= q.tokenTo && o.tokenTo <= c.tokenFrom)) ||
      (!before && quantities.some((o) => o !== q && o.tokenFrom >= c.tokenTo && o.tokenFrom - c.tokenTo <= d && clauseIndexOf(clauses, o.tokenFrom) === cc));
    const proximity = 1 / (1 + d / 8);
    for (const r of c.rules) {
      if (headOfNext && r.weight < 1) continue;
      const def = rules.indicators.get(r.indicator);
      if (!def || !unitFits(def, q, measure)) continue;
      if (r.scope === "region" && isCountry) continue;
      if (r.scope === "country" && !isCountry) continue;
      const score = r.weight * place * proximity * (between ? 0.5 : 1);
      if (!best || score > best.score) best = { indicator: r.indicator, cue: c, rule: r, score };
    }
  }
  return best;
}
