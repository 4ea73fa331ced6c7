/**
 * The reference controller as a register-level device (impl/reference): one test per behaviour
 * of spec/controller.md §4–§5, then a differential property against the model's `step`.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { drive } from '../../../../protocols/controller/designs/drive.ts';
import { ReferenceDevice } from '../../../../protocols/controller/designs/reference/referenceDevice.ts';
import {
  CONTROLLER_IMPLS,
  controllerImplNames,
  findControllerImpl,
} from '../../../../protocols/controller/designs/registry.ts';
import { type Config, PUBLISHED, SMALL } from '../../../../protocols/controller/model/config/config.ts';
import { encodableError, registerAddress } from '../../../../protocols/controller/model/decode.ts';
import { type ControllerEvent, U64_MAX } from '../../../../protocols/controller/model/events.ts';
import {
  ERR,
  OFFSET,
  PAGE_SIZE,
  type RegisterName,
} from '../../../../protocols/controller/model/registers.ts';
import { ACK, type Observation } from '../../../../protocols/controller/model/result.ts';
import {
  type ControllerState,
  initialState,
  occupancy,
} from '../../../../protocols/controller/model/state.ts';
import { step } from '../../../../protocols/controller/model/step.ts';
import { runs, SEED } from '../../../support/seed.ts';

/** A fresh device plus register-level helpers bound to it. */
function rig(cfg: Config = SMALL) {
  const dev = new ReferenceDevice(cfg);
  const at = (p: number, reg: RegisterName, i = 0) => registerAddress(cfg, p, reg, i);
  return {
    dev,
    enq: (p: number, k: number, task: bigint) => dev.write(at(p, 'ENQUEUE', k), task),
    deq: (p: number) => dev.read(at(p, 'DEQUEUE')),
    irqReg: (p: number, d: number, task: bigint) => dev.write(at(p, 'IRQ_REGISTER', d), task),
    ipcReg: (p: number, t: number, task: bigint) => dev.write(at(p, 'IPC_REGISTER', t), task),
    send: (p: number, t: number, q: number) => dev.write(at(p, 'IPC_SEND'), (BigInt(t) << 32n) | BigInt(q)),
    err: (p = 0) => dev.read(at(p, 'ERROR')),
    status: (p: number) => dev.read(at(p, 'STATUS')),
    setStatus: (p: number, data: bigint) => dev.write(at(p, 'STATUS'), data),
  };
}

const v = (value: bigint): Observation => ({ kind: 'value', value });

describe('reference device: reset and registry', () => {
  test.each([
    ['small', SMALL],
    ['published', PUBLISHED],
  ])('at reset abs() is the model initial state (%s)', (_name, cfg) => {
    expect(new ReferenceDevice(cfg).abs()).toEqual(initialState(cfg));
  });

  test('the registry finds the reference by name and lists unique names', () => {
    const names = controllerImplNames();
    expect(names).toContain('reference');
    expect(new Set(names).size).toBe(names.length);
    expect(findControllerImpl('reference')?.expectedViolations).toEqual([]);
    expect(findControllerImpl('no-such-design')).toBeUndefined();
    expect(CONTROLLER_IMPLS.map((i) => i.name)).toEqual(names);
    expect(findControllerImpl('reference')?.create(SMALL).abs()).toEqual(initialState(SMALL));
  });
});

