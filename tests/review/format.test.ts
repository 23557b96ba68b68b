import { describe, expect, it } from "vitest";
import { amountText, compactAmount, directionSign, groupDigits, periodShort, unitText } from "../../src/review/format.js";

const NN = "\u202f"; // narrow no-break space between digit groups

describe("groupDigits", () => {
  it.each([
    ["4.6", "4,6"],
    ["403000", `403${NN}000`],
    ["3200000000000", `3${NN}200${NN}000${NN}000${NN}000`],
    ["-5.6", "\u22125,6"],
    ["999", "999"],
    ["1000.25", `1${NN}000,25`],
    ["not a number", "not a number"],
  ])("%s → %s", (input, want) => expect(groupDigits(input)).toBe(want));
});

describe("amountText", () => {
  it.each([
    [{ amount: 4.6, exact: "4.6", unit: "percent", qualifier: "exact" }, "4,6 %"],
    [{ amount: 25000, exact: "25000", unit: "count", qualifier: "approx", counted: "рабочее место" }, `≈ 25${NN}000 рабочее место`],
    [{ amount: 1.3e12, exact: "1300000000000", unit: "KZT", qualifier: "over" }, `> 1${NN}300${NN}000${NN}000${NN}000 KZT`],
    [{ amount: 5.6, unit: "times", qualifier: "exact" }, "5,6 раз"],
    [{ amount: 5e7, exact: "50000000", upper: 7e7, unit: "USD", qualifier: "exact" }, `50${NN}000${NN}000–70${NN}000${NN}000 USD`],
    [{ amount: 3, exact: "3", unit: "place", qualifier: "exact" }, "3 место"],
    [{ amount: -5.6, exact: "-5.6", unit: "pp", qualifier: "almost" }, "почти \u22125,6 п.п."],
  ])("%j → %s", (value, want) => expect(amountText(value)).toBe(want));
});

describe("unitText", () => {
  it.each([
    ["percent", null, "%"],
    ["count", "школа", "школа"],
    ["count", null, "count"],
    ["KZT", null, "KZT"],
    [null, null, ""],
  ])("%s (%s) → %j", (unit, counted, want) => expect(unitText(unit, counted)).toBe(want));
});

describe("periodShort", () => {
  it.each([
    [{ from: "2025-01-01", to: "2025-12-31" }, "2025"],
    [{ from: "2024-05-01", to: "2024-05-31" }, "май 2024"],
    [{ from: "2025-01-01", to: "2025-11-30" }, "янв–ноя 2025"],
    [{ from: "2024-01-01", to: "2024-02-29" }, "янв–фев 2024"],
    [{ from: "2024-01-01", to: "2024-02-28" }, "2024-01-01…2024-02-28"],
    [{ from: null, to: "2029-12-31" }, "…2029"],
    [{ from: null, to: "2029-06-30" }, "…2029-06-30"],
    [{ from: "2025-01-01", to: null }, "2025…"],
    [{ from: "2024-03-15", to: "2024-06-30" }, "2024-03-15…2024-06-30"],
    [{ from: "2023-01-01", to: "2024-12-31" }, "2023-01-01…2024-12-31"],
    [null, "—"],
    [{ from: null, to: null }, "—"],
  ])("%j → %s", (period, want) => expect(periodShort(period)).toBe(want));
});

describe("compactAmount", () => {
  it.each([
    [1.3e12, "1,3 трлн"],
    [2.8e9, "2,8 млрд"],
    [403000, "403 тыс."],
    [1234567, "1,23 млн"],
    [4.6, "4,6"],
    [-5.6, "\u22125,6"],
    [0, "0"],
  ])("%d → %s", (n, want) => expect(compactAmount(n)).toBe(want));
});

describe("directionSign", () => {
  it.each([
    ["up", "↑"],
    ["down", "↓"],
    [null, ""],
  ])("%s → %j", (d, want) => expect(directionSign(d)).toBe(want));
});
