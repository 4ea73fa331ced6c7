/**
 * The Quint specifications themselves (spec/quint): they typecheck and their named `run` scenarios
 * pass (one `quint test`), and the published ats-intc-qemu design's invariant check finds the lost wakeup.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runQuint } from '../../../traces/quint/quintCli.ts';
import { SEED } from '../../support/seed.ts';
import { readTestReport, scratch } from './support.ts';

/** Quint takes seconds to parse and typecheck the specifications (more on a loaded machine). */
const QUINT_TIMEOUT = 240_000;

describe('Quint specifications', () => {
  test(
    // quint test parses and typechecks every specification (specs.qnt loads them all) before it
    // runs one scenario, so a clean run says both; a separate `quint typecheck` paid the same
    // 5 s of loading again.
    'every specification typechecks and the scenarios of both pass (quint test specs.qnt)',
    async () => {
      const out = join(scratch(), 'report.json');
      const r = await runQuint(['test', `--seed=${SEED}`, `--out=${out}`, 'specs.qnt']);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      const report = readTestReport(out);
      expect(report.failed).toEqual([]);
      expect(report.passed).toEqual(
        expect.arrayContaining(
          [
            'pendingConsumedAtRegistrationTest',
            'waiterFifoTest',
            'badAccessTest',
            'capacityTest',
            // invariants each falsified by one hand-made wrong step
            'strictPriorityCanFailTest',
            'taskConservationCanFailTest',
            'noLostWakeupCanFailTest',
            'fifoWaitersCanFailTest',
          ]
            .map((n) => `controller::${n}`)
            .concat(
              ['pendingConsumedAtRegistrationTest', 'waiterFifoTest', 'taskInOnePlaceCanFailTest'].map(
                (n) => `wakeup::${n}`,
              ),
            ),
        ),
      );
    },
    QUINT_TIMEOUT,
  );

  test(
    'quint run --invariant=noLostWakeup finds the lost wakeup of ats-intc-qemu',
    async () => {
      const r = await runQuint([
        'run',
        '--main=atsIntcQemuSmall',
        '--invariant=noLostWakeup',
        '--max-steps=10',
        '--seed=42',
        'atsIntcQemu.qnt',
      ]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('[violation] Found an issue');
      expect(r.stdout).toMatch(/lastOp: IrqOp\(\d\)/);
    },
    QUINT_TIMEOUT,
  );
});
