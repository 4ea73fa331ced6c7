/**
 * `intcheck mutants`: the wakeup and UIPI kill matrices end to end (exit 0, the JSON shape, every
 * runtime or UIPI mutant caught by an expected property), bad input (exit 2, one line), and the library
 * reporting a "mutant" that is really the reference design as survived.
 */
import { describe, expect, test } from 'vitest';
import { findControllerImpl } from '../../protocols/controller/designs/registry.ts';
import { controllerTarget } from '../../protocols/controller/engine/controllerKill.ts';
import { killProtocols } from '../../protocols/killAdapters.ts';
import { type KillRow, killMatrix, medianMsToDetect } from '../../protocols/killMatrix.ts';
import { UIPI_MUTANTS } from '../../protocols/uipi/mutants/uipiMutants.ts';
import { WAKEUP_KILL, wakeupTarget } from '../../protocols/wakeup/engine/wakeupKill.ts';
import { WAKEUP_MUTANTS } from '../../protocols/wakeup/mutants/wakeupMutants.ts';
import { runs, SEED } from '../support/seed.ts';
import { jsonOf, runCli } from './runCli.ts';

describe('intcheck mutants --protocol wakeup', () => {
  test('exit 0 and every runtime mutant caught, by a property the catalogue expects', async () => {
    const r = await runCli(['mutants', '--protocol', 'wakeup', '--json', '--runs', '300', '--seed', '42']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = jsonOf(r);
    expect(report).toMatchObject({ ok: true, preset: 'small', seed: 42, runs: 300, survived: 0 });
    expect(report.caught).toBe(WAKEUP_MUTANTS.length);
    expect(typeof report.medianMsToDetect).toBe('number');
    expect(typeof report.medianShrunkToShortest).toBe('number');
    const props = (report.properties as Record<string, string[]>).wakeup;
    expect(props).toEqual(WAKEUP_KILL.properties);
    expect(props).not.toContain('refinement');
    expect(props).not.toContain('systemRefinement');
    const rows = report.rows as Record<string, unknown>[];
    expect(rows.map((row) => row.mutant)).toEqual(WAKEUP_MUTANTS.map((m) => m.name));
    for (const row of rows) {
      expect(row).toMatchObject({
        protocol: 'wakeup',
        verdict: 'caught',
        detectedBy: 'storms',
        asExpected: true,
      });
      // The explorer's BFS-shortest length, when one lies within the kill matrix's bound.
      if (row.shortestLength !== null) expect(row.shortestLength).toBeGreaterThanOrEqual(1);
      expect(row.expected).toContain(row.property);
      expect(row.storms).toBeGreaterThanOrEqual(1);
      expect(row.storms).toBeLessThanOrEqual(300);
      expect(row.msToDetect).toBeGreaterThanOrEqual(0);
      expect(row.counterexampleLength).toBeGreaterThanOrEqual(1);
    }
  }, 60_000);

  test('the explorer catches the mutants a budget too small for the storms misses', async () => {
    const r = await runCli(['mutants', '--protocol', 'wakeup', '--runs', '1', '--seed', '42']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^double-wake +wakeup +caught \(by explorer\) +taskInOnePlace /m);
    expect(r.stdout).toMatch(/^5\/5 mutants caught in ≤ 1 storms \(seed 42\)/m);
  }, 30_000);

  test('a mutant that survives the budget: exit 1 and one line naming it', async () => {
    // double-wake needs ~100 storms at seed 42; with one storm and no explorer it survives.
    const r = await runCli([
      'mutants',
      '--mutant',
      'double-wake',
      '--runs',
      '1',
      '--no-explore',
      '--seed',
      '42',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^double-wake +wakeup +SURVIVED /m);
    const survivors = r.stdout.split('\n').filter((line) => line.startsWith('SURVIVED'));
    expect(survivors).toEqual(['SURVIVED (1 storms, explorer off): wakeup/double-wake']);
    // The same budget with the explorer (the default) catches it: --no-explore is what let it survive.
    const withExplorer = await runCli([
      'mutants',
      '--mutant',
      'double-wake',
      '--runs',
      '1',
      '--seed',
      '42',
      '--json',
    ]);
    expect(withExplorer.code).toBe(0);
    expect(jsonOf(withExplorer)).toMatchObject({ ok: true, explore: true, survived: 0, caught: 1 });
  }, 30_000);

  test('--mutant with an unknown name is refused with one line and exit 2', async () => {
    const r = await runCli(['mutants', '--mutant', 'double-wake,nonsense']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^intcheck: --mutant: unknown mutant "nonsense" \(known: .*double-wake/);
  }, 30_000);

  test('an unknown protocol or a bad budget is refused with one line and exit 2', async () => {
    const bad = await runCli(['mutants', '--protocol', 'nonsense']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([
      `intcheck: --protocol: unknown protocol "nonsense" (known: ${killProtocols().join(', ')})`,
    ]);
    const zero = await runCli(['mutants', '--runs', '0']);
    expect(zero.code).toBe(2);
    expect(zero.stderr.trim().split('\n')).toHaveLength(1);
    expect(zero.stdout).toBe('');
  }, 30_000);
});

describe('intcheck mutants --protocol uipi', () => {
  test('exit 0 and every UIPI mutant caught on its own abstraction (refinement excluded)', async () => {
    const r = await runCli(['mutants', '--protocol', 'uipi', '--json', '--runs', '300', '--seed', '42']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = jsonOf(r);
    expect(report).toMatchObject({ ok: true, survived: 0, caught: UIPI_MUTANTS.length });
    const props = (report.properties as Record<string, string[]>).uipi;
    expect(props).not.toContain('uipiRefinement');
    const rows = report.rows as Record<string, unknown>[];
    expect(rows.map((row) => row.mutant)).toEqual(UIPI_MUTANTS.map((m) => m.name));
    for (const row of rows) {
      expect(row).toMatchObject({ protocol: 'uipi', verdict: 'caught', asExpected: true });
      expect(row.expected).toContain(row.property);
      expect(row.counterexampleLength).toBeGreaterThanOrEqual(1);
    }
  }, 60_000);
});

describe('killMatrix', () => {
  test('the reference design labelled as a mutant survives the whole budget', () => {
    const reference = findControllerImpl('reference');
    if (reference === undefined) throw new Error('no reference implementation registered');
    const fake = { ...reference, name: 'not-really-a-mutant', expectedViolations: ['noLostWakeup'] };
    let clock = 0;
    const seen: KillRow[] = [];
    const rows = killMatrix(
      { runs: runs(30), seed: SEED, now: () => (clock += 1), onRow: (row) => seen.push(row) },
      [controllerTarget(fake), wakeupTarget(fake)],
    );
    expect(seen).toEqual(rows);
    for (const row of rows) {
      expect(row).toMatchObject({
        mutant: 'not-really-a-mutant',
        verdict: 'survived',
        storms: runs(30),
        shortestLength: null,
      });
      expect(row.expected).toEqual(['noLostWakeup']);
    }
    expect(medianMsToDetect(rows)).toBeUndefined();
  });

  test('a caught row reports the property, the storms and a shrunk counterexample', () => {
    const [mutant] = WAKEUP_MUTANTS;
    if (mutant === undefined) throw new Error('no wakeup mutant');
    const [row] = killMatrix({ runs: runs(50), seed: SEED, now: () => 0 }, [wakeupTarget(mutant)]);
    expect(row?.verdict).toBe('caught');
    if (row?.verdict !== 'caught') return;
    expect(row.expected).toContain(row.property);
    expect(row.violated[0]).toBe(row.property);
    expect(row.counterexampleLength).toBeGreaterThanOrEqual(1);
    expect(medianMsToDetect([row])).toBe(0);
  });
});
