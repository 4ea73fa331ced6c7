/**
 * `intcheck explore --property ID[,ID…]`: the explorer judges only the named properties, on every
 * protocol. For each, a mutant whose BFS-shortest violation is a few steps deep is found with the
 * property it violates, and is not reported when only another property is judged (the search
 * goes well past the depth where the violation lay, and stops on --max-states with no verdict).
 */
import { describe, expect, test } from 'vitest';
import { jsonOf, runCli, tempDir } from './runCli.ts';

interface Case {
  readonly protocol: string;
  readonly mutant: string;
  readonly preset: string;
  /** The property the mutant violates. */
  readonly violated: string;
  /** Other properties only (comma list and a repeated flag are both exercised). */
  readonly others: readonly string[];
}

const CASES: readonly Case[] = [
  {
    protocol: 'controller',
    mutant: 'dequeue-lower-priority',
    preset: 'small',
    violated: 'strictPriority',
    others: ['fifoWithinPriority,capacityBound'],
  },
  {
    protocol: 'wakeup',
    mutant: 'register-while-running',
    preset: 'small',
    violated: 'noRegisterWhileRunning',
    others: ['taskInOnePlace'],
  },
  {
    protocol: 'syscall',
    mutant: 'publish-after-signal',
    preset: 'tiny',
    violated: 'publishBeforeSignal',
    others: ['boundedRing', 'replyRouting'],
  },
  {
    protocol: 'uipi',
    mutant: 'senduipi-ignores-sn',
    preset: 'small',
    violated: 'uipiNotificationDiscipline',
    others: ['uipiNoFabrication'],
  },
];

const base = (c: Case) => ['explore', '--protocol', c.protocol, '--mutant', c.mutant, '--preset', c.preset];

describe('intcheck explore --property', () => {
  for (const c of CASES) {
    test(`${c.protocol}: ${c.mutant} is found by ${c.violated} and not reported when only others are judged`, async () => {
      const out = tempDir();
      const found = await runCli([...base(c), '--property', c.violated, '--json', '--out', out]);
      expect(found.stderr).toBe('');
      expect(found.code).toBe(1);
      const report = jsonOf(found);
      expect(report).toMatchObject({ verdict: 'violation', violation: { property: c.violated } });
      const distinct = Number(report.distinct);
      const others = c.others.flatMap((ids) => ['--property', ids]);
      const maxStates = String(Math.max(1000, distinct * 5));
      const without = await runCli([
        ...base(c),
        ...others,
        '--max-states',
        maxStates,
        '--json',
        '--out',
        out,
      ]);
      expect(without.stderr).toBe('');
      expect(jsonOf(without)).toMatchObject({ verdict: 'maxStates' });
      expect(without.code).toBe(3);
      expect(without.stdout).not.toContain(c.violated);
    }, 30_000);
  }

  test('an unknown id: exit 2, one line naming it and listing the protocol’s ids', async () => {
    const r = await runCli(['explore', '--protocol', 'syscall', '--property', 'publishBeforeSignal,nope']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^intcheck: --property: unknown property "nope" for protocol syscall \(known: .*publishBeforeSignal.*everyRequestAnswered/,
    );
    const uipi = await runCli(['explore', '--protocol', 'uipi', '--property', 'noLostWakeup']);
    expect(uipi.code).toBe(2);
    expect(uipi.stderr).toMatch(
      /^intcheck: --property: unknown property "noLostWakeup" for protocol uipi \(known: uipiNoLoss/,
    );
  }, 30_000);
});
