/**
 * The syscall model (model/syscall): its layout, a call's round trip step by step, the ring's
 * back-pressure (rule 5), process-to-process IPC, a process going offline in the middle of a
 * call, `enabled` against `step`, the canonical state key, and the §6 drain from reachable states.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Config, PUBLISHED, SMALL } from '../../../protocols/controller/model/config/config.ts';
import { syscallStorm } from '../../../protocols/syscall/engine/syscallStorm.ts';
import {
  candidateEvents,
  drainSyscall,
  enabled,
  initialSyscall,
  layoutOf,
  type SyscallEvent,
  type SyscallState,
  stateKey,
  step,
  syscallConfigError,
  syscallQuiescent,
  used,
} from '../../../protocols/syscall/model/index.ts';
import { sameSyscallState } from '../../../protocols/syscall/model/sameState.ts';
import { runs, SEED } from '../../support/seed.ts';

const THREE: Config = { ...SMALL, processes: 3, capacity: 5 };

/** Runs `events` from start-up; every one must be accepted unless listed in `rejected`. */
function walk(
  cfg: Config,
  events: readonly SyscallEvent[],
  s0: SyscallState = initialSyscall(cfg),
): SyscallState {
  let s = s0;
  for (const [i, e] of events.entries()) {
    const r = step(cfg, s, e);
    if (r.kind !== 'accepted') expect.fail(`event ${i} ${e.type} rejected: ${r.reason}`);
    s = r.state;
  }
  return s;
}

/** The states a storm visits (accepted events only). */
function visited(cfg: Config, storm: readonly SyscallEvent[]): SyscallState[] {
  let s = initialSyscall(cfg);
  const out = [s];
  for (const e of storm) {
    const r = step(cfg, s, e);
    if (r.kind === 'accepted') {
      s = r.state;
      out.push(s);
    }
  }
  return out;
}

/** Slots in use in process p's ring. */
function ringUsed(cfg: Config, s: SyscallState, p: number): number {
  const r = s.rings[p];
  return r === undefined ? -1 : used(r, cfg.ringSlots);
}

const call = (a: number, target = 0): SyscallEvent[] => [
  { type: 'Call', a, target },
  { type: 'Publish', a },
  { type: 'Signal', a },
];
const serve = (a: number, q = 0): SyscallEvent[] => [
  { type: 'Fetch', p: q },
  { type: 'Take', a },
  { type: 'Complete', a },
  { type: 'Reply', a },
];

describe('layout', () => {
  test('small: two kernel dispatchers, a reply dispatcher and two callers in process 1, no IPC services', () => {
    const l = layoutOf(SMALL);
    expect(l.agents.map((x) => `${x.kind}@${x.p}`)).toEqual([
      'service@0',
      'service@0',
      'reply@1',
      'caller@1',
      'caller@1',
    ]);
    expect(l.targets).toEqual([0]);
  });
  test('published: every process serves IPC; ipcTypes < 2 is refused', () => {
    const l = layoutOf(PUBLISHED);
    expect(l.targets).toHaveLength(PUBLISHED.processes);
    expect(l.callers[1]).toHaveLength(PUBLISHED.ringSlots);
    expect(syscallConfigError(PUBLISHED)).toBeNull();
    expect(syscallConfigError({ ...SMALL, ipcTypes: 1 })).toMatch(/ipcTypes ≥ 2/);
  });
});