describe('reference device: ready queues (§4)', () => {
  test('DEQUEUE takes the lowest-numbered priority first, FIFO within a priority, then 0', () => {
    const r = rig(PUBLISHED);
    for (const [k, t] of [
      [3, 30n],
      [1, 10n],
      [3, 31n],
      [1, 11n],
      [0, 1n],
    ] as const) {
      expect(r.enq(2, k, t)).toEqual(ACK);
    }
    const got = [1, 2, 3, 4, 5, 6].map(() => r.deq(2));
    expect(got).toEqual([v(1n), v(10n), v(11n), v(30n), v(31n), v(0n)]);
    expect(r.dev.abs().error).toBe(0);
  });

  test('pages are isolated: a DEQUEUE on another page sees none of it', () => {
    const r = rig();
    r.enq(0, 1, 7n);
    expect(r.deq(1)).toEqual(v(0n));
    expect(r.deq(0)).toEqual(v(7n));
  });

  test('the same id written twice is held twice (no deduplication)', () => {
    const r = rig();
    r.enq(0, 0, 5n);
    r.enq(0, 0, 5n);
    expect(r.dev.abs().ready[0]).toEqual([5n, 5n]);
  });

  test('an offline process keeps and serves its queues', () => {
    const r = rig();
    expect(r.status(1)).toEqual(v(0n));
    r.enq(1, 0, 9n);
    expect(r.deq(1)).toEqual(v(9n));
  });
});

describe('reference device: capacity (§5)', () => {
  test('QUEUE_FULL once ready + waiting reaches C, and nothing else changes', () => {
    const r = rig(); // C = 3
    r.enq(0, 1, 1n);
    r.irqReg(0, 0, 2n);
    r.ipcReg(0, 1, 3n);
    const before = r.dev.abs();
    expect(r.enq(0, 0, 4n)).toEqual(ACK);
    expect(r.irqReg(0, 1, 5n)).toEqual(ACK);
    expect(r.ipcReg(0, 0, 6n)).toEqual(ACK);
    expect(r.dev.abs()).toEqual({ ...before, error: ERR.QUEUE_FULL });
    expect(r.enq(1, 0, 4n)).toEqual(ACK); // the other process has its own capacity
    expect(r.dev.abs().ready[SMALL.priorities]).toEqual([4n]);
  });

  test('QUEUE_FULL even when the registration would have consumed a pending count', () => {
    const r = rig();
    r.dev.irq(1);
    r.send(1, 0, 0);
    for (const t of [1n, 2n, 3n]) r.enq(0, 0, t);
    const before = r.dev.abs();
    r.irqReg(0, 1, 4n);
    r.ipcReg(0, 0, 5n);
    expect(r.dev.abs()).toEqual({ ...before, error: ERR.QUEUE_FULL });
  });

  test('a wake moves a task from waiting to ready and never changes occupancy', () => {
    const r = rig();
    r.irqReg(1, 0, 1n);
    r.ipcReg(1, 0, 2n);
    r.enq(1, 1, 3n);
    r.dev.irq(0);
    r.send(0, 0, 1);
    expect(r.dev.occupancyOf(1)).toBe(3);
    expect(r.dev.abs().error).toBe(0);
    expect([r.deq(1), r.deq(1), r.deq(1), r.deq(1)]).toEqual([v(1n), v(2n), v(3n), v(0n)]);
    expect(r.dev.occupancyOf(1)).toBe(0);
  });

  test('WAIT_FULL for a registration that would wait in a blocked queue of B entries', () => {
    const r = rig({ ...SMALL, capacity: 10 }); // B = 2, room enough for capacity not to matter
    r.irqReg(0, 0, 1n);
    r.irqReg(1, 0, 2n);
    r.ipcReg(1, 1, 3n);
    r.ipcReg(1, 1, 4n);
    const before = r.dev.abs();
    expect(r.irqReg(0, 0, 5n)).toEqual(ACK);
    expect(r.dev.abs()).toEqual({ ...before, error: ERR.WAIT_FULL });
    expect(r.err()).toEqual(v(BigInt(ERR.WAIT_FULL)));
    r.ipcReg(1, 1, 6n);
    expect(r.dev.abs()).toEqual({ ...before, error: ERR.WAIT_FULL });
    r.err();
    r.ipcReg(0, 1, 6n); // (0, 1) is a different blocked queue
    r.irqReg(0, 1, 7n); // and so is device 1
    expect(r.dev.abs().ipcWait[1]).toEqual([6n]);
    expect(r.dev.abs().irqWait[1]).toEqual([{ p: 0, task: 7n }]);
    expect(r.err()).toEqual(v(0n));
  });

  test('QUEUE_FULL is checked before WAIT_FULL', () => {
    const r = rig();
    r.irqReg(0, 0, 1n);
    r.irqReg(0, 0, 2n);
    r.enq(0, 0, 3n);
    r.irqReg(0, 0, 4n);
    expect(r.err()).toEqual(v(BigInt(ERR.QUEUE_FULL)));
  });
});

