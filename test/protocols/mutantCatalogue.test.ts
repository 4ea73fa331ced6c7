/**
 * The protocol-generic mutant catalogue and the kill matrix over it: every catalogue protocol has
 * one kill adapter whose targets are exactly its catalogue rows; every mutant of every protocol
 * is caught within the budget by a property its catalogue entry expects (median time to detect
 * under 500 ms); the reference survives every property of every protocol; and the explorer hook
 * fills the shortest-length column and catches what storms missed; docs/kill-matrix.md shows the
 * matrix as it is now (every column but the timings); a protocol with only a storm
 * arbitrary and a runner gets a target from stormTarget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type KillTarget, type Shortest, withShortest } from '../../engine/kill/killAdapter.ts';
import { type StormRun, stormTarget } from '../../engine/kill/stormTarget.ts';
import { SMALL } from '../../protocols/controller/model/config/config.ts';
import { findMutant } from '../../protocols/controller/mutants/controllerMutants.ts';
import { KILL_ADAPTERS } from '../../protocols/killAdapters.ts';
import {
  killMatrix,
  killRow,
  killTargets,
  medianMsToDetect,
  medianShrunkRatio,
} from '../../protocols/killMatrix.ts';
import { killMatrixMarkdown, withoutTimings } from '../../protocols/killMatrixPage.ts';
import { catalogueOf, catalogueProtocols, MUTANT_CATALOGUE } from '../../protocols/mutantCatalogue.ts';
import { checkWakeup } from '../../protocols/wakeup/engine/checkWakeup.ts';
import { markedSection } from '../../report/markedSection.ts';
import { ROOT } from '../architecture/importGraph.ts';
import { runs, SEED } from '../support/seed.ts';

/** Storms per mutant: the fixed budget of the matrix. */
const BUDGET = 1000;

