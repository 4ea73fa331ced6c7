import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { atsIntcChisel } from '../../../../protocols/controller/designs/ats-intc-chisel/atsIntcChisel.ts';
import { AtsIntcChiselDevice } from '../../../../protocols/controller/designs/ats-intc-chisel/atsIntcChiselDevice.ts';
import { SortedTaskArray } from '../../../../protocols/controller/designs/ats-intc-chisel/sortedTaskArray.ts';
import { atsIntcQemu } from '../../../../protocols/controller/designs/ats-intc-qemu/atsIntcQemu.ts';
import { LiteExecutor } from '../../../../protocols/controller/designs/ats-intc-qemu/liteExecutor.ts';
import type { ControllerDevice, ControllerImpl } from '../../../../protocols/controller/designs/device.ts';
import { drive } from '../../../../protocols/controller/designs/drive.ts';
import { type Config, PUBLISHED, SMALL } from '../../../../protocols/controller/model/config/config.ts';
import { registerAddress } from '../../../../protocols/controller/model/decode.ts';
import type { ControllerEvent } from '../../../../protocols/controller/model/events.ts';
import { PAGE_SIZE } from '../../../../protocols/controller/model/registers.ts';
import type { Observation } from '../../../../protocols/controller/model/result.ts';
import type { ControllerState } from '../../../../protocols/controller/model/state.ts';
import { runs, SEED } from '../../../support/seed.ts';

const ACK: Observation = { kind: 'ack' };
const ABORT: Observation = { kind: 'abort' };
const STALL: Observation = { kind: 'stall' };
const val = (value: bigint): Observation => ({ kind: 'value', value });

/** A little driver for one device: operation-level helpers over the shared encoder. */
function rig(cfg: Config, dev: ControllerDevice) {
  return {
    dev,
    enq: (p: number, prio: number, task: bigint) => drive(cfg, dev, { type: 'Enqueue', p, prio, task }),
    deq: (p: number) => drive(cfg, dev, { type: 'Dequeue', p }),
    reg: (p: number, device: number, task: bigint) =>
      drive(cfg, dev, { type: 'IrqRegister', p, device, task }),
    irq: (line: number) => dev.irq(line),
    ready: (p: number, k: number) => dev.abs().ready[p * cfg.priorities + k],
    waiters: (d: number) => dev.abs().irqWait[d],
  };
}

