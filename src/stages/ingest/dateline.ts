/**
 * Publication dates: the ` date YYYY-MM-DD` header of plain text, date strings
 * from metadata (ISO 8601, RFC 822, Russian), and datelines in article text
 * ("14 июня 2024 года" on a line of its own, "Усть-Каменогорск. 22 декабря.
 * KAZAKHSTAN TODAY -"). All results are `YYYY-MM-DD`, as written in the source
 * (no time-zone conversion: a page's local date is its publication date).
 */
import { isSpace } from "../../core/whitespace.js";

const GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];
const NOMINATIVE = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"];
const ENGLISH = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_RE = GENITIVE.join("|");

/** `YYYY-MM-DD` of a calendar date, or null if there is no such day. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!(year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1)) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Month number (1-12) of a Russian (genitive or nominative) or English month name. */
export function monthNumber(name: string): number | null {
  const n = name.toLowerCase();
  let i = GENITIVE.indexOf(n);
  if (i < 0) i = NOMINATIVE.indexOf(n);
  if (i < 0) i = ENGLISH.indexOf(n.slice(0, 3));
  return i < 0 ? null : i + 1;
}

/** The date of a ` date YYYY-MM-DD` header at the very start of a text (text may follow on the same line). */
export function headerDate(text: string): { date: string; length: number } | null {
  const m = /^ date (\d{4})-(\d{2})-(\d{2})(?=\s|$)/.exec(text);
  if (!m) return null;
  const date = isoDate(+m[1], +m[2], +m[3]);
  return date ? { date, length: m[0].length } : null;
}

/**
 * A date written in metadata: `2025-12-23`, `2025-12-23T10:00:00+05:00`,
 * `Tue, 23 Dec 2025 10:00:00 GMT`, `23.12.2025`, `23 декабря 2025 года`.
 * Returns `YYYY-MM-DD` or null.
 */
export function normalizeDate(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) {
    // seconds or milliseconds since the epoch
    const d = new Date(value < 1e11 ? value * 1000 : value);
    return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
  }
  if (typeof value !== "string") return null;
  const s = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2,4})\b/.exec(s);
  if (m) {
    const month = monthNumber(m[2]);
    const year = m[3].length === 2 ? 2000 + +m[3] : +m[3];
    return month ? isoDate(year, month, +m[1]) : null;
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(s);
  if (m) return isoDate(+m[3], +m[2], +m[1]);
  m = new RegExp(`^(\\d{1,2})\\s+(${MONTH_RE})\\s+(\\d{4})`, "i").exec(s);
  if (m) return isoDate(+m[3], monthNumber(m[2])!, +m[1]);
  return null;
}

/** A publication date found in the text, with where it was written (UTF-16 offsets). */
export interface DatelineDate {
  date: string;
  /** True when the year was not written in the dateline and was taken from elsewhere in the text. */
  inferred: boolean;
  kind: "date-line" | "dateline";
  start: number;
  end: number;
}

/** Lines of the text's head that are searched for a dateline. */
const HEAD_LINES = 40;
const HEAD_CHARS = 6000;

const TIME = String.raw`(?:[,\s]+(?:в\s+)?\d{1,2}:\d{2}(?::\d{2})?)?`;
const WEEKDAY = String.raw`(?:(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье),?\s+)?`;
/** A line that is only a date: "14 июня 2024 года", "14.06.2024", "14 июня 2024, 10:35". */
const DATE_LINE = [
  new RegExp(String.raw`^\s*${WEEKDAY}(\d{1,2})\s+(${MONTH_RE})\s+(\d{4})(?:\s*(?:года|г\.?))?${TIME}\s*$`, "iu"),
  new RegExp(String.raw`^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}\s*$`, "u"),
];
/**
 * "Усть-Каменогорск. 22 декабря. KAZAKHSTAN TODAY - В ...", "АСТАНА, 5 марта 2024 г. — Текст":
 * one to three capitalised words (a place), the date, then a full stop or a
 * dash and text that starts with a capital (so "Напомним, 1 октября 2010г.
 * ушел ..." and a photo caption ending in a date are not datelines).
 */
const DATELINE = new RegExp(
  String.raw`^\s*(?!(?:Вчера|Сегодня|Завтра|Позавчера|Накануне|Ранее|Также|Еще|Ещё|Уже|Только|Напомним|Кроме|Однако)(?!\p{L}))` +
    String.raw`[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*){0,2}[.,]\s+(\d{1,2})\s+(${MONTH_RE})(?:\s+(\d{4})(?:\s*(?:года|г\.?))?)?` +
    String.raw`(?:\s*[.,]?\s*[-–—/]\s*|\.\s+)(?=[\p{Lu}«"])`,
  "u",
);

