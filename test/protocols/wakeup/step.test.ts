/**
 * The wakeup system model (model/wakeup): start-up, the executor loop step by step, the wake
 * paths of spec §4.1 seen from the system, rejections, and properties of random runs: `enabled`
 * lists exactly what `step` accepts, and the runtime's admission keeps every write accepted.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Config, PUBLISHED, SMALL } from '../../../protocols/controller/model/config/config.ts';
import { occupancy } from '../../../protocols/controller/model/state.ts';
import {
  type Accepted,
  enabled,
  FINISH,
  formatSystemEvent,
  HANDLED,
  handlerCount,
  initialSystem,
  type SystemEvent,
  type SystemState,
  type SystemStepResult,
  step,
  YIELD,
} from '../../../protocols/wakeup/model/index.ts';
import { runs, SEED } from '../../support/seed.ts';
import { moves, rawEvent, resolve } from './arbitraries.ts';

/** Runs `events` from start-up, requiring each to be accepted; returns every result. */
function run(cfg: Config, events: readonly SystemEvent[], from = initialSystem(cfg)): Accepted[] {
  let s = from;
  return events.map((e, i) => {
    const r = step(cfg, s, e);
    if (r.kind !== 'accepted') throw new Error(`step ${i} ${formatSystemEvent(e)} rejected: ${r.reason}`);
    s = r.state;
    return r;
  });
}
const last = (rs: readonly Accepted[]): SystemState => {
  const r = rs.at(-1);
  if (r === undefined) throw new Error('no step');
  return r.state;
};

describe('start-up', () => {
  test.each([
    ['small', SMALL],
    ['published', PUBLISHED],
  ] as const)('%s: handlers registered on their devices, harts on process 0, other ids free', (_n, cfg) => {
    const s = initialSystem(cfg);
    const h = handlerCount(cfg);
    expect(h).toBe(Math.min(cfg.devices, cfg.taskPool, cfg.capacity));
    for (let d = 0; d < cfg.devices; d++) {
      expect(s.ctrl.irqWait[d]).toEqual(d < h ? [{ p: 0, task: BigInt(d + 1) }] : []);
    }
    expect(s.harts).toEqual(Array.from({ length: cfg.harts }, () => ({ phase: 'fetch', p: 0, task: 0n })));
    expect(
      s.tasks.slice(0, h).every((r, d) => r.life === 'blocked' && r.handlerOf === d && r.waitsOn === d),
    ).toBe(true);
    expect(s.tasks.slice(h).every((r) => r.life === 'free')).toBe(true);
    expect(s.ctrl.error).toBe(0);
  });
});

