import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { initialTransition, transition } from 'xstate';
import * as A from '../../../../protocols/controller/model/actions.ts';
import { type Config, PUBLISHED, SMALL } from '../../../../protocols/controller/model/config/config.ts';
import { registerAddress, toOperation } from '../../../../protocols/controller/model/decode.ts';
import {
  CONTROLLER_EVENT_TYPES,
  type ControllerEvent,
  type ControllerEventType,
  U64_MAX,
} from '../../../../protocols/controller/model/events.ts';
import * as G from '../../../../protocols/controller/model/guards.ts';
import {
  controllerMachine,
  MACHINE_ACTIONS,
  MACHINE_GUARDS,
} from '../../../../protocols/controller/model/machine.ts';
import {
  ERR,
  OFFSET,
  PAGE_SIZE,
  type RegisterName,
} from '../../../../protocols/controller/model/registers.ts';
import type { StepResult } from '../../../../protocols/controller/model/result.ts';
import { type ControllerState, initialState } from '../../../../protocols/controller/model/state.ts';
import { step } from '../../../../protocols/controller/model/step.ts';
import { runs, SEED } from '../../../support/seed.ts';

/** An index in 0..n-1, mostly 0 or 1 so that queues and counters of a few processes fill up. */
const valid = (n: number) =>
  n <= 2
    ? fc.integer({ min: 0, max: n - 1 })
    : fc.oneof(
        { weight: 6, arbitrary: fc.constant(0) },
        { weight: 2, arbitrary: fc.constant(1) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: n - 1 }) },
      );

/** Usually a valid index, sometimes one just past the end (a wrong access once encoded). */
const maybeBad = (n: number) =>
  fc.oneof({ weight: 9, arbitrary: valid(n) }, { weight: 1, arbitrary: fc.integer({ min: n, max: n + 2 }) });

/** A task id: mostly from the pool, sometimes 0 (a wrong access) or any 64-bit value. */
const task = (cfg: Config) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: cfg.taskPool }).map(BigInt) },
    { weight: 1, arbitrary: fc.constant(0n) },
    { weight: 1, arbitrary: fc.bigInt({ min: 1n, max: U64_MAX }) },
  );

const REGISTERS = Object.keys(OFFSET) as RegisterName[];

/** Indices of `reg` in this configuration (`extra` = 0), or `extra` indices just past them. */
const indices = (cfg: Config, reg: RegisterName, extra: number) => {
  const room: Partial<Record<RegisterName, number>> = {
    ENQUEUE: cfg.priorities,
    IPC_REGISTER: cfg.ipcTypes,
    IRQ_REGISTER: cfg.devices,
  };
  const n = room[reg] ?? 1;
  return n === 1 ? fc.constant(0) : extra === 0 ? valid(n) : fc.integer({ min: n, max: n + extra });
};

/** An MMIO address: a register of this configuration, or wrong in one of the ways of §4.3. */
function address(cfg: Config): fc.Arbitrary<bigint> {
  const reg = (extra: number) =>
    fc
      .tuple(valid(cfg.processes), fc.constantFrom(...REGISTERS))
      .chain(([p, r]) => indices(cfg, r, extra).map((k) => registerAddress(cfg, p, r, k)));
  const end = cfg.base + BigInt(cfg.processes) * PAGE_SIZE;
  return fc.oneof(
    { weight: 12, arbitrary: reg(0) },
    { weight: 1, arbitrary: reg(2) }, // index ≥ P, D or T
    { weight: 1, arbitrary: fc.tuple(reg(0), fc.bigInt({ min: 1n, max: 7n })).map(([a, d]) => a + d) },
    { weight: 1, arbitrary: fc.constantFrom(0n, cfg.base - 8n, end, end + 0x100n, U64_MAX - 7n) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid(cfg.processes), fc.integer({ min: 0xf10 / 8, max: 0xff8 / 8 }))
        .map(([p, o]) => registerAddress(cfg, p, 'DEQUEUE') + BigInt(o * 8)),
    },
  );
}

/** Data of a register write: a task id, an IPC_SEND word, a STATUS bit, or anything. */
function data(cfg: Config): fc.Arbitrary<bigint> {
  const send = fc.tuple(maybeBad(cfg.ipcTypes), maybeBad(cfg.processes));
  return fc.oneof(
    { weight: 4, arbitrary: task(cfg) },
    { weight: 2, arbitrary: send.map(([t, p]) => (BigInt(t) << 32n) | BigInt(p)) },
    { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 3n }) },
    { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: U64_MAX }) },
  );
}

