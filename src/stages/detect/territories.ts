import { FormClass } from "../../rules/form-classes.js";
import type { Stage } from "../../core/stage.js";
import { layer } from "../../core/annotated.js";
import type { CompiledRules, GazetteerEntry } from "../../rules/compile.js";
import { matchAt } from "../../rules/pattern.js";
import { tokenAt, type Token } from "../segment/tokens.js";
import type { Sentence } from "../segment/sentences.js";
import { anyRecordable } from "../assemble/recordable.js";

export type TerritoryMentionType = "country" | "region" | "place" | "akim" | "ref_region" | "ref_centre" | "ref_city" | "ref_country";

/** A territory named (or referred to) in a sentence: the `territories` layer. Offsets UTF-16. */
export interface TerritoryMention {
  start: number;
  end: number;
  tokenFrom: number;
  tokenTo: number;
  sentence: number;
  type: TerritoryMentionType;
  /** ISO 3166-2:KZ code; empty for references, which the assembler resolves in context. */
  code: string;
  regionName: string;
  place: string | null;
  /** A locative phrase ("в регионе", "по стране"), as opposed to a genitive ("экспорт области"). */
  locative: boolean;
  rule: string;
}

const TERRITORY_START = FormClass.gazetteerStart | FormClass.regionAdjective | FormClass.referenceStart;

function gazetteerAt(tokens: Token[], i: number, limit: number, rules: CompiledRules): { entry: GazetteerEntry; to: number } | null {
  const list = rules.forms.gazetteer.get(tokens[i]);
  if (!list) return null;
  for (const e of list) {
    if (i + e.seq.length > limit) continue;
    let ok = true;
    for (let k = 1; k < e.seq.length && ok; k++) ok = tokens[i + k].norm === e.seq[k];
    if (!ok) continue;
    // names are capitalised in text: "абай" the common word is not "Абай" the town
    let capitalised = false;
    for (let k = 0; k < e.seq.length && !capitalised; k++) capitalised = tokens[i + k].text !== tokens[i + k].text.toLowerCase();
    if (!capitalised) continue;
    if (e.weak) {
      const cue = tokens[i - 1];
      const cue2 = tokens[i - 2];
      const cued = (cue && rules.cityCues.has(cue.norm)) || (cue?.text === "." && cue2 && rules.cityCues.has(cue2.norm));
      if (!cued) continue;
    }
    return { entry: e, to: i + e.seq.length };
  }
  return null;
}

/** After a region's adjective standing alone: what may follow it ("в Мангистауской – 12,5%", "Карагандинской и Павлодарской областях"). */
const ELLIPSIS_FOLLOWERS = new Set(["и", "или", "а", ",", ";", ":", ".", "(", ")", "–", "—", "-"]);
const PLURAL_OBLAST = new Set(["области", "областей", "областям", "областями", "областях", "обл"]);
/**
 * A region named by its adjective alone, as lists do: "в Атырауской области – 11,2%,
 * в Мангистауской – 12,5%"; "в Карагандинской и Павлодарской областях". Only
 * before a conjunction, punctuation or a plural of "область", so that
 * "Карагандинской ТЭЦ" is not a region.
 */
function ellipticRegionAt(tokens: Token[], i: number, limit: number, rules: CompiledRules): { entry: GazetteerEntry; to: number } | null {
  const t = tokens[i];
  if (t.text === t.norm) return null;
  const entry = rules.regionAdjectives.get(t.norm);
  if (!entry) return null;
  const next = tokens[i + 1];
  if (!next || i + 1 >= limit) return { entry, to: i + 1 };
  if (PLURAL_OBLAST.has(next.norm)) return { entry, to: i + 2 };
  return ELLIPSIS_FOLLOWERS.has(next.norm) ? { entry, to: i + 1 } : null;
}

function endsWithAny(word: string, endings: string[]): boolean {
  for (const e of endings) if (word.endsWith(e)) return true;
  return false;
}

function referenceAt(tokens: Token[], i: number, limit: number, rules: CompiledRules): { type: TerritoryMentionType; to: number; rule: string } | null {
  let best: { type: TerritoryMentionType; to: number; rule: string } | null = null;
  for (const p of rules.sets.references.candidates(tokens[i], rules.env)) {
    const m = matchAt(p.pattern, tokens, i, limit, rules.env);
    if (m && (!best || m.to > best.to)) best = { type: p.type, to: m.to, rule: p.id };
  }
  return best;
}

/** Names and references of territories in one sentence, left to right. */
export function findTerritories(tokens: Token[], s: Sentence, si: number, rules: CompiledRules): TerritoryMention[] {
  const out: TerritoryMention[] = [];
  let i = s.tokenFrom;
  while (i < s.tokenTo) {
    const t = tokens[i];
    // a name, a region's adjective or a reference can start only at some words
    if (t.kind !== "word" || !(t.classes & TERRITORY_START)) {
      i++;
      continue;
    }
    const prev = tokenAt(tokens, i - 1)?.norm ?? "";
    const g = gazetteerAt(tokens, i, s.tokenTo, rules) ?? ellipticRegionAt(tokens, i, s.tokenTo, rules);
    if (g) {
      const e = g.entry;
      const locative = rules.locativeWords.has(prev);
      out.push({
        start: t.start,
        end: tokens[g.to - 1].end,
        tokenFrom: i,
        tokenTo: g.to,
        sentence: si,
        type: e.type,
        code: e.code,
        regionName: e.regionName,
        place: e.place,
        locative,
        rule: e.id,
      });
      i = g.to;
      continue;
    }
    const r = referenceAt(tokens, i, s.tokenTo, rules);
    if (r && !rules.elsewhereWords.has(prev) && !(r.type === "ref_city" && tokens[r.to] && rules.gazetteer.has(tokens[r.to].norm))) {
      // "в стране" is a locative phrase; the genitive "страны" ("ВВП страны") is not, on its own
      // "среднереспубликанского показателя" is the country's figure too (territories.yaml: country_endings)
      const locative = (r.type === "ref_country" && (rules.locativeWords.has(t.norm) || endsWithAny(t.norm, rules.countryEndings))) || rules.locativeWords.has(prev);
      out.push({ start: t.start, end: tokens[r.to - 1].end, tokenFrom: i, tokenTo: r.to, sentence: si, type: r.type, code: "", regionName: "", place: null, locative, rule: r.rule });
      i = r.to;
      continue;
    }
    i++;
  }
  return out;
}

export const territoriesStage: Stage = {
  name: "detect.territories",
  requires: ["tokens", "sentences"],
  provides: ["territories"],
  // territories serve records only: after quantities, a document that can give none needs none
  uses: ["quantities"],
  run(doc, rules) {
    const quantities = doc.layers.quantities;
    if (quantities && !anyRecordable(quantities)) {
      doc.layers.territories = [];
      return;
    }
    const tokens = layer(doc, "tokens");
    const out: TerritoryMention[] = [];
    layer(doc, "sentences").forEach((s, si) => {
      if (!s.chrome) out.push(...findTerritories(tokens, s, si, rules));
    });
    doc.layers.territories = out;
  },
};
