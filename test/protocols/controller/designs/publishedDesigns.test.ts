/**
 * The published designs as registry entries (spec/controller.md §7): what each declares it
 * supports, that abs() is a well-shaped §3 state for any configuration and any accesses, that a
 * failed access (abort, stall, undefined) is for good, and that copy() is an independent device
 * in the same state. Their behaviours, one test per upstream line, are in atsIntcQemu.test.ts and
 * atsIntcChisel.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { atsIntcChisel } from '../../../../protocols/controller/designs/ats-intc-chisel/atsIntcChisel.ts';
import { atsIntcQemu } from '../../../../protocols/controller/designs/ats-intc-qemu/atsIntcQemu.ts';
import type { ControllerImpl, DesignSupport } from '../../../../protocols/controller/designs/device.ts';
import { driveDesign } from '../../../../protocols/controller/designs/drive.ts';
import { type Config, SMALL } from '../../../../protocols/controller/model/config/config.ts';
import type { ControllerEvent } from '../../../../protocols/controller/model/events.ts';
import { PAGE_SIZE } from '../../../../protocols/controller/model/registers.ts';
import { endsRun, type Observation } from '../../../../protocols/controller/model/result.ts';
import type { ControllerState } from '../../../../protocols/controller/model/state.ts';
import { runs, SEED } from '../../../support/seed.ts';

describe('the registry entries', () => {
  test.each<[ControllerImpl, string, DesignSupport]>([
    // Pages 0–3 online (riscv_lite_executor.c:233-240), MAX_TASK_QUEUE 8, MAX_EXTERNAL_INTR 16 (.h:12, :16).
    [atsIntcQemu, 'ats-intc-qemu', { processes: 4, priorities: 8, devices: 16, refines: false }],
    // Page 0 only (ATSINTC.scala:82-97); the RTL is elaborated with the configuration's P and D.
    [
      atsIntcChisel,
      'ats-intc-chisel',
      {
        processes: 1,
        priorities: Number.POSITIVE_INFINITY,
        devices: Number.POSITIVE_INFINITY,
        refines: false,
      },
    ],
  ])('%#: name, description, what it supports, fresh devices', (impl, name, supports) => {
    expect(impl.name).toBe(name);
    expect(impl.description.length).toBeGreaterThan(0);
    expect(impl.supports).toEqual(supports);
    const a = impl.create(SMALL);
    const b = impl.create(SMALL);
    driveDesign(impl, SMALL, a, { type: 'Enqueue', p: 0, prio: 0, task: 1n });
    expect(b.abs().ready[0]).toEqual([]);
  });
});

/** A configuration whose sizes straddle the QEMU limits (4 online, 8 priorities, 16 pages and devices). */
const configArb: fc.Arbitrary<Config> = fc
  .record({
    processes: fc.integer({ min: 1, max: 20 }),
    priorities: fc.integer({ min: 1, max: 10 }),
    capacity: fc.integer({ min: 1, max: 6 }),
    devices: fc.integer({ min: 1, max: 18 }),
    ipcTypes: fc.integer({ min: 1, max: 3 }),
    waitDepth: fc.integer({ min: 1, max: 3 }),
  })
  .map((sizes) => ({ ...SMALL, ...sizes }));

/** Events of every kind, with indices reaching past both the configuration and QEMU's limits. */
function eventArb(cfg: Config): fc.Arbitrary<ControllerEvent> {
  const p = fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 5 },
    fc.integer({ min: 0, max: 20 }),
  );
  const task = fc.oneof({ arbitrary: fc.bigInt({ min: 1n, max: 6n }), weight: 9 }, fc.constant(0n));
  const line = fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: Math.min(2, cfg.devices - 1) }), weight: 4 },
    fc.integer({ min: 0, max: cfg.devices - 1 }),
  );
  const small = (max: number) =>
    fc.oneof({ arbitrary: fc.integer({ min: 0, max: 2 }), weight: 4 }, fc.integer({ min: 0, max }));
  const addr = fc.bigInt({ min: cfg.base - 0x10n, max: cfg.base + 20n * PAGE_SIZE });
  return fc.oneof(
    { arbitrary: fc.record({ type: fc.constant('Enqueue' as const), p, prio: small(10), task }), weight: 6 },
    { arbitrary: fc.record({ type: fc.constant('Dequeue' as const), p }), weight: 5 },
    {
      arbitrary: fc.record({ type: fc.constant('IrqRegister' as const), p, device: small(18), task }),
      weight: 5,
    },
    { arbitrary: fc.record({ type: fc.constant('Irq' as const), line }), weight: 6 },
    {
      arbitrary: fc.record({ type: fc.constant('IpcRegister' as const), p, ipcType: small(4), task }),
      weight: 1,
    },
    {
      arbitrary: fc.record({ type: fc.constant('IpcSend' as const), p, ipcType: small(4), target: p }),
      weight: 1,
    },
    { arbitrary: fc.record({ type: fc.constant('ErrorRead' as const), p }), weight: 1 },
    { arbitrary: fc.record({ type: fc.constant('StatusWrite' as const), p, data: task }), weight: 1 },
    { arbitrary: fc.record({ type: fc.constant('Read' as const), addr }), weight: 1 },
    { arbitrary: fc.record({ type: fc.constant('Write' as const), addr, data: task }), weight: 1 },
  );
}