describe('reference device: interrupts and waiting (§4.1)', () => {
  test('an interrupt wakes the head waiter into priority 0 of the process that registered it', () => {
    const r = rig();
    r.enq(1, 0, 50n);
    r.irqReg(1, 1, 7n);
    r.irqReg(0, 1, 8n);
    r.dev.irq(1);
    const s = r.dev.abs();
    expect(s.ready[SMALL.priorities]).toEqual([50n, 7n]);
    expect(s.irqWait[1]).toEqual([{ p: 0, task: 8n }]);
    r.dev.irq(1);
    expect(r.dev.abs().ready[0]).toEqual([8n]);
  });

  test('an interrupt with nobody waiting is counted and consumed by the next registration', () => {
    const r = rig();
    r.dev.irq(0);
    r.dev.irq(0);
    expect(r.dev.abs().irqPending).toEqual([2, 0]);
    r.irqReg(1, 0, 3n);
    const s = r.dev.abs();
    expect(s.irqPending).toEqual([1, 0]);
    expect(s.irqWait[0]).toEqual([]);
    expect(s.ready[SMALL.priorities]).toEqual([3n]);
  });

  test('a pending count is consumed even when the blocked queue is full (no WAIT_FULL)', () => {
    const r = rig();
    r.irqReg(1, 0, 1n);
    r.irqReg(1, 0, 2n);
    r.dev.irq(1);
    r.irqReg(0, 1, 3n);
    expect(r.dev.abs().ready[0]).toEqual([3n]);
    expect(r.err()).toEqual(v(0n));
  });

  test('a counter at Q loses the interrupt and reports PENDING_OVERFLOW in that step', () => {
    const r = rig(); // Q = 2
    r.dev.irq(1);
    r.dev.irq(1);
    expect(r.dev.abs().error).toBe(0);
    r.dev.irq(1);
    expect(r.dev.abs()).toEqual({ ...initialState(SMALL), irqPending: [0, 2], error: ERR.PENDING_OVERFLOW });
  });

  test('a line that is not wired (≥ D) changes nothing', () => {
    const r = rig();
    expect(r.dev.irq(SMALL.devices)).toEqual(ACK);
    expect(r.dev.abs()).toEqual(initialState(SMALL));
  });
});

describe('reference device: IPC (§4.2)', () => {
  test('register then send: the send wakes the head handler into the target process', () => {
    const r = rig();
    r.ipcReg(1, 1, 4n);
    r.ipcReg(1, 1, 5n);
    r.send(0, 1, 1);
    const s = r.dev.abs();
    expect(s.ready[SMALL.priorities]).toEqual([4n]);
    expect(s.ipcWait[SMALL.ipcTypes + 1]).toEqual([5n]);
  });

  test('send then register: the send is counted and consumed at registration', () => {
    const r = rig();
    r.send(1, 0, 1);
    expect(r.dev.abs().ipcPending).toEqual([0, 0, 1, 0]);
    r.ipcReg(1, 0, 6n);
    expect(r.dev.abs().ipcPending).toEqual([0, 0, 0, 0]);
    expect(r.deq(1)).toEqual(v(6n));
  });

  test('data 0 is type 0 to process 0, and sending to oneself is valid', () => {
    const r = rig();
    r.dev.write(registerAddress(SMALL, 0, 'IPC_SEND'), 0n);
    r.send(1, 1, 1);
    expect(r.dev.abs().ipcPending).toEqual([1, 0, 0, 1]);
    expect(r.err()).toEqual(v(0n));
  });

  test('a send that finds its counter at Q is lost with PENDING_OVERFLOW', () => {
    const r = rig();
    for (let i = 0; i < 3; i++) r.send(0, 1, 0);
    expect(r.dev.abs().ipcPending).toEqual([0, 2, 0, 0]);
    expect(r.err()).toEqual(v(BigInt(ERR.PENDING_OVERFLOW)));
  });
});

