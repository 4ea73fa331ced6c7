/**
 * The ATS-INTC RTL at transaction level (protocols/controller/designs/ats-intc-chisel,
 * spec/controller.md §7) as the upstream code is written: one test per behaviour, each citing the
 * line of ATSINTC.scala or Utils.scala it follows, and the shortest scenario of each bug with the
 * exact abs() and observations. The registers the RTL keeps (`mem`, `length`, `index_blocks`) are
 * read through hiddenState: `s|index_blocks|length:mem|gateways`.
 */
import { describe, expect, test } from 'vitest';
import { AtsIntcChiselDevice } from '../../../../protocols/controller/designs/ats-intc-chisel/atsIntcChiselDevice.ts';
import { log2Up } from '../../../../protocols/controller/designs/ats-intc-chisel/dataArray.ts';
import { type Config, PUBLISHED, SMALL } from '../../../../protocols/controller/model/config/config.ts';
import { registerAddress } from '../../../../protocols/controller/model/decode.ts';
import { ACK, designRig, expectInterruptWithNobodyWaitingLost, STALL, val } from './support/designRig.ts';

/** SMALL: N=2, P=2, C=3, D=2, B=2. */
const chisel = (cfg: Config = SMALL) => designRig(cfg, new AtsIntcChiselDevice(cfg));
const at = (cfg: Config, off: number): bigint => cfg.base + BigInt(off);

describe('the register map (ATSINTC.scala:82-97)', () => {
  test('DEQUEUE at 0x00, ENQUEUE_k at 0x08 + 8k (k < P), IRQ_REGISTER_d at 0x900 + 8d (d < D), all of page 0', () => {
    const r = chisel();
    expect(r.dev.write(at(SMALL, 0x08), 1n)).toEqual(ACK);
    expect(r.dev.write(at(SMALL, 0x10), 2n)).toEqual(ACK);
    expect(r.dev.write(at(SMALL, 0x908), 3n)).toEqual(ACK);
    expect(r.levels(0)).toEqual([[1n], [2n]]);
    expect(r.waiters(1)).toEqual([{ p: 0, task: 3n }]);
    expect(r.dev.read(at(SMALL, 0x00))).toEqual(val(1n));
  });

  test('a write at 0x200000 + 8d is the simulated interrupt of line d (:86-92), the same pulse as irq(d)', () => {
    const r = chisel();
    r.reg(0, 1, 5n);
    expect(r.dev.write(at(SMALL, 0x20_0008), 0n)).toEqual(ACK);
    expect(r.levels(0)).toEqual([[5n], []]);
    expect(r.waiters(1)).toEqual([]);
    expect(r.dev.read(at(SMALL, 0x20_0008))).toEqual(val(0n));
  });

  test('everything else reads 0 and ignores writes: other pages, P ≤ k, D ≤ d, IPC, ERROR, STATUS, unaligned', () => {
    const r = chisel();
    r.enq(0, 0, 1n);
    const before = r.dev.abs();
    const hidden = r.dev.hiddenState();
    for (const addr of [
      registerAddress(SMALL, 1, 'ENQUEUE', 0), // page 1
      registerAddress(SMALL, 0, 'ENQUEUE', 2), // k = P
      registerAddress(SMALL, 0, 'IRQ_REGISTER', 2), // d = D
      registerAddress(SMALL, 0, 'IPC_SEND'),
      registerAddress(SMALL, 0, 'IPC_REGISTER', 0),
      registerAddress(SMALL, 0, 'ERROR'),
      registerAddress(SMALL, 0, 'STATUS'),
      at(SMALL, 0x0c),
      at(SMALL, 0x20_0010), // the pulse of line 2 = D
    ]) {
      expect(r.dev.write(addr, 7n)).toEqual(ACK);
      expect(r.dev.read(addr)).toEqual(val(0n));
    }
    expect(r.dev.write(registerAddress(SMALL, 0, 'DEQUEUE'), 7n)).toEqual(ACK); // `RegField.r` (:82)
    expect(r.dev.read(at(SMALL, 0x04))).toEqual(val(0n));
    expect(r.deq(1)).toEqual(val(0n));
    expect(r.dev.read(registerAddress(SMALL, 0, 'ENQUEUE', 0))).toEqual(val(0n)); // `RegField.w` reads 0
    expect(r.dev.abs()).toEqual(before);
    expect(r.dev.hiddenState()).toBe(hidden);
    expect(before.online).toEqual([true, false]);
    expect(before.error).toBe(0);
  });
});

