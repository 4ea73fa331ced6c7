/**
 * Register-level helpers for the published designs' device tests: the reference map's addresses
 * (both designs use its offsets), a run of accesses by name, and the ready queues and waiters of
 * abs() in the few words a test asserts on.
 */
import { expect } from 'vitest';
import type { ControllerDevice } from '../../../../../protocols/controller/designs/device.ts';
import type { Config } from '../../../../../protocols/controller/model/config/config.ts';
import { registerAddress } from '../../../../../protocols/controller/model/decode.ts';
import type { Observation } from '../../../../../protocols/controller/model/result.ts';
import type { Waiter } from '../../../../../protocols/controller/model/state.ts';

export const ACK: Observation = { kind: 'ack' };
export const ABORT: Observation = { kind: 'abort' };
export const STALL: Observation = { kind: 'stall' };
export const UNDEFINED: Observation = { kind: 'undefined' };
export const val = (value: bigint): Observation => ({ kind: 'value', value });

/** A device and accesses to it by register name (any page, any index: no range checks). */
export function designRig<D extends ControllerDevice>(cfg: Config, dev: D) {
  return {
    dev,
    cfg,
    enq: (p: number, k: number, task: bigint) => dev.write(registerAddress(cfg, p, 'ENQUEUE', k), task),
    deq: (p: number) => dev.read(registerAddress(cfg, p, 'DEQUEUE')),
    reg: (p: number, d: number, task: bigint) => dev.write(registerAddress(cfg, p, 'IRQ_REGISTER', d), task),
    /** The value of each of `n` DEQUEUE reads of page p (an observation that is not a value is a test failure). */
    deqs: (p: number, n: number): bigint[] =>
      Array.from({ length: n }, () => {
        const o = dev.read(registerAddress(cfg, p, 'DEQUEUE'));
        if (o.kind !== 'value') throw new Error(`DEQUEUE observed ${o.kind}`);
        return o.value;
      }),
    /** `ready[p][k]` of abs(). */
    ready: (p: number, k: number): readonly bigint[] => dev.abs().ready[p * cfg.priorities + k] ?? [],
    /** Every ready queue of p in abs(), priority 0 first. */
    levels: (p: number): (readonly bigint[])[] =>
      Array.from({ length: cfg.priorities }, (_, k) => dev.abs().ready[p * cfg.priorities + k] ?? []),
    /** `irqWait[d]` of abs(). */
    waiters: (d: number): readonly Waiter[] => dev.abs().irqWait[d] ?? [],
  };
}

/**
 * The lost interrupt both designs share: an interrupt on line 0 with nobody waiting changes
 * nothing and is remembered nowhere (no pending count), so a task registering afterwards waits.
 */
export function expectInterruptWithNobodyWaitingLost(r: ReturnType<typeof designRig>): void {
  const before = r.dev.abs();
  expect(r.dev.irq(0)).toEqual(ACK);
  expect(r.dev.abs()).toEqual(before);
  r.reg(0, 0, 4n);
  expect(r.waiters(0)).toEqual([{ p: 0, task: 4n }]);
  expect(r.dev.abs().irqPending.every((n) => n === 0)).toBe(true);
}