describe('reference device: STATUS and ERROR (§4, §5)', () => {
  test('STATUS stores bit 0 of the data per process; only process 0 is online at reset', () => {
    const r = rig();
    expect([r.status(0), r.status(1)]).toEqual([v(1n), v(0n)]);
    r.setStatus(0, 0b10n);
    r.setStatus(1, 0xffn);
    expect([r.status(0), r.status(1)]).toEqual([v(0n), v(1n)]);
    expect(r.dev.abs().online).toEqual([false, true]);
    expect(r.dev.abs().error).toBe(0);
  });

  test('ERROR is global: it collects bits from every page and a read from any page clears it', () => {
    const r = rig();
    r.enq(1, 0, 0n); // BAD_ACCESS on page 1
    for (const t of [1n, 2n, 3n, 4n]) r.enq(0, 0, t); // QUEUE_FULL on page 0
    expect(r.err(1)).toEqual(v(BigInt(ERR.BAD_ACCESS | ERR.QUEUE_FULL)));
    expect(r.err(0)).toEqual(v(0n));
    expect(r.dev.abs().ready[0]).toEqual([1n, 2n, 3n]);
  });
});

describe('reference device: wrong accesses (§4.3)', () => {
  const cfg = SMALL;
  const page = (p: number, off: number) => cfg.base + BigInt(p) * PAGE_SIZE + BigInt(off);
  const at = (p: number, reg: RegisterName, i = 0) => registerAddress(cfg, p, reg, i);
  const cases: readonly [string, 'read' | 'write', bigint, bigint][] = [
    ['read of ENQUEUE_0', 'read', at(0, 'ENQUEUE'), 0n],
    ['read of IPC_SEND', 'read', at(1, 'IPC_SEND'), 0n],
    ['read of IPC_REGISTER_0', 'read', at(0, 'IPC_REGISTER'), 0n],
    ['read of IRQ_REGISTER_1', 'read', at(0, 'IRQ_REGISTER', 1), 0n],
    ['write of DEQUEUE', 'write', at(0, 'DEQUEUE'), 5n],
    ['write of ERROR', 'write', at(1, 'ERROR'), 0xfn],
    ['read of an unmapped offset', 'read', page(0, 0xf10), 0n],
    ['write of an unmapped offset', 'write', page(1, 0xff8), 1n],
    ['unaligned read of DEQUEUE', 'read', at(0, 'DEQUEUE') + 4n, 0n],
    ['unaligned write of ENQUEUE_0', 'write', at(0, 'ENQUEUE') + 1n, 1n],
    ['ENQUEUE at priority P', 'write', at(0, 'ENQUEUE', cfg.priorities), 1n],
    ['read at priority P', 'read', at(0, 'ENQUEUE', cfg.priorities), 0n],
    ['IRQ_REGISTER of device D', 'write', at(0, 'IRQ_REGISTER', cfg.devices), 1n],
    ['IPC_REGISTER of type T', 'write', at(0, 'IPC_REGISTER', cfg.ipcTypes), 1n],
    ['IPC_SEND of type T', 'write', at(0, 'IPC_SEND'), BigInt(cfg.ipcTypes) << 32n],
    ['IPC_SEND to process N', 'write', at(0, 'IPC_SEND'), BigInt(cfg.processes)],
    ['IPC_SEND with a huge type', 'write', at(0, 'IPC_SEND'), U64_MAX],
    ['task 0 to ENQUEUE', 'write', at(1, 'ENQUEUE', 1), 0n],
    ['task 0 to IRQ_REGISTER', 'write', at(0, 'IRQ_REGISTER'), 0n],
    ['task 0 to IPC_REGISTER', 'write', at(0, 'IPC_REGISTER', 1), 0n],
    ['read below base', 'read', cfg.base - 8n, 0n],
    ['write at base + N pages', 'write', page(cfg.processes, OFFSET.STATUS), 1n],
    ['read of DEQUEUE on page N', 'read', page(cfg.processes, 0), 0n],
    ['read of the top address', 'read', U64_MAX - 7n, 0n],
  ];

  /** A device with something in every part of the state, and ERROR clear. */
  function busy(): ReferenceDevice {
    const r = rig(cfg);
    r.enq(0, 1, 11n);
    r.irqReg(1, 0, 12n);
    r.ipcReg(1, 1, 13n);
    r.dev.irq(1);
    r.send(0, 0, 0);
    r.setStatus(1, 1n);
    r.err();
    return r.dev;
  }

  test.each(cases)('%s: nothing changes but BAD_ACCESS, a read returns 0', (_name, kind, addr, data) => {
    const dev = busy();
    const before: ControllerState = dev.abs();
    const obs = kind === 'read' ? dev.read(addr) : dev.write(addr, data);
    expect(obs).toEqual(kind === 'read' ? v(0n) : ACK);
    expect(dev.abs()).toEqual({ ...before, error: ERR.BAD_ACCESS });
  });
});

