/**
 * The findings table (protocols/findingsTable.ts, docs/findings.md): every finding of every
 * design is listed by exactly the protocol it names, with a property of that protocol; findings
 * that share a property and options each say which message is theirs, and a saved one's trace
 * shows it; at the page's seed and budget the storms find every finding, first with its own
 * property, and the page shows these rows (every column but the timings); the hunt can fail: on a
 * design without the bug, or narrowed to a message the design never shows, it finds nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, test } from 'vitest';
import type { Finding } from '../../model/finding.ts';
import { findingsMarkdown, withoutTimings } from '../../protocols/findingsPage.ts';
import { FINDINGS_BUDGET, findingRows, listedFindings } from '../../protocols/findingsTable.ts';
import { PROTOCOLS } from '../../protocols/index.ts';
import type { Protocol } from '../../protocols/protocol.ts';
import { readTrace } from '../../protocols/readTrace.ts';
import { markedSection } from '../../report/markedSection.ts';
import { ROOT } from '../architecture/importGraph.ts';
import { runs, SEED } from '../support/seed.ts';

const LISTED = listedFindings();

/** The protocol called `name`. */
function protocolNamed(name: string): Protocol {
  const p = PROTOCOLS.find((q) => q.name === name);
  if (p === undefined) throw new Error(`no protocol ${name}`);
  return p;
}

describe('the findings of every protocol', () => {
  test('every design’s findings are listed by exactly the protocol each names, none twice', () => {
    const everyFinding = new Set(PROTOCOLS.flatMap((p) => p.designs.flatMap((d) => d.findings ?? [])));
    expect(everyFinding.size).toBeGreaterThan(50);
    for (const f of everyFinding) {
      const listing = PROTOCOLS.filter((p) => p.findings.includes(f)).map((p) => p.name);
      expect(listing, `${f.design}: ${f.bug}`).toEqual([f.protocol]);
    }
    expect(LISTED.map((x) => x.finding).sort(byBug)).toEqual([...everyFinding].sort(byBug));
  });

  test.each(LISTED.map((x, i) => [i + 1, x.finding.design, x.finding.property, x] as const))(
    '%i (%s, %s): a design and a property of its protocol, a plain message pattern',
    (_n, _d, _p, { protocol, finding: f }) => {
      expect(protocol.name).toBe(f.protocol);
      expect(protocol.designs.map((d) => d.name)).toContain(f.design);
      expect(protocol.properties.map((p) => p.id)).toContain(f.property);
      expect(f.shows?.flags ?? '').toBe('');
    },
  );

  test('findings that share a design, a property and options each say which message is theirs; a saved one’s trace shows it', () => {
    const key = (f: Finding) => JSON.stringify([f.protocol, f.design, f.property, f.run ?? {}]);
    for (const { finding: f } of LISTED) {
      const siblings = LISTED.filter((x) => x.finding !== f && key(x.finding) === key(f));
      if (siblings.length > 0) expect(f.shows, `${f.design}: ${f.bug}`).toBeDefined();
      if (f.shows === undefined || f.trace === null) continue;
      const message = readTrace(join(ROOT, f.trace)).header.meta.message ?? '';
      expect(message, f.trace).toMatch(f.shows);
      for (const s of siblings) if (s.finding.shows) expect(message, f.trace).not.toMatch(s.finding.shows);
    }
  });
});

describe(`the findings table (seed ${FINDINGS_BUDGET.seed}, ${FINDINGS_BUDGET.runs} storms each)`, () => {
  test('the storms find every finding, first with its own property, shrunk; docs/findings.md shows these rows', () => {
    const rows = findingRows({ ...FINDINGS_BUDGET, now: () => performance.now() });
    expect(rows.map((r) => r.finding)).toEqual(LISTED.map((x) => x.finding));
    for (const r of rows) {
      const f = r.finding;
      if (!r.hunt.caught)
        throw new Error(`${f.design} ${f.protocol} ${f.property}: not found in ${r.hunt.storms} storms`);
      expect(r.hunt.violated[0], f.bug).toBe(f.property);
      expect(r.hunt.counterexampleLength).toBeGreaterThanOrEqual(1);
      if (r.shortest.found) expect(r.shortest.length).toBeGreaterThanOrEqual(1);
    }
    // Regenerate with `npm run findings`; the timings and the load depend on the machine.
    const page = markedSection(readFileSync(join(ROOT, 'docs', 'findings.md'), 'utf8'), 'findings');
    expect(withoutTimings(page ?? 'no findings section')).toBe(
      withoutTimings(findingsMarkdown(rows, { ...FINDINGS_BUDGET, load: 0 })),
    );
  }, 300_000);

  /** One finding per protocol, hunted against its reference instead of its design. */
  const onReference = PROTOCOLS.flatMap((p) => {
    const f = p.findings.find((x) => x.run?.profile === undefined && x.run?.config === undefined);
    return f === undefined ? [] : [[p.name, f.property, p, f] as const];
  });

  test.each(onReference)(
    '%s: the hunt of %s on the reference, which has no such bug, finds nothing in the whole budget',
    (_name, _property, p, f) => {
      const budget = runs(300);
      const h = p
        .findingTarget({ ...f, design: 'reference' })
        .hunt({ runs: budget, seed: SEED, now: () => 0 });
      expect(h).toMatchObject({ caught: false, storms: budget });
    },
    60_000,
  );

  test('a hunt narrowed to a message its design never shows finds nothing, and neither does the explorer', () => {
    const listed = LISTED.find((x) => x.finding.protocol === 'controller' && x.finding.shows === undefined);
    if (listed === undefined) throw new Error('no controller finding without a message pattern');
    const never = { ...listed.finding, shows: /no design says this/ };
    const target = protocolNamed('controller').findingTarget(never);
    expect(target.hunt({ runs: runs(200), seed: SEED, now: () => 0 })).toMatchObject({ caught: false });
    expect(target.shortest(FINDINGS_BUDGET.maxStates)).toMatchObject({ found: false });
    // The same finding unnarrowed is found at once.
    const plain = protocolNamed('controller').findingTarget(listed.finding);
    expect(plain.hunt({ runs: runs(200), seed: SEED, now: () => 0 })).toMatchObject({ caught: true });
  });
});

/** Orders findings by their bug sentence (a stable order for comparing sets). */
function byBug(a: Finding, b: Finding): number {
  return a.bug < b.bug ? -1 : a.bug > b.bug ? 1 : 0;
}
