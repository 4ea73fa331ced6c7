/**
 * The §6 drain (protocols/wakeup/model/drain.ts) on the model: after random storms it reaches quiescence
 * within cfg.drainBound steps, using only executor steps and STATUS writes; at quiescence no
 * counted interrupt is left beside a waiter and every task woken during the run has run.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Config, PUBLISHED, SMALL } from '../../../protocols/controller/model/config/config.ts';
import {
  drain,
  handlerCount,
  handlerTask,
  initialSystem,
  quiescent,
  type SystemEvent,
  type SystemState,
  step,
} from '../../../protocols/wakeup/model/index.ts';
import { runs, SEED } from '../../support/seed.ts';
import { type Move, moves, resolve } from './arbitraries.ts';

/** Runs `events` from `s`, keeping as ghost data the tasks woken and not run since. */
function storm(cfg: Config, ms: readonly Move[] | readonly SystemEvent[], s0 = initialSystem(cfg)) {
  let s: SystemState = s0;
  const unrun = new Set<bigint>();
  const apply = (e: SystemEvent) => {
    const r = step(cfg, s, e);
    if (r.kind !== 'accepted') return;
    for (const f of r.effects) if (f.kind === 'Woken') unrun.add(f.task);
    if (e.type === 'HartFetch' && r.state.harts[e.hart]?.phase === 'running') unrun.delete(r.task);
    s = r.state;
  };
  for (const m of ms) apply('kind' in m ? resolve(cfg, s, m) : m);
  return { s, unrun, apply };
}

describe('the drain reaches quiescence after random storms', () => {
  test.each([
    ['small', SMALL, 300],
    ['published', PUBLISHED, 60],
  ] as const)('%s preset', (_n, cfg, n) => {
    let longest = 0;
    fc.assert(
      fc.property(moves(cfg, 150), (ms) => {
        const { s, unrun, apply } = storm(cfg, ms);
        const d = drain(cfg, s);
        expect(d.reachedQuiescence).toBe(true);
        expect(d.steps).toBe(d.events.length);
        expect(d.steps).toBeLessThanOrEqual(cfg.drainBound);
        expect(quiescent(cfg, d.state)).toBe(true);
        longest = Math.max(longest, d.steps);
        // No more device events and no new requests: executor steps and STATUS writes only.
        expect(d.events.filter((e) => e.type === 'Irq' || e.type === 'Spawn')).toEqual([]);
        expect(d.state.ctrl.online.every((on) => on)).toBe(true);
        // The drain's events replay to the same state, and the ghost sees every woken task run.
        for (const e of d.events) apply(e);
        expect([...unrun]).toEqual([]);
        // No interrupt is left counted while a task waits for it; each handler waits for the next one.
        for (let dev = 0; dev < cfg.devices; dev++) {
          const waiting = d.state.ctrl.irqWait[dev]?.length ?? 0;
          expect((d.state.ctrl.irqPending[dev] ?? 0) === 0 || waiting === 0).toBe(true);
          if (dev < handlerCount(cfg)) {
            expect(d.state.ctrl.irqWait[dev]?.map((w) => w.task)).toContain(handlerTask(dev));
          }
        }
      }),
      { seed: SEED, numRuns: runs(n) },
    );
    expect(longest).toBeGreaterThan(0);
  });
});

describe('the drain, pinned', () => {
  const cfg = SMALL;

  test('from start-up it only brings process 1 online', () => {
    const d = drain(cfg, initialSystem(cfg));
    expect(d.events).toEqual([{ type: 'StatusWrite', p: 1, data: 1n }]);
    expect(d.reachedQuiescence).toBe(true);
  });

  test('counted interrupts are served by the handler, one run each, in round-robin', () => {
    const { s } = storm(cfg, [
      { type: 'Irq', line: 0 }, // wakes handler 1
      { type: 'Irq', line: 0 }, // counted
      { type: 'Irq', line: 0 }, // counted (Q = 2)
      { type: 'Spawn', p: 1, prio: 1 },
    ]);
    const d = drain(cfg, s);
    expect(d.reachedQuiescence).toBe(true);
    const polls = d.events.filter((e) => e.type === 'HartPoll');
    expect(polls.map((e) => (e.type === 'HartPoll' ? e.outcome.kind : ''))).toEqual([
      'handled',
      'finish',
      'handled',
      'handled',
    ]);
    expect(d.state.ctrl.irqPending[0]).toBe(0);
    expect(d.state.tasks[2]?.life).toBe('done');
  });

  test('reaching the bound first is a failure', () => {
    const { s } = storm(cfg, [{ type: 'Irq', line: 0 }]);
    const d = drain({ ...cfg, drainBound: 2 }, s);
    expect(d.reachedQuiescence).toBe(false);
    expect(d.steps).toBe(2);
  });

  test('the drain is deterministic', () => {
    const { s } = storm(cfg, [
      { type: 'Irq', line: 1 },
      { type: 'Spawn', p: 0, prio: 1 },
    ]);
    expect(drain(cfg, s)).toEqual(drain(cfg, s));
  });
});
