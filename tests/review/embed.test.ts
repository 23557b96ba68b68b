import { describe, expect, it } from "vitest";
import { embedJson, escapeHtml } from "../../src/review/embed.js";

describe("embedJson", () => {
  it.each([
    { name: "closing script tag", value: { text: "a</script><script>alert(1)</script>" } },
    { name: "upper-case closing tag", value: { text: "</SCRIPT >" } },
    { name: "HTML comment opener", value: { text: "<!-- x" } },
    { name: "img with onerror", value: { text: '<img src=x onerror="alert(1)">' } },
    { name: "line and paragraph separators", value: { text: "a\u2028b\u2029c" } },
    { name: "ampersand entities", value: { text: "&lt;script&gt; &amp;" } },
    { name: "emoji and Cyrillic unchanged", value: { text: "📈 рост на 9,5%" } },
    { name: "lone surrogate", value: { text: "a\uD83Db" } },
    { name: "nested values", value: { a: [1, null, "<b>"], b: { c: "</script>" } } },
  ])("$name: round-trips and leaves no markup", ({ value }) => {
    const out = embedJson(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out.toLowerCase()).not.toContain("</script");
    expect(out).not.toContain("<!--");
    expect(JSON.parse(out)).toEqual(value);
  });

  it("writes the escapes as \\u sequences", () => {
    expect(embedJson("</script>")).toBe('"\\u003c/script\\u003e"');
    expect(embedJson("\u2028&\u2029")).toBe('"\\u2028\\u0026\\u2029"');
  });

  it("refuses values without a JSON form", () => {
    expect(() => embedJson(undefined)).toThrow(/no JSON form/);
  });
});

describe("escapeHtml", () => {
  it.each([
    ["plain текст", "plain текст"],
    ["<b>", "&#60;b&#62;"],
    ['a "q" & \'s\'', "a &#34;q&#34; &#38; &#39;s&#39;"],
  ])("%j → %j", (input, want) => {
    expect(escapeHtml(input)).toBe(want);
  });
});
