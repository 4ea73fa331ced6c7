/**
 * fast-check arbitraries for controller events: operation-level accesses with indices biased
 * towards a few processes, priorities and devices (so that wait depths fill even at the
 * published sizes), interrupts, raw register accesses that are valid or wrong in every way of
 * controller.md §4.3, and bursts that pass capacity and pending saturation.
 */
import fc from 'fast-check';
import type { Config } from '../model/config/config.ts';
import { registerAddress } from '../model/decode.ts';
import type { ControllerEvent } from '../model/events.ts';
import { PAGE_SIZE } from '../model/registers.ts';

/** An index in 0..n-1, mostly among the first `focus` values, sometimes anywhere. */
export function biasedIndex(n: number, focus = 3): fc.Arbitrary<number> {
  const hot = fc.integer({ min: 0, max: Math.min(n, focus) - 1 });
  return n <= focus
    ? hot
    : fc.oneof({ arbitrary: hot, weight: 5 }, { arbitrary: fc.integer({ min: 0, max: n - 1 }), weight: 1 });
}

/** A task id from the configuration's pool 1..taskPool. */
export function taskId(cfg: Config): fc.Arbitrary<bigint> {
  return fc.integer({ min: 1, max: Math.min(cfg.taskPool, 2 ** 20) }).map(BigInt);
}

/** A register-level access that is wrong (§4.3) or lands on an arbitrary offset of a page. */
export function rawAccess(cfg: Config): fc.Arbitrary<ControllerEvent> {
  const p = biasedIndex(cfg.processes);
  const span = BigInt(cfg.processes) * PAGE_SIZE;
  const anyAddr = fc.oneof(
    p.chain((pp) =>
      fc.integer({ min: 0, max: 0xfff }).map((off) => cfg.base + BigInt(pp) * PAGE_SIZE + BigInt(off)),
    ),
    fc.bigInt({ min: cfg.base - 0x100n < 0n ? 0n : cfg.base - 0x100n, max: cfg.base + span + 0x100n }),
  );
  const data = fc.oneof(fc.constant(0n), taskId(cfg), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }));
  const regWrite = fc.record({
    p,
    reg: fc.constantFrom(
      'DEQUEUE',
      'ERROR',
      'ENQUEUE',
      'IRQ_REGISTER',
      'IPC_REGISTER',
      'IPC_SEND',
      'STATUS' as const,
    ),
    index: fc.integer({ min: 0, max: 8 }),
  });
  return fc.oneof(
    fc.record({ type: fc.constant('Read' as const), addr: anyAddr }),
    fc.record({ type: fc.constant('Write' as const), addr: anyAddr, data }),
    regWrite.map(({ p: pp, reg, index }) => ({
      type: 'Read' as const,
      addr: registerAddress(cfg, pp, reg, index),
    })),
    fc.tuple(regWrite, data).map(([{ p: pp, reg, index }, d]) => ({
      type: 'Write' as const,
      addr: registerAddress(cfg, pp, reg, index),
      data: d,
    })),
  );
}

/** One controller event of any kind, weighted towards the operations that move tasks. */
export function controllerEvent(cfg: Config): fc.Arbitrary<ControllerEvent> {
  const p = biasedIndex(cfg.processes);
  const prio = biasedIndex(cfg.priorities);
  const device = biasedIndex(cfg.devices);
  const ipcType = biasedIndex(cfg.ipcTypes);
  const task = taskId(cfg);
  return fc.oneof(
    { arbitrary: fc.record({ type: fc.constant('Enqueue' as const), p, prio, task }), weight: 6 },
    { arbitrary: fc.record({ type: fc.constant('Dequeue' as const), p }), weight: 6 },
    { arbitrary: fc.record({ type: fc.constant('IrqRegister' as const), p, device, task }), weight: 4 },
    { arbitrary: fc.record({ type: fc.constant('Irq' as const), line: device }), weight: 5 },
    { arbitrary: fc.record({ type: fc.constant('IpcRegister' as const), p, ipcType, task }), weight: 3 },
    { arbitrary: fc.record({ type: fc.constant('IpcSend' as const), p, ipcType, target: p }), weight: 3 },
    { arbitrary: fc.record({ type: fc.constant('ErrorRead' as const), p }), weight: 2 },
    { arbitrary: fc.record({ type: fc.constant('StatusRead' as const), p }), weight: 1 },
    {
      arbitrary: fc.record({
        type: fc.constant('StatusWrite' as const),
        p,
        data: fc.bigInt({ min: 0n, max: 3n }),
      }),
      weight: 1,
    },
    { arbitrary: rawAccess(cfg), weight: 2 },
  );
}

/**
 * A burst: one event repeated until a bound is passed (C + 1 enqueues, Q + 1 interrupts …), so
 * that capacity and pending saturation are reached at the published sizes too.
 */
export function burst(cfg: Config): fc.Arbitrary<ControllerEvent[]> {
  const longest = Math.max(cfg.capacity, cfg.pendingMax, cfg.waitDepth) + 2;
  return fc
    .tuple(controllerEvent(cfg), fc.integer({ min: 1, max: longest }))
    .map(([e, n]) => Array.from({ length: n }, () => e));
}

/**
 * A sequence of controller events: data, so it shrinks, prints and replays. It is built from up
 * to `maxLength` chunks, each a single event or (1 in 12) a {@link burst}; shrinking removes whole
 * chunks first.
 */
export function controllerStorm(
  cfg: Config,
  opts: { readonly minLength?: number; readonly maxLength?: number } = {},
): fc.Arbitrary<ControllerEvent[]> {
  const chunk = fc.oneof(
    { arbitrary: controllerEvent(cfg).map((e) => [e]), weight: 11 },
    { arbitrary: burst(cfg), weight: 1 },
  );
  return fc
    .array(chunk, { minLength: opts.minLength ?? 0, maxLength: opts.maxLength ?? 80, size: 'max' })
    .map((chunks) => chunks.flat());
}
