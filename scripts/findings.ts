/**
 * Regenerates the findings table in docs/findings.md: every finding of every protocol's designs
 * hunted by storms with its property alone (seed 42, 5000 storms each, narrowed to the finding
 * where it says so), then explored for its BFS-shortest run within the kill matrix's bound,
 * written as a Markdown table between the `<!-- findings:start -->` and `<!-- findings:end -->`
 * markers with its notes and the load it was taken under. Run with `npm run findings`; exits 1
 * when the storms miss a finding.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { findingsMarkdown } from '../protocols/findingsPage.ts';
import { FINDINGS_BUDGET, findingRows } from '../protocols/findingsTable.ts';
import { markers, withMarkedSection } from '../report/markedSection.ts';

const PAGE = new URL('../docs/findings.md', import.meta.url);

const t0 = performance.now();
const loads: number[] = [];
const rows = findingRows({
  ...FINDINGS_BUDGET,
  now: () => performance.now(),
  onRow: (r) => {
    loads.push(loadavg()[0] ?? 0);
    const h = r.hunt;
    console.log(
      `${r.finding.design} ${r.finding.protocol} ${r.finding.property}: ${h.caught ? `${h.storms} storms, ${h.msToDetect.toFixed(1)} ms` : 'NOT FOUND'} (${r.msTotal.toFixed(0)} ms in all)`,
    );
  },
});
const load = loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length);
const next = withMarkedSection(
  readFileSync(PAGE, 'utf8'),
  'findings',
  findingsMarkdown(rows, { ...FINDINGS_BUDGET, load }),
);
if (next === undefined) {
  console.error(`scripts/findings.ts: docs/findings.md has no ${markers('findings')} markers`);
  process.exit(2);
}
const tmp = new URL('../docs/findings.md.tmp', import.meta.url);
writeFileSync(tmp, next);
renameSync(tmp, PAGE);
console.log(
  `docs/findings.md: ${rows.length} findings written in ${((performance.now() - t0) / 1000).toFixed(1)} s (load ${load.toFixed(2)})`,
);
process.exit(rows.every((r) => r.hunt.caught) ? 0 : 1);
