import { describe, expect, it } from "vitest";
import { isSpace } from "../../src/core/whitespace.js";

describe("isSpace", () => {
  it("agrees with the regular expression \\s on every UTF-16 code unit", () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  it.each([
    [0x20, true],
    [0x0a, true],
    [0xa0, true],
    [0x202f, true],
    [0x41, false],
    [0x430, false],
    [0x1680, true],
    [0x167f, false],
  ])("code unit %i is space: %s", (c, want) => {
    expect(isSpace(c)).toBe(want);
  });
});
