/**
 * TAIC (spec/taic.md): each "must find" shortest scenario run on the device through its driver,
 * with the property taic.md names failing at the step it names, and the exact abs() or
 * observation the scenario describes.
 */
import { describe, expect, it } from 'vitest';
import { taic } from '../../../../protocols/controller/designs/taic/taic.ts';
import { runController } from '../../../../protocols/controller/engine/runController.ts';
import { type Config, SMALL } from '../../../../protocols/controller/model/config/config.ts';
import type { ControllerEvent } from '../../../../protocols/controller/model/events.ts';
import { defaultControllerPropertyIds } from '../../../../protocols/controller/properties/selection.ts';

const C4: Config = { ...SMALL, capacity: 4 };
const N3: Config = { ...SMALL, processes: 3 };
const on = (p: number): ControllerEvent => ({ type: 'StatusWrite', p, data: 1n });
const off = (p: number): ControllerEvent => ({ type: 'StatusWrite', p, data: 0n });
const enq = (p: number, prio: number, task: bigint): ControllerEvent => ({ type: 'Enqueue', p, prio, task });
const reg = (p: number, device: number, task: bigint): ControllerEvent => ({
  type: 'IrqRegister',
  p,
  device,
  task,
});
const irq = (line: number): ControllerEvent => ({ type: 'Irq', line });
const deq = (p: number): ControllerEvent => ({ type: 'Dequeue', p });
const senderCap = (p: number, q: number, t: number): ControllerEvent[] => [
  { type: 'LocalWrite', p, lq: 0, off: 0x18, data: 1n },
  { type: 'LocalWrite', p, lq: 0, off: 0x18, data: (BigInt(q) << 32n) | BigInt(t) },
];

/** Runs `events` with `property` alone and returns the failing step and the run. */
function fails(cfg: Config, events: ControllerEvent[], property: string) {
  const r = runController(cfg, taic, events, { properties: [property] });
  if (r.ok) throw new Error(`${property} holds`);
  expect(r.violation.property).toBe(property);
  return r;
}

