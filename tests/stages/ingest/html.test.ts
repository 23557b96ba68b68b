import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { elements, MAX_HTML_DEPTH, MAX_OPEN_ELEMENTS, parseHtml } from "../../../src/stages/ingest/html-tree.js";
import { extractText } from "../../../src/stages/ingest/html-text.js";
import { textToByte, type SourceMap } from "../../../src/stages/ingest/source-map.js";
import { FIXTURES, docs, encode, failures, ingestOne, seeds } from "./fixtures.js";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const norm = (s: string) => s.replace(/\s+/g, " ").trim();
const seed1 = seeds()[1].text;
const seedParas = seed1.split(/\n\s*\n/).map(norm).filter(Boolean);
const template = readFileSync(join(FIXTURES, "news-page.html"), "utf8");
/** The news page with seed 001 as its article, one `<p>` per paragraph; entities for quotes and NBSP as CMSs write them. */
const page = template.replace(
  "<!--ARTICLE-->",
  seedParas.map((p) => `        <p>${esc(p).replace(/"([^"]*)"/g, "&laquo;$1&raquo;").replace(/ - /g, "&nbsp;&mdash; ")}</p>`).join("\n"),
);
const entityFree = (p: string) => p.replace(/"([^"]*)"/g, "«$1»").replace(/ - /g, "\u00a0— ");

const CHROME = ["USD", "514", "Экономика", "Главная", "1549", "👁", "Фото", "Поделиться", "Facebook", "Читайте также", "Курс доллара", "школ", "Популярное", "Инфляция", "Реклама", "©", "[[year]]", "Все права", "18+", "Редакция", "Усть-Каменогорск −18"];

describe("a news page with chrome", () => {
  const variants: Array<[string, string, string | null]> = [
    ["itemprop=articleBody", page, null],
    ["<article> (no itemprop)", page.replace(' itemprop="articleBody"', ""), "Итоги развития ВКО озвучили на заседании актива"],
    ["paragraph scoring (no semantic markup)", page.replace(' itemprop="articleBody"', "").replace(/<article class="news">/, '<div class="x1">').replace("</article>", "</div>").replace('class="news-text"', 'class="x2"').replace(/<main>|<\/main>/g, ""), null],
  ];
  it.each(variants)("finds every sentence of the article and no chrome: %s", async (_name, html, heading) => {
    const [item] = await ingestOne("page.html", html);
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    const paras = item.doc.text.split("\n\n");
    const body = heading ? paras.slice(1) : paras;
    if (heading) expect(paras[0]).toBe(heading);
    expect(body).toEqual(seedParas.map(entityFree));
    for (const c of CHROME) expect(item.doc.text, c).not.toContain(c);
  });

  it("reads title, date, outlet and URL from the page's metadata", async () => {
    const [item] = await ingestOne("page.html", page);
    expect(item.ok && item.doc.source).toEqual({
      path: "page.html",
      id: null,
      url: "https://baq.kz/news/vko-itogi-2026",
      outlet: "BAQ.KZ",
      title: "Итоги развития ВКО озвучили на заседании актива",
      published: "2026-01-23",
    });
    expect(item.ok && item.doc.meta).toMatchObject({ published_from: "meta article:published_time", outlet_from: "og:site_name" });
    expect(item.ok && item.doc.format).toBe("html");
  });

  const encodings: Array<[string, Uint8Array, string, string]> = [
    ["Windows-1251, declared", encode(page.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'), "windows-1251"), "windows-1251", "declared"],
    ["KOI8-R, undeclared", encode(page.replace('<meta charset="utf-8">', ""), "koi8-r"), "koi8-r", "statistics"],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encode(page, "utf-8")]), "utf-8", "bom"],
  ];
  it.each(encodings)("gives the same text in %s", async (_name, bytes, encoding, method) => {
    const [utf8] = await ingestOne("page.html", page);
    const [item] = await ingestOne("page.html", bytes);
    expect(item.ok && item.doc.decoding).toMatchObject({ encoding, method });
    // «», NBSP and — are entities in the page, so even KOI8-R (which lacks them) loses nothing
    expect(item.ok && item.doc.text).toBe(utf8.ok && utf8.doc.text);
  });

  it.each([
    ["UTF-8", Buffer.from(page, "utf8")],
    ["Windows-1251", encode(page.replace('<meta charset="utf-8">', '<meta charset="windows-1251">'), "windows-1251")],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page, "utf8")])],
  ])("maps text offsets back to the file's bytes (%s)", async (_name, bytes) => {
    const [item] = await ingestOne("page.html", bytes);
    if (!item.ok) throw new Error(item.failed.error);
    const { text, meta, decoding } = item.doc;
    const map = meta!.source_map as SourceMap;
    const cps = Array.from(text);
    const decode = (a: number, b: number) => new TextDecoder(decoding!.encoding).decode(bytes.subarray(a, b));
    // every literal segment is the file's bytes unchanged
    map.segments.forEach(([start, byteStart, byteEnd, literal], i) => {
      if (!literal) return;
      const end = i + 1 < map.segments.length ? map.segments[i + 1][0] : cps.length;
      expect(decode(byteStart, byteEnd)).toBe(cps.slice(start, end).join(""));
    });
    // a sentence without entities maps to exactly its bytes
    const sentence = "Объём инвестиций в основной капитал составил свыше 838 млрд тенге (+8,3%).";
    const at = cps.join("").indexOf(sentence);
    expect(at).toBeGreaterThan(0);
    const from = Array.from(text.slice(0, at)).length;
    expect(decode(textToByte(map, text, from), textToByte(map, text, from + Array.from(sentence).length))).toBe(sentence);
  });
});

