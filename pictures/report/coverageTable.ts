/**
 * The coverage part of the check report: one table per group of counters (event kinds, refused
 * events, states, transitions …), each row with its count and a bar; rows never reached are
 * marked, and each table says how many of its rows were reached.
 */
import type { CoverageCounts } from '../../engine/coverage/coverage.ts';
import { thousands } from '../../model/thousands.ts';
import { escapeHtml as e } from '../html/escapeHtml.ts';

/** The coverage tables of one configuration's counters. */
export function coverageTables(c: CoverageCounts): string {
  const groups: string[] = [];
  for (const r of c.rows) if (!groups.includes(r.group)) groups.push(r.group);
  return groups
    .map((g) => {
      const rows = c.rows.map((r, i) => ({ ...r, n: c.counts[i] ?? 0 })).filter((r) => r.group === g);
      const max = Math.max(1, ...rows.map((r) => r.n));
      const reached = rows.filter((r) => r.n > 0).length;
      const body = rows
        .map((r) => {
          const w = Math.round((r.n / max) * 160);
          return `<tr class="coverage-row${r.n === 0 ? ' unreached' : ''}" data-group="${e(g)}" data-name="${e(r.name)}"><td class="mono">${e(r.name)}</td><td class="num">${thousands(r.n)}</td><td><span class="bar${w === 0 ? ' zero' : ''}" style="width:${w}px"></span>${r.n === 0 ? ' never reached' : ''}</td></tr>`;
        })
        .join('');
      return `<h4>${e(g)}: ${reached} of ${rows.length} reached</h4><table class="coverage"><tr><th>${e(g)}</th><th class="num">count</th><th></th></tr>${body}</table>`;
    })
    .join('\n');
}
