import { describe, expect, it } from "vitest";
import { stringMemberRange } from "../../../src/stages/ingest/json-member.js";
import { seeded } from "../../../bench/random.mjs";

/** The literal stringMemberRange finds, as text (null: none). */
function literal(line: string, key = "text"): string | null {
  const bytes = Buffer.from(line, "utf8");
  const r = stringMemberRange(bytes, key);
  return r ? bytes.subarray(r[0], r[1]).toString("utf8") : null;
}

describe("stringMemberRange", () => {
  it.each([
    ["plain", '{"id":"a","text":"Рост 5%."}', '"Рост 5%."'],
    ["first member", '{"text":"x","id":1}', '"x"'],
    ["white space around", ' { "id" : 1 ,\t"text" :\r\n "a b" } ', '"a b"'],
    ["escaped quotes and backslashes", String.raw`{"text":"a \"b\" c\\","x":"\\\""}`, String.raw`"a \"b\" c\\"`],
    ["escapes kept as written", String.raw`{"text":"\u0420\u043e\u0441\u0442\n\/"}`, String.raw`"\u0420\u043e\u0441\u0442\n\/"`],
    ["after nested values holding the key", '{"meta":{"text":"inner","a":[1,{"text":"x"}]},"text":"outer"}', '"outer"'],
    ["after numbers and literals", '{"n":-1.5e3,"t":true,"f":false,"z":null,"text":"ok"}', '"ok"'],
    ["after brackets inside strings", '{"s":"}{][,\\"","text":"ok"}', '"ok"'],
    ["the last of duplicate keys", '{"text":"first","text":"second"}', '"second"'],
    ["an empty string", '{"text":""}', '""'],
    ["a key written with escapes", '{"te\\u0078t":"a","a\\"b":"c"}', '"a"'],
  ])("finds the literal: %s", (_name, line, want) => {
    expect(literal(line)).toBe(want);
    expect(JSON.parse(want)).toBe(JSON.parse(line).text);
  });

  it.each([
    ["missing", '{"id":"a","title":"text"}'],
    ["not a string", '{"text":5}'],
    ["an object", '{"text":{"a":"b"}}'],
    ["a later duplicate that is not a string", '{"text":"a","text":null}'],
    ["not an object", '["text","a"]'],
  ])("gives null: %s", (_name, line) => {
    expect(literal(line)).toBeNull();
  });

  it("gives, for random objects, the bytes JSON.parse reads as the member's value", () => {
    const rnd = seeded(42);
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
    const pieces = ["а", "Б", "ё", " ", '"', "\\", "\n", "\t", "{", "}", "[", "]", ",", ":", "😀", "\u2028", "x", "1"];
    const str = () => Array.from({ length: Math.floor(rnd() * 12) }, () => pick(pieces)).join("");
    const value = (depth: number): unknown => {
      const k = Math.floor(rnd() * (depth > 2 ? 4 : 6));
      if (k === 0) return str();
      if (k === 1) return Math.floor(rnd() * 1000) - 500;
      if (k === 2) return pick([true, false, null]);
      if (k === 3) return rnd();
      if (k === 4) return Array.from({ length: Math.floor(rnd() * 3) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 3) }, () => [pick(["text", "id", str()]), value(depth + 1)]));
    };
    for (let n = 0; n < 500; n++) {
      const o: Record<string, unknown> = {};
      for (let m = Math.floor(rnd() * 4); m > 0; m--) o[pick(["id", "url", str()])] = value(0);
      const text = rnd() < 0.9 ? str() : value(1);
      o[rnd() < 0.5 ? "text" : "body"] = text;
      const line = JSON.stringify(o, null, rnd() < 0.3 ? 1 : undefined);
      const parsed = JSON.parse(line) as Record<string, unknown>;
      const got = literal(line);
      if (typeof parsed.text === "string") expect(JSON.parse(got!)).toBe(parsed.text);
      else expect(got).toBeNull();
    }
  });
});