describe("extractText: markup to text", () => {
  const cases: Array<[string, string, string]> = [
    ["entities", "<p>Рост&nbsp;5&#37; &laquo;ВВП&raquo; &amp; &#x41;</p>", "Рост\u00a05% «ВВП» & A"],
    ["white space collapses", "<p>  Рост\n   ВВП\t составил <b>5%</b> .  </p>", "Рост ВВП составил 5% ."],
    ["paragraphs and headings", "<h2>Итоги</h2><p>Первый.</p><div>Второй.<p>Третий.</p>Четвёртый.</div>", "Итоги\n\nПервый.\n\nВторой.\n\nТретий.\n\nЧетвёртый."],
    ["line breaks", "<p>Строка один<br>строка два<br/> <br>три</p>", "Строка один\nстрока два\n\nтри"],
    ["list items", "<ul><li>Первое: 5%</li><li>Второе: 7%</li></ul>", "Первое: 5%\n\nВторое: 7%"],
    ["table cells", "<table><tr><th>Отрасль</th><th>2024</th></tr><tr><td>Промышленность</td><td>123,4%</td></tr></table>", "Отрасль\t2024\n\nПромышленность\t123,4%"],
    ["pre keeps spacing", "<pre>a  b\nc</pre>", "a  b\nc"],
    ["inline elements join words", "<p>мил<span>ли</span>ард</p>", "миллиард"],
    ["scripts, styles, hidden", '<p>Текст.<script>var a="<p>x</p>"</script><style>p{}</style><span hidden>скрыто</span><span style="display: none">нет</span><span aria-hidden="true">нет</span></p>', "Текст."],
    ["chrome containers", '<p>Текст.</p><div class="social-share">Поделиться</div><div id="views-counter">80</div><div class="exchange-rates">USD 514</div><nav>Меню</nav>', "Текст."],
    ["chrome blocks by content", "<p>Текст.</p><p>👁 80</p><p>1549</p><p>Фото: Акимат ВКО</p><p>[[year]]</p><p>USD 514.93 EUR 560.12</p><p>Twitter Facebook Печать</p>", "Текст."],
    ["related list under a heading", "<p>Текст.</p><h3>Читайте также</h3><ul><li><a>Рост на 5%</a></li></ul><p>Ещё текст статьи, после списка.</p>", "Текст.\n\nЕщё текст статьи, после списка."],
    ["related headlines as lines of one paragraph", "<p>Текст.</p><p>Популярное</p><p>Все\nЗаголовок первый\nЗаголовок второй\nЗаголовок третий</p>", "Текст."],
    ["inline 'Читайте также:' link", '<p>Текст.</p><p>Читайте также: <a href="/x">Инфляция 12%</a></p><p>Конец.</p>', "Текст.\n\nКонец."],
    ["emoji and astral characters stay", "<p>Рост 📈 на 5%</p>", "Рост 📈 на 5%"],
  ];
  it.each(cases)("%s", (_name, html, want) => {
    expect(extractText(parseHtml(html), { fragment: true }).text).toBe(want);
  });

  it("a fragment without markup keeps its blank-line paragraphs", () => {
    expect(extractText(parseHtml("Первый абзац,\nпродолжение.\n\nВторой абзац."), { fragment: true }).text).toBe("Первый абзац, продолжение.\n\nВторой абзац.");
  });

  it("without markup, takes a lead and a body in sibling containers, not the link list beside them", () => {
    const lead = "Лид статьи: рост ВВП составил 5%, сообщили в министерстве национальной экономики.";
    const paras = Array.from({ length: 4 }, (_, i) => `Абзац ${i + 1}: объём инвестиций вырос на ${i + 3}%, отметили в акимате, и это важный показатель.`);
    const html =
      `<body><div class="wrap"><div class="x-lead"><p>${lead}</p></div><div class="x-main"><div>${paras.map((p) => `<p>${p}</p>`).join("")}</div></div></div>` +
      `<div class="x-side">${Array.from({ length: 6 }, (_, i) => `<p><a href="/n${i}">Новость номер ${i}, очень интересная и длинная новость дня</a></p>`).join("")}</div></body>`;
    expect(extractText(parseHtml(html)).text).toBe([lead, ...paras].join("\n\n"));
  });

  it("prefers itemprop=articleBody, then the largest <article>", () => {
    const body = "<p>" + "Основной текст статьи с цифрами 5%. ".repeat(10) + "</p>";
    const html = `<body><article><p>${"Анонс другой статьи. ".repeat(12)}</p></article><article>${body}</article></body>`;
    expect(extractText(parseHtml(html)).text).toBe(norm(body.replace(/<\/?p>/g, "")));
    const withItemprop = `<body><article><div>Шапка</div><div itemprop="articleBody"><p>${"Тело. ".repeat(20)}</p></div></article></body>`;
    expect(extractText(parseHtml(withItemprop)).text).toBe(norm("Тело. ".repeat(20)));
  });
});