/** For every event type: its weight and its arbitrary, weighted towards filling queues and counters. */
function eventTable(cfg: Config): Record<ControllerEventType, [number, fc.Arbitrary<ControllerEvent>]> {
  const p = maybeBad(cfg.processes);
  return {
    Write: [5, fc.record({ type: fc.constant('Write'), addr: address(cfg), data: data(cfg) })],
    Read: [3, fc.record({ type: fc.constant('Read'), addr: address(cfg) })],
    Irq: [3, fc.record({ type: fc.constant('Irq'), line: valid(cfg.devices) })],
    Enqueue: [
      4,
      fc.record({ type: fc.constant('Enqueue'), p, prio: maybeBad(cfg.priorities), task: task(cfg) }),
    ],
    Dequeue: [2, fc.record({ type: fc.constant('Dequeue'), p })],
    IpcSend: [3, fc.record({ type: fc.constant('IpcSend'), p, ipcType: maybeBad(cfg.ipcTypes), target: p })],
    IpcRegister: [
      3,
      fc.record({ type: fc.constant('IpcRegister'), p, ipcType: maybeBad(cfg.ipcTypes), task: task(cfg) }),
    ],
    IrqRegister: [
      3,
      fc.record({ type: fc.constant('IrqRegister'), p, device: maybeBad(cfg.devices), task: task(cfg) }),
    ],
    ErrorRead: [1, fc.record({ type: fc.constant('ErrorRead'), p })],
    StatusRead: [1, fc.record({ type: fc.constant('StatusRead'), p })],
    StatusWrite: [1, fc.record({ type: fc.constant('StatusWrite'), p, data: data(cfg) })],
    // A design's local-page access: an unmapped access of page p to the reference.
    LocalRead: [
      1,
      fc.record({ type: fc.constant('LocalRead'), p, lq: valid(8), off: valid(64).map((o) => o * 8) }),
    ],
    LocalWrite: [
      1,
      fc.record({
        type: fc.constant('LocalWrite'),
        p,
        lq: valid(8),
        off: valid(64).map((o) => o * 8),
        data: data(cfg),
      }),
    ],
  };
}

/**
 * Up to `max` events of the given types: single events and bursts repeating one event up to
 * B + 2 times, so that blocked queues fill even at the published sizes.
 */
function sequence(cfg: Config, types: readonly ControllerEventType[], max: number) {
  const table = eventTable(cfg);
  const event = fc.oneof(...types.map((t) => ({ weight: table[t][0], arbitrary: table[t][1] })));
  const burst = fc
    .tuple(event, fc.integer({ min: 2, max: cfg.waitDepth + 2 }))
    .map(([e, k]) => Array.from({ length: k }, () => e));
  const chunk = fc.oneof({ weight: 4, arbitrary: event.map((e) => [e]) }, { weight: 1, arbitrary: burst });
  return fc.array(chunk, { maxLength: max, size: 'max' }).map((cs) => cs.flat().slice(0, max));
}

/**
 * Random event sequences, half of them over every event type and half over a random subset
 * (swarm testing: leaving out Dequeue or Irq lets capacity and pending counters build up).
 */
function events(cfg: Config, max: number): fc.Arbitrary<ControllerEvent[]> {
  const all = [...CONTROLLER_EVENT_TYPES];
  return fc
    .oneof(fc.constant(all), fc.subarray(all, { minLength: 1 }))
    .chain((types) => sequence(cfg, types, max));
}

const show = (e: ControllerEvent) => JSON.stringify(e, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));

/** Walks `step` and XState's `transition` side by side, asserting equal results at every step. */
function agree(cfg: Config, events: readonly ControllerEvent[], seen?: Set<string>): StepResult[] {
  const machine = controllerMachine(cfg);
  let [snap] = initialTransition(machine);
  let s = initialState(cfg);
  expect(snap.context.state).toStrictEqual(s);
  const results: StepResult[] = [];
  for (const [i, e] of events.entries()) {
    for (const o of overlaps(cfg, s, e)) seen?.add(o);
    const r = step(cfg, s, e);
    [snap] = transition(machine, snap, e);
    const { state, obs, effects } = snap.context;
    expect({ state, obs, effects }, `step ${i}: ${show(e)}`).toStrictEqual(r);
    expect(snap.value).toBe('running');
    for (const f of r.effects) seen?.add(f.kind === 'Woken' ? `Woken:${f.cause}` : `ErrorRaised:${f.bits}`);
    results.push(r);
    s = r.state;
  }
  return results;
}

/**
 * The guards that hold together before `e`, where only the order of checks decides the branch
 * (capacity before a pending wake or a full blocked queue).
 */
