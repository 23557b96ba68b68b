import { chromeReason, isHeadlineLike, isListHeading, type ChromeReason } from "./chrome.js";
import { elements, textContent, type HtmlElement, type HtmlNode } from "./html-tree.js";
import type { ByteCursor, SourceMap } from "./source-map.js";

/**
 * HTML → article text: choose the element that holds the article, drop site
 * chrome (menus, related-article lists, share buttons, counters, rate widgets,
 * footers, placeholders, photo credits), decode entities, collapse white space
 * as a browser does, and separate blocks (paragraphs, headings, list items)
 * with a blank line. Optionally maps the text back to byte offsets.
 */

/** Elements that start a new block of text. */
const BLOCK = new Set([
  "address", "article", "blockquote", "body", "dd", "details", "div", "dl", "dt", "fieldset", "figure", "h1", "h2", "h3", "h4",
  "h5", "h6", "header", "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot",
  "tr", "ul", "caption", "center",
]);
/** Elements never read: not text, or page furniture. */
const SKIP = new Set([
  "head", "script", "style", "noscript", "template", "title", "meta", "link", "nav", "aside", "footer", "form", "button",
  "iframe", "svg", "math", "select", "option", "input", "textarea", "label", "figcaption", "object", "embed", "canvas",
  "video", "audio", "map", "dialog", "menu", "img", "picture", "source",
]);
/** class/id words of chrome containers. */
const CHROME_WORDS = new Set([
  "share", "shares", "sharing", "social", "socials", "likes", "views", "viewcount", "counter", "counters", "banner", "banners",
  "adv", "advert", "advertising", "ads", "ad", "promo", "related", "popular", "readmore", "subscribe", "subscription",
  "comments", "comment", "breadcrumbs", "breadcrumb", "tags", "menu", "navbar", "nav", "navigation", "sidebar", "footer",
  "widget", "widgets", "currency", "currencies", "rates", "exchange", "weather", "print", "toolbar", "pagination", "pager",
  "modal", "cookie", "cookies", "popup", "credit", "credits", "caption", "copyright", "meta", "author", "byline",
]);
const CHROME_CLASS = /read-?also|see-?also|also-?read|read-?more|populyar|chitaj|most-?read|more-?news|news-?list|last-?news|latest/i;
const CHROME_ROLES = /^(?:navigation|banner|complementary|contentinfo|menu|menubar|toolbar|search|dialog|alert)$/i;
const CONTENT_CLASS = /(?:^|[\s_-])(?:article|post|entry|news|story|material|publication|content|text)[_-]?(?:body|text|content|detail|details|full|inner|main)(?:$|[\s_-])|^(?:text|content|article|post|entry)$/i;

/** Why an element is page furniture (skipped with everything inside), or null. */
export function chromeElement(el: HtmlElement): string | null {
  if (SKIP.has(el.name)) return el.name;
  const a = el.attrs;
  if (a.hidden !== undefined || a["aria-hidden"] === "true") return "hidden";
  if (a.role && CHROME_ROLES.test(a.role)) return `role=${a.role}`;
  if (a.style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style)) return "hidden";
  const names = `${a.class ?? ""} ${a.id ?? ""}`.trim();
  if (!names) return null;
  if (CHROME_CLASS.test(names)) return names;
  for (const word of names.toLowerCase().split(/[\s_-]+/)) if (CHROME_WORDS.has(word)) return names;
  return null;
}

/** Normalised visible text of an element, chrome excluded. */
function visibleText(el: HtmlElement): string {
  const parts: string[] = [];
  const walk = (n: HtmlNode) => {
    if (n.type === "text") parts.push(n.data);
    else if (!chromeElement(n)) n.children.forEach(walk);
  };
  walk(el);
  return parts.join("").replace(/\s+/g, " ").trim();
}

function linkText(el: HtmlElement): number {
  let n = 0;
  for (const e of elements(el)) if (e.name === "a" && !chromeElement(e)) n += textContent(e).replace(/\s+/g, "").length;
  return n;
}

