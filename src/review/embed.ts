/** Putting data into an HTML page without letting it become markup or script. */

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` are
 * written as `\u003c`, `\u003e`, `\u0026`, so no `</script>`, `<!--` or
 * `<script` can appear in the block, and U+2028/U+2029 as `\u2028`/`\u2029`.
 * `JSON.parse` of the block's text gives back `value` unchanged.
 */
export function embedJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError("embedJson: value has no JSON form");
  return json.replace(/[<>&\u2028\u2029]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