describe('a system call, step by step (spec §4.2 rules 1–4)', () => {
  test('call, wake the kernel, take, complete, reply, wake the caller by id, read and free', () => {
    const cfg = SMALL;
    const s = walk(cfg, [
      ...call(3),
      ...serve(0),
      { type: 'Fetch', p: 1 },
      { type: 'Wake', a: 2 },
      { type: 'Fetch', p: 1 },
      { type: 'Read', a: 3 },
      { type: 'Park', a: 0 },
      { type: 'Return', a: 0 },
      { type: 'Park', a: 2 },
      { type: 'Return', a: 2 },
    ]);
    expect(s.agents.map((x) => x.phase)).toEqual(['waiting', 'waiting', 'waiting', 'idle', 'idle']);
    expect(ringUsed(cfg, s, 1)).toBe(0);
    expect(stateKey(s)).not.toBe(stateKey(initialSyscall(cfg)));
    expect(syscallQuiescent(cfg, s)).toBe(true);
  });

  test('rule 5: a caller that finds the ring full waits (out-of-order completion keeps the head)', () => {
    const cfg = SMALL;
    const s = walk(cfg, [
      ...call(3),
      ...call(4),
      { type: 'Fetch', p: 0 },
      { type: 'Take', a: 0 },
      { type: 'Fetch', p: 0 },
      { type: 'Take', a: 1 },
      { type: 'Complete', a: 1 },
      { type: 'Reply', a: 1 },
      { type: 'Fetch', p: 1 },
      { type: 'Wake', a: 2 },
      { type: 'Fetch', p: 1 },
      { type: 'Read', a: 4 },
    ]);
    expect(ringUsed(cfg, s, 1)).toBe(2);
    expect(step(cfg, s, { type: 'Call', a: 4, target: 0 })).toEqual({ kind: 'rejected', reason: 'ringFull' });
  });

  test('a process offline in the middle of a call keeps its reply, served once online again', () => {
    const cfg = SMALL;
    let s = walk(cfg, [...call(3), { type: 'StatusWrite', p: 1, data: 0n }, ...serve(0)]);
    expect(s.ctrl.online[1]).toBe(false);
    expect(step(cfg, s, { type: 'Fetch', p: 1 })).toEqual({ kind: 'rejected', reason: 'offline' });
    s = walk(
      cfg,
      [
        { type: 'StatusWrite', p: 1, data: 1n },
        { type: 'Fetch', p: 1 },
        { type: 'Wake', a: 2 },
      ],
      s,
    );
    expect(s.agents[3]?.phase).toBe('woken');
  });

  test('process-to-process IPC: a caller of process 1 is served by a dispatcher of process 2', () => {
    const cfg = THREE;
    const l = layoutOf(cfg);
    const caller = l.callers[1]?.[0] ?? -1;
    const server = l.services[2]?.[0] ?? -1;
    const s = walk(cfg, [...call(caller, 2), ...serve(server, 2)]);
    const slot = s.rings[1]?.slots[0];
    expect(slot?.state).toBe('DONE');
    expect(slot?.target).toBe(2);
  });
});

describe('enabled, stateKey and the drain on reachable states', () => {
  test.each([
    ['small', SMALL],
    ['three processes', THREE],
  ] as const)(
    '%s: enabled is exactly what step accepts; keys equal exactly when states are; the drain answers everything',
    (_n, cfg) => {
      fc.assert(
        fc.property(syscallStorm(cfg, { maxEvents: 60 }), (storm) => {
          const states = visited(cfg, storm);
          const last = states[states.length - 1] ?? initialSyscall(cfg);
          const on = enabled(cfg, last);
          for (const e of candidateEvents(cfg)) {
            expect(on.includes(e)).toBe(step(cfg, last, e).kind === 'accepted');
          }
          for (let i = 0; i + 1 < states.length; i++) {
            const a = states[i];
            const b = states[i + 1];
            if (a === undefined || b === undefined) continue;
            expect(stateKey(a) === stateKey(b)).toBe(isDeepStrictEqual(a, b));
            expect(sameSyscallState(a, b)).toBe(isDeepStrictEqual(a, b));
          }
          const d = drainSyscall(cfg, last);
          expect(d.reachedQuiescence).toBe(true);
          expect(d.state.agents.every((x) => x.phase === 'idle' || x.phase === 'waiting')).toBe(true);
        }),
        { seed: SEED, numRuns: runs(120) },
      );
    },
  );
});
