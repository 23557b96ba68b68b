import type { WordForm } from "../stages/segment/word-forms.js";
import type { Token } from "../stages/segment/tokens.js";

/**
 * Lexical classes of a word form under a rule set: bits saying what can
 * start at a token of that form. The tokenizer copies them onto each token,
 * so the detectors skip, with one bit test on the token itself, the words no
 * rule can start at. A bit is set whenever the detector's own lookup could
 * find something; a token tokenized without rules has every bit set
 * (UNCLASSIFIED), so the detectors then look everything up as before.
 */
export const FormClass = {
  /** Digits, a number word, a scale word or abbreviation, a symbol unit ("$"): a quantity may start here. */
  quantityStart: 1 << 0,
  /** The first word of a gazetteer entry. */
  gazetteerStart: 1 << 1,
  /** A capitalised region adjective standing for its region ("в Мангистауской – 12,5%"). */
  regionAdjective: 1 << 2,
  /** A territory reference pattern ("в регионе", "по стране") may start here. */
  referenceStart: 1 << 3,
  /** An indicator cue pattern may start here. */
  cueStart: 1 << 4,
  /** Holds the anchor element of a period pattern. */
  periodAnchor: 1 << 5,
  /** Digits, a number word or a scale word: what makes a paragraph hold a number. */
  numberLike: 1 << 6,
  /** A plan cue pattern ("планируется", "будет построено") may start here. */
  planCueStart: 1 << 7,
} as const;

export const UNCLASSIFIED = -1;

/**
 * Classifies word forms for one rule set; each form keeps its classes for the
 * last classifier that saw it. A form is classified through a token of it
 * (the first one read): the rule lookups behind the classes are the ones the
 * detectors make on tokens, and given only tokens, their optimized code
 * serves both (given forms too, it was thrown away when the detectors came).
 */
export class FormClassifier {
  constructor(private readonly classify: (token: Token) => number) {}

  /** The classes of `form`; `token` is a token of it (its text, norm, kind and lexicon entry are the form's). */
  classesOf(form: WordForm, token: Token): number {
    if (form.classesFor !== this) {
      form.classes = this.classify(token);
      form.classesFor = this;
    }
    return form.classes;
  }
}
