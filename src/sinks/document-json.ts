import type { DocumentLine } from "../store/store.js";

/**
 * A documents.jsonl line as pieces for `JsonlFile.writeLine`. With
 * `textJson`, the text exactly as the input wrote it in JSON (a JSONL line's
 * `text`: src/stages/ingest/json-member.ts), the text goes out as those
 * bytes instead of being encoded again; it must be the JSON of `line.text`.
 * The members keep the line's order either way.
 */
export function documentLineParts(line: DocumentLine, textJson?: Uint8Array): Array<string | Uint8Array> {
  if (!textJson || line.text === null) return [JSON.stringify(line)];
  const { doc_id, source, text: _text, ...rest } = line;
  const after = JSON.stringify(rest);
  return [`${JSON.stringify({ doc_id, source }).slice(0, -1)},"text":`, textJson, after === "{}" ? "}" : `,${after.slice(1)}`];
}
