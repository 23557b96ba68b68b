import type { CompiledRules } from "../../rules/compile.js";
import { hasText, isCapitalised, tokenAt, type Token } from "./tokens.js";
import { findChromeSpans } from "../ingest/chrome.js";
import { FormClass, UNCLASSIFIED } from "../../rules/form-classes.js";

/** A sentence: its span, its tokens [tokenFrom, tokenTo), its paragraph, and whether it is site chrome. */
export interface Sentence {
  start: number;
  end: number;
  tokenFrom: number;
  tokenTo: number;
  /** Index of the paragraph (a block separated by a line break). */
  paragraph: number;
  /** Navigation, "related news" lists and the like: no records come from here. */
  chrome: boolean;
  /**
   * Its paragraph holds a number (digits or a number word). Only such
   * paragraphs can give records, so the costlier detectors look only there.
   */
  anchored: boolean;
}

const BULLETS = new Set(["-", "–", "—", "•", "·", "*", "▪", "●"]);
const TERMINAL = new Set([".", "!", "?", "…"]);
const CLOSERS = new Set(['"', "»", "”", "’", ")", "'"]);
const OPENERS = new Set(['"', "«", "“", "(", "—", "–", "-", "'"]);

/** True when a sentence may end after token `i` and a new one start at `i + 1`. */
function breaksAfter(tokens: Token[], i: number, rules: CompiledRules): boolean {
  const next = tokens[i + 1];
  // a sentence ends after punctuation only (a full stop, or a closing quote or bracket after one)
  if (!next || !next.spaceBefore || tokens[i].kind !== "punct") return false;
  let j = i;
  while (j > 0 && CLOSERS.has(tokens[j].text) && !TERMINAL.has(tokens[j].text)) j--;
  const t = tokens[j];
  if (t.kind !== "punct" || !TERMINAL.has(t.text)) return false;
  if (!(isCapitalised(next) || next.kind === "num" || OPENERS.has(next.text))) return false;
  if (t.text === ".") {
    const prev = tokens[j - 1];
    if (prev && !tokens[j].spaceBefore && prev.kind === "word") {
      // initials: "Н. А. Назарбаев"
      if (prev.text.length === 1 && isCapitalised(prev)) return false;
      if (rules.noBreakAfter.has(prev.norm)) {
        // "долл. США": the abbreviation goes on into its unit's continuation
        if (continuesUnit(prev.norm, next.norm, rules)) return false;
        const afterNumber = rules.mayEndAfterNumber.has(prev.norm) && numberBefore(tokens, j - 2, rules);
        // a single capital letter followed by a dot is an initial ("2024 г. Н. Назарбаев"); "В регионе" is a word
        const initial = CAPITAL_LETTER.test(next.text) && hasText(tokenAt(tokens, i + 2), ".") && !tokens[i + 2].spaceBefore;
        return afterNumber && isCapitalised(next) && !initial;
      }
    }
  }
  return true;
}

const CAPITAL_LETTER = /^[А-ЯЁA-Z]$/;

/** Whether the word after an abbreviation goes on a unit the abbreviation starts ("долл. | США"). */
function continuesUnit(abbreviation: string, next: string, rules: CompiledRules): boolean {
  const units = rules.unitIndex.get(abbreviation);
  if (!units) return false;
  for (const u of units) for (const a of u.after) if (a[0] === next) return true;
  return false;
}

/** A number ends at token k, possibly followed by scale or unit abbreviations ("300 тыс. т", "5 млн т", "20 тыс. чел"). */
function numberBefore(tokens: Token[], k: number, rules: CompiledRules): boolean {
  for (let hops = 0; hops < 4 && k >= 0; hops++) {
    const t = tokens[k];
    if (t.kind === "num") return true;
    const abbrDot = t.text === "." && !t.spaceBefore && k >= 1 && rules.mayEndAfterNumber.has(tokens[k - 1].norm);
    if (!abbrDot && !(t.kind === "word" && rules.mayEndAfterNumber.has(t.norm))) return false;
    k -= 1;
  }
  return false;
}

/**
 * Splits the document into paragraphs (line breaks) and sentences, and marks
 * site chrome (view counters, share lines, "Популярное" lists…). A line that goes on in lower case
 * after a single line break is the same sentence (hard-wrapped text).
 */