describe('the executor loop, step by step (small)', () => {
  const cfg = SMALL; // handlers: task 1 on device 0, task 2 on device 1; task 3 is free

  test('spawn, fetch, yield: the hart stops running the task, then re-enqueues it at its priority', () => {
    const rs = run(cfg, [
      { type: 'Spawn', p: 0, prio: 1 },
      { type: 'HartFetch', hart: 1 },
      { type: 'HartPoll', hart: 1, outcome: YIELD },
      { type: 'HartReturn', hart: 1 },
    ]);
    expect(rs.map((r) => r.access)).toEqual([
      { type: 'Enqueue', p: 0, prio: 1, task: 3n },
      { type: 'Dequeue', p: 0 },
      null,
      { type: 'Enqueue', p: 0, prio: 1, task: 3n },
    ]);
    expect(rs.map((r) => r.task)).toEqual([3n, 3n, 3n, 3n]);
    expect(rs[1]?.state.harts[1]).toEqual({ phase: 'running', p: 0, task: 3n });
    expect(rs[2]?.state.harts[1]).toEqual({ phase: 'returning', p: 0, task: 3n });
    expect(rs[2]?.state.tasks[2]?.life).toBe('ready');
    expect(last(rs).harts[1]).toEqual({ phase: 'fetch', p: 0, task: 0n });
    expect(last(rs).ctrl.ready[1]).toEqual([3n]);
  });

  test('a blocked task is woken by the hardware, stays blocked for software, and runs when dequeued', () => {
    const rs = run(cfg, [
      { type: 'Spawn', p: 0, prio: 0 },
      { type: 'HartFetch', hart: 0 },
      { type: 'HartPoll', hart: 0, outcome: { kind: 'block', device: 0 } },
      { type: 'HartReturn', hart: 0 },
      { type: 'Irq', line: 0 }, // wakes the handler (task 1), registered first
      { type: 'Irq', line: 0 }, // wakes task 3
      { type: 'HartFetch', hart: 0 },
      { type: 'HartFetch', hart: 1 },
    ]);
    expect(rs[3]?.access).toEqual({ type: 'IrqRegister', p: 0, device: 0, task: 3n });
    expect(rs[4]?.effects).toEqual([{ kind: 'Woken', p: 0, task: 1n, cause: 'interrupt' }]);
    expect(rs[5]?.effects).toEqual([{ kind: 'Woken', p: 0, task: 3n, cause: 'interrupt' }]);
    expect(rs[5]?.state.tasks[2]).toEqual({ life: 'blocked', p: 0, prio: 0, handlerOf: -1, waitsOn: 0 });
    expect(last(rs).harts.map((h) => h.task)).toEqual([1n, 3n]);
    expect(
      last(rs)
        .tasks.slice(0, 3)
        .map((r) => r.life),
    ).toEqual(['running', 'blocked', 'running']);
  });

  test('an interrupt while its handler runs is counted, and re-registration consumes it (rule 3)', () => {
    const rs = run(cfg, [
      { type: 'Irq', line: 1 },
      { type: 'HartFetch', hart: 0 },
      { type: 'Irq', line: 1 }, // nobody waits: counted
      { type: 'HartPoll', hart: 0, outcome: HANDLED },
      { type: 'HartReturn', hart: 0 },
    ]);
    expect(rs[2]?.state.ctrl.irqPending[1]).toBe(1);
    expect(rs[4]?.access).toEqual({ type: 'IrqRegister', p: 0, device: 1, task: 2n });
    expect(rs[4]?.effects).toEqual([{ kind: 'Woken', p: 0, task: 2n, cause: 'irqPending' }]);
    expect(last(rs).ctrl.ready[0]).toEqual([2n]);
    expect(last(rs).tasks[1]?.life).toBe('blocked'); // software has not seen the wake
  });

  test('finish has no return action and frees the id for the next spawn', () => {
    const rs = run(cfg, [
      { type: 'Spawn', p: 1, prio: 0 },
      { type: 'StatusWrite', p: 1, data: 1n },
      { type: 'HartSwitch', hart: 1, p: 1 },
      { type: 'HartFetch', hart: 1 },
      { type: 'HartPoll', hart: 1, outcome: FINISH },
      { type: 'Spawn', p: 0, prio: 1 },
    ]);
    expect(rs[4]?.state.harts[1]).toEqual({ phase: 'fetch', p: 1, task: 0n });
    expect(rs[4]?.state.tasks[2]?.life).toBe('done');
    expect(rs[5]?.access).toEqual({ type: 'Enqueue', p: 0, prio: 1, task: 3n });
  });

  test('an empty DEQUEUE leaves the hart looking for work', () => {
    const [r] = run(cfg, [{ type: 'HartFetch', hart: 0 }]);
    expect(r?.obs).toEqual({ kind: 'value', value: 0n });
    expect(r?.state.harts[0]).toEqual({ phase: 'fetch', p: 0, task: 0n });
  });
});