describe('ats-intc-qemu (spec/controller.md §7)', () => {
  const cfg = PUBLISHED; // N=16, P=8, D=6
  const fresh = () => rig(cfg, new LiteExecutor(cfg));

  test('strict priority, FIFO within a priority, 0 when empty', () => {
    const r = fresh();
    for (const [k, t] of [
      [2, 1n],
      [2, 2n],
      [0, 3n],
      [7, 4n],
      [0, 5n],
    ] as const)
      expect(r.enq(1, k, t)).toEqual(ACK);
    expect(r.ready(1, 0)).toEqual([3n, 5n]);
    expect(r.ready(1, 2)).toEqual([1n, 2n]);
    expect([1, 2, 3, 4, 5, 6].map(() => r.deq(1))).toEqual([3n, 5n, 1n, 2n, 4n, 0n].map(val));
  });

  test('ready and waiter FIFOs are unbounded (C and B unused)', () => {
    const r = rig(SMALL, new LiteExecutor(SMALL)); // C=3, B=2
    for (let t = 1n; t <= 50n; t++) {
      expect(r.enq(0, 1, t)).toEqual(ACK);
      expect(r.reg(0, 0, 100n + t)).toEqual(ACK);
    }
    expect(r.ready(0, 1)).toHaveLength(50);
    expect(r.waiters(0)).toHaveLength(50);
  });

  test('an interrupt wakes only process 0’s waiter, into process 0’s priority 0', () => {
    const r = fresh();
    r.reg(1, 0, 11n);
    r.reg(0, 0, 10n);
    expect(r.waiters(0)).toEqual([
      { p: 0, task: 10n },
      { p: 1, task: 11n },
    ]);
    expect(r.irq(0)).toEqual(ACK);
    expect(r.ready(0, 0)).toEqual([10n]);
    expect(r.waiters(0)).toEqual([{ p: 1, task: 11n }]);
    // Process 1's waiter is never woken: the next interrupt is dropped.
    expect(r.irq(0)).toEqual(ACK);
    expect(r.waiters(0)).toEqual([{ p: 1, task: 11n }]);
    expect(r.deq(1)).toEqual(val(0n));
    expect(r.deq(0)).toEqual(val(10n));
  });

  test('an interrupt with no waiter is dropped and not counted', () => {
    const r = fresh();
    const before = r.dev.abs();
    expect(r.irq(1)).toEqual(ACK);
    expect(r.dev.abs()).toEqual(before);
    r.reg(0, 1, 7n);
    expect(r.waiters(1)).toEqual([{ p: 0, task: 7n }]);
    expect(r.ready(0, 0)).toEqual([]);
    expect(r.dev.abs().irqPending.every((n) => n === 0)).toBe(true);
  });

  test('task 0 is stored as QEMU stores it; a waiter 0 is popped by an interrupt and readies nothing', () => {
    const r = fresh();
    expect(r.enq(0, 1, 0n)).toEqual(ACK);
    expect(r.ready(0, 1)).toEqual([0n]);
    expect(r.reg(0, 2, 0n)).toEqual(ACK);
    r.irq(2);
    expect(r.waiters(2)).toEqual([]);
    expect(r.ready(0, 0)).toEqual([]);
  });

  test.each<[string, (r: ReturnType<typeof fresh>) => Observation]>([
    ['ENQUEUE_8 (priority ≥ 8)', (r) => r.enq(0, 8, 1n)],
    ['ENQUEUE_254', (r) => r.enq(2, 254, 1n)],
    ['a read of page 16', (r) => r.deq(16)],
    ['a write to page 40', (r) => r.enq(40, 0, 1n)],
    ['IRQ_REGISTER_16 (device ≥ 16)', (r) => r.reg(0, 16, 1n)],
    ['IRQ_REGISTER at 0xFF8', (r) => r.dev.write(cfg.base + 0xff8n, 1n)],
    ['interrupt line 16', (r) => r.irq(16)],
  ])('%s aborts, and every later access aborts', (_name, access) => {
    const r = fresh();
    r.enq(0, 1, 5n);
    r.reg(0, 0, 6n);
    const before = r.dev.abs();
    expect(access(r)).toEqual(ABORT);
    expect(r.deq(0)).toEqual(ABORT);
    expect(r.enq(0, 0, 2n)).toEqual(ABORT);
    expect(r.reg(0, 0, 2n)).toEqual(ABORT);
    expect(r.irq(0)).toEqual(ABORT);
    expect(r.dev.read(cfg.base + 0xf00n)).toEqual(ABORT);
    expect(r.dev.abs()).toEqual(before);
  });

  test('reads of write-only registers return 0 without aborting, even at indices QEMU asserts on for writes', () => {
    const r = fresh();
    expect(r.dev.read(registerAddress(cfg, 0, 'ENQUEUE', 200))).toEqual(val(0n));
    expect(r.dev.read(registerAddress(cfg, 0, 'IRQ_REGISTER', 100))).toEqual(val(0n));
    expect(r.enq(0, 0, 1n)).toEqual(ACK);
  });

  test('IPC_SEND and IPC_REGISTER writes are accepted and change nothing', () => {
    const r = fresh();
    r.enq(0, 0, 1n);
    const before = r.dev.abs();
    expect(drive(cfg, r.dev, { type: 'IpcRegister', p: 0, ipcType: 0, task: 9n })).toEqual(ACK);
    expect(drive(cfg, r.dev, { type: 'IpcRegister', p: 1, ipcType: 30, task: 9n })).toEqual(ACK);
    expect(drive(cfg, r.dev, { type: 'IpcSend', p: 1, ipcType: 0, target: 0 })).toEqual(ACK);
    expect(r.dev.read(registerAddress(cfg, 0, 'IPC_SEND'))).toEqual(val(0n));
    expect(r.dev.abs()).toEqual(before);
  });

  test('no ERROR or STATUS: reads 0, writes ignored, error always 0, processes 0–3 online for good', () => {
    const r = fresh();
    expect(drive(cfg, r.dev, { type: 'StatusWrite', p: 0, data: 0n })).toEqual(ACK);
    expect(drive(cfg, r.dev, { type: 'StatusWrite', p: 5, data: 1n })).toEqual(ACK);
    expect(drive(cfg, r.dev, { type: 'StatusRead', p: 0 })).toEqual(val(0n));
    r.enq(0, 8 - 1, 3n);
    expect(drive(cfg, r.dev, { type: 'ErrorRead', p: 0 })).toEqual(val(0n));
    const s = r.dev.abs();
    expect(s.error).toBe(0);
    expect(s.online).toEqual(Array.from({ length: 16 }, (_, p) => p < 4));
  });

  test('another process’s page (4–15) reads 0 and drops writes', () => {
    const r = fresh();
    const before = r.dev.abs();
    expect(r.enq(4, 0, 1n)).toEqual(ACK);
    expect(r.reg(15, 0, 2n)).toEqual(ACK);
    expect(r.enq(7, 9, 3n)).toEqual(ACK); // the offline check comes before the priority assert
    expect(r.deq(4)).toEqual(val(0n));
    expect(r.dev.abs()).toEqual(before);
  });

  test('indices the configuration lacks but QEMU accepts are ignored, not aborted', () => {
    const r = rig(SMALL, new LiteExecutor(SMALL)); // N=2, P=2, D=2
    const before = r.dev.abs();
    expect(r.enq(0, 5, 1n)).toEqual(ACK); // priority in P..7
    expect(r.reg(1, 9, 2n)).toEqual(ACK); // device in D..15
    expect(r.enq(3, 0, 3n)).toEqual(ACK); // page 3: online in QEMU, absent from this configuration
    expect(r.deq(3)).toEqual(val(0n));
    expect(r.dev.abs()).toEqual(before);
    expect(before.online).toEqual([true, true]);
    expect(r.enq(0, 8, 1n)).toEqual(ABORT);
  });

  test('accesses that never reach the device: outside the window, unaligned', () => {
    const r = fresh();
    r.enq(0, 0, 1n);
    expect(r.dev.read(cfg.base - 8n)).toEqual(val(0n));
    expect(r.dev.write(cfg.base + 0x100_0000n, 1n)).toEqual(ACK);
    expect(r.dev.read(cfg.base + 4n)).toEqual(val(0n));
    expect(r.dev.write(cfg.base + 0x00cn, 2n)).toEqual(ACK);
    expect(r.ready(0, 0)).toEqual([1n]);
  });
});