describe("page dates", () => {
  const head = (s: string, body = "<p>Текст статьи о росте ВВП на 5% в этом году.</p>") => `<html><head>${s}</head><body><article>${body}</article></body></html>`;
  const cases: Array<[string, string, string | null, string | undefined]> = [
    ["article:published_time", head('<meta property="article:published_time" content="2025-10-03T09:00:00+05:00">'), "2025-10-03", "meta article:published_time"],
    ["JSON-LD in @graph", head('<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2025-10-04"}]}</script>'), "2025-10-04", "json-ld datePublished"],
    ["broken JSON-LD is ignored", head('<script type="application/ld+json">{oops</script><meta name="pubdate" content="2025-10-05">'), "2025-10-05", "meta date"],
    ["<time datetime>", head("", '<time datetime="2025-10-06T12:00">6 октября</time><p>Текст статьи о росте ВВП на 5%.</p>'), "2025-10-06", "<time datetime>"],
    ["a dateline in the text", head("", "<p>14 июня 2024 года</p><p>Текст статьи о росте ВВП на 5%.</p>"), "2024-06-14", "date-line"],
    ["none", head(""), null, undefined],
  ];
  it.each(cases)("%s", async (_name, html, published, from) => {
    const [item] = await ingestOne("p.html", html);
    expect(item.ok && item.doc.source.published).toBe(published);
    expect(item.ok && item.doc.meta?.published_from).toBe(from);
  });
});