/** The publication date stated by a dateline near the start of the text, or null. */
export function findDateline(text: string): DatelineDate | null {
  const head = text.slice(0, HEAD_CHARS);
  let pos = 0;
  let lines = 0;
  while (pos <= head.length && lines < HEAD_LINES) {
    const nl = head.indexOf("\n", pos);
    const end = nl < 0 ? head.length : nl;
    const line = head.slice(pos, end);
    if (line.trim()) {
      lines++;
      const found = dateOnLine(line, text);
      if (found) return { ...found, start: pos + found.start, end: pos + found.end };
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  return null;
}

/**
 * Whether a line may hold a date line or a dateline: what every one of them
 * has, checked without a regular expression (most lines are running text and
 * fail here). After the white space that starts the line, a digit ("14 июня
 * 2024", "14.06.2024"), or a first word followed by white space and a digit
 * (a weekday: "четверг 14 июня 2024"), or a first "." or "," followed by
 * white space and a digit: a dateline's place is letters, hyphens and white
 * space up to its "." or "," ("АСТАНА, 5 марта"), and a weekday has its comma
 * ("четверг, 14 июня 2024").
 */
export function mayHoldDate(line: string): boolean {
  let i = 0;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  if (i === line.length) return false;
  if (isDigit(line.charCodeAt(i))) return true;
  let w = i;
  while (w < line.length && isLetterUnit(line.charCodeAt(w))) w++;
  if (w > i && digitAfterSpace(line, w)) return true;
  const dot = line.indexOf(".", i);
  const comma = line.indexOf(",", i);
  const first = dot < 0 ? comma : comma < 0 ? dot : Math.min(dot, comma);
  return first >= 0 && digitAfterSpace(line, first + 1);
}

/** Whether `line` has white space at `at` and a digit right after it. */
function digitAfterSpace(line: string, at: number): boolean {
  let k = at;
  while (k < line.length && isSpace(line.charCodeAt(k))) k++;
  return k > at && k < line.length && isDigit(line.charCodeAt(k));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A code unit of a letter (weekday names are Cyrillic; any letter will do: this only lets lines through). */
function isLetterUnit(c: number): boolean {
  return (c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451 || ((c | 32) >= 97 && (c | 32) <= 122);
}

/** Whether one of the date line and dateline patterns matches the line (what `mayHoldDate` must let through). */
export function matchesDatePattern(line: string): boolean {
  return DATE_LINE.some((re) => re.test(line)) || DATELINE.test(line);
}

function dateOnLine(line: string, text: string): DatelineDate | null {
  if (!mayHoldDate(line)) return null;
  for (let i = 0; i < DATE_LINE.length; i++) {
    const re = DATE_LINE[i];
    const m = re.exec(line);
    if (!m) continue;
    const date = i === 0 ? isoDate(+m[3], monthNumber(m[2])!, +m[1]) : isoDate(+m[3], +m[2], +m[1]);
    if (date) return { date, inferred: false, kind: "date-line", start: line.length - line.trimStart().length, end: line.trimEnd().length };
  }
  const m = DATELINE.exec(line);
  if (m) {
    const month = monthNumber(m[2])!;
    const day = +m[1];
    const start = line.length - line.trimStart().length;
    if (m[3]) {
      const date = isoDate(+m[3], month, day);
      return date ? { date, inferred: false, kind: "dateline", start, end: m[0].trimEnd().length } : null;
    }
    const year = inferYear(text, month, day);
    const date = year ? isoDate(year, month, day) : null;
    if (date) return { date, inferred: true, kind: "dateline", start, end: m[0].trimEnd().length };
  }
  return null;
}

/**
 * The year of a dateline that gives only day and month, when the text states
 * it clearly: the same day and month written with a year ("22 декабря 2025
 * года"), or results reported up to a month no later than the dateline's
 * ("за январь-ноябрь 2025 года", "за 11 месяцев 2025 года", "по итогам
 * 2024 года" in a January-March dateline is not clear and gives nothing).
 * Several different candidate years give nothing.
 */
export function inferYear(text: string, month: number, day: number): number | null {
  const sameDay = new RegExp(String.raw`(?<!\d)${day}\s+${GENITIVE[month - 1]}\s+(\d{4})`, "giu");
  const years = new Set<number>();
  for (const m of text.matchAll(sameDay)) years.add(+m[1]);
  if (years.size === 1) return [...years][0];
  if (years.size > 1) return null;
  const periods = new RegExp(
    String.raw`за\s+(?:(\d{1,2})\s+месяц\p{L}*|(?:январь|январе)\s*[-–—]\s*(${NOMINATIVE.join("|")}))\s+(\d{4})\s+год`,
    "giu",
  );
  for (const m of text.matchAll(periods)) {
    const lastMonth = m[1] ? +m[1] : monthNumber(m[2])!;
    if (lastMonth <= month) years.add(+m[3]);
  }
  return years.size === 1 ? [...years][0] : null;
}