describe('the priority queue (Utils.scala:8-85)', () => {
  test('away from its bounds: strict priority, FIFO within a priority', () => {
    const cfg: Config = { ...PUBLISHED, capacity: 16 };
    const r = chisel(cfg);
    for (const [k, t] of [
      [2, 1n],
      [0, 2n],
      [2, 3n],
      [1, 4n],
      [0, 5n],
      [7, 6n],
      [1, 7n],
    ] as const)
      expect(r.enq(0, k, t)).toEqual(ACK);
    expect(r.levels(0)).toEqual([[2n, 5n], [4n, 7n], [1n, 3n], [], [], [], [], [6n]]);
    expect(r.deqs(0, 8)).toEqual([2n, 5n, 4n, 7n, 1n, 3n, 6n, 0n]);
  });

  test('register widths: log2Up(C) (chisel3.util), at least 1 bit', () => {
    expect([1, 2, 3, 4, 5, 256, 1024].map(log2Up)).toEqual([1, 1, 2, 2, 3, 8, 10]);
  });

  test('bug (fifoWithinPriority, taskConservation): a non-tail insert that fills the array loses the entry at C−2 and shows mem[C−1] (:35-40)', () => {
    const r = chisel();
    r.enq(0, 1, 1n);
    r.enq(0, 1, 2n);
    expect(r.dev.hiddenState()).toBe('s|0,0,2|2:1,2,0|00');
    expect(r.enq(0, 0, 3n)).toEqual(ACK);
    // mem(1) := mem(0) only (the loop stops at C−2 = 1): 0x2 is gone, and the 0 in mem(2) shows.
    expect(r.dev.hiddenState()).toBe('s|0,1,3|3:3,1,0|00');
    expect(r.levels(0)).toEqual([[3n], [1n, 0n]]);
    expect(r.deqs(0, 3)).toEqual([3n, 1n, 0n]);
  });

  test('bug (taskConservation, processIsolation): mem[C−1] is never cleared, so an empty DEQUEUE returns a stale duplicate (:27-29, :44)', () => {
    const r = chisel();
    for (const t of [1n, 2n, 3n]) r.enq(0, 0, t);
    expect(r.dev.hiddenState()).toBe('s|0,3,3|3:1,2,3|00'); // C = 3: 2-bit blocks, no wrap
    expect(r.deqs(0, 3)).toEqual([1n, 2n, 3n]);
    expect(r.levels(0)).toEqual([[], []]);
    expect(r.dev.hiddenState()).toBe('s|0,0,0|0:3,3,3|00');
    expect(r.deqs(0, 2)).toEqual([3n, 3n]); // returned again, from an empty queue
  });

  test('bug (fifoWithinPriority): with C = 4, a b c then d gives mem [a, a, b, d] and index_blocks wrap to 0 (:36, :55, :75)', () => {
    const cfg: Config = { ...SMALL, capacity: 4 };
    const r = chisel(cfg);
    for (const t of [1n, 2n, 3n]) r.enq(0, 0, t);
    expect(r.levels(0)).toEqual([[1n, 2n, 3n], []]);
    expect(r.enq(0, 0, 4n)).toEqual(ACK);
    // position + 1 = 3 + 1 = 0 in 2 bits: every slot 1..C−2 shifts; 3 + 1 = 0 in every block register.
    expect(r.dev.hiddenState()).toBe('s|0,0,0|4:1,1,2,4|00');
    expect(r.levels(0)).toEqual([[], []]);
    expect(r.deqs(0, 5)).toEqual([1n, 1n, 2n, 4n, 4n]);
  });

  test('bug (taskConservation, errorReporting): a write to the full array is acknowledged and dropped (:22, :33, :67-70)', () => {
    const r = chisel();
    for (const t of [1n, 2n, 3n]) r.enq(0, 1, t);
    const before = r.dev.abs();
    expect(r.enq(0, 0, 4n)).toEqual(ACK);
    expect(r.dev.abs()).toEqual(before);
    expect(r.levels(0)).toEqual([[], [1n, 2n, 3n]]);
    expect(r.dev.isStalled).toBe(false);
  });

  test('bug (emptyMeansEmpty): id 0 is taken like any value, and DEQUEUE returns it as 0 with a task behind it (:40, :44)', () => {
    const r = chisel();
    r.enq(0, 0, 0n);
    r.enq(0, 0, 3n);
    expect(r.levels(0)).toEqual([[0n, 3n], []]);
    expect(r.deq(0)).toEqual(val(0n));
    expect(r.levels(0)).toEqual([[3n], []]);
  });
});

