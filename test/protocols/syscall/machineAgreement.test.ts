/**
 * The syscall statechart (protocols/syscall/model/machine.ts) and the pure `step` agree: walked side by side
 * with XState's pure `transition()` over random syscall storms (enabled and disabled events
 * alike), they accept the same events, reach equal states, and the statechart's value
 * (each agent's phase) matches the state after every event.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { type Config, PUBLISHED, SMALL } from '../../../protocols/controller/model/config/config.ts';
import { syscallStorm } from '../../../protocols/syscall/engine/syscallStorm.ts';
import {
  formatSyscallEvent,
  initialSyscall,
  type SyscallEvent,
  step,
  syscallMachine,
  syscallStatechartValue,
} from '../../../protocols/syscall/model/index.ts';
import { runs, SEED } from '../../support/seed.ts';

/** Three processes, room for two service dispatchers in each user process: process-to-process IPC. */
const THREE: Config = { ...SMALL, processes: 3, capacity: 5 };

function agree(cfg: Config, storm: readonly SyscallEvent[]): SyscallEvent[] {
  const machine = syscallMachine(cfg);
  let [snap] = initialTransition(machine);
  let s = initialSyscall(cfg);
  expect(snap.value).toEqual(syscallStatechartValue(s));
  const taken: SyscallEvent[] = [];
  for (const [i, e] of storm.entries()) {
    const where = `step ${i}: ${formatSyscallEvent(e)}`;
    const r = step(cfg, s, e);
    const before = snap.context.accepted;
    [snap] = transition(machine, snap, e);
    if (r.kind === 'accepted') {
      s = r.state;
      taken.push(e);
      if (snap.context.accepted !== before + 1) expect.fail(`${where}: step accepted, the machine did not`);
      if (!isDeepStrictEqual(snap.context.last, r)) expect.fail(`${where}: results differ`);
    } else if (snap.context.accepted !== before) {
      expect.fail(`${where}: step rejected (${r.reason}), the machine accepted`);
    }
    if (!isDeepStrictEqual(snap.context.state, s)) expect.fail(`${where}: states differ`);
    if (!isDeepStrictEqual(snap.value, syscallStatechartValue(s)))
      expect.fail(`${where}: statechart value differs`);
  }
  return taken;
}

describe('the syscall XState machine and step agree', () => {
  // A transition of the published machine (161 parallel regions) costs XState many milliseconds,
  // so it gets one short run; the small and three-process machines are walked thoroughly.
  test.each([
    ['small', SMALL, 50, 60],
    ['three processes with IPC services', THREE, 40, 60],
    ['published', PUBLISHED, 1, 12],
  ] as const)(
    '%s preset: acceptance, state and statechart value equal after every event',
    (_n, cfg, n, len) => {
      const kinds = new Set<string>();
      fc.assert(
        fc.property(syscallStorm(cfg, { maxEvents: len }), (storm) => {
          for (const e of agree(cfg, storm)) kinds.add(e.type);
        }),
        { seed: SEED, numRuns: runs(n) },
      );
      if (cfg === SMALL) {
        expect([...kinds].sort()).toEqual(
          expect.arrayContaining([
            'Call',
            'Publish',
            'Signal',
            'Fetch',
            'Take',
            'Complete',
            'Reply',
            'Wake',
            'Read',
            'Park',
            'Return',
          ]),
        );
      }
    },
  );
});
