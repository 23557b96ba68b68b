import { Parser } from "htmlparser2";

/**
 * A light HTML tree that keeps where every piece came from: each text node is
 * one parser event (a run of literal characters, or one entity), with its
 * UTF-16 range in the parsed string, so extracted text maps back exactly.
 */
export interface HtmlText {
  type: "text";
  /** Decoded text (an entity gives its character). */
  data: string;
  /** Range in the parsed string, half-open. */
  start: number;
  end: number;
  /** True when `data` is the source characters unchanged (not an entity). */
  literal: boolean;
  parent: HtmlElement;
}

export interface HtmlElement {
  type: "element";
  /** Lower-case tag name; the root is `#root`. */
  name: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  parent: HtmlElement | null;
  /** Range of the whole element in the parsed string (open tag to close tag), half-open. */
  start: number;
  end: number;
}

export type HtmlNode = HtmlText | HtmlElement;

/** Elements whose content is never text. */
const RAW_TEXT = new Set(["script", "style", "template", "noscript", "textarea", "title"]);

/**
 * Elements do not nest deeper than this: one opened deeper stays empty where
 * it opens (a <br> or a <p> still breaks the text), and what it holds goes to
 * the deepest element kept, after it. News pages nest a few dozen deep; the
 * tree's walkers recurse, and a page of 100,000 nested <div>s overflowed the
 * stack and failed.
 */
export const MAX_HTML_DEPTH = 256;

/**
 * Elements open at once past which a page is not read. htmlparser2 keeps its
 * open elements in an array it shifts and unshifts, so each tag costs as much
 * as the depth: 100,000 <span>s never closed took 8 s to parse, and a 20 MB
 * page of them would take hours (fb55/htmlparser2#2481). Browsers stop
 * nesting at 512; a news page needs a few dozen.
 */
export const MAX_OPEN_ELEMENTS = 10_000;

/** A page nested past MAX_OPEN_ELEMENTS. */
export class HtmlTooDeepError extends Error {
  readonly code = "ingest.too_deep";
  constructor() {
    super(`more than ${MAX_OPEN_ELEMENTS} elements are open at once (nested without end): not read`);
  }
}

/**
 * Parse an HTML document or fragment. The parser is forgiving: the only
 * error is HtmlTooDeepError.
 */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { type: "element", name: "#root", attrs: {}, children: [], parent: null, start: 0, end: html.length };
  let current = root;
  let depth = 0;
  // elements open past MAX_HTML_DEPTH, kept empty (the parser closes them before the element they are in)
  let beyond = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        const el: HtmlElement = { type: "element", name, attrs, children: [], parent: current, start: parser.startIndex, end: parser.endIndex + 1 };
        current.children.push(el);
        if (depth >= MAX_HTML_DEPTH) {
          // kept as an empty element where it opens (a <br> or <p> still breaks the text), its content going to `current`
          if (depth + ++beyond > MAX_OPEN_ELEMENTS) throw new HtmlTooDeepError();
          return;
        }
        current = el;
        depth++;
      },
      onclosetag(_name, isImplied) {
        if (beyond > 0) {
          beyond--;
          return;
        }
        current.end = isImplied ? Math.max(current.end, parser.startIndex) : parser.endIndex + 1;
        if (current.parent) {
          current = current.parent;
          depth--;
        }
      },
      ontext(data) {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        current.children.push({ type: "text", data, start, end, literal: html.slice(start, end) === data, parent: current });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return root;
}

/**
 * Elements in document order under `node` (itself included). Walked with a
 * stack of its own: a recursive generator passes every element up through
 * each level of `yield*`, as many steps as the depth.
 */
export function* elements(node: HtmlElement): Generator<HtmlElement> {
  const stack: HtmlElement[] = [node];
  while (stack.length) {
    const el = stack.pop()!;
    yield el;
    for (let k = el.children.length - 1; k >= 0; k--) {
      const c = el.children[k];
      if (c.type === "element") stack.push(c);
    }
  }
}

/** The decoded text under a node, as written (no white-space handling); raw-text elements other than `title` are skipped. */
export function textContent(node: HtmlNode, skipRaw = true): string {
  if (node.type === "text") return node.data;
  if (skipRaw && RAW_TEXT.has(node.name) && node.name !== "title") return "";
  return node.children.map((c) => textContent(c, skipRaw)).join("");
}

export function isRawText(name: string): boolean {
  return RAW_TEXT.has(name);
}
