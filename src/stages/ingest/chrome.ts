/**
 * Site chrome in text: view counters, share buttons, photo credits, template
 * placeholders, "Популярное" / "Читайте также" lists, navigation at the top
 * and the bottom of a page saved as text. Used to drop blocks from HTML, and
 * to mark (never remove) chrome in plain text, where the text must stay as it is.
 */
import { isSpace } from "../../core/whitespace.js";

export type ChromeReason = "counter" | "share" | "photo" | "placeholder" | "related" | "navigation";

/** Headings of lists of other articles. */
const LIST_HEADING = /^(?:популярное|популярные новости|читайте также|читайте еще|читайте ещё|смотрите также|похожие новости|похожие материалы|материалы по теме|новости по теме|по теме|другие новости|последние новости|самое читаемое|самое популярное|главное|главные новости|лента новостей|новости партнеров|новости партнёров|рекомендуем|архив|теги|метки)\s*:?$/i;
const SOCIAL = /^(?:поделиться|рассказать друзьям|поделиться в соцсетях|вернуться назад|назад|печать|версия для печати|распечатать|twitter|facebook|vk|вконтакте|telegram|whatsapp|одноклассники|ok|instagram|youtube|x|e-?mail|копировать ссылку|подписывайтесь на наш telegram-канал)$/i;

const SOCIAL_RUN = /^(?:(?:вернуться назад|поделиться|рассказать друзьям|twitter|facebook|печать|telegram|whatsapp|vk|вконтакте|instagram)[\s,|/]*)+$/i;

/** Runs of white space made one space, trimmed; only what needs it is rewritten. */
function collapse(text: string): string {
  const t = text.trim();
  return /[^\S ]| {2}/.test(t) ? t.replace(/\s+/g, " ") : t;
}

/** Why a whole block (paragraph, list item, line) is chrome, or null. `text` is the block's text. */
export function chromeReason(text: string): ChromeReason | null {
  if (text.length > 240) return null; // chrome is short; keeps long paragraphs cheap
  return reasonOf(collapse(text));
}

