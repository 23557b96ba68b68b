import { describe, expect, it } from "vitest";
import { binaryReason, canonicalEncoding, decodeBytes, decodeUtf8, guessCyrillic, sniffHtmlCharset, sniffXmlEncoding } from "../../../src/stages/ingest/decode.js";
import { encode, seeds } from "./fixtures.js";

// only characters that UTF-8, Windows-1251 and KOI8-R all have
const sample = "Объём инвестиций в основной капитал составил свыше 838 млрд тенге (+8,3%). Безработица - 4,6%.";
const ascii = (s: string) => Buffer.from(s, "latin1");

describe("decodeBytes: chooses the encoding and says how", () => {
  const cases: Array<[string, Uint8Array, string | null, string, string, boolean, string?]> = [
    ["UTF-8 without BOM", encode(sample, "utf-8"), null, "utf-8", "utf8-valid", false],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encode(sample, "utf-8")]), null, "utf-8", "bom", true],
    ["UTF-16LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, "utf16le")]), null, "utf-16le", "bom", true],
    ["Windows-1251, undeclared", encode(sample, "windows-1251"), null, "windows-1251", "statistics", false],
    ["KOI8-R, undeclared", encode(sample, "koi8-r"), null, "koi8-r", "statistics", false],
    ["Windows-1251, declared", encode(sample, "windows-1251"), "cp1251", "windows-1251", "declared", false],
    ["KOI8-R, declared", encode(sample, "koi8-r"), "KOI8-R", "koi8-r", "declared", false],
    ["UTF-8 declared as windows-1251 (the bytes win)", encode(sample, "utf-8"), "windows-1251", "utf-8", "utf8-valid", false],
    ["Windows-1251 declared as UTF-8 (the bytes win)", encode(sample, "windows-1251"), "utf-8", "windows-1251", "statistics", false],
    ["pure ASCII", ascii("GDP grew by 5%."), null, "utf-8", "utf8-valid", false, "GDP grew by 5%."],
  ];
  it.each(cases)("%s", (_name, bytes, declared, encoding, method, bom, text = sample) => {
    const r = decodeBytes(bytes, declared);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.info).toEqual({ encoding, method, bom });
    expect(r.text).toBe(text);
  });

  it("tells cp1251 and koi8-r apart for every seed article", () => {
    for (const { name, text } of seeds()) {
      for (const enc of ["windows-1251", "koi8-r"] as const) {
        // characters a legacy code page lacks (emoji, Kazakh letters) become "?"
        const bytes = encode(text, enc);
        const r = decodeBytes(bytes);
        expect(r.ok, `${name} ${enc}`).toBe(true);
        if (r.ok) {
          expect(r.info.encoding, name).toBe(enc);
          expect(r.text).toBe(new TextDecoder(enc).decode(bytes));
        }
      }
    }
  });

  it("handles a short headline", () => {
    for (const enc of ["windows-1251", "koi8-r"] as const) {
      const r = decodeBytes(encode("Рост ВВП", enc));
      expect(r.ok && r.info.encoding).toBe(enc);
    }
  });
});

describe("decodeBytes: failures", () => {
  const cases: Array<[string, Uint8Array, string]> = [
    ["NUL bytes", Buffer.from([0x41, 0x00, 0x42, 0x43]), "ingest.binary"],
    ["control characters", Buffer.from(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x61))), "ingest.binary"],
    ["pseudo-random bytes", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), "ingest.binary"],
    ["Latin-1 German text (not Russian in either code page)", ascii("Gr\xf6\xdfe \xfcber M\xe4rkte und Stra\xdfen, sch\xf6ne Gr\xfc\xdfe aus K\xf6ln"), "ingest.bad_encoding"],
    ["bytes 0x80-0xBF only (symbols, box drawing)", Buffer.from(Array.from({ length: 200 }, (_, i) => 0x80 + (i % 64))), "ingest.bad_encoding"],
    ["UTF-8 BOM followed by invalid UTF-8", Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0x28, 0x41]), "ingest.bad_encoding"],
  ];
  it.each(cases)("%s", (_name, bytes, code) => {
    const r = decodeBytes(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });

  it("binaryReason says where the NUL is", () => {
    expect(binaryReason(Buffer.from("ab\0"))).toMatch(/offset 2/);
    expect(binaryReason(Buffer.from("обычный текст\n\tс табуляцией\r\n"))).toBeNull();
  });

  it("guessCyrillic explains its refusal", () => {
    const r = guessCyrillic(ascii("Gr\xf6\xdfe \xfcber M\xe4rkte"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/not UTF-8/);
  });
});

describe("declared charsets", () => {
  it.each([
    ['<meta charset="windows-1251">', "windows-1251"],
    ["<meta charset=koi8-r>", "koi8-r"],
    ['<meta http-equiv="Content-Type" content="text/html; charset=cp1251">', "cp1251"],
    ["<p>no declaration</p>", null],
  ])("sniffHtmlCharset %s", (html, want) => {
    expect(sniffHtmlCharset(ascii(`<html><head>${html}</head>`))).toBe(want);
  });
  it("sniffXmlEncoding", () => {
    expect(sniffXmlEncoding(ascii('<?xml version="1.0" encoding="windows-1251"?><rss/>'))).toBe("windows-1251");
    expect(sniffXmlEncoding(ascii("<rss/>"))).toBeNull();
  });
  it("canonicalEncoding maps labels to WHATWG names", () => {
    expect(canonicalEncoding("CP1251")).toBe("windows-1251");
    expect(canonicalEncoding("koi8")).toBe("koi8-r");
    expect(canonicalEncoding("no-such-charset")).toBeNull();
  });
});

describe("decodeUtf8: the same string as the platform's strict UTF-8 decoder, or null", () => {
  const reference = (bytes: Uint8Array) => {
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return null;
    }
  };
  const cases: Array<[string, Uint8Array]> = [
    ["empty", new Uint8Array(0)],
    ["ASCII", Buffer.from('{"id":1,"text":"GDP grew by 5%."}')],
    ["Cyrillic", Buffer.from(sample)],
    ["Kazakh letters and an emoji (a surrogate pair)", Buffer.from("Өскемен 📈 қала: ВРП +3,2%")],
    ["a BOM, kept as U+FEFF", Buffer.from("\uFEFFВРП")],
    ["NUL and control characters", Buffer.from("a\u0000b\u0001c")],
    ["U+FFFF and U+10FFFF", Buffer.from("\uFFFF\u{10FFFF}")],
    ["a lone continuation byte", Buffer.from([0x41, 0x80, 0x42])],
    ["a truncated sequence", Buffer.from([0xd0])],
    ["an encoded surrogate (CESU-8)", Buffer.from([0xed, 0xa0, 0x80])],
    ["an overlong encoding", Buffer.from([0xc0, 0xaf])],
    ["windows-1251 bytes", encode(sample, "windows-1251")],
  ];
  it.each(cases)("%s", (_name, bytes) => {
    expect(decodeUtf8(bytes)).toBe(reference(bytes));
  });

  it("decodes every seed article as TextDecoder does", () => {
    for (const { name, text } of seeds()) expect(decodeUtf8(Buffer.from(text)), name).toBe(text);
  });
});