/** Null when `s` has exactly the §3 shapes of `cfg`, else what is wrong. */
function shapeError(cfg: Config, s: ControllerState): string | null {
  const n = cfg.processes;
  const lengths: [string, number, number][] = [
    ['ready', s.ready.length, n * cfg.priorities],
    ['irqWait', s.irqWait.length, cfg.devices],
    ['irqPending', s.irqPending.length, cfg.devices],
    ['ipcWait', s.ipcWait.length, n * cfg.ipcTypes],
    ['ipcPending', s.ipcPending.length, n * cfg.ipcTypes],
    ['online', s.online.length, n],
  ];
  for (const [name, got, want] of lengths)
    if (got !== want) return `${name} has ${got} entries, want ${want}`;
  if (s.ready.some((q) => q.some((t) => typeof t !== 'bigint'))) return 'a ready entry is not a bigint';
  for (const q of s.irqWait) {
    for (const w of q) {
      if (!Number.isInteger(w.p) || w.p < 0 || w.p >= n) return `waiter of process ${w.p}`;
      if (typeof w.task !== 'bigint') return 'a waiter task is not a bigint';
    }
  }
  if (s.irqPending.some((c) => c !== 0) || s.ipcPending.some((c) => c !== 0))
    return 'a pending count is not 0';
  if (s.ipcWait.some((q) => q.length !== 0)) return 'an IPC waiter exists';
  return s.error === 0 ? null : `error is ${s.error}`;
}

/** Runs `events` on a fresh device of `impl`, checking each abs() and that a failed access is for good. */
function runShaped(impl: ControllerImpl, cfg: Config, events: readonly ControllerEvent[]): void {
  const dev = impl.create(cfg);
  expect(shapeError(cfg, dev.abs())).toBeNull();
  let failed: Observation['kind'] | undefined;
  for (const e of events) {
    const obs = driveDesign(impl, cfg, dev, e);
    if (failed !== undefined) expect(obs.kind).toBe(failed);
    if (endsRun(obs)) failed = obs.kind;
    const s = dev.abs();
    expect(shapeError(cfg, s)).toBeNull();
    if (impl === atsIntcChisel) {
      expect(obs.kind).not.toBe('abort');
      expect(obs.kind).not.toBe('undefined');
      expect(s.ready.every((q) => q.length <= cfg.capacity)).toBe(true);
      expect(s.ready.slice(cfg.priorities).every((q) => q.length === 0)).toBe(true);
      expect(s.irqWait.every((q) => q.length <= cfg.waitDepth && q.every((w) => w.p === 0))).toBe(true);
      expect(s.online).toEqual(s.online.map((_, p) => p === 0));
    } else {
      expect(obs.kind).not.toBe('stall');
      expect(s.online).toEqual(s.online.map((_, p) => p < 4));
      expect(s.irqWait.every((q) => q.every((w) => w.p < 4))).toBe(true);
    }
  }
}

const scenario = configArb.chain((cfg) =>
  fc.tuple(fc.constant(cfg), fc.array(eventArb(cfg), { minLength: 1, maxLength: 40 })),
);

describe('abs() is a well-shaped ControllerState for any configuration (random sequences)', () => {
  test.each([atsIntcQemu, atsIntcChisel])('$name', (impl) => {
    fc.assert(
      fc.property(scenario, ([cfg, events]) => runShaped(impl, cfg, events)),
      { seed: SEED, numRuns: runs(300) },
    );
  });
});

describe('copy() is an independent device in the same state (random sequences)', () => {
  test.each([atsIntcQemu, atsIntcChisel])('$name', (impl) => {
    const cut = scenario.chain(([cfg, events]) =>
      fc.tuple(fc.constant(cfg), fc.constant(events), fc.integer({ min: 0, max: events.length })),
    );
    fc.assert(
      fc.property(cut, ([cfg, events, at]) => {
        const dev = impl.create(cfg);
        for (const e of events.slice(0, at)) driveDesign(impl, cfg, dev, e);
        const copy = dev.copy?.();
        if (copy === undefined) return expect.fail(`${impl.name} has no copy()`);
        const state = [copy.abs(), copy.hiddenState?.()];
        expect(state).toEqual([dev.abs(), dev.hiddenState?.()]);
        const rest = events.slice(at);
        const seen = rest.map((e) => driveDesign(impl, cfg, dev, e));
        expect([copy.abs(), copy.hiddenState?.()]).toEqual(state);
        expect(rest.map((e) => driveDesign(impl, cfg, copy, e))).toEqual(seen);
        expect([copy.abs(), copy.hiddenState?.()]).toEqual([dev.abs(), dev.hiddenState?.()]);
      }),
      { seed: SEED, numRuns: runs(200) },
    );
  });
});