describe('the blocked queues behind gateways (Utils.scala:89-145)', () => {
  test('a wake pops the head, closes the gateway and goes to priority 0; a registration reopens it (:98-109)', () => {
    const r = chisel();
    expect(r.dev.gatewayOpen(0)).toBe(false);
    r.reg(0, 0, 10n);
    r.reg(0, 0, 11n);
    expect(r.dev.gatewayOpen(0)).toBe(true);
    expect(r.dev.irq(0)).toEqual(ACK);
    expect(r.levels(0)).toEqual([[10n], []]);
    expect(r.waiters(0)).toEqual([{ p: 0, task: 11n }]);
    expect(r.dev.gatewayOpen(0)).toBe(false);
  });

  test('bug (noLostWakeup): with the gateway closed, a pulse is lost although a waiter is queued (:102, :104)', () => {
    const r = chisel();
    r.reg(0, 0, 10n);
    r.reg(0, 0, 11n);
    r.dev.irq(0);
    const before = r.dev.abs();
    expect(r.dev.irq(0)).toEqual(ACK);
    expect(r.dev.abs()).toEqual(before);
    expect(r.waiters(0)).toEqual([{ p: 0, task: 11n }]);
    r.reg(0, 0, 12n); // the next registration reopens it
    r.dev.irq(0);
    expect(r.levels(0)).toEqual([[10n, 11n], []]);
  });

  test('bug (noLostWakeup): a pulse with nobody waiting is lost: no pending count (:95, :104)', () => {
    expectInterruptWithNobodyWaitingLost(chisel());
  });

  test('bug (taskConservation): a wake into the full array drops the waiter: a ValidIO has no back-pressure (:93, :109, :137-143)', () => {
    const r = chisel();
    r.reg(0, 0, 9n);
    for (const t of [1n, 2n, 3n]) r.enq(0, 1, t);
    expect(r.dev.irq(0)).toEqual(ACK);
    expect(r.waiters(0)).toEqual([]);
    expect(r.levels(0)).toEqual([[], [1n, 2n, 3n]]);
    expect(r.dev.gatewayOpen(0)).toBe(false);
  });

  test('bug (neverStalls): a registration into a full waiter queue holds the bus for good (:98; ATSINTC.scala:59, :89, :94)', () => {
    const r = chisel();
    expect(r.reg(0, 1, 1n)).toEqual(ACK);
    expect(r.reg(0, 1, 2n)).toEqual(ACK);
    const before = r.dev.abs();
    expect(r.reg(0, 1, 3n)).toEqual(STALL);
    expect(r.deq(0)).toEqual(STALL);
    expect(r.enq(0, 0, 5n)).toEqual(STALL);
    expect(r.dev.irq(1)).toEqual(STALL); // the pulse is a write on the same bus
    expect(r.dev.write(at(SMALL, 0x20_0008), 0n)).toEqual(STALL);
    expect(r.dev.abs()).toEqual(before);
    expect(r.dev.isStalled).toBe(true);
  });
});

describe('copy and hiddenState (the explorer)', () => {
  test('a copy is independent and carries every register', () => {
    const r = chisel();
    r.enq(0, 0, 1n);
    r.reg(0, 1, 2n);
    const c = r.dev.copy();
    expect(c.abs()).toEqual(r.dev.abs());
    expect(c.hiddenState()).toBe(r.dev.hiddenState());
    r.deq(0);
    r.dev.irq(1);
    r.reg(0, 0, 3n);
    r.reg(0, 0, 3n);
    r.reg(0, 0, 3n);
    expect(c.hiddenState()).toBe('s|0,1,1|1:1,0,0|01');
    expect(c.abs().irqWait).toEqual([[], [{ p: 0, task: 2n }]]);
  });
});