describe("pages nested past any news page", () => {
  const sentence = "Инвестиции в Алматы составили 5 млрд тенге.";
  it.each([
    ["5,000 nested <div>s", `<html><body>${"<div>".repeat(5000)}<p>${sentence}</p>${"</div>".repeat(5000)}</body></html>`],
    ["5,000 nested <span>s never closed", `<html><body><p>${sentence}</p>${"<span>".repeat(5000)}x</body></html>`],
  ])("%s: the text is read, with its place in the page", async (_name, html) => {
    const tree = parseHtml(html);
    let deepest = 0;
    for (const e of elements(tree)) {
      let d = 0;
      for (let n = e.parent; n; n = n.parent) d++;
      deepest = Math.max(deepest, d);
    }
    // only the empty elements opened past the bound lie one deeper
    expect(deepest).toBeLessThanOrEqual(MAX_HTML_DEPTH + 1);
    for (const e of elements(tree)) {
      let d = 0;
      for (let n = e.parent; n; n = n.parent) d++;
      if (d > MAX_HTML_DEPTH) expect(e.children).toEqual([]);
    }
    const [item] = await ingestOne("deep.html", html);
    expect(item.ok, JSON.stringify(!item.ok && item.failed)).toBe(true);
    if (!item.ok) return;
    // the sentence maps back to exactly its bytes in the page (all text is Cyrillic or ASCII: code points are code units)
    const { text, meta } = item.doc;
    const at = text.indexOf(sentence);
    expect(at).toBeGreaterThanOrEqual(0);
    const map = meta!.source_map as SourceMap;
    expect(Buffer.from(html).subarray(textToByte(map, text, at), textToByte(map, text, at + sentence.length)).toString()).toBe(sentence);
  });
  it("elements past the bound are kept empty; their text goes to the deepest element kept, in order", () => {
    const html = `${"<div>".repeat(MAX_HTML_DEPTH + 5)}a<b>b</b>c${"</div>".repeat(MAX_HTML_DEPTH + 5)}d`;
    // "b" stays inline with "a" and "c"; "d", after the <div>s close, is a block of its own
    expect(extractText(parseHtml(html), { fragment: true }).text).toBe("abc\n\nd");
  });
  it("void elements and implied closes past the bound keep the depth right: what follows the nesting is not inside it", () => {
    const n = MAX_HTML_DEPTH + 44;
    const tree = parseHtml(`${"<div>".repeat(n)}<p>a<br>b<img src="x.png"><p>c<span>d${"</div>".repeat(n)}<p>e`);
    const holder = (t: string) => [...elements(tree)].find((el) => el.children.some((c) => c.type === "text" && c.data === t))!;
    // the last paragraph is the root's child, as without the bound
    expect(holder("e").name).toBe("p");
    expect(holder("e").parent).toBe(tree);
    // the text inside the nesting is kept, in order, and the <br> and <p>s past the bound still break it
    expect(extractText(tree, { fragment: true }).text).toBe("a\nb\n\ncd\n\ne");
  });
  it.each([
    ["100,000 nested <div>s", `<html><body>${"<div>".repeat(100_000)}<p>${sentence}</p>${"</div>".repeat(100_000)}</body></html>`],
    ["100,000 <span>s never closed", `<html><body><p>${sentence}</p>${"<span>".repeat(100_000)}x</body></html>`],
  ])("%s: the page fails alone, saying why", async (_name, html) => {
    expect(MAX_OPEN_ELEMENTS).toBeLessThan(100_000);
    const items = await ingestOne("deep.html", html);
    expect(failures(items).map((f) => [f.code, f.error])).toEqual([["ingest.too_deep", `deep.html: the page: more than ${MAX_OPEN_ELEMENTS} elements are open at once (nested without end): not read`]]);
  });
  it("a feed item nested without end fails alone; the feed's other items are read", async () => {
    const item = (title: string, body: string) => `<item><title>${title}</title><link>https://example.kz/${title}</link><description><![CDATA[${body}]]></description></item>`;
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${item("a", `<p>${sentence}</p>`)}${item("b", "<div>".repeat(20_000))}${item("c", `<p>${sentence}</p>`)}</channel></rss>`;
    const items = await ingestOne("feed.xml", feed);
    expect(docs(items).map((d) => d.source.title)).toEqual(["a", "c"]);
    expect(failures(items).map((f) => [f.code, f.error])).toEqual([["ingest.too_deep", `feed.xml#2: the item's HTML: more than ${MAX_OPEN_ELEMENTS} elements are open at once (nested without end): not read`]]);
  });
});

describe("pages that fail", () => {
  it.each([
    ["empty file", ""],
    ["only chrome", "<html><body><nav>Главная Экономика</nav><footer>© 2025</footer></body></html>"],
  ])("%s", async (_name, html) => {
    const items = await ingestOne("p.htm", html);
    expect(failures(items).map((f) => [f.code, f.format])).toEqual([["ingest.empty", "html"]]);
    expect(failures(items)[0].error).toMatch(/^p\.htm: /);
    expect(docs(items)).toEqual([]);
  });
  it("binary data named .html", async () => {
    const [item] = await ingestOne("p.html", Buffer.from([0x3c, 0x70, 0x3e, 0, 0, 0]));
    expect(!item.ok && item.failed.code).toBe("ingest.binary");
  });
});