function overlaps(cfg: Config, s: ControllerState, e: ControllerEvent): string[] {
  const op = toOperation(cfg, e);
  const out: string[] = [];
  if (op.type === 'IrqRegister' && G.queueFull(cfg, s, op)) {
    if (G.irqPendingPositive(cfg, s, op)) out.push('IrqRegister:queueFull+irqPendingPositive');
    if (G.irqWaitFull(cfg, s, op)) out.push('IrqRegister:queueFull+irqWaitFull');
  }
  if (op.type === 'IpcRegister' && G.queueFull(cfg, s, op)) {
    if (G.ipcPendingPositive(cfg, s, op)) out.push('IpcRegister:queueFull+ipcPendingPositive');
    if (G.ipcWaitFull(cfg, s, op)) out.push('IpcRegister:queueFull+ipcWaitFull');
  }
  return out;
}

const OVERLAPS = ['Irq', 'Ipc'].flatMap((k) => [
  `${k}Register:queueFull+${k.toLowerCase()}PendingPositive`,
  `${k}Register:queueFull+${k.toLowerCase()}WaitFull`,
]);

const ALL_EFFECTS = [
  ...Object.values(ERR).map((b) => `ErrorRaised:${b}`),
  ...['interrupt', 'irqPending', 'send', 'ipcPending'].map((c) => `Woken:${c}`),
];

const UNREACHED_AT_PUBLISHED = [`ErrorRaised:${ERR.QUEUE_FULL}`, `ErrorRaised:${ERR.PENDING_OVERFLOW}`];

describe('the XState machine and step agree (random event sequences)', () => {
  test.each([
    ['small', SMALL, [...ALL_EFFECTS, ...OVERLAPS]],
    // C = 256 and Q = 255 are out of reach of 60 events: a pinned scenario below reaches them.
    ['published', PUBLISHED, ALL_EFFECTS.filter((k) => !UNREACHED_AT_PUBLISHED.includes(k))],
  ] as const)('%s preset: state, observation and effects equal after every event', (_name, cfg, reached) => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(events(cfg, 60), (es) => {
        agree(cfg, es, seen);
      }),
      { seed: SEED, numRuns: runs(200) },
    );
    // The generator reaches the interesting branches, not only the easy ones.
    expect([...seen].sort()).toEqual(expect.arrayContaining([...reached].sort()));
  });
});

/** `n` enqueues of tasks 1..n to process `p`, over its priorities in turn. */
const enqueues = (cfg: Config, p: number, n: number) =>
  Array.from(
    { length: n },
    (_, i): ControllerEvent => ({
      type: 'Enqueue',
      p,
      prio: i % cfg.priorities,
      task: BigInt(i + 1),
    }),
  );

