import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { xmlUnescape } from "../../../src/stages/ingest/feed.js";
import { docs, encode, failures, ingestOne, seeds } from "./fixtures.js";

const sha = (b: string | Uint8Array) => createHash("sha256").update(b).digest("hex");
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const norm = (s: string) => s.replace(/\s+/g, " ").trim();
const body = (i: number) => seeds()[i].text.replace(/^ date \S+ /, "");
const paras = (i: number) => body(i).split(/\n\s*\n/).map(norm).filter(Boolean);
/** All `<item>…</item>` / `<entry>…</entry>` slices of a feed, as written. */
const rawItems = (xml: string, tag: string) => xml.match(new RegExp(`<${tag}>[\\s\\S]*?</${tag}>`, "g")) ?? [];

function rss(encoding = "UTF-8"): string {
  return (
    `<?xml version="1.0" encoding="${encoding}"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel><title>Лента новостей Kazpravda.kz</title><link>https://kazpravda.kz</link>\n` +
    // CDATA with HTML
    `<item><title>Итоги</title><link>https://example.kz/n/1</link><guid isPermaLink="false">seed2</guid><pubDate>Fri, 03 Oct 2025 10:00:00 +0500</pubDate>` +
    `<description><![CDATA[${paras(2).map((p) => `<p>${p}</p>`).join("")}<p>Читайте также: <a href="/x">Другая новость</a></p>]]></description></item>\n` +
    // entity-escaped HTML, plus a longer content:encoded that wins
    `<item><title>Акорда &amp;laquo;итоги&amp;raquo;</title><link>https://akorda.kz/ru/1</link><dc:date>2024-06-14T12:00:00Z</dc:date>` +
    `<description>${esc("<p>Короткий анонс.</p>")}</description><content:encoded>${esc(paras(3).map((p) => `<p>${p}</p>`).join("\n"))}</content:encoded></item>\n` +
    // plain text description
    `<item><title>Без разметки</title><description>Первый абзац: рост 5%.\n\nВторой абзац: рост 7%.</description></item>\n` +
    `</channel></rss>\n`
  );
}

describe("RSS 2.0", () => {
  it("gives one document per item with its metadata", async () => {
    const xml = rss();
    const items = await ingestOne("feed.xml", xml);
    expect(failures(items)).toEqual([]);
    const [a, b, c] = docs(items);
    expect(items).toHaveLength(3);
    expect(a.format).toBe("rss");
    expect(a.source).toEqual({ path: "feed.xml", id: "seed2", url: "https://example.kz/n/1", outlet: "Kazpravda.kz", title: "Итоги", published: "2025-10-03" });
    expect(a.text.split("\n\n")).toEqual(paras(2)); // and the "Читайте также" link is gone
    expect(b.source).toMatchObject({ id: "https://akorda.kz/ru/1", url: "https://akorda.kz/ru/1", outlet: "Akorda.kz", title: "Акорда «итоги»", published: "2024-06-14" });
    expect(b.meta?.body_from).toBe("content:encoded");
    for (const p of paras(3).filter((p) => !/^(National Emblem|Официальный сайт|Президента Республики|События|Акорда|Вернуться|Tokaev|Президент Республики)/.test(p))) {
      expect(b.text).toContain(p);
    }
    expect(c.source).toMatchObject({ id: "item 3", url: null, outlet: "Kazpravda.kz" });
    expect(c.text).toBe("Первый абзац: рост 5%.\n\nВторой абзац: рост 7%.");
  });

  it("takes each item's docId from its raw bytes", async () => {
    const xml = rss();
    const items = docs(await ingestOne("feed.xml", xml));
    expect(items.map((d) => d.docId)).toEqual(rawItems(xml, "item").map((s) => sha(s)));
    expect(items[0].meta?.doc_id_from).toBe("raw item bytes");
  });

  it("reads a Windows-1251 feed (declared) to the same texts and raw-byte ids", async () => {
    const xml = rss("windows-1251");
    const bytes = encode(xml, "windows-1251");
    const utf8 = docs(await ingestOne("feed.xml", rss()));
    const items = docs(await ingestOne("feed.xml", bytes));
    expect(items.map((d) => d.text)).toEqual(utf8.map((d) => d.text.replace(/[ҚқҒғӘәҮүҰұІіҢңӨөҺһ]/g, "?")));
    expect(items[0].decoding).toEqual({ encoding: "windows-1251", method: "declared", bom: false });
    expect(items.map((d) => d.docId)).toEqual(rawItems(xml, "item").map((s) => sha(encode(s, "windows-1251"))));
  });

  it("uses the channel title as outlet when nothing else names one", async () => {
    const xml = `<rss version="2.0"><channel><title>Лента</title><item><title>x</title><description>Рост 5%.</description></item></channel></rss>`;
    const [d] = docs(await ingestOne("f.xml", xml));
    expect(d.source.outlet).toBe("Лента");
  });
});

