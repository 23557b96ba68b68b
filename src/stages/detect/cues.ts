import { FormClass } from "../../rules/form-classes.js";
import type { Stage } from "../../core/stage.js";
import { layer } from "../../core/annotated.js";
import type { CompiledRules, CueRule } from "../../rules/compile.js";
import { matchAt } from "../../rules/pattern.js";
import type { Token } from "../segment/tokens.js";
import type { Sentence } from "../segment/sentences.js";
import { anyRecordable } from "../assemble/recordable.js";

/** Words that name an indicator (or a subject pointing to one): the `cues` layer. Offsets UTF-16. */
export interface CueMention {
  start: number;
  end: number;
  tokenFrom: number;
  tokenTo: number;
  sentence: number;
  /** Every catalogue rule that matched this same longest span ("экономики": grp for a region, gdp for the country). */
  rules: CueRule[];
}

/** Leftmost-longest cue matches in one sentence; rules matching the same span are kept together. */
export function findCues(tokens: Token[], s: Sentence, si: number, rules: CompiledRules): CueMention[] {
  const out: CueMention[] = [];
  let i = s.tokenFrom;
  while (i < s.tokenTo) {
    if (tokens[i].kind !== "word" || !(tokens[i].classes & FormClass.cueStart)) {
      i++;
      continue;
    }
    let to = -1;
    let hits: CueRule[] = [];
    for (const r of rules.sets.cues.candidates(tokens[i], rules.env)) {
      // a continuing cue counts only after its indicator's own cue in the sentence
      if (r.after !== undefined && !out.some((c) => c.rules.some((x) => x.indicator === r.after))) continue;
      const m = matchAt(r.pattern, tokens, i, s.tokenTo, rules.env);
      if (!m) continue;
      if (m.to > to) {
        to = m.to;
        hits = [r];
      } else if (m.to === to) hits.push(r);
    }
    if (to < 0) {
      i++;
      continue;
    }
    out.push({ start: tokens[i].start, end: tokens[to - 1].end, tokenFrom: i, tokenTo: to, sentence: si, rules: hits });
    i = to;
  }
  return out;
}

export const cuesStage: Stage = {
  name: "detect.cues",
  requires: ["tokens", "sentences", "quantities"],
  provides: ["cues"],
  run(doc, rules) {
    const tokens = layer(doc, "tokens");
    const sentences = layer(doc, "sentences");
    // only sentences that hold a number need their cues, and only in a document that can give records
    const quantities = layer(doc, "quantities");
    const wanted = new Set(anyRecordable(quantities) ? quantities.map((q) => q.sentence) : []);
    const out: CueMention[] = [];
    for (const si of [...wanted].sort((a, b) => a - b)) out.push(...findCues(tokens, sentences[si], si, rules));
    doc.layers.cues = out;
  },
};