describe('taic: the must-find scenarios of taic.md', () => {
  it('noLostWakeup (a): an interrupt with no slot anywhere is consumed, uncounted, no bit', () => {
    const r = fails(SMALL, [irq(0)], 'noLostWakeup');
    expect(r.failing.state.irqPending[0]).toBe(0);
    expect(r.failing.state.error).toBe(0);
  });
  it('noLostWakeup (b): the one-shot slot loses the second interrupt', () => {
    const r = fails(SMALL, [reg(0, 0, 4n), irq(0), irq(0)], 'noLostWakeup');
    expect(r.violation.step).toBe(2);
    expect(r.failing.state.ready[0]).toEqual([4n]);
  });
  it('noLostWakeup: one interrupt wakes both waiters', () => {
    const r = fails(SMALL, [on(1), reg(0, 0, 4n), reg(1, 0, 8n), irq(0)], 'noLostWakeup');
    expect(r.before.irqWait[0]).toEqual([
      { p: 0, task: 4n },
      { p: 1, task: 8n },
    ]);
    expect(r.failing.state.irqWait[0]).toEqual([]);
  });
  it('taskConservation (a): a second registration overwrites the slot silently', () => {
    const r = fails(SMALL, [reg(0, 0, 4n), reg(0, 0, 8n)], 'taskConservation');
    expect(r.failing.state.irqWait[0]).toEqual([{ p: 0, task: 8n }]);
    expect(r.failing.state.error).toBe(0);
  });
  it('taskConservation (b): a keep-bit handler is ready and still registered', () => {
    const r = fails(SMALL, [reg(0, 0, 6n), irq(0)], 'taskConservation');
    expect(r.failing.state.ready[0]).toEqual([6n]);
    expect(r.failing.state.irqWait[0]).toEqual([{ p: 0, task: 6n }]);
  });
  it('taskConservation (c): with no receive capability the stale enq_data is enqueued again', () => {
    const r = fails(
      SMALL,
      [on(1), ...senderCap(1, 0, 0), enq(0, 0, 8n), { type: 'IpcSend', p: 1, ipcType: 0, target: 0 }],
      'taskConservation',
    );
    expect(r.failing.state.ready[0]).toEqual([8n, 8n]);
    expect(r.failing.state.error).toBe(0); // errorReporting (b): no no_recv_perm
  });
  it('taskConservation (d): at C = 4 the fourth enqueue wraps LQ 0 to empty', () => {
    const r = fails(
      C4,
      [4n, 8n, 12n, 16n].map((t) => enq(0, 0, t)),
      'taskConservation',
    );
    expect(r.violation.step).toBe(3);
    expect(r.failing.state.ready[0]).toEqual([]);
  });
  it('taskConservation (e): a wake into a full GQ is dropped and LQ 0 and LQ 1 overlap', () => {
    const r = fails(
      C4,
      [enq(0, 0, 4n), enq(0, 0, 8n), enq(0, 1, 12n), enq(0, 1, 16n), reg(0, 0, 20n), irq(0)],
      'taskConservation',
    );
    expect(r.failing.state.ready[0]).toEqual([4n, 8n, 12n]);
    // LQ 1's head moved past 12 to slot 3, and its second slot wraps to slot 0 (read modulo C).
    expect(r.failing.state.ready[1]).toEqual([16n, 4n]);
  });
  it('taskConservation (f): STATUS←0 cleans the GQ and discards a registered handler', () => {
    const r = fails(SMALL, [on(1), reg(1, 0, 4n), off(1)], 'taskConservation');
    expect(r.failing.state.irqWait[0]).toEqual([]);
    expect(r.failing.state.online[1]).toBe(false);
  });
  it('fifoWithinPriority: a preempting wake enters LQ 0 ahead of A', () => {
    const r = fails(SMALL, [enq(0, 0, 4n), reg(0, 0, 9n), irq(0), deq(0)], 'fifoWithinPriority');
    expect(r.failing.state.ready[0]).toEqual([9n, 4n]);
  });
  it('fifoWithinPriority at C = 4: the wrapped count loses A..D from LQ 0', () => {
    const r = fails(
      C4,
      [4n, 8n, 12n, 16n].map((t) => enq(0, 0, t)),
      'fifoWithinPriority',
    );
    expect(r.violation.step).toBe(3);
  });
  it('neverStalls: alq R with no allocation pending hangs the device', () => {
    const r = fails(SMALL, [{ type: 'Read', addr: SMALL.base }], 'neverStalls');
    expect(r.failing.obs).toEqual({ kind: 'stall' });
  });
  it('neverStalls: flq ← ~0 leaves s_free_lq for ever, and the next alq W stalls', () => {
    const r = fails(
      SMALL,
      [
        { type: 'Write', addr: SMALL.base + 8n, data: (1n << 64n) - 1n },
        { type: 'Write', addr: SMALL.base, data: 1n },
      ],
      'neverStalls',
    );
    expect(r.violation.step).toBe(1);
  });
  it('errorReporting (a): a read of task_enqueue returns 0 and sets no bit', () => {
    const r = fails(SMALL, [{ type: 'LocalRead', p: 0, lq: 0, off: 0 }], 'errorReporting');
    expect(r.failing.obs).toEqual({ kind: 'value', value: 0n });
    expect(r.failing.state.error).toBe(0);
  });
  it('emptyMeansEmpty: id 0 is stored and dequeued as "empty" with A behind it', () => {
    const r = fails(SMALL, [enq(0, 0, 0n), enq(0, 0, 4n), deq(0)], 'emptyMeansEmpty');
    expect(r.failing.obs).toEqual({ kind: 'value', value: 0n });
    expect(r.before.ready[0]).toEqual([0n, 4n]);
  });
  it('processIsolation: a raw send to (0, 0) re-enqueues a freed GQ stale X, which p2 inherits', () => {
    const sendZero: ControllerEvent = { type: 'LocalWrite', p: 0, lq: 0, off: 0x30, data: 0n };
    const r = fails(
      N3,
      [on(1), enq(1, 0, 4n), off(1), sendZero, sendZero, on(2), deq(2)],
      'processIsolation',
    );
    expect(r.failing.obs).toEqual({ kind: 'value', value: 4n });
  });
  it('noLostIpcWakeup (controller view): the consumed capability lets the stale enq_data Y in', () => {
    const send: ControllerEvent = { type: 'IpcSend', p: 1, ipcType: 0, target: 0 };
    const reg0: ControllerEvent = { type: 'IpcRegister', p: 0, ipcType: 0, task: 4n, sender: 1 };
    const r = fails(SMALL, [on(1), reg0, send, enq(0, 0, 8n), send], 'taskConservation');
    expect(r.failing.state.ready[0]).toEqual([4n, 8n, 8n]);
    expect(r.failing.state.ipcWait[0]).toEqual([]);
  });
  it('STATUS←1 is a write: acknowledged once its alq sequence completed (neverStalls holds)', () => {
    const r = runController(SMALL, taic, [on(1), on(1)], { properties: ['neverStalls'] });
    expect(r.ok).toBe(true);
    expect(r.recorded.map((s) => s.obs)).toEqual([{ kind: 'ack' }, { kind: 'ack' }]);
    expect(r.recorded[0]?.state.online[1]).toBe(true);
  });
  it('refuses N > 4 and P > 8', () => {
    expect(taic.configError?.({ ...SMALL, processes: 5 })).toMatch(/N = 5/);
    expect(taic.configError?.({ ...SMALL, priorities: 9 })).toMatch(/P = 9/);
    expect(taic.configError?.(SMALL)).toBeNull();
  });
});