describe('ats-intc-chisel (spec/controller.md §7)', () => {
  const cfg = SMALL; // N=2, P=2, C=3, D=2, B=2
  const fresh = (c: Config = cfg) => rig(c, new AtsIntcChiselDevice(c));

  test('the sorted array: strict priority, FIFO within a priority, 0 when empty', () => {
    const c: Config = { ...PUBLISHED, capacity: 8 };
    const r = fresh(c);
    for (const [k, t] of [
      [2, 1n],
      [0, 2n],
      [2, 3n],
      [1, 4n],
      [0, 5n],
      [7, 6n],
    ] as const) {
      expect(r.enq(0, k, t)).toEqual(ACK);
    }
    expect([0, 1, 2, 7].map((k) => r.ready(0, k))).toEqual([[2n, 5n], [4n], [1n, 3n], [6n]]);
    r.enq(0, 1, 7n);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(() => r.deq(0))).toEqual([2n, 5n, 4n, 7n, 1n, 3n, 6n, 0n].map(val));
    expect(r.dev.abs().ready.every((q) => q.length === 0)).toBe(true);
  });

  test('gateway: two waiters, two interrupts — the second interrupt is lost', () => {
    const r = fresh();
    r.reg(0, 0, 10n);
    r.reg(0, 0, 11n);
    expect(r.irq(0)).toEqual(ACK);
    expect(r.ready(0, 0)).toEqual([10n]);
    expect(r.waiters(0)).toEqual([{ p: 0, task: 11n }]);
    const before = r.dev.abs();
    expect(r.irq(0)).toEqual(ACK);
    expect(r.dev.abs()).toEqual(before); // lost: the gateway is closed although 11 waits
  });

  test('a registration reopens the gateway, and the next interrupt wakes the head', () => {
    const dev = new AtsIntcChiselDevice(cfg);
    const r = rig(cfg, dev);
    expect(dev.gatewayOpen(1)).toBe(false);
    r.reg(0, 1, 10n);
    expect(dev.gatewayOpen(1)).toBe(true);
    r.irq(1);
    expect(dev.gatewayOpen(1)).toBe(false);
    r.reg(0, 1, 11n);
    r.irq(1); // wakes 11, the only waiter
    r.reg(0, 1, 12n);
    r.reg(0, 1, 13n);
    r.irq(1); // wakes 12 and closes
    r.irq(1); // lost
    expect(r.ready(0, 0)).toEqual([10n, 11n, 12n]);
    expect(r.waiters(1)).toEqual([{ p: 0, task: 13n }]);
  });

  test('an interrupt with nobody waiting is lost and not counted', () => {
    const r = fresh();
    expect(r.irq(0)).toEqual(ACK);
    r.reg(0, 0, 4n);
    expect(r.waiters(0)).toEqual([{ p: 0, task: 4n }]);
    expect(r.dev.abs().irqPending).toEqual([0, 0]);
  });

  test('a write to the full array stalls, and every later access stalls', () => {
    const r = fresh();
    r.reg(0, 0, 9n);
    for (const t of [1n, 2n, 3n]) expect(r.enq(0, 1, t)).toEqual(ACK);
    const before = r.dev.abs();
    expect(r.enq(0, 0, 4n)).toEqual(STALL);
    expect(r.deq(0)).toEqual(STALL);
    expect(r.enq(1, 0, 5n)).toEqual(STALL);
    expect(r.irq(0)).toEqual(STALL);
    expect(r.dev.read(cfg.base + 0xf00n)).toEqual(STALL);
    expect(r.dev.abs()).toEqual(before);
  });

  test('a registration on a full device queue stalls (ShiftQueue back-pressure)', () => {
    const r = fresh();
    expect(r.reg(0, 1, 1n)).toEqual(ACK);
    expect(r.reg(0, 1, 2n)).toEqual(ACK);
    expect(r.reg(0, 1, 3n)).toEqual(STALL);
    expect(r.deq(0)).toEqual(STALL);
    expect(r.waiters(1)).toHaveLength(2);
  });

  test('a wake that finds the array full is lost; the waiter stays and the gateway stays open', () => {
    const r = fresh();
    r.reg(0, 0, 9n);
    for (const t of [1n, 2n, 3n]) r.enq(0, 1, t);
    expect(r.irq(0)).toEqual(ACK);
    expect(r.waiters(0)).toEqual([{ p: 0, task: 9n }]);
    r.deq(0);
    r.irq(0);
    expect(r.ready(0, 0)).toEqual([9n]);
  });

  test('other pages, IPC, ERROR and STATUS: reads 0, writes ignored', () => {
    const r = fresh();
    r.enq(0, 0, 1n);
    const before = r.dev.abs();
    expect(r.enq(1, 0, 2n)).toEqual(ACK);
    expect(r.reg(1, 0, 3n)).toEqual(ACK);
    expect(r.deq(1)).toEqual(val(0n));
    expect(drive(cfg, r.dev, { type: 'IpcRegister', p: 0, ipcType: 0, task: 4n })).toEqual(ACK);
    expect(drive(cfg, r.dev, { type: 'IpcSend', p: 0, ipcType: 0, target: 0 })).toEqual(ACK);
    expect(drive(cfg, r.dev, { type: 'StatusWrite', p: 0, data: 0n })).toEqual(ACK);
    expect(drive(cfg, r.dev, { type: 'StatusRead', p: 0 })).toEqual(val(0n));
    expect(drive(cfg, r.dev, { type: 'ErrorRead', p: 0 })).toEqual(val(0n));
    expect(r.enq(0, 2, 5n)).toEqual(ACK); // priority ≥ P: not in the register map
    expect(r.dev.read(registerAddress(cfg, 0, 'ENQUEUE', 0))).toEqual(val(0n));
    expect(r.dev.abs()).toEqual(before);
    expect(before.online).toEqual([true, false]);
    expect(before.error).toBe(0);
  });
});