/**
 * The element that holds the article: `[itemprop=articleBody]`, else the
 * largest `<article>`, else the largest element whose class or id names
 * article content, else the best element by paragraph scoring (the
 * Readability idea: paragraphs score their parent and grandparent, link-heavy
 * blocks lose), else `<body>`.
 */
export function findArticleRoot(root: HtmlElement): HtmlElement {
  const all = [...elements(root)];
  const inChrome = (el: HtmlElement) => {
    for (let n: HtmlElement | null = el; n; n = n.parent) if (chromeElement(n)) return true;
    return false;
  };
  const largest = (els: HtmlElement[], min: number) => {
    let best: HtmlElement | null = null;
    let bestLen = min;
    for (const el of els) {
      if (inChrome(el)) continue;
      const len = visibleText(el).length;
      if (len > bestLen) {
        best = el;
        bestLen = len;
      }
    }
    return best;
  };
  const body = all.find((e) => e.name === "body") ?? root;
  return (
    largest(all.filter((e) => /articlebody/i.test(e.attrs.itemprop ?? "")), 50) ??
    largest(all.filter((e) => e.name === "article"), 200) ??
    largest(all.filter((e) => CONTENT_CLASS.test(`${e.attrs.class ?? ""} ${e.attrs.id ?? ""}`.trim())), 200) ??
    scoreCandidates(all, inChrome) ??
    body
  );
}

function scoreCandidates(all: HtmlElement[], inChrome: (el: HtmlElement) => boolean): HtmlElement | null {
  const scores = new Map<HtmlElement, number>();
  for (const el of all) {
    if (!["p", "pre", "td", "blockquote"].includes(el.name) && !(el.name === "div" && el.children.some((c) => c.type === "text" && c.data.trim().length > 25))) continue;
    if (inChrome(el)) continue;
    const text = visibleText(el);
    if (text.length < 25) continue;
    const score = 1 + (text.match(/[,，]/g)?.length ?? 0) + Math.min(Math.floor(text.length / 100), 3);
    let n: HtmlElement | null = el.parent;
    for (let level = 1; n && level <= 3; level++, n = n.parent) scores.set(n, (scores.get(n) ?? 0) + score / (level === 1 ? 1 : level === 2 ? 2 : 3 * level));
  }
  const adjusted = new Map<HtmlElement, number>();
  let best: HtmlElement | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    const total = visibleText(el).replace(/\s/g, "").length || 1;
    const a = score * (1 - Math.min(1, linkText(el) / total));
    adjusted.set(el, a);
    if (a > bestScore) {
      best = el;
      bestScore = a;
    }
  }
  // the article continues in a sibling (a lead and a body, one container per part): take the parent
  if (!best) return null;
  let top = best;
  const elementChildren = (e: HtmlElement) => e.children.filter((c): c is HtmlElement => c.type === "element");
  while (top.parent && !["#root", "html", "body"].includes(top.parent.name) && elementChildren(top.parent).length === 1) top = top.parent;
  const parent = top.parent;
  if (parent && !["#root", "html"].includes(parent.name)) {
    const own = visibleText(top).length - linkText(top);
    const strong = elementChildren(parent).some((c) => {
      if (c === top || chromeElement(c)) return false;
      const visible = visibleText(c).length;
      const links = linkText(c);
      if (!visible || links / visible >= 0.25) return false;
      return visible - links >= own * 0.3 || [...elements(c)].some((e) => e.name === "p" && visibleText(e).length >= 80);
    });
    if (strong) return parent;
  }
  return best;
}

interface Piece {
  text: string;
  /** Range in the parsed string (UTF-16); equal ends for inserted text. */
  start: number;
  end: number;
  literal: boolean;
  kind: "text" | "space" | "break";
}

interface Block {
  pieces: Piece[];
  inList: boolean;
  linkChars: number;
  chars: number;
  /** The decoded source text of the block before white-space collapsing. */
  raw: string;
}

export interface ExtractOptions {
  /** A fragment (feed description): no article search; text without block elements keeps blank-line paragraphs. */
  fragment?: boolean;
  /** Map the text back to bytes of the file: the cursor over the parsed string. */
  cursor?: ByteCursor;
  encoding?: string;
}

