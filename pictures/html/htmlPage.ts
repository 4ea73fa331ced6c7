/**
 * The shell of every generated page: one self-contained HTML file with its CSS and its one
 * script inline, and a Content-Security-Policy that lets nothing load from the network and
 * runs only that script (by its hash), so even markup that slipped through escaping could not
 * execute or fetch anything.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from './escapeHtml.ts';
import { PAGE_SCRIPT } from './pageScript.ts';
import { PAGE_STYLE } from './pageStyle.ts';

/** A whole page titled `title` (plain text) around `body` (markup, already escaped). */
export function htmlPage(title: string, body: string): string {
  const hash = createHash('sha256').update(PAGE_SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${body}
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
