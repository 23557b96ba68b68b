import { describe, expect, it } from "vitest";
import { add, compare, fromNumber, isZero, mul, neg, parseExact, toExactString, toNumber } from "../../src/numbers/exact.js";

describe("exact numbers: parsing and printing", () => {
  const cases: Array<[string, string]> = [
    ["19506", "19506"],
    ["19 506", "19506"],
    ["19\u00a0506", "19506"],
    ["19\u202f506", "19506"],
    ["1,234", "1.234"],
    ["8.3", "8.3"],
    ["-5,6", "-5.6"],
    ["+8,3", "8.3"],
    ["0,125", "0.125"],
    [",5", "0.5"],
    ["007", "7"],
    ["2,50", "2.5"],
    ["1/2", "0.5"],
    ["1/4", "0.25"],
    ["1/3", "1/3"],
  ];
  for (const [input, want] of cases)
    it(`"${input}" → ${want}`, () => {
      expect(toExactString(parseExact(input))).toBe(want);
    });

  for (const bad of ["", "abc", "1,2,3", "1.2.3", "-", "1e5"])
    it(`"${bad}" is not a number`, () => {
      expect(() => parseExact(bad)).toThrow(SyntaxError);
    });
});

describe("exact numbers: arithmetic has no float error", () => {
  it("1,234 × 10^9 is exactly 1234000000 (natasha's float bug)", () => {
    const v = mul(parseExact("1,234"), fromNumber(1e9));
    expect(toExactString(v)).toBe("1234000000");
    expect(toNumber(v)).toBe(1234000000);
  });
  it("33,3 × 10^9 is exactly 33300000000, where floats give 33299999999.999996", () => {
    expect(33.3 * 1e9).not.toBe(33300000000); // why Exact exists
    const v = mul(parseExact("33,3"), fromNumber(1e9));
    expect(toExactString(v)).toBe("33300000000");
    expect(toNumber(v)).toBe(33300000000);
  });

  const products: Array<[string, number, string]> = [
    ["0,125", 1e6, "125000"],
    ["3,2", 1e12, "3200000000000"],
    ["522,4", 1e9, "522400000000"],
    ["0,1", 3, "0.3"],
    ["136,7", 1e3, "136700"],
    ["4,6", 1, "4.6"],
  ];
  for (const [a, b, want] of products)
    it(`${a} × ${b} = ${want}`, () => {
      expect(toExactString(mul(parseExact(a), fromNumber(b)))).toBe(want);
    });

  it("adds: 3 трлн + 100 млрд", () => {
    expect(toExactString(add(mul(fromNumber(3), fromNumber(1e12)), mul(fromNumber(100), fromNumber(1e9))))).toBe("3100000000000");
  });
  it("0,1 + 0,2 is 0.3, not 0.30000000000000004", () => {
    const v = add(parseExact("0,1"), parseExact("0,2"));
    expect(toExactString(v)).toBe("0.3");
    expect(toNumber(v)).toBe(0.3);
  });
  it("a third of 100 has no finite decimal: n/d string, nearest float number", () => {
    const v = mul(parseExact("1/3"), fromNumber(100));
    expect(toExactString(v)).toBe("100/3");
    expect(toNumber(v)).toBeCloseTo(33.3333333, 6);
  });
  it("neg, isZero, compare", () => {
    expect(toExactString(neg(parseExact("5,6")))).toBe("-5.6");
    expect(isZero(parseExact("0,000"))).toBe(true);
    expect(isZero(parseExact("0,001"))).toBe(false);
    expect(compare(parseExact("1,5"), parseExact("3/2"))).toBe(0);
    expect(compare(parseExact("1,4"), parseExact("3/2"))).toBe(-1);
    expect(compare(parseExact("100"), parseExact("99,99"))).toBe(1);
  });
  it("fromNumber keeps small and large values exact", () => {
    expect(toExactString(fromNumber(1e-7))).toBe("0.0000001");
    expect(toExactString(fromNumber(1e21))).toBe("1000000000000000000000");
    expect(toExactString(fromNumber(-2.5e-8))).toBe("-0.000000025");
    expect(toExactString(fromNumber(1.5e22))).toBe("15000000000000000000000");
    expect(toExactString(fromNumber(0.1))).toBe("0.1");
    expect(() => fromNumber(Infinity)).toThrow(RangeError);
  });
});