/** chromeReason of a block already collapsed (`collapse`). */
function reasonOf(t: string): ChromeReason | null {
  if (!t || t.length > 200) return null;
  if (t.length <= 30) {
    if (/^(?:👁|👁️|просмотр(?:ов|ы)?:?)?\s*\d[\d\s]{0,8}(?:\s*просмотр\p{L}*)?$/iu.test(t)) return "counter";
    if (/^👁/u.test(t) && t.length < 20) return "counter";
  }
  if ((t.includes("[[") || t.includes("{{")) && /\[\[[^\]]*\]\]|\{\{[^}]*\}\}/.test(t) && t.replace(/\[\[[^\]]*\]\]|\{\{[^}]*\}\}|[•·\s-]/g, "").length < 10) return "placeholder";
  if (t.length <= 150 && /^(?:фото|photo|видео|источник|автор фото|иллюстр|коллаж)/i.test(t)) {
    if (/^(?:фото|фотография|photo|видео|источник фото|автор фото|иллюстративное фото|коллаж)\s*[:©—-]/i.test(t)) return "photo";
    if (/^фото\s+(?:[\p{Lu}«"]|пресс-служб|из открытых|автора|с сайта|предоставлен)/iu.test(t) && t.length <= 80 && !/[.!?]$/.test(t)) return "photo";
  }
  if (t.length <= 80 && (SOCIAL.test(t) || SOCIAL_RUN.test(t) || everyWordSocial(t))) return "share";
  if (t.includes("©") || /^(?:\(c\)|copyright\b)/i.test(t) || COPYRIGHT.test(t)) return "navigation";
  return null;
}

const COPYRIGHT = /все права защищены/i;

/** Every word of a collapsed text (single spaces between words) is a share button's label; asked word by word, stopping at the first that is not. */
function everyWordSocial(t: string): boolean {
  for (let from = 0; ; ) {
    const space = t.indexOf(" ", from);
    if (!SOCIAL.test(space < 0 ? t.slice(from) : t.slice(from, space))) return false;
    if (space < 0) return true;
    from = space + 1;
  }
}

/** True when the block is the heading of a list of other articles ("Популярное", "Читайте также:"). */
export function isListHeading(text: string): boolean {
  if (text.length > 100) return false;
  return LIST_HEADING.test(collapse(text));
}

/** A line that reads like a headline in a list of links: short, no final full stop. */
export function isHeadlineLike(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 160) return false;
  return /…$/.test(t) || !/[.;:,]$/.test(t);
}

/** Words of a collapsed text (single spaces between them, none around), counted up to `most`. */
function wordsUpTo(collapsed: string, most: number): number {
  if (!collapsed) return 0;
  let n = 1;
  for (let at = collapsed.indexOf(" "); at >= 0 && n < most; at = collapsed.indexOf(" ", at + 1)) n++;
  return n;
}

/** A line of running text: long or ending in a full stop. `collapsed` is the line collapsed (`collapse`) when it is 240 characters or shorter. */
function isProse(line: string, collapsed: string | null): boolean {
  if (line.length > 200 || collapsed === null) return true;
  const words = wordsUpTo(collapsed, 12);
  return words >= 12 || (words >= 6 && '.!?»"'.includes(collapsed[collapsed.length - 1]));
}

export interface ChromeSpan {
  /** UTF-16 offsets into the text, half-open, each a whole line or run of lines. */
  start: number;
  end: number;
  reason: ChromeReason;
}

/**
 * Chrome in a plain text, line by line: single chrome lines (counters, share
 * buttons, photo credits, placeholders), lists under "Популярное" /
 * "Читайте также" headings, and short navigation lines before the first and
 * after the last line of running text.
 */
export function findChromeSpans(text: string): ChromeSpan[] {
  // each line's text without the white space around it; `short`: collapsed (white space runs made
  // one space), for lines short enough to be chrome
  const lines: Array<{ start: number; end: number; text: string; short: string | null }> = [];
  for (let pos = 0; pos <= text.length; ) {
    const nl = text.indexOf("\n", pos);
    const end = nl < 0 ? text.length : nl;
    // a ` date YYYY-MM-DD` header line: judge what follows the header
    const header = pos === 0 ? /^ date \d{4}-\d{2}-\d{2} ?/.exec(text.slice(0, Math.min(end, 20))) : null;
    let a = pos + (header ? header[0].length : 0);
    let b = end;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    const line = text.slice(a, b);
    lines.push({ start: a, end: b, text: line, short: line.length <= 240 ? collapse(line) : null });
    if (nl < 0) break;
    pos = nl + 1;
  }
  const spans: ChromeSpan[] = [];
  const mark = (i: number, reason: ChromeReason) => {
    const l = lines[i];
    if (l.text) spans.push({ start: l.start, end: l.end, reason });
  };
  // the first and the last line of running text
  let firstProse = -1;
  let lastProse = -1;
  for (let i = 0; i < lines.length; i++)
    if (isProse(lines[i].text, lines[i].short)) {
      if (firstProse < 0) firstProse = i;
      lastProse = i;
    }
  const marked = new Set<number>();

  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    const short = lines[i].short;
    if (!t || short === null) continue;
    if (t.length <= 100 && LIST_HEADING.test(short)) {
      // the heading and the headline-like lines under it, up to a line of running text (one that ends a sentence)
      marked.add(i);
      mark(i, "related");
      for (let j = i + 1; j < lines.length && (lines[j].text === "" || isHeadlineLike(lines[j].text) || isListHeading(lines[j].text) || chromeReason(lines[j].text)); j++) {
        if (!lines[j].text || isListHeading(lines[j].text)) continue;
        marked.add(j);
        mark(j, chromeReason(lines[j].text) ?? "related");
      }
      continue;
    }
    if (marked.has(i)) continue;
    const reason = reasonOf(short);
    if (reason) {
      marked.add(i);
      mark(i, reason);
    }
  }
  // navigation: short lines without digits before the first and after the last running text. A
  // site's menu comes as a run of such lines; a lone one of four words or more is a title
  // ("Итоги полугодия в Костанайской области"), which may name the region, and is kept.
  const isNav = (t: string) => t !== "" && t.split(/\s+/).length <= 5 && !/\d/.test(t) && !/[.!?]$/.test(t);
  const markNav = (from: number, to: number) => {
    let i = from;
    while (i < to) {
      if (marked.has(i) || !isNav(lines[i].text)) {
        i++;
        continue;
      }
      // the run of navigation-like lines (blank lines inside it do not end it)
      const run: number[] = [];
      let j = i;
      for (; j < to && (lines[j].text === "" || (!marked.has(j) && isNav(lines[j].text))); j++) if (lines[j].text) run.push(j);
      for (const k of run)
        if (run.length >= 3 || lines[k].text.split(/\s+/).length <= 3) {
          marked.add(k);
          mark(k, "navigation");
        }
      i = j;
    }
  };
  if (firstProse >= 0) {
    markNav(0, firstProse);
    markNav(lastProse + 1, lines.length);
  }
  return spans.sort((a, b) => a.start - b.start);
}