/** A small index: mostly in range, biased to 0..3 so that bounds are hit, sometimes just past `n`. */
const index = (n: number, room: number) =>
  fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: Math.min(n, 4) - 1 }), weight: 6 },
    { arbitrary: fc.integer({ min: 0, max: n - 1 }), weight: 2 },
    { arbitrary: fc.integer({ min: n, max: Math.min(n + 2, room - 1) }), weight: 1 },
  );

/** Task ids: mostly from the pool, sometimes 0 (wrong) or any 64-bit value. */
const taskId = (cfg: Config) =>
  fc.oneof(
    { arbitrary: fc.bigInt({ min: 1n, max: BigInt(cfg.taskPool) }), weight: 8 },
    { arbitrary: fc.constant(0n), weight: 1 },
    { arbitrary: fc.bigInt({ min: 0n, max: U64_MAX }), weight: 1 },
  );

/** Every kind of event at both levels, valid and wrong, for configuration `cfg`. */
function eventArb(cfg: Config): fc.Arbitrary<ControllerEvent> {
  const p = index(cfg.processes, 2 ** 40);
  const reg = fc.constantFrom<RegisterName>(...(Object.keys(OFFSET) as RegisterName[]));
  const sendData = fc.tuple(index(cfg.ipcTypes, 2 ** 32), index(cfg.processes, 2 ** 32));
  const data = fc.oneof(
    taskId(cfg),
    sendData.map(([t, q]) => (BigInt(t) << 32n) | BigInt(q)),
  );
  const addr = fc.oneof(
    {
      arbitrary: fc.tuple(p, reg, index(4, 8)).map(([pp, r, i]) => registerAddress(cfg, pp, r, i)),
      weight: 6,
    },
    {
      arbitrary: fc
        .tuple(p, fc.integer({ min: 0, max: 0xfff }))
        .map(([pp, o]) => cfg.base + BigInt(pp) * PAGE_SIZE + BigInt(o)),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(p, reg, index(4, 8), fc.integer({ min: 1, max: 7 }))
        .map(([pp, r, i, skew]) => registerAddress(cfg, pp, r, i) + BigInt(skew)),
      weight: 1,
    },
    { arbitrary: fc.bigInt({ min: 0n, max: U64_MAX }), weight: 1 },
  );
  const ev = fc.oneof(
    fc.record({ type: fc.constant('Read' as const), addr }),
    fc.record({ type: fc.constant('Write' as const), addr, data }),
    fc.record({ type: fc.constant('Irq' as const), line: fc.integer({ min: 0, max: cfg.devices - 1 }) }),
    fc.record({ type: fc.constant('Dequeue' as const), p }),
    fc.record({
      type: fc.constant('Enqueue' as const),
      p,
      prio: index(cfg.priorities, 255),
      task: taskId(cfg),
    }),
    fc.record({
      type: fc.constant('IpcSend' as const),
      p,
      ipcType: index(cfg.ipcTypes, 2 ** 32),
      target: index(cfg.processes, 2 ** 32),
    }),
    fc.record({
      type: fc.constant('IpcRegister' as const),
      p,
      ipcType: index(cfg.ipcTypes, 31),
      task: taskId(cfg),
    }),
    fc.record({
      type: fc.constant('IrqRegister' as const),
      p,
      device: index(cfg.devices, 192),
      task: taskId(cfg),
    }),
    fc.record({ type: fc.constant('ErrorRead' as const), p }),
    fc.record({ type: fc.constant('StatusRead' as const), p }),
    fc.record({ type: fc.constant('StatusWrite' as const), p, data }),
  );
  return ev.filter((e) => encodableError(cfg, e) === null);
}

