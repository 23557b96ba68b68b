import type { CodePointIndex } from "./offsets.js";

/** A half-open range [start, end) of UTF-16 offsets into a document's text. */
export interface Span {
  start: number;
  end: number;
}

/** A span as it leaves the pipeline: code point offsets and the text they cover. */
export interface OutputSpan {
  start: number;
  end: number;
  text: string;
}

/** The smallest span that covers all the given spans. */
export function cover(...spans: Span[]): Span {
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    if (s.start < start) start = s.start;
    if (s.end > end) end = s.end;
  }
  return { start, end };
}

/** Converts an internal span to the output unit, carrying the covered text. */
export function toOutputSpan(index: CodePointIndex, span: Span): OutputSpan {
  return {
    start: index.toCodePoint(span.start),
    end: index.toCodePoint(span.end),
    text: index.text.slice(span.start, span.end),
  };
}

/** True when `inner` lies within `outer`. */
export function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
