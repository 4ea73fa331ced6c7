/**
 * The QEMU device (protocols/controller/designs/ats-intc-qemu, spec/controller.md §7) as the
 * upstream code is written: one test per behaviour, each citing the line of
 * hw/ats/riscv_lite_executor.c (`.c`), hw/ats/util.c or include/hw/ats/riscv_lite_executor.h
 * (`.h`) it follows, and the shortest scenario of each bug with the exact abs() and observations.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { atsIntcQemu } from '../../../../protocols/controller/designs/ats-intc-qemu/atsIntcQemu.ts';
import { LiteExecutor } from '../../../../protocols/controller/designs/ats-intc-qemu/liteExecutor.ts';
import { liteExecutorStorm } from '../../../../protocols/controller/designs/ats-intc-qemu/liteExecutorStorm.ts';
import { driveDesign } from '../../../../protocols/controller/designs/drive.ts';
import { type Config, PUBLISHED, SMALL } from '../../../../protocols/controller/model/config/config.ts';
import { registerAddress } from '../../../../protocols/controller/model/decode.ts';
import type { ControllerEvent } from '../../../../protocols/controller/model/events.ts';
import { SEED } from '../../../support/seed.ts';
import {
  ABORT,
  ACK,
  designRig,
  expectInterruptWithNobodyWaitingLost,
  UNDEFINED,
  val,
} from './support/designRig.ts';

const qemu = (cfg: Config = SMALL) => designRig(cfg, new LiteExecutor(cfg));
const page = (cfg: Config, p: number, off: number): bigint => cfg.base + BigInt(p) * 0x1000n + BigInt(off);

describe('realize and the process pages (.c:217-250)', () => {
  test('pages 0–3 are online and each has its own queue group, whatever N is (.c:233-240)', () => {
    for (const n of [1, 2, 4, 16]) {
      const r = qemu({ ...SMALL, processes: n });
      expect(r.dev.abs().online).toEqual(Array.from({ length: n }, (_, p) => p < 4));
    }
    const r = qemu(PUBLISHED);
    for (const p of [0, 1, 2, 3]) expect(r.enq(p, 0, BigInt(10 + p))).toEqual(ACK);
    expect([0, 1, 2, 3].map((p) => r.ready(p, 0))).toEqual([[10n], [11n], [12n], [13n]]);
    expect([0, 1, 2, 3].flatMap((p) => r.deqs(p, 1))).toEqual([10n, 11n, 12n, 13n]);
  });

  test('with N = 2 pages 2 and 3 still hold tasks: outside abs(), in hiddenState (.c:236-239)', () => {
    const r = qemu(); // N = 2
    expect(r.enq(3, 0, 7n)).toEqual(ACK);
    expect(r.dev.abs().ready.every((q) => q.length === 0)).toBe(true);
    expect(r.dev.hiddenState()).toBe('|r3.0:7');
    expect(r.deqs(3, 2)).toEqual([7n, 0n]);
    expect(r.dev.hiddenState()).toBe('');
  });

  test('pages 4–15 are offline for good: reads return 0, writes are dropped, even ENQUEUE_9 (.c:53-57, :124-128)', () => {
    const r = qemu(PUBLISHED);
    r.enq(0, 0, 1n);
    const before = r.dev.abs();
    expect(r.enq(4, 0, 2n)).toEqual(ACK);
    expect(r.reg(15, 0, 3n)).toEqual(ACK);
    expect(r.enq(7, 9, 4n)).toEqual(ACK); // the online check comes before the priority assert
    expect(r.dev.write(page(PUBLISHED, 9, 0xf08), 1n)).toEqual(ACK); // no STATUS: nothing brings it online
    expect(r.deq(4)).toEqual(val(0n));
    expect(r.dev.abs()).toEqual(before);
    expect(r.dev.outcome).toBe('running');
  });

  test.each([
    ['a read of page 16', (r: ReturnType<typeof qemu>) => r.deq(16)],
    ['a write to page 16', (r: ReturnType<typeof qemu>) => r.enq(16, 0, 1n)],
    ['a read of page 4095', (r: ReturnType<typeof qemu>) => r.dev.read(page(SMALL, 4095, 0xff8))],
  ])('%s asserts (.c:51, :122); QEMU is gone and every later access aborts', (_name, access) => {
    const r = qemu();
    r.enq(0, 1, 5n);
    r.reg(0, 0, 6n);
    const before = r.dev.abs();
    expect(access(r)).toEqual(ABORT);
    expect(r.deq(0)).toEqual(ABORT);
    expect(r.enq(0, 0, 2n)).toEqual(ABORT);
    expect(r.dev.irq(0)).toEqual(ABORT);
    expect(r.dev.abs()).toEqual(before);
    expect(r.dev.outcome).toBe('aborted');
    expect(r.dev.hiddenState()).toBe('aborted');
  });

  test('only aligned 8-byte accesses inside the 16 MiB window reach the device (.c:185-188, .h:18)', () => {
    const r = qemu();
    r.enq(0, 0, 1n);
    expect(r.dev.read(SMALL.base - 8n)).toEqual(val(0n));
    expect(r.dev.read(SMALL.base + 4n)).toEqual(val(0n)); // unaligned DEQUEUE: not popped
    expect(r.dev.write(SMALL.base + 0x00cn, 2n)).toEqual(ACK);
    expect(r.dev.write(SMALL.base + 0x100_0000n, 3n)).toEqual(ACK); // past the window: no assert
    expect(r.ready(0, 0)).toEqual([1n]);
    expect(r.dev.outcome).toBe('running');
  });
});

describe('the priority scheduler (.c:60-84, :131-151, util.c:63-93)', () => {
  test('DEQUEUE pops the lowest-numbered non-empty of 8 unbounded FIFOs, 0 when empty', () => {
    const r = qemu(PUBLISHED);
    for (const [k, t] of [
      [2, 1n],
      [2, 2n],
      [0, 3n],
      [7, 4n],
      [0, 5n],
    ] as const)
      expect(r.enq(1, k, t)).toEqual(ACK);
    expect(r.levels(1)).toEqual([[3n, 5n], [], [1n, 2n], [], [], [], [], [4n]]);
    expect(r.deqs(1, 6)).toEqual([3n, 5n, 1n, 2n, 4n, 0n]);
  });

  test('no capacity: C means nothing to it (MAX_TASK_PER_QUEUE, .h:13, is never used)', () => {
    const r = qemu(); // C = 3
    for (let t = 1n; t <= 20n; t++) expect(r.enq(0, 1, t)).toEqual(ACK);
    expect(r.ready(0, 1)).toHaveLength(20);
  });

  test('with P = 2 the device still has 8 priorities: ENQUEUE_5 is held outside abs() and dequeued later (.h:12, util.c:80)', () => {
    const r = qemu(); // P = 2
    expect(r.enq(0, 5, 9n)).toEqual(ACK);
    expect(r.levels(0)).toEqual([[], []]);
    expect(r.dev.hiddenState()).toBe('|r0.5:9');
    r.enq(0, 1, 4n);
    expect(r.deqs(0, 3)).toEqual([4n, 9n, 0n]);
  });

  test('ENQUEUE_8 (0x048) to ENQUEUE_254 (0x7F8) assert (.c:142)', () => {
    for (const off of [0x048, 0x400, 0x7f8]) {
      const r = qemu();
      expect(r.dev.write(page(SMALL, 0, off), 1n)).toEqual(ABORT);
      expect(r.dev.outcome).toBe('aborted');
    }
  });

  test('reads of the enqueue area return 0 and assert nothing, whatever the index (.c:77-83)', () => {
    const r = qemu();
    expect(r.dev.read(registerAddress(SMALL, 0, 'ENQUEUE', 0))).toEqual(val(0n));
    expect(r.dev.read(page(SMALL, 0, 0x7f8))).toEqual(val(0n));
    expect(r.dev.outcome).toBe('running');
  });

  test('a write to DEQUEUE is only logged (.c:134-137)', () => {
    const r = qemu();
    r.enq(0, 0, 1n);
    const before = r.dev.abs();
    expect(r.dev.write(registerAddress(SMALL, 0, 'DEQUEUE'), 5n)).toEqual(ACK);
    expect(r.dev.abs()).toEqual(before);
  });

  test('bug (emptyMeansEmpty): id 0 is stored (.c:147), and DEQUEUE pops it and reads 0 with a task behind it (util.c:82-89)', () => {
    const r = qemu();
    expect(r.enq(0, 0, 0n)).toEqual(ACK);
    expect(r.enq(0, 0, 3n)).toEqual(ACK);
    expect(r.ready(0, 0)).toEqual([0n, 3n]);
    expect(r.deq(0)).toEqual(val(0n)); // "empty" to any executor, with 0x3 behind it
    expect(r.ready(0, 0)).toEqual([3n]);
    expect(r.deqs(0, 2)).toEqual([3n, 0n]);
  });
});

describe('no IPC, no ERROR, no STATUS (.c:85-108, :152-178)', () => {
  test('IPC_SEND and IPC_REGISTER writes are only logged, and the IPC area reads 0 (.c:85-100, :152-165)', () => {
    const r = qemu(PUBLISHED);
    r.enq(0, 0, 1n);
    const before = r.dev.abs();
    expect(r.dev.write(registerAddress(PUBLISHED, 0, 'IPC_REGISTER', 0), 9n)).toEqual(ACK);
    expect(r.dev.write(registerAddress(PUBLISHED, 1, 'IPC_REGISTER', 30), 9n)).toEqual(ACK);
    expect(r.dev.write(registerAddress(PUBLISHED, 1, 'IPC_SEND'), 0n)).toEqual(ACK);
    expect(r.dev.read(registerAddress(PUBLISHED, 0, 'IPC_SEND'))).toEqual(val(0n));
    expect(r.dev.abs()).toEqual(before);
  });

  test('0xF00 (ERROR) and 0xF08 (STATUS) read 0: they are in the waiter area, whose reads index nothing (.c:101-108)', () => {
    const r = qemu();
    expect(r.dev.read(registerAddress(SMALL, 0, 'ERROR'))).toEqual(val(0n));
    expect(r.dev.read(registerAddress(SMALL, 1, 'STATUS'))).toEqual(val(0n));
    expect(r.dev.read(page(SMALL, 0, 0x900))).toEqual(val(0n));
    expect(r.dev.abs().error).toBe(0);
    expect(r.dev.outcome).toBe('running');
  });

  test('the driver makes no access for a STATUS write: pages 0–3 are online from realize (.c:233-240)', () => {
    const r = qemu();
    const before = r.dev.abs();
    expect(driveDesign(atsIntcQemu, SMALL, r.dev, { type: 'StatusWrite', p: 1, data: 0n })).toEqual(ACK);
    expect(driveDesign(atsIntcQemu, SMALL, r.dev, { type: 'StatusWrite', p: 1, data: 1n })).toEqual(ACK);
    expect(r.dev.abs()).toEqual(before);
    expect(r.dev.outcome).toBe('running');
    r.dev.write(page(SMALL, 0, 0xf08), 1n); // the register itself: past the waiter array
    expect(driveDesign(atsIntcQemu, SMALL, r.dev, { type: 'StatusWrite', p: 1, data: 1n })).toEqual(
      UNDEFINED,
    );
  });
});

describe('the external-interrupt handler (.c:166-215, util.c:95-124)', () => {
  test('IRQ_REGISTER_d (d < 16) appends to the waiter FIFO of (the page’s group, d), unbounded (.c:168-175)', () => {
    const r = qemu(PUBLISHED); // B = 4
    for (let t = 1n; t <= 6n; t++) expect(r.reg(1, 2, t)).toEqual(ACK);
    expect(r.reg(0, 2, 7n)).toEqual(ACK);
    expect(r.waiters(2)).toEqual([
      { p: 0, task: 7n },
      ...[1n, 2n, 3n, 4n, 5n, 6n].map((task) => ({ p: 1, task })),
    ]);
  });

  test.each([
    ['IRQ_REGISTER_16 (0x980)', 0x980],
    ['a write to ERROR (0xF00, line 192)', 0xf00],
    ['a write to STATUS (0xF08, line 193)', 0xf08],
    ['IRQ_REGISTER_223 (0xFF8)', 0xff8],
  ])(
    'bug (definedBehaviour): %s writes past the 16-entry waiter array (util.c:98, :108); nothing after is defined',
    (_n, off) => {
      const r = qemu();
      r.enq(0, 0, 1n);
      const before = r.dev.abs();
      expect(r.dev.write(page(SMALL, 0, off), 1n)).toEqual(UNDEFINED);
      expect(r.deq(0)).toEqual(UNDEFINED);
      expect(r.dev.irq(0)).toEqual(UNDEFINED);
      expect(r.dev.abs()).toEqual(before);
      expect(r.dev.outcome).toBe('corrupted');
    },
  );

  test('bug (noSpuriousWakeup): one pulse is two handler calls, and each pops a waiter (.c:195-215)', () => {
    const r = qemu();
    r.reg(0, 1, 1n);
    r.reg(0, 1, 2n);
    r.reg(0, 1, 3n);
    expect(r.dev.irq(1)).toEqual(ACK);
    expect(r.ready(0, 0)).toEqual([1n, 2n]);
    expect(r.waiters(1)).toEqual([{ p: 0, task: 3n }]);
  });

  test('bug (noLostWakeup): an interrupt that finds nobody is dropped, not counted (.c:203-212)', () => {
    expectInterruptWithNobodyWaitingLost(qemu());
  });

  test('bug (fifoWaiters, noLostWakeupEventually): only group 0’s waiters are popped; a waiter of page 1 is never woken (.c:203)', () => {
    const r = qemu();
    r.reg(1, 0, 11n);
    expect(r.reg(0, 0, 10n)).toEqual(ACK); // listed ahead of 0xb, registered before it
    expect(r.waiters(0)).toEqual([
      { p: 0, task: 10n },
      { p: 1, task: 11n },
    ]);
    r.dev.irq(0);
    r.dev.irq(0);
    expect(r.levels(0)).toEqual([[10n], []]);
    expect(r.levels(1)).toEqual([[], []]);
    expect(r.waiters(0)).toEqual([{ p: 1, task: 11n }]);
  });

  test('a popped waiter 0 is dropped (.c:204)', () => {
    const r = qemu();
    r.reg(0, 0, 0n);
    r.reg(0, 0, 5n);
    r.dev.irq(0);
    expect(r.waiters(0)).toEqual([]);
    expect(r.ready(0, 0)).toEqual([5n]);
  });

  test('line ≥ 16 asserts (.c:202)', () => {
    const cfg: Config = { ...SMALL, devices: 17 };
    const r = qemu(cfg);
    expect(r.dev.irq(16)).toEqual(ABORT);
    expect(r.dev.outcome).toBe('aborted');
  });

  test('reads of the waiter area return 0 (.c:101-108)', () => {
    const r = qemu();
    r.reg(0, 0, 4n);
    expect(r.dev.read(registerAddress(SMALL, 0, 'IRQ_REGISTER', 0))).toEqual(val(0n));
    expect(r.dev.read(page(SMALL, 0, 0xff8))).toEqual(val(0n));
    expect(r.waiters(0)).toEqual([{ p: 0, task: 4n }]);
  });
});

describe('copy and hiddenState (the explorer)', () => {
  test('a copy is independent and carries everything, hidden queues included', () => {
    const r = qemu();
    r.enq(0, 0, 1n);
    r.enq(0, 6, 2n); // priority 6 ≥ P
    r.reg(2, 9, 3n); // group 2 ≥ N, line 9 ≥ D
    const c = r.dev.copy();
    expect(c.abs()).toEqual(r.dev.abs());
    expect(c.hiddenState()).toBe('|r0.6:2|w2.9:3');
    r.deq(0);
    r.dev.write(page(SMALL, 0, 0xf00), 1n);
    expect(c.abs().ready[0]).toEqual([1n]);
    expect(c.outcome).toBe('running');
    expect(c.hiddenState()).toBe('|r0.6:2|w2.9:3');
  });
});

describe('the storms (liteExecutorStorm)', () => {
  test('one storm in five carries a raw access elsewhere in the 16 MiB window, two in five of those on a page ≥ 16', () => {
    const storms = fc.sample(liteExecutorStorm(SMALL, { maxLength: 80 }), { seed: SEED, numRuns: 400 });
    const pageOf = (e: ControllerEvent): number =>
      e.type === 'Read' || e.type === 'Write' ? Number((e.addr - SMALL.base) / 0x1000n) : -1;
    const reaching = storms.filter((s) => s.some((e) => pageOf(e) >= 16));
    expect(reaching.length).toBeGreaterThan(15); // 400 × 1/5 × about 2/5 = 32 expected
    expect(reaching.length).toBeLessThan(60);
  });
});