/**
 * The same scenarios with every property judged (as a check without --property and a replay
 * judge them): which property reports each first, and at which step. Where it is not the property
 * taic.md names, an earlier-ordered property fails at the same step or earlier, by a TAIC
 * behaviour that is itself a finding; the saved traces (traces/saved, findings.ts) are named
 * after what they show first.
 */
describe('taic: the must-find scenarios with every property judged', () => {
  const ipcReg = (p: number, t: number, task: bigint, sender: number): ControllerEvent => ({
    type: 'IpcRegister',
    p,
    ipcType: t,
    task,
    sender,
  });
  const send = (p: number, q: number, t: number): ControllerEvent => ({
    type: 'IpcSend',
    p,
    ipcType: t,
    target: q,
  });
  const alq = (data: bigint): ControllerEvent => ({ type: 'Write', addr: SMALL.base, data });
  const sendZero: ControllerEvent = { type: 'LocalWrite', p: 0, lq: 0, off: 0x30, data: 0n };
  const cases: [string, Config, ControllerEvent[], string, number][] = [
    ['noLostWakeup (a)', SMALL, [irq(0)], 'noLostWakeup', 0],
    ['noLostWakeup (b)', SMALL, [reg(0, 0, 4n), irq(0), irq(0)], 'noLostWakeup', 2],
    ['noLostWakeup: both waiters', SMALL, [on(1), reg(0, 0, 4n), reg(1, 0, 8n), irq(0)], 'noLostWakeup', 3],
    ['taskConservation (a)', SMALL, [reg(0, 0, 4n), reg(0, 0, 8n)], 'taskConservation', 1],
    ['taskConservation (b)', SMALL, [reg(0, 0, 6n), irq(0)], 'taskConservation', 1],
    [
      'taskConservation (c)',
      SMALL,
      [on(1), ...senderCap(1, 0, 0), enq(0, 0, 8n), send(1, 0, 0)],
      'taskConservation',
      4,
    ],
    // the wrapped count empties LQ 0 in one step: fifoWithinPriority is ordered first
    ['taskConservation (d), C = 4', C4, [4n, 8n, 12n, 16n].map((t) => enq(0, 0, t)), 'fifoWithinPriority', 3],
    // the handler's slot counts in occupancy: the registration takes process 0 to C + 1 first
    [
      'taskConservation (e), C = 4',
      C4,
      [enq(0, 0, 4n), enq(0, 0, 8n), enq(0, 1, 12n), enq(0, 1, 16n), reg(0, 0, 20n), irq(0)],
      'capacityBound',
      4,
    ],
    ['taskConservation (f)', SMALL, [on(1), reg(1, 0, 4n), off(1)], 'taskConservation', 2],
    [
      'fifoWithinPriority: preempt',
      SMALL,
      [enq(0, 0, 4n), reg(0, 0, 9n), irq(0), deq(0)],
      'fifoWithinPriority',
      2,
    ],
    [
      'fifoWithinPriority, C = 4',
      C4,
      [enq(0, 0, 4n), enq(0, 0, 8n), enq(0, 0, 12n), enq(0, 0, 16n), deq(0), enq(0, 0, 20n), deq(0)],
      'fifoWithinPriority',
      3,
    ],
    // offlineRetention is a syscall property; in the controller the dropped send is a lost wakeup
    [
      'offlineRetention',
      SMALL,
      [...senderCap(0, 1, 0), send(0, 1, 0), on(1), ipcReg(1, 0, 4n, 0)],
      'noLostWakeup',
      2,
    ],
    // the keep-bit wake adds an instance: taskConservation in the step taskInOnePlace would see
    ['taskInOnePlace: keep bit', SMALL, [reg(0, 0, 6n), irq(0), irq(0)], 'taskConservation', 1],
    ['neverStalls: alq R', SMALL, [{ type: 'Read', addr: SMALL.base }], 'neverStalls', 0],
    [
      'neverStalls: flq ← ~0',
      SMALL,
      [{ type: 'Write', addr: SMALL.base + 8n, data: (1n << 64n) - 1n }, alq(1n)],
      'neverStalls',
      1,
    ],
    ['errorReporting (a)', SMALL, [{ type: 'LocalRead', p: 0, lq: 0, off: 0 }], 'errorReporting', 0],
    ['errorReporting (c)', SMALL, [...senderCap(0, 1, 0), send(0, 1, 0)], 'noLostWakeup', 2],
    [
      'noLostIpcWakeup',
      SMALL,
      [on(1), ...senderCap(1, 0, 0), ipcReg(0, 0, 4n, 1), send(1, 0, 0), enq(0, 0, 8n), send(1, 0, 0)],
      'taskConservation',
      6,
    ],
    // id 0 is a wrong write (§4.3) that TAIC stores: taskConservation in its own step
    ['emptyMeansEmpty: id 0', SMALL, [enq(0, 0, 0n), enq(0, 0, 4n), deq(0)], 'taskConservation', 0],
    // a dequeue through a freed LQ 0 of a GQ that keeps LQ 1 returns 0 with no_lq [Q:156-158]
    [
      'emptyMeansEmpty: freed LQ 0',
      SMALL,
      [
        enq(0, 0, 4n),
        alq(1n),
        alq(0n),
        { type: 'Read', addr: SMALL.base },
        { type: 'Write', addr: SMALL.base + 8n, data: 0n },
        deq(0),
      ],
      'emptyMeansEmpty',
      5,
    ],
    // the clean of GQ 1 empties priority 0 of process 1 before the raw send brings X back
    [
      'processIsolation',
      N3,
      [on(1), enq(1, 0, 4n), off(1), sendZero, sendZero, on(2), deq(2)],
      'fifoWithinPriority',
      2,
    ],
  ];
  const table = cases.map(([name, cfg, events, first, step]) => [name, first, step, cfg, events] as const);
  it.each(table)('%s: %s first, at step %s', (_name, first, step, cfg, events) => {
    const r = runController(cfg, taic, events, { properties: defaultControllerPropertyIds(taic) });
    if (r.ok) throw new Error('passes');
    expect([r.violation.property, r.violation.step]).toEqual([first, step]);
  });
});