export interface Extracted {
  text: string;
  map: SourceMap | null;
  /** Blocks of text dropped as chrome, with the reason. */
  dropped: Array<{ reason: ChromeReason | string; text: string }>;
  root: HtmlElement;
}

const WS = /[ \t\n\r\f]+/g;

/** Extract the article text under `root` (or under the article element found in it). */
export function extractText(tree: HtmlElement, opts: ExtractOptions = {}): Extracted {
  const root = opts.fragment ? tree : findArticleRoot(tree);
  const blocks: Block[] = [];
  const dropped: Extracted["dropped"] = [];
  let inList = 0;
  let inLink = 0;
  let inPre = 0;
  let block: Block = newBlock();
  const hasBlocks = opts.fragment ? [...elements(tree)].some((e) => BLOCK.has(e.name) || e.name === "br") : true;

  function newBlock(): Block {
    return { pieces: [], inList: inList > 0, linkChars: 0, chars: 0, raw: "" };
  }
  function flush() {
    if (block.pieces.some((p) => p.kind === "text")) blocks.push(block);
    block = newBlock();
  }
  function pushText(n: Extract<HtmlNode, { type: "text" }>) {
    block.raw += n.data;
    if (inPre || !n.literal) {
      if (!n.literal && /^[ \t\n\r\f]+$/.test(n.data)) block.pieces.push({ text: " ", start: n.start, end: n.end, literal: false, kind: "space" });
      else addChars(n.data, n.start, n.end, n.literal);
      return;
    }
    let last = 0;
    for (const m of n.data.matchAll(WS)) {
      const at = m.index!;
      if (at > last) addChars(n.data.slice(last, at), n.start + last, n.start + at, true);
      const run = m[0];
      if (opts.fragment && !hasBlocks && /\n[ \t\r\f]*\n/.test(run)) {
        flush();
      } else {
        block.pieces.push({ text: " ", start: n.start + at, end: n.start + at + run.length, literal: run === " ", kind: "space" });
      }
      last = at + run.length;
    }
    if (last < n.data.length) addChars(n.data.slice(last), n.start + last, n.end, true);
  }
  function addChars(text: string, start: number, end: number, literal: boolean) {
    block.pieces.push({ text, start, end, literal, kind: "text" });
    const chars = text.replace(/\s/g, "").length;
    block.chars += chars;
    if (inLink) block.linkChars += chars;
  }
  function walk(n: HtmlNode) {
    if (n.type === "text") return pushText(n);
    if (n !== root && chromeElement(n)) {
      const t = visibleTextAll(n);
      if (t) dropped.push({ reason: `<${n.name}${n.attrs.class ? `.${n.attrs.class.trim().split(/\s+/)[0]}` : ""}>`, text: t.slice(0, 200) });
      return;
    }
    if (n.name === "br") {
      block.pieces.push({ text: "\n", start: n.start, end: n.start, literal: false, kind: "break" });
      return;
    }
    const isBlock = BLOCK.has(n.name);
    const cell = n.name === "td" || n.name === "th";
    if (isBlock) flush();
    if (cell && block.pieces.length) block.pieces.push({ text: "\t", start: n.start, end: n.start, literal: false, kind: "break" });
    if (n.name === "ul" || n.name === "ol") inList++;
    if (n.name === "a") inLink++;
    if (n.name === "pre") inPre++;
    if (isBlock) block = newBlock();
    for (const c of n.children) walk(c);
    if (n.name === "ul" || n.name === "ol") inList--;
    if (n.name === "a") inLink--;
    if (n.name === "pre") inPre--;
    if (isBlock) flush();
  }
  walk(root);
  flush();

  const kept = filterBlocks(blocks, dropped);
  return { ...assemble(kept, opts), dropped, root };
}

function visibleTextAll(el: HtmlElement): string {
  return textContent(el).replace(/\s+/g, " ").trim();
}

function blockText(b: Block): string {
  return b.pieces.map((p) => p.text).join("").replace(/\s+/g, " ").trim();
}

