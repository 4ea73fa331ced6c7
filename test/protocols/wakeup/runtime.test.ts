/**
 * The executable software runtime (impl/runtime) over controller devices that follow the spec
 * (the reference design, and the controller model at register level): driven with the same
 * random events as the model's `step`, it accepts and rejects the same events for the same
 * reasons, performs the same accesses with the same observations, lists the same enabled events,
 * and its `abs()` equals the model's system state after every step; its drain is the model's.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ControllerDevice } from '../../../protocols/controller/designs/device.ts';
import { ReferenceDevice } from '../../../protocols/controller/designs/reference/referenceDevice.ts';
import { type Config, PUBLISHED, SMALL } from '../../../protocols/controller/model/config/config.ts';
import {
  drain,
  enabled,
  formatSystemEvent,
  initialSystem,
  type SystemState,
  step,
  YIELD,
} from '../../../protocols/wakeup/model/index.ts';
import { SoftwareRuntime } from '../../../protocols/wakeup/runtime/index.ts';
import { runs, SEED } from '../../support/seed.ts';
import { type Move, moves, resolve, show } from './arbitraries.ts';
import { ModelDevice } from './modelDevice.ts';

type DeviceFactory = (cfg: Config) => ControllerDevice;
const DEVICES: readonly [string, DeviceFactory][] = [
  ['reference device', (cfg) => new ReferenceDevice(cfg)],
  ['controller model at register level', (cfg) => new ModelDevice(cfg)],
];

/** Runs `ms` on the model and on a runtime over `device`, comparing them at every step; returns both. */
function lockstep(cfg: Config, device: ControllerDevice, ms: readonly Move[]) {
  const rt = new SoftwareRuntime(cfg, device);
  let s: SystemState = initialSystem(cfg);
  if (!isDeepStrictEqual(rt.abs(), s)) expect.fail(`after start-up: ${show(rt.abs())} vs ${show(s)}`);
  for (const [i, m] of ms.entries()) {
    const list = enabled(cfg, s);
    if (!isDeepStrictEqual(rt.enabled(), list)) expect.fail(`before step ${i}: enabled events differ`);
    const e = resolve(cfg, s, m, list);
    const where = `step ${i}: ${formatSystemEvent(e)}`;
    const r = step(cfg, s, e);
    const q = rt.apply(e);
    if (r.kind === 'rejected' || q.kind === 'rejected') {
      if (!isDeepStrictEqual(q, r)) expect.fail(`${where}: model ${show(r)}, runtime ${show(q)}`);
      continue;
    }
    const model = { access: r.access, obs: r.obs, task: r.task };
    const runtime = { access: q.access, obs: q.obs, task: q.task };
    if (!isDeepStrictEqual(runtime, model))
      expect.fail(`${where}: model ${show(model)}, runtime ${show(runtime)}`);
    s = r.state;
    if (!isDeepStrictEqual(rt.abs(), s)) expect.fail(`${where}: abs ${show(rt.abs())}\nmodel ${show(s)}`);
  }
  return { rt, s };
}

describe('the runtime steps like the model over devices that follow the spec', () => {
  for (const [name, make] of DEVICES) {
    test.each([
      ['small', SMALL, 200],
      ['published', PUBLISHED, 40],
    ] as const)(`${name}, %s preset: same results, enabled events and abs() at every step`, (_n, cfg, n) => {
      fc.assert(
        fc.property(moves(cfg, 100), (ms) => {
          lockstep(cfg, make(cfg), ms);
        }),
        { seed: SEED, numRuns: runs(n) },
      );
    });
  }
});

describe('the runtime drains like the model', () => {
  test.each([
    ['small', SMALL, 100],
    ['published', PUBLISHED, 20],
  ] as const)('%s preset: the same drain events and the same quiescent state', (_n, cfg, n) => {
    fc.assert(
      fc.property(moves(cfg, 100), (ms) => {
        const { rt, s } = lockstep(cfg, new ReferenceDevice(cfg), ms);
        const m = drain(cfg, s);
        const d = rt.drain();
        expect(d.reachedQuiescence).toBe(true);
        expect(d.events).toEqual(m.events);
        expect(rt.abs()).toEqual(m.state);
      }),
      { seed: SEED, numRuns: runs(n) },
    );
  });
});

describe('the runtime on its own', () => {
  test('a yield writes ENQUEUE only after the hart stopped running the task (rule 3)', () => {
    const rt = new SoftwareRuntime(SMALL, new ReferenceDevice(SMALL));
    rt.apply({ type: 'Spawn', p: 0, prio: 1 });
    rt.apply({ type: 'HartFetch', hart: 0 });
    const x = rt.executors[0];
    expect(x?.phase).toBe('running');
    rt.apply({ type: 'HartPoll', hart: 0, outcome: YIELD });
    expect(x?.phase).toBe('returning');
    expect(x?.current?.life).toBe('ready');
    expect(rt.device.abs().ready[1]).toEqual([]); // not yet written
    const r = rt.apply({ type: 'HartReturn', hart: 0 });
    expect(r).toEqual({
      kind: 'accepted',
      access: { type: 'Enqueue', p: 0, prio: 1, task: 3n },
      obs: { kind: 'ack' },
      task: 3n,
    });
    expect(rt.device.abs().ready[1]).toEqual([3n]);
  });

  test('a DEQUEUE that does not complete wedges the hart, which then takes no step', () => {
    const stalling: ControllerDevice = {
      read: () => ({ kind: 'stall' }),
      write: () => ({ kind: 'ack' }),
      irq: () => ({ kind: 'ack' }),
      abs: () => initialSystem(SMALL).ctrl,
    };
    const rt = new SoftwareRuntime(SMALL, stalling);
    expect(rt.apply({ type: 'HartFetch', hart: 0 })).toMatchObject({
      kind: 'accepted',
      obs: { kind: 'stall' },
    });
    expect(rt.abs().harts[0]).toEqual({ phase: 'wedged', p: 0, task: 0n });
    expect(rt.apply({ type: 'HartFetch', hart: 0 })).toEqual({ kind: 'rejected', reason: 'wrongPhase' });
    expect(rt.enabled().filter((e) => 'hart' in e && e.hart === 0)).toEqual([]);
    const d = rt.drain();
    expect(d.reachedQuiescence).toBe(false);
  });

  test('a task id the device invents is discarded by the executor (the duplicate guard)', () => {
    const inventing = new ModelDevice(SMALL);
    const rt = new SoftwareRuntime(SMALL, {
      read: () => ({ kind: 'value', value: 3n }), // task 3 was never spawned
      write: (a, d) => inventing.write(a, d),
      irq: (l) => inventing.irq(l),
      abs: () => inventing.abs(),
    });
    expect(rt.apply({ type: 'HartFetch', hart: 0 })).toMatchObject({ kind: 'accepted', task: 3n });
    expect(rt.abs().harts[0]).toEqual({ phase: 'fetch', p: 0, task: 0n });
  });
});
