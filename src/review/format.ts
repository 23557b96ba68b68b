/**
 * How the review page writes values, units and periods. Pure functions,
 * embedded into the page as source text (see text-spans.ts): they may use
 * only each other and language built-ins.
 */

/** Groups the integer digits of a decimal string with narrow no-break spaces and writes a decimal comma: "3200000000000" → "3 200 000 000 000", "-5.6" → "−5,6". */
export function groupDigits(decimal: string): string {
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!m) return decimal;
  const sign = m[1] === "-" ? "\u2212" : "";
  const int = m[2].replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  return sign + int + (m[3] ? "," + m[3] : "");
}

/** Short sign for a qualifier ("approx" → "≈"); "" for exact or unknown. */
export function qualifierSign(qualifier: string | null | undefined): string {
  switch (qualifier) {
    case "approx":
      return "≈";
    case "over":
      return ">";
    case "under":
      return "<";
    case "at_least":
      return "≥";
    case "at_most":
      return "≤";
    case "almost":
      return "почти";
    default:
      return "";
  }
}

/** How a unit is written after an amount: "percent" → "%", "count" → the counted noun (or "count"); codes such as KZT stay as they are. */
export function unitText(unit: string | null | undefined, counted?: string | null): string {
  switch (unit) {
    case "percent":
      return "%";
    case "pp":
      return "п.п.";
    case "times":
      return "раз";
    case "count":
      return counted ? counted : "count";
    case "place":
      return "место";
    case null:
    case undefined:
      return "";
    default:
      return unit;
  }
}

/**
 * The amount of a record's value for people: qualifier sign, the exact
 * decimal grouped (or the float when no exact string is given), the upper
 * bound of a range, and the unit: "≈ 25 000 рабочее место", "4,6 %",
 * "1 300 000 000 000 KZT", "50 000 000–70 000 000 USD".
 */
export function amountText(value: {
  amount: number;
  exact?: string | null;
  upper?: number | null;
  unit?: string | null;
  qualifier?: string | null;
  counted?: string | null;
}): string {
  const sign = qualifierSign(value.qualifier);
  const exact = typeof value.exact === "string" && value.exact !== "" ? value.exact : String(value.amount);
  let text = groupDigits(exact);
  if (typeof value.upper === "number" && Number.isFinite(value.upper)) text += "–" + groupDigits(String(value.upper));
  const unit = unitText(value.unit, value.counted);
  return (sign ? sign + " " : "") + text + (unit ? " " + unit : "");
}

/**
 * A period in a few characters, for chart labels: "2025" (a whole year),
 * "май 2024" (a month), "янв–ноя 2025" (months of one year), "…2029" (open
 * start), else "2024-03-15…2024-06-30". Null or empty: "—".
 */
export function periodShort(period: { from: string | null; to: string | null } | null | undefined): string {
  const months = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
  if (!period || (!period.from && !period.to)) return "—";
  const parse = (d: string | null) => {
    const m = d ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(d) : null;
    return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
  };
  const a = parse(period.from);
  const b = parse(period.to);
  const monthEnd = (x: { y: number; m: number; d: number }) => new Date(Date.UTC(x.y, x.m, 0)).getUTCDate() === x.d;
  if (!period.from && b) return "…" + (b.m === 12 && b.d === 31 ? String(b.y) : period.to);
  if (!period.to && a) return (a.m === 1 && a.d === 1 ? String(a.y) : period.from) + "…";
  if (a && b && a.y === b.y && a.d === 1 && monthEnd(b) && b.m >= a.m) {
    if (a.m === 1 && b.m === 12) return String(a.y);
    if (a.m === b.m) return months[a.m - 1] + " " + a.y;
    return months[a.m - 1] + "–" + months[b.m - 1] + " " + a.y;
  }
  return (period.from ?? "") + "…" + (period.to ?? "");
}

/** Arrow for a change direction: "↑" up, "↓" down, "" otherwise. */
export function directionSign(direction: string | null | undefined): string {
  return direction === "up" ? "↑" : direction === "down" ? "↓" : "";
}

/**
 * An amount in a few characters, for chart labels: "1,3 трлн", "2,8 млрд",
 * "403 тыс.", "4,6", "−5,6". Rounds to three significant digits above a
 * thousand; smaller numbers are written as they are.
 */
export function compactAmount(amount: number): string {
  if (!Number.isFinite(amount)) return String(amount);
  const abs = Math.abs(amount);
  const scales: Array<[number, string]> = [
    [1e12, " трлн"],
    [1e9, " млрд"],
    [1e6, " млн"],
    [1e3, " тыс."],
  ];
  let number = abs;
  let word = "";
  for (const [scale, name] of scales) {
    if (abs >= scale) {
      number = Number((abs / scale).toPrecision(3));
      word = name;
      break;
    }
  }
  return (amount < 0 ? "\u2212" : "") + String(number).replace(".", ",") + word;
}