/** Drop chrome blocks: counters, share buttons, credits, placeholders, rate widgets, and related-article lists with their heading. */
function filterBlocks(blocks: Block[], dropped: Extracted["dropped"]): Block[] {
  const kept: Block[] = [];
  const drop = (b: Block, reason: string) => dropped.push({ reason, text: blockText(b).slice(0, 200) });
  const listy = (b: Block) => {
    const t = blockText(b);
    if (chromeReason(t) || isListHeading(t) || b.inList || (b.chars && b.linkChars / b.chars > 0.5)) return true;
    const lines = b.raw.split("\n").map((l) => l.trim()).filter(Boolean);
    return lines.length >= 3 && lines.every(isHeadlineLike);
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const t = blockText(b);
    if (isListHeading(t)) {
      drop(b, "related");
      while (i + 1 < blocks.length && listy(blocks[i + 1])) drop(blocks[++i], "related");
      continue;
    }
    const reason = chromeReason(t) ?? chromeLines(b) ?? (/^(?:читайте|смотрите)\s+(?:также|ещё|еще)\s*:/i.test(t) && b.linkChars / (b.chars || 1) > 0.4 ? "related" : null) ?? rateWidget(t);
    if (reason) {
      drop(b, reason);
      continue;
    }
    kept.push(b);
  }
  return kept;
}

/**
 * A block whose source lines are short non-sentences with at least one chrome
 * line among them ("1549 / Венера Баталова / корреспондент"): a byline or
 * counter strip that white-space collapsing joined into one block.
 */
function chromeLines(b: Block): string | null {
  const lines = b.raw.split("\n").map((l) => l.replace(/\s+/g, " ").trim()).filter(Boolean);
  if (lines.length < 2 || lines.some((l) => l.split(" ").length > 6 || /[.!?]$/.test(l))) return null;
  for (const l of lines) {
    const reason = chromeReason(l);
    if (reason) return reason;
  }
  return null;
}

/** "USD 514.93 EUR 560.12 RUB 6.41": a currency-rate widget. */
function rateWidget(t: string): string | null {
  return /^(?:(?:USD|EUR|RUB|CNY|GBP|KZT|\$|€|₽)\s*[:=]?\s*\d+(?:[.,]\d+)?\s*[↑↓▲▼]?\s*[+-]?(?:\d+(?:[.,]\d+)?)?\s*)+$/i.test(t) ? "rates" : null;
}

/** Join blocks with blank lines, collapse spaces, and build the source map. */
function assemble(blocks: Block[], opts: ExtractOptions): { text: string; map: SourceMap | null } {
  let text = "";
  let cp = 0;
  const segments: SourceMap["segments"] = [];
  const cursor = opts.cursor;
  const emit = (s: string, start: number, end: number, literal: boolean) => {
    if (!s) return;
    if (cursor) {
      const byteStart = cursor.at(start);
      const byteEnd = cursor.at(end);
      const prev = segments[segments.length - 1];
      if (literal && prev && prev[3] === 1 && prev[2] === byteStart) prev[2] = byteEnd;
      else segments.push([cp, byteStart, byteEnd, literal ? 1 : 0]);
    }
    text += s;
    for (const _ of s) cp++;
  };
  blocks.forEach((b) => {
    const pieces = tidy(b.pieces);
    if (!pieces.length) return;
    if (text) emit("\n\n", pieces[0].start, pieces[0].start, false);
    for (const p of pieces) emit(p.text, p.start, p.end, p.literal);
  });
  return { text, map: cursor ? { unit: "byte", encoding: opts.encoding ?? "utf-8", segments } : null };
}

/** Collapse spaces: none at the start or end of a block or line, never two in a row. */
function tidy(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const prev = out[out.length - 1];
    if (p.kind === "space") {
      if (!prev || prev.kind !== "text" || /\s$/.test(prev.text)) continue;
      out.push(p);
    } else if (p.kind === "break") {
      while (out.length && out[out.length - 1].kind === "space") out.pop();
      if (out.length) out.push(p);
    } else {
      out.push(p);
    }
  }
  while (out.length && out[out.length - 1].kind !== "text") out.pop();
  return out;
}
