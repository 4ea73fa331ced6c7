/**
 * Escaping for generated pages: a trace file is untrusted input, so every string taken from it
 * goes through {@link escapeHtml} before it is placed in markup, and data handed to the page's
 * script goes through {@link jsonForScript}, which cannot close the `<script>` element it sits in.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `s` safe as HTML/SVG text or as a quoted attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * `value` as JSON text safe inside `<script type="application/json">`: `<`, `>` and `&` become
 * `\u003c`-style escapes (so no `</script>` or `<!--` can appear), and so do U+2028/U+2029.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