describe('rejections', () => {
  const cfg = SMALL;
  const s0 = initialSystem(cfg);
  const reason = (r: SystemStepResult) => (r.kind === 'rejected' ? r.reason : 'accepted');
  test.each<[string, SystemEvent, string]>([
    ['interrupt line ≥ D', { type: 'Irq', line: 2 }, 'outOfRange'],
    ['status write that changes nothing', { type: 'StatusWrite', p: 0, data: 1n }, 'statusUnchanged'],
    ['status write of data 2', { type: 'StatusWrite', p: 1, data: 2n }, 'statusUnchanged'],
    ['offline while a hart is on it', { type: 'StatusWrite', p: 0, data: 0n }, 'hartOnProcess'],
    ['spawn at priority ≥ P', { type: 'Spawn', p: 0, prio: 2 }, 'outOfRange'],
    ['switch to an offline process', { type: 'HartSwitch', hart: 0, p: 1 }, 'targetNotRunnable'],
    ['switch to its own process', { type: 'HartSwitch', hart: 0, p: 0 }, 'targetNotRunnable'],
    ['hart ≥ H', { type: 'HartFetch', hart: 2 }, 'outOfRange'],
    ['poll with no task', { type: 'HartPoll', hart: 0, outcome: YIELD }, 'wrongPhase'],
    ['return with no task', { type: 'HartReturn', hart: 1 }, 'wrongPhase'],
  ])('%s', (_name, e, why) => {
    expect(reason(step(cfg, s0, e))).toBe(why);
  });

  test('a handler only handles; an ordinary task never handles, and blocks only where there is room', () => {
    const handler = last(
      run(cfg, [
        { type: 'Irq', line: 0 },
        { type: 'HartFetch', hart: 0 },
      ]),
    );
    expect(reason(step(cfg, handler, { type: 'HartPoll', hart: 0, outcome: YIELD }))).toBe(
      'outcomeNotAllowed',
    );
    expect(reason(step(cfg, handler, { type: 'HartPoll', hart: 0, outcome: HANDLED }))).toBe('accepted');
    const ordinary = last(
      run(cfg, [
        { type: 'Spawn', p: 0, prio: 0 },
        { type: 'HartFetch', hart: 0 },
      ]),
    );
    expect(reason(step(cfg, ordinary, { type: 'HartPoll', hart: 0, outcome: HANDLED }))).toBe(
      'outcomeNotAllowed',
    );
    const block = (device: number): SystemEvent => ({
      type: 'HartPoll',
      hart: 0,
      outcome: { kind: 'block', device },
    });
    expect(reason(step(cfg, ordinary, block(1)))).toBe('accepted');
    expect(reason(step(cfg, ordinary, block(2)))).toBe('outcomeNotAllowed');
    // B = 1: the handler's claim fills each blocked queue, so an ordinary task cannot block.
    const b1 = { ...cfg, waitDepth: 1 };
    const tight = last(
      run(b1, [
        { type: 'Spawn', p: 0, prio: 0 },
        { type: 'HartFetch', hart: 0 },
      ]),
    );
    expect(reason(step(b1, tight, block(1)))).toBe('outcomeNotAllowed');
    expect(enabled(b1, tight).filter((e) => e.type === 'HartPoll')).toEqual([
      { type: 'HartPoll', hart: 0, outcome: YIELD },
      { type: 'HartPoll', hart: 0, outcome: FINISH },
    ]);
  });

  test('spawns stop at the capacity of a process and at the end of the pool', () => {
    const full = last(run(cfg, [{ type: 'Spawn', p: 0, prio: 0 }])); // process 0: 2 handlers + 1 = C
    expect(reason(step(cfg, full, { type: 'Spawn', p: 1, prio: 0 }))).toBe('poolExhausted');
    const pub = PUBLISHED;
    const spawns = Array.from(
      { length: pub.taskPool - handlerCount(pub) },
      (_, i): SystemEvent => ({
        type: 'Spawn',
        p: 1 + (i % 3),
        prio: 0,
      }),
    );
    expect(reason(step(pub, last(run(pub, spawns)), { type: 'Spawn', p: 1, prio: 0 }))).toBe('poolExhausted');
  });
});

/** What is wrong with `s` after an accepted step, or null (checked without `expect` per item: runs are long). */
function problem(cfg: Config, s: SystemState): string | null {
  // The runtime's admission keeps every write of the system from being refused.
  if ((s.ctrl.error & 0b11) !== 0) return `error bits ${s.ctrl.error}`;
  for (let p = 0; p < cfg.processes; p++) {
    if (occupancy(cfg, s.ctrl, p) > cfg.capacity) return `occupancy of ${p} above C`;
  }
  // Every live task is in exactly one place; a free or done task nowhere.
  const places = new Map<bigint, number>();
  const at = (t: bigint) => places.set(t, (places.get(t) ?? 0) + 1);
  for (const q of s.ctrl.ready) for (const t of q) at(t);
  for (const q of s.ctrl.irqWait) for (const w of q) at(w.task);
  for (const h of s.harts) if (h.task !== 0n) at(h.task);
  for (const [k, r] of s.tasks.entries()) {
    const n = places.get(BigInt(k + 1)) ?? 0;
    const live = r.life === 'ready' || r.life === 'running' || r.life === 'blocked';
    if (n !== (live ? 1 : 0)) return `task ${k + 1} (${r.life}) in ${n} places`;
  }
  // Harts run online processes only.
  for (const [i, h] of s.harts.entries()) {
    if (h.phase !== 'idle' && s.ctrl.online[h.p] !== true) return `hart ${i} on offline process ${h.p}`;
  }
  return null;
}