/** Small random configurations: every bound reachable, widths that differ from one another. */
const smallConfig: fc.Arbitrary<Config> = fc
  .record({
    processes: fc.integer({ min: 1, max: 3 }),
    priorities: fc.integer({ min: 1, max: 3 }),
    capacity: fc.integer({ min: 1, max: 5 }),
    devices: fc.integer({ min: 1, max: 3 }),
    ipcTypes: fc.integer({ min: 1, max: 3 }),
    waitDepth: fc.integer({ min: 1, max: 3 }),
    pendingMax: fc.integer({ min: 1, max: 3 }),
  })
  .map((c) => ({ ...SMALL, ...c }));

/** Event sequences of up to 80 steps, lengths spread over the whole range (bounds need long runs). */
const EVENTS = { maxLength: 80, size: 'max' } as const;

/** Drives `events` into a fresh device and the model side by side, comparing after every step. */
function agree(cfg: Config, events: readonly ControllerEvent[]): void {
  const dev = new ReferenceDevice(cfg);
  let s = initialState(cfg);
  for (const [i, e] of events.entries()) {
    const r = step(cfg, s, e);
    const obs = drive(cfg, dev, e);
    s = r.state;
    // isDeepStrictEqual first: vitest's toEqual is slow, and is kept for its diff on a mismatch.
    if (!isDeepStrictEqual(obs, r.obs)) expect(obs, `observation of step ${i}`).toEqual(r.obs);
    const a = dev.abs();
    if (!isDeepStrictEqual(a, s)) expect(a, `abs() after step ${i}`).toEqual(s);
    for (let p = 0; p < cfg.processes; p++) {
      if (dev.occupancyOf(p) !== occupancy(cfg, s, p)) expect(dev.occupancyOf(p)).toBe(occupancy(cfg, s, p));
    }
  }
}

describe(`reference device refines the model step (seed ${SEED})`, () => {
  test.each([
    ['small', SMALL],
    ['published', PUBLISHED],
  ])('random event sequences agree at %s', (_name, cfg) => {
    fc.assert(
      fc.property(fc.array(eventArb(cfg), EVENTS), (events) => agree(cfg, events)),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  test('random event sequences agree at random small configurations', () => {
    const run = smallConfig.chain((cfg) => fc.tuple(fc.constant(cfg), fc.array(eventArb(cfg), EVENTS)));
    fc.assert(
      fc.property(run, ([cfg, events]) => agree(cfg, events)),
      { seed: SEED, numRuns: runs(300) },
    );
  });
});