describe('the XState machine and step agree (pinned scenarios)', () => {
  const cfg = SMALL;
  const addr = (p: number, reg: RegisterName, k = 0) => registerAddress(cfg, p, reg, k);

  test('register-level round trip: enqueue, dequeue, wrong read, error read-to-clear', () => {
    const r = agree(cfg, [
      { type: 'Write', addr: addr(1, 'ENQUEUE', 1), data: 7n },
      { type: 'Read', addr: addr(1, 'DEQUEUE') },
      { type: 'Read', addr: addr(1, 'ENQUEUE') },
      { type: 'Read', addr: addr(0, 'ERROR') },
      { type: 'Read', addr: addr(0, 'ERROR') },
    ]);
    expect(r.map((x) => x.obs)).toEqual([
      { kind: 'ack' },
      { kind: 'value', value: 7n },
      { kind: 'value', value: 0n },
      { kind: 'value', value: BigInt(ERR.BAD_ACCESS) },
      { kind: 'value', value: 0n },
    ]);
  });

  test('capacity is checked before the wait queues, and WAIT_FULL after it', () => {
    const r = agree(cfg, [
      { type: 'IpcRegister', p: 1, ipcType: 0, task: 1n },
      { type: 'IpcRegister', p: 1, ipcType: 0, task: 2n },
      { type: 'IpcRegister', p: 1, ipcType: 0, task: 3n }, // blocked queue full (B = 2), occupancy 2 < C
      { type: 'Enqueue', p: 1, prio: 0, task: 3n },
      { type: 'IrqRegister', p: 1, device: 0, task: 4n }, // occupancy 3 = C
      { type: 'Write', addr: addr(1, 'ENQUEUE'), data: 0n }, // zero task: wrong access before capacity
    ]);
    const { WAIT_FULL, QUEUE_FULL, BAD_ACCESS } = ERR;
    expect(r.map((x) => x.state.error)).toEqual([
      0,
      0,
      WAIT_FULL,
      WAIT_FULL,
      WAIT_FULL | QUEUE_FULL,
      WAIT_FULL | QUEUE_FULL | BAD_ACCESS,
    ]);
  });

  test('capacity is checked before a pending interrupt wakes the registering task', () => {
    const r = agree(cfg, [
      { type: 'Irq', line: 0 },
      ...enqueues(cfg, 1, cfg.capacity),
      { type: 'IrqRegister', p: 1, device: 0, task: 9n },
    ]);
    const last = r.at(-1);
    expect(last?.effects).toEqual([{ kind: 'ErrorRaised', bits: ERR.QUEUE_FULL }]);
    expect(last?.state.irqPending[0]).toBe(1);
  });

  test('interrupts count up to Q, overflow, then wake at registration', () => {
    const r = agree(cfg, [
      { type: 'Irq', line: 1 },
      { type: 'Irq', line: 1 },
      { type: 'Irq', line: 1 },
      { type: 'IrqRegister', p: 1, device: 1, task: 9n },
      { type: 'IrqRegister', p: 0, device: 0, task: 8n },
      { type: 'Irq', line: 0 },
    ]);
    expect(r.map((x) => x.effects)).toEqual([
      [],
      [],
      [{ kind: 'ErrorRaised', bits: ERR.PENDING_OVERFLOW }],
      [{ kind: 'Woken', p: 1, task: 9n, cause: 'irqPending' }],
      [],
      [{ kind: 'Woken', p: 0, task: 8n, cause: 'interrupt' }],
    ]);
  });

  test('IPC_SEND written as a register wakes a handler of the target process', () => {
    const send = (t: number, target: number) => (BigInt(t) << 32n) | BigInt(target);
    const r = agree(cfg, [
      { type: 'Write', addr: addr(1, 'IPC_REGISTER', 1), data: 5n },
      { type: 'Write', addr: addr(0, 'IPC_SEND'), data: send(1, 1) },
      { type: 'Write', addr: addr(0, 'IPC_SEND'), data: send(0, 1) },
      { type: 'Write', addr: addr(0, 'IPC_SEND'), data: send(0, 2) }, // target ≥ N
      { type: 'Write', addr: addr(1, 'IPC_REGISTER', 0), data: 6n },
    ]);
    expect(r.flatMap((x) => x.effects)).toEqual([
      { kind: 'Woken', p: 1, task: 5n, cause: 'send' },
      { kind: 'ErrorRaised', bits: ERR.BAD_ACCESS },
      { kind: 'Woken', p: 1, task: 6n, cause: 'ipcPending' },
    ]);
  });

  test('published preset: capacity C and pending saturation Q are reached', () => {
    const c = PUBLISHED;
    const irqs = Array.from({ length: c.pendingMax + 1 }, (): ControllerEvent => ({ type: 'Irq', line: 5 }));
    const r = agree(c, [...enqueues(c, 3, c.capacity + 1), ...irqs]);
    expect(r[c.capacity]?.effects).toEqual([{ kind: 'ErrorRaised', bits: ERR.QUEUE_FULL }]);
    expect(r.at(-1)?.effects).toEqual([{ kind: 'ErrorRaised', bits: ERR.PENDING_OVERFLOW }]);
  });
});

/** The name of a guard or action as the machine definition stores it. */
function nameOf(x: unknown): string | undefined {
  if (typeof x === 'string') return x;
  if (typeof x === 'object' && x !== null && 'type' in x && typeof x.type === 'string') return x.type;
  return undefined;
}

describe('the machine definition', () => {
  const running = controllerMachine(SMALL).root.states.running;
  const transitions = [...(running?.transitions.entries() ?? [])];
  const guards = new Set(transitions.flatMap(([, ts]) => ts.map((t) => nameOf(t.guard))));
  const actions = new Set(transitions.flatMap(([, ts]) => ts.flatMap((t) => t.actions.map(nameOf))));

  test('handles every event type, checking for a wrong access first', () => {
    expect(transitions.map(([type]) => type).sort()).toEqual([...CONTROLLER_EVENT_TYPES].sort());
    for (const [, ts] of transitions) expect(nameOf(ts[0]?.guard)).toBe('badAccess');
  });
  test('mentions every guard of guards.ts and every action of actions.ts by name', () => {
    for (const g of Object.keys(G)) expect(guards, `guard ${g}`).toContain(g);
    for (const a of Object.keys(A)) expect(actions, `action ${a}`).toContain(a);
  });
  test('names only guards and actions it implements', () => {
    for (const g of guards) if (g !== undefined) expect(Object.keys(MACHINE_GUARDS)).toContain(g);
    for (const a of actions) expect(Object.keys(MACHINE_ACTIONS)).toContain(a);
  });
});