describe('the catalogue of every protocol', () => {
  test('each row is named, described in one line, and expects properties its protocol hunts with', () => {
    const keys = MUTANT_CATALOGUE.map((e) => `${e.protocol}/${e.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of MUTANT_CATALOGUE) {
      expect(e.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
      expect(e.description).toMatch(/^\S.*\.$/);
      expect(e.description).not.toContain('\n');
      expect(e.expected.length).toBeGreaterThan(0);
      const adapter = KILL_ADAPTERS.find((a) => a.protocol === e.protocol);
      for (const id of e.expected) expect(adapter?.properties).toContain(id);
    }
  });

  test('one kill adapter per catalogue protocol, its targets exactly the catalogue rows', () => {
    expect(KILL_ADAPTERS.map((a) => a.protocol)).toEqual(catalogueProtocols());
    for (const a of KILL_ADAPTERS) {
      const rows = catalogueOf(a.protocol);
      expect(a.targets().map((t) => [t.protocol, t.name, t.expected])).toEqual(
        rows.map((e) => [e.protocol, e.name, e.expected]),
      );
      expect(a.properties.some((id) => /refinement/i.test(id))).toBe(false);
      expect(a.reference().expected).toEqual([]);
    }
    expect(killTargets().map((t) => t.name)).toEqual(MUTANT_CATALOGUE.map((e) => e.name));
  });
});

/**
 * The matrix is checked at the seed docs/kill-matrix.md and `intcheck mutants` use (42), with the
 * fixed budget; a soak run (INTCHECK_SEED, INTCHECK_RUNS) checks its own seed and budget as well.
 */
const PAGE_SEED = 42;
const MATRIX_BUDGETS = [
  { seed: PAGE_SEED, runs: BUDGET },
  ...(process.env.INTCHECK_SEED || process.env.INTCHECK_RUNS ? [{ seed: SEED, runs: runs(BUDGET) }] : []),
];

describe(`the kill matrix (${BUDGET} storms each, small preset)`, () => {
  test.each(MATRIX_BUDGETS)(
    'seed $seed, $runs storms: every mutant is caught, first by a property it expects; median time to detect < 500 ms',
    (b) => {
      const rows = killMatrix({ ...b, now: () => performance.now() });
      expect(rows.map((r) => r.mutant)).toEqual(MUTANT_CATALOGUE.map((e) => e.name));
      for (const r of rows) {
        if (r.verdict !== 'caught') throw new Error(`${r.protocol}/${r.mutant} survived ${r.storms} storms`);
        expect(r.expected, `${r.mutant} caught by ${r.property}`).toContain(r.property);
        expect(r.asExpected).toBe(true);
        expect(r.counterexampleLength).toBeGreaterThanOrEqual(1);
      }
      expect(medianMsToDetect(rows)).toBeLessThan(500);
      if (b.seed !== PAGE_SEED || b.runs !== BUDGET) return;
      // docs/kill-matrix.md shows these rows (regenerate: npx tsx scripts/killMatrix.ts), timings aside.
      const page = markedSection(readFileSync(join(ROOT, 'docs', 'kill-matrix.md'), 'utf8'), 'kill-matrix');
      expect(withoutTimings(page ?? 'no kill-matrix section')).toBe(
        withoutTimings(killMatrixMarkdown(rows, { runs: BUDGET, seed: PAGE_SEED })),
      );
    },
    120_000,
  );

  test.each(KILL_ADAPTERS.map((a) => [a.protocol, a] as const))(
    'the %s reference survives every property',
    (_p, a) => {
      const row = killRow(a.reference(), { runs: runs(BUDGET), seed: SEED, now: () => 0 });
      expect(row).toMatchObject({ mutant: 'reference', verdict: 'survived', storms: runs(BUDGET) });
    },
    60_000,
  );

  test('pending-drained-not-consumed: with one counted interrupt, the drain finds the handler still waiting', () => {
    const m = findMutant('pending-drained-not-consumed');
    if (m === undefined) throw new Error('no such mutant');
    const r = checkWakeup({
      cfg: SMALL,
      impl: m,
      runs: runs(BUDGET),
      seed: SEED,
      properties: ['noLostWakeupEventually'],
    });
    if (r.ok) throw new Error('survived the drain');
    expect(r.failure.violation.property).toBe('noLostWakeupEventually');
  });
});

describe('the explorer hook', () => {
  /** A target whose storms always miss, or catch at once with a 4-event counterexample. */
  const fake = (caught: boolean, shortest?: () => Shortest): KillTarget => ({
    protocol: 'test',
    name: caught ? 'caught-fake' : 'missed-fake',
    expected: ['p'],
    hunt: () =>
      caught
        ? { caught: true, storms: 1, endedEarly: 0, violated: ['p'], msToDetect: 1, counterexampleLength: 4 }
        : { caught: false, storms: 10, endedEarly: 0 },
    ...(shortest ? { shortest } : {}),
  });
  const o = { runs: 10, seed: 1, now: () => 0 };

  test('without it the shortest column is empty and there is no ratio', () => {
    const rows = killMatrix(o, [fake(true), fake(false)]);
    expect(rows.map((r) => [r.verdict, r.shortestLength])).toEqual([
      ['caught', null],
      ['survived', null],
    ]);
    expect(medianShrunkRatio(rows)).toBeUndefined();
  });

  test('with it: the shortest length, the ratio, and a catch where the storms missed', () => {
    const found = (): Shortest => ({ found: true, length: 2, violated: ['p'] });
    const rows = killMatrix(o, [
      fake(true, found),
      fake(false, found),
      fake(false, () => ({ found: false })),
    ]);
    expect(rows.map((r) => [r.verdict, r.shortestLength])).toEqual([
      ['caught', 2],
      ['caught', 2],
      ['survived', null],
    ]);
    expect(rows[1]).toMatchObject({ detectedBy: 'explorer', property: 'p', counterexampleLength: 2 });
    expect(medianShrunkRatio(rows)).toBe(2);
  });

  test('withShortest wires a by-name explorer into every target of an adapter and its reference', () => {
    const [adapter] = KILL_ADAPTERS;
    if (adapter === undefined) throw new Error('no adapter');
    const asked: string[] = [];
    const wired = withShortest(adapter, (name) => {
      asked.push(name);
      return { found: false };
    });
    for (const t of [...wired.targets(), wired.reference()]) t.shortest?.();
    expect(asked).toEqual([...adapter.targets().map((t) => t.name), 'reference']);
    expect(wired.protocol).toBe(adapter.protocol);
  });
});

describe('stormTarget: a protocol with only a storm arbitrary and a runner', () => {
  /** A toy protocol: a storm of digits, and the property `noSeven` fails at the first 7. */
  const target = (sevens: boolean) =>
    stormTarget({
      protocol: 'toy',
      mutant: { name: sevens ? 'sevens' : 'reference', description: 'Toy.', expectedViolations: ['noSeven'] },
      storm: (maxEvents) =>
        fc.array(fc.integer({ min: 0, max: sevens ? 9 : 6 }), { maxLength: maxEvents ?? 20 }),
      run: (storm: readonly number[]): StormRun => {
        const step = storm.indexOf(7);
        return step < 0 ? { ok: true } : { ok: false, violated: ['noSeven'], step };
      },
    });
  const o = { runs: runs(200), seed: SEED, now: () => 0 };

  test('a mutant is caught and its counterexample shrunk to the failing step', () => {
    const row = killRow(target(true), o);
    expect(row).toMatchObject({
      verdict: 'caught',
      property: 'noSeven',
      counterexampleLength: 1,
      asExpected: true,
    });
    expect(row.storms).toBeLessThan(runs(200));
  });

  test('an implementation without the bug survives the whole budget', () => {
    expect(killRow(target(false), o)).toMatchObject({ verdict: 'survived', storms: runs(200) });
  });
});
