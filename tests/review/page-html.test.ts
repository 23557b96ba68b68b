import { createHash } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildReviewData, clientScript, renderReviewHtml } from "../../src/review/review-page.js";

const FIXTURE = path.join(import.meta.dirname, "../fixtures/review/basic");

describe("renderReviewHtml", async () => {
  const data = await buildReviewData(FIXTURE, new Date("2025-01-01T00:00:00Z"));
  const html = renderReviewHtml(data);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];

  it("has exactly two scripts: the JSON data and the page's own code", () => {
    expect(scripts.map((m) => m[1].trim())).toEqual(['type="application/json" id="review-data"', ""]);
  });

  it("embeds data that parses back to what was read, article markup included", () => {
    expect(JSON.parse(scripts[0][2])).toEqual(data);
    expect(scripts[0][2]).not.toMatch(/[<>\u2028\u2029]/);
  });

  it("allows only its own script, by hash, and no network", () => {
    const hash = createHash("sha256").update(scripts[1][2], "utf8").digest("base64");
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
  });

  it("loads nothing from outside (no src, href, url() or @import in the page's markup and styles)", () => {
    // the SVG namespace is a name, not a resource
    const markup = html.replace(scripts[0][0], "").replaceAll("http://www.w3.org/2000/svg", "");
    expect(markup).not.toMatch(/\s(src|href)\s*=/i);
    expect(markup).not.toMatch(/url\(|@import|https?:\/\//i);
  });

  it("escapes the folder name in the title", () => {
    const odd = renderReviewHtml({ ...data, folder: "<b>x</b>" });
    expect(odd).toContain("<title>pokazatel review — &#60;b&#62;x&#60;/b&#62;</title>");
  });
});

describe("clientScript", () => {
  it("is valid JavaScript with nothing that could end its script element", () => {
    const script = clientScript();
    expect(() => new Function(script)).not.toThrow();
    expect(script).not.toMatch(/<\/script|<!--/i);
  });

  it("carries the pure helpers it is given", () => {
    const script = clientScript();
    for (const name of ["codePointOffsets", "checkSpan", "segmentSpans", "amountText", "periodShort"]) {
      expect(script).toContain(`const ${name} = function ${name}(`);
    }
  });
});