describe("Atom", () => {
  const atom =
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>BAQ.KZ</title><link href="https://baq.kz/"/>` +
    `<entry><title type="html">Итоги &amp;laquo;ВКО&amp;raquo;</title><id>urn:baq:1</id><link rel="alternate" href="https://baq.kz/news/1"/><link rel="enclosure" href="https://baq.kz/1.jpg"/>` +
    `<published>2026-01-23T11:40:00+05:00</published><updated>2026-01-24T00:00:00Z</updated>` +
    `<content type="html">${esc(paras(1).map((p) => `<p>${p}</p>`).join(""))}</content></entry>` +
    `<entry><title>XHTML</title><id>urn:baq:2</id><updated>2026-01-25T08:00:00Z</updated>` +
    `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Рост &amp; развитие: 5%.</p><p>Второй абзац.</p></div></content></entry>` +
    `<entry><title>Text</title><id>urn:baq:3</id><summary>Текст &lt;не разметка&gt; и 5 &amp; 6.</summary></entry>` +
    `<entry><title>CDATA</title><id>urn:baq:4</id><content type="html"><![CDATA[<p>Из CDATA: рост 9%.</p>]]></content></entry>` +
    `</feed>`;

  it("gives one document per entry", async () => {
    const items = await ingestOne("atom.xml", atom);
    expect(failures(items)).toEqual([]);
    const [a, b, c, d] = docs(items);
    expect(a.format).toBe("atom");
    expect(a.source).toEqual({ path: "atom.xml", id: "urn:baq:1", url: "https://baq.kz/news/1", outlet: "BAQ.KZ", title: "Итоги «ВКО»", published: "2026-01-23" });
    expect(a.text.split("\n\n")).toEqual(paras(1));
    expect(b.text).toBe("Рост & развитие: 5%.\n\nВторой абзац.");
    expect(b.source.published).toBe("2026-01-25");
    expect(c.text).toBe("Текст <не разметка> и 5 & 6.");
    expect(d.text).toBe("Из CDATA: рост 9%.");
    expect(docs(items).map((x) => x.docId)).toEqual(rawItems(atom, "entry").map((s) => sha(s)));
  });

  it("xmlUnescape keeps CDATA and decodes the XML entities once", () => {
    expect(xmlUnescape("&lt;p&gt;a &amp;amp; b&#33;&#x21;&lt;/p&gt;<![CDATA[<b>&amp;</b>]]>")).toBe("<p>a &amp; b!!</p><b>&amp;</b>");
  });
});

describe("feeds that fail", () => {
  const bomb =
    `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">` +
    ["b", "c", "d", "e", "f", "g", "h", "i"].map((n, i) => `<!ENTITY ${n} "${`&${"abcdefghi"[i]};`.repeat(10)}">`).join("") +
    `]><rss><channel><item><description>&i;</description></item></channel></rss>`;
  const cases: Array<[string, string, string, RegExp]> = [
    ["truncated", rss().slice(0, Math.floor(rss().length / 2)), "ingest.bad_xml", /ends inside <rss> <channel>/],
    ["billion laughs", bomb, "ingest.bad_xml", /DOCTYPE declares entities/],
    ["external entity", `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><description>&x;</description></item></channel></rss>`, "ingest.bad_xml", /DOCTYPE declares entities/],
    ["malformed", `<rss><channel><item><title>a</titl></item></channel></rss>`, "ingest.bad_xml", /line 1, column \d+/],
    ["not a feed", `<?xml version="1.0"?><urlset><url><loc>https://x.kz</loc></url></urlset>`, "ingest.bad_xml", /not an RSS or Atom feed \(root element <urlset>\)/],
    ["no items", `<rss version="2.0"><channel><title>Пусто</title></channel></rss>`, "ingest.empty", /no items/],
    ["empty file", "", "ingest.empty", /empty file/],
  ];
  it.each(cases)("%s", async (_name, xml, code, message) => {
    const started = Date.now();
    const items = await ingestOne("f.xml", xml);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(items).toHaveLength(1);
    const [f] = failures(items);
    expect(f.code).toBe(code);
    expect(f.error).toMatch(/^f\.xml: /);
    expect(f.error).toMatch(message);
    expect(f.docId).toBe(sha(xml));
  });

  it("fails an item without text on its own, naming the item", async () => {
    const xml = `<rss><channel><item><title>a</title><description>  </description></item><item><description>Рост 5%.</description></item></channel></rss>`;
    const items = await ingestOne("f.xml", xml);
    expect(items.map((i) => (i.ok ? "ok" : i.failed.error))).toEqual(["f.xml#1: the item has no text", "ok"]);
  });
});