export function splitSentences(text: string, tokens: Token[], rules: CompiledRules): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let from = 0;
  const push = (a: number, b: number) => sentences.push({ start: tokens[a].start, end: tokens[b - 1].end, tokenFrom: a, tokenTo: b, paragraph, chrome: false, anchored: false });
  const close = (to: number) => {
    // an over-long "sentence" (a table or list flattened into one line) goes in pieces
    while (to - from > MAX_SENTENCE_TOKENS) {
      const cut = pieceEnd(tokens, from);
      push(from, cut);
      from = cut;
    }
    if (to > from) push(from, to);
    from = to;
  };
  // a wrapped line never runs into (or out of) site chrome: "Заголовок с 80 млн долларов\nthumb|Подпись"
  const chrome = findChromeSpans(text).sort((a, b) => a.start - b.start);
  let ck = 0; // positions asked come in text order: walk the sorted spans once
  const inChrome = (pos: number) => {
    while (ck > 0 && chrome[ck - 1].end > pos) ck--;
    while (ck < chrome.length && chrome[ck].end <= pos) ck++;
    return ck < chrome.length && chrome[ck].start <= pos;
  };
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.newlinesBefore > 0) {
      const wrapped =
        t.newlinesBefore === 1 && t.kind === "word" && !isCapitalised(t) && !TERMINAL.has(tokens[i - 1].text) && inChrome(t.start) === inChrome(tokens[i - 1].start);
      if (!wrapped) {
        close(i);
        // the items of a list introduced by a colon stay in its paragraph: "В 2023 году в области:\n- ВРП …;\n- инвестиции …"
        const listItem = BULLETS.has(t.text) && (tokens[i - 1].text === ":" || tokens[i - 1].text === ";");
        if (!listItem) paragraph++;
        continue;
      }
    }
    // a sentence ends after punctuation followed by a space only (breaksAfter asks this first; asked here, most tokens cost no call)
    if (t.spaceBefore && tokens[i - 1].kind === "punct" && breaksAfter(tokens, i - 1, rules)) close(i);
  }
  close(tokens.length);
  markChrome(sentences, chrome);
  markAnchored(sentences, tokens, rules);
  return sentences;
}

/**
 * Tokens a sentence holds at most. The longest sentence of the seeds,
 * corpus/ and NEREL has 191; a longer run without a sentence end is a table
 * or a list flattened into one line. Each record carries its sentence, and
 * linking a number looks back through it: without a bound, a text of 30,000
 * "3,2 млрд тенге," with commas between them wrote a 26 KB sentence into each
 * of its records, and the time and the output grew with the square of the length.
 */
export const MAX_SENTENCE_TOKENS = 400;

/** Separators a piece of an over-long sentence ends after, the strongest first. */
const PIECE_ENDS = [[";"], [":", ","]];

/**
 * Where the first piece of an over-long sentence starting at `from` ends
 * (exclusive): after its last semicolon in the second half of the longest
 * piece, else after its last colon or comma there, else at the bound.
 */
function pieceEnd(tokens: Token[], from: number): number {
  const last = from + MAX_SENTENCE_TOKENS;
  for (const ends of PIECE_ENDS)
    for (let k = last - 1; k >= from + MAX_SENTENCE_TOKENS / 2; k--) if (tokens[k].kind === "punct" && ends.includes(tokens[k].text)) return k + 1;
  return last;
}

/** Marks the sentences that overlap site chrome (src/stages/ingest/chrome.ts: the same detector that drops chrome from pages). */
function markChrome(sentences: Sentence[], found: ReturnType<typeof findChromeSpans>): void {
  const spans = found.slice();
  if (!spans.length) return;
  spans.sort((a, b) => a.start - b.start);
  let k = 0;
  for (const s of sentences) {
    while (k < spans.length && spans[k].end <= s.start) k++;
    if (k < spans.length && spans[k].start < s.end) s.chrome = true;
  }
}

/** Marks the sentences of every paragraph that holds a digit or a number word. */
function markAnchored(sentences: Sentence[], tokens: Token[], rules: CompiledRules): void {
  let k = 0;
  while (k < sentences.length) {
    let end = k;
    while (end < sentences.length && sentences[end].paragraph === sentences[k].paragraph) end++;
    let anchored = false;
    for (let i = sentences[k].tokenFrom; i < sentences[end - 1].tokenTo && !anchored; i++) {
      const t = tokens[i];
      anchored = t.classes === UNCLASSIFIED ? rules.forms.numberLike.get(t) : (t.classes & FormClass.numberLike) !== 0;
    }
    for (let j = k; j < end; j++) sentences[j].anchored = anchored;
    k = end;
  }
}