describe('SortedTaskArray equals one FIFO per priority (random sequences)', () => {
  test('insert and take agree with per-priority FIFOs, and the array never exceeds C', () => {
    const op = fc.oneof(
      fc.record({ prio: fc.integer({ min: 0, max: 3 }), task: fc.bigInt({ min: 1n, max: 99n }) }),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(op, { maxLength: 60 }), (capacity, ops) => {
        const arr = new SortedTaskArray(capacity, 4);
        const fifos: bigint[][] = [[], [], [], []];
        for (const o of ops) {
          if (o === null) {
            const want = fifos.find((q) => q.length > 0)?.shift() ?? 0n;
            expect(arr.take()).toBe(want);
          } else if (!arr.full) {
            arr.insert(o.task, o.prio);
            fifos[o.prio]?.push(o.task);
          }
          expect([0, 1, 2, 3].map((k) => arr.level(k))).toEqual(fifos);
          expect(arr.length).toBeLessThanOrEqual(capacity);
        }
      }),
      { seed: SEED, numRuns: runs(200) },
    );
  });
});

describe('the registry entries', () => {
  test.each<[ControllerImpl, string, string[]]>([
    [atsIntcQemu, 'ats-intc-qemu', ['noLostWakeup', 'noLostIpcWakeup', 'offlineRetention', 'neverStalls']],
    [atsIntcChisel, 'ats-intc-chisel', ['noLostWakeup', 'neverStalls']],
  ])('%#: name, description, expected violations, fresh device', (impl, name, expected) => {
    expect(impl.name).toBe(name);
    expect(impl.description.length).toBeGreaterThan(0);
    expect([...impl.expectedViolations]).toEqual(expected);
    const a = impl.create(SMALL);
    const b = impl.create(SMALL);
    drive(SMALL, a, { type: 'Enqueue', p: 0, prio: 0, task: 1n });
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

describe('abs() is a well-shaped ControllerState for any configuration (random sequences)', () => {
  test.each([atsIntcQemu, atsIntcChisel])('$name', (impl) => {
    const scenario = configArb.chain((cfg) =>
      fc.tuple(fc.constant(cfg), fc.array(eventArb(cfg), { minLength: 1, maxLength: 40 })),
    );
    fc.assert(
      fc.property(scenario, ([cfg, events]) => {
        const dev = impl.create(cfg);
        expect(shapeError(cfg, dev.abs())).toBeNull();
        let failed: Observation['kind'] | undefined;
        for (const e of events) {
          const obs = drive(cfg, dev, e);
          if (failed !== undefined) expect(obs.kind).toBe(failed); // abort and stall are for good
          if (obs.kind === 'abort' || obs.kind === 'stall') failed = obs.kind;
          const s = dev.abs();
          expect(shapeError(cfg, s)).toBeNull();
          if (impl === atsIntcChisel) {
            expect(obs.kind).not.toBe('abort');
            expect(s.ready.slice(0, cfg.priorities).reduce((a, q) => a + q.length, 0)).toBeLessThanOrEqual(
              cfg.capacity,
            );
            expect(s.ready.slice(cfg.priorities).every((q) => q.length === 0)).toBe(true);
            expect(s.irqWait.every((q) => q.length <= cfg.waitDepth && q.every((w) => w.p === 0))).toBe(true);
            expect(s.online).toEqual(s.online.map((_, p) => p === 0));
          } else {
            expect(obs.kind).not.toBe('stall');
            expect(s.online).toEqual(s.online.map((_, p) => p < 4));
            expect(s.irqWait.every((q) => q.every((w) => w.p < 4))).toBe(true);
          }
        }
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });
});