/** Properties of random runs, checked at every step; `seen` collects what the runs reached. */
function walk(cfg: Config, ms: Parameters<typeof resolve>[2][], seen: Set<string>) {
  let s = initialSystem(cfg);
  for (const [i, m] of ms.entries()) {
    const list = enabled(cfg, s);
    const e = resolve(cfg, s, m, list);
    const r = step(cfg, s, e);
    const key = formatSystemEvent(e);
    const listed = list.some((x) => formatSystemEvent(x) === key);
    if ((r.kind === 'accepted') !== listed) expect.fail(`step ${i} ${key}: ${r.kind} but listed=${listed}`);
    if (r.kind !== 'accepted') {
      seen.add(`rejected:${r.reason}`);
      continue;
    }
    s = r.state;
    seen.add(e.type === 'HartPoll' ? `HartPoll:${e.outcome.kind}` : e.type);
    for (const f of r.effects) seen.add(f.kind === 'Woken' ? `Woken:${f.cause}` : `ErrorRaised:${f.bits}`);
    for (const h of s.harts) seen.add(`hart:${h.phase}`);
    const bad = problem(cfg, s);
    if (bad !== null) expect.fail(`step ${i} ${key}: ${bad}`);
  }
}

describe('random runs', () => {
  const REACHED = [
    ...['Irq', 'StatusWrite', 'Spawn', 'HartSwitch', 'HartPark', 'HartFetch', 'HartReturn'],
    ...['yield', 'block', 'handled', 'finish'].map((k) => `HartPoll:${k}`),
    ...['interrupt', 'irqPending'].map((c) => `Woken:${c}`),
    'ErrorRaised:4', // PENDING_OVERFLOW: interrupts beyond Q with nobody waiting
    ...['idle', 'fetch', 'running', 'returning'].map((p) => `hart:${p}`),
    ...['statusUnchanged', 'targetNotRunnable', 'wrongPhase', 'outcomeNotAllowed', 'outOfRange'].map(
      (r) => `rejected:${r}`,
    ),
  ];
  test.each([
    ['small', SMALL, 300, REACHED],
    ['published', PUBLISHED, 60, REACHED.filter((k) => k !== 'ErrorRaised:4')], // Q = 255 is out of reach
  ] as const)(
    '%s: enabled = accepted, no refused write, one place per task, online harts',
    (_n, cfg, n, reached) => {
      const seen = new Set<string>();
      fc.assert(
        fc.property(moves(cfg, 120), (ms) => walk(cfg, ms, seen)),
        { seed: SEED, numRuns: runs(n) },
      );
      expect([...seen].sort()).toEqual(expect.arrayContaining([...reached].sort()));
    },
  );

  test('every event is either accepted with a state or rejected with a reason, never thrown', () => {
    const cfg = SMALL;
    fc.assert(
      fc.property(moves(cfg, 60), fc.array(rawEvent(cfg), { maxLength: 30 }), (ms, raws) => {
        let s = initialSystem(cfg);
        for (const m of ms) {
          const r = step(cfg, s, resolve(cfg, s, m));
          if (r.kind === 'accepted') s = r.state;
        }
        for (const e of raws) {
          const r = step(cfg, s, e);
          expect(['accepted', 'rejected']).toContain(r.kind);
          if (r.kind === 'rejected') expect(typeof r.reason).toBe('string');
        }
      }),
      { seed: SEED, numRuns: runs(200) },
    );
  });
});
