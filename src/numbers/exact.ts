/**
 * Exact rational numbers for amounts: "1,234 млрд" must be 1234000000, never
 * 1233999999.9999998. Values are kept as numerator/denominator bigints; they
 * become a JavaScript number only at the sink (`toNumber`).
 */
export interface Exact {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

function make(n: bigint, d: bigint): Exact {
  if (d === 0n) throw new RangeError("division by zero");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

export const ZERO: Exact = { n: 0n, d: 1n };

// each written once: a regular expression literal is a new object every time it is evaluated
const NUMBER_SPACES = /[\s\u00a0\u202f]/g;
const FRACTION = /^(-?\d+)\/(\d+)$/;
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d+))?$/;
const EXPONENT = /^(-?\d+(?:\.\d+)?)e([+-]\d+)$/;

/** Parses "19506", "1,234", "8.3", "-5,6", or a fraction "1/3". */
export function parseExact(s: string): Exact {
  const t = s.replace(NUMBER_SPACES, "").replace(",", ".");
  const frac = FRACTION.exec(t);
  if (frac) return make(BigInt(frac[1]), BigInt(frac[2]));
  const m = DECIMAL.exec(t);
  if (!m || (m[2] === "" && !m[3])) throw new SyntaxError(`not a number: "${s}"`);
  const digits = (m[2] || "0") + (m[3] ?? "");
  const n = BigInt(digits) * (m[1] === "-" ? -1n : 1n);
  return make(n, 10n ** BigInt((m[3] ?? "").length));
}

export function fromNumber(x: number): Exact {
  if (!Number.isFinite(x)) throw new RangeError(`not finite: ${x}`);
  // the shortest decimal that reads back as x; exponent form ("1e-7", "1e+21") scaled exactly
  const m = EXPONENT.exec(String(x));
  if (!m) return parseExact(String(x));
  const e = Number(m[2]);
  const p = 10n ** BigInt(Math.abs(e));
  return mul(parseExact(m[1]), e >= 0 ? { n: p, d: 1n } : make(1n, p));
}

export const add = (a: Exact, b: Exact): Exact => make(a.n * b.d + b.n * a.d, a.d * b.d);
export const mul = (a: Exact, b: Exact): Exact => make(a.n * b.n, a.d * b.d);
export const neg = (a: Exact): Exact => ({ n: -a.n, d: a.d });
export const isZero = (a: Exact): boolean => a.n === 0n;
export const compare = (a: Exact, b: Exact): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};

/** True when the denominator is a product of 2s and 5s (a finite decimal). */
function isDecimal(d: bigint): boolean {
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}

/** Exact decimal string ("1234000000", "-5.6"), or "n/d" when it has no finite decimal form. */
export function toExactString(a: Exact): string {
  if (!isDecimal(a.d)) return `${a.n}/${a.d}`;
  let scale = 0;
  let d = a.d;
  let n = a.n;
  while (d !== 1n) {
    // multiply up to a power of ten
    if (d % 10n === 0n) d /= 10n;
    else if (d % 2n === 0n) {
      d /= 2n;
      n *= 5n;
    } else {
      d /= 5n;
      n *= 2n;
    }
    scale++;
  }
  const neg = n < 0n;
  let s = (neg ? -n : n).toString();
  if (scale > 0) {
    s = s.padStart(scale + 1, "0");
    s = `${s.slice(0, -scale)}.${s.slice(-scale)}`.replace(/\.?0+$/, "");
  }
  return (neg ? "-" : "") + s;
}

/** The nearest JavaScript number (via the exact decimal string, so 1.234e9 is exact). */
export function toNumber(a: Exact): number {
  const s = toExactString(a);
  if (s.includes("/")) return Number(a.n) / Number(a.d);
  return Number(s);
}
