/**
 * Storms for TAIC (taic.md *Storm restriction*, *TAIC-only events*): the reference operations on
 * processes 0..min(N, 4)−1 (each mapped by the driver onto TAIC's accesses), plus the TAIC-only
 * events: dequeues through LQ r > 0, `register_sender`/`cancel_sender`, single words of the
 * capability and send sequences (so sequences of two harts interleave), `whart`, `sim_extint`,
 * words of `alq`/`flq` with raw values, ids with the preempt (bit 0) or keep (bit 1) bit, and raw
 * accesses that the reference calls wrong (a read of a write-only register, an unmapped offset,
 * `send_intr` to (0, 0)).
 *
 * The `well-formed` profile keeps only what taic.md's "should satisfy" assumes: ids without
 * the preempt or keep bit and never 0, no word-level sequences or raw words, and only the events
 * its condition on the state allows (wellFormed.ts: no process ever holding C, one waiter per
 * line, one handler per process and type, sends to a registered receiver, STATUS←0 of an empty
 * process).
 */
import fc from 'fast-check';
import type { Config } from '../../model/config/config.ts';
import { biasedIndex } from '../../model/controllerEvent.ts';
import type { ControllerEvent } from '../../model/events.ts';
import type { ControllerDevice, StormOptions } from '../device.ts';
import { TaicDevice } from './taicDevice.ts';
import { taicDrive } from './taicDriver.ts';
import { CTL, GQ_NUM, LQ_NUM, LQ_REG, MASK64 } from './taicMap.ts';
import { fillEnabled, wellFormedEnabled } from './wellFormed.ts';

/** The processes TAIC can hold at once (taic.md: N ≤ 4). */
const procs = (cfg: Config): number => Math.min(cfg.processes, GQ_NUM);

/** A plain id: a pool id shifted past the preempt and keep bits, so neither is set and it is never 0. */
function plainId(cfg: Config): fc.Arbitrary<bigint> {
  return fc.integer({ min: 1, max: Math.min(cfg.taskPool, 2 ** 20) }).map((i) => BigInt(i) << 2n);
}

/** Any id: plain, with preempt (bit 0), keep (bit 1), both, or 0. */
function anyId(cfg: Config): fc.Arbitrary<bigint> {
  return fc.oneof(
    { arbitrary: plainId(cfg), weight: 4 },
    {
      arbitrary: fc.tuple(plainId(cfg), fc.integer({ min: 1, max: 3 })).map(([x, b]) => x | BigInt(b)),
      weight: 3,
    },
    { arbitrary: fc.constant(0n), weight: 1 },
  );
}

/** The reference operations, mapped by the driver; `id` draws the task ids. */
function operations(cfg: Config, id: fc.Arbitrary<bigint>): fc.Arbitrary<ControllerEvent[]> {
  const p = biasedIndex(procs(cfg));
  const prio = biasedIndex(Math.min(cfg.priorities, LQ_NUM));
  const device = biasedIndex(cfg.devices);
  const t = biasedIndex(cfg.ipcTypes);
  const one = (a: fc.Arbitrary<ControllerEvent>): fc.Arbitrary<ControllerEvent[]> => a.map((e) => [e]);
  return fc.oneof(
    { arbitrary: one(fc.record({ type: fc.constant('Enqueue' as const), p, prio, task: id })), weight: 6 },
    { arbitrary: one(fc.record({ type: fc.constant('Dequeue' as const), p })), weight: 6 },
    {
      arbitrary: one(fc.record({ type: fc.constant('IrqRegister' as const), p, device, task: id })),
      weight: 4,
    },
    { arbitrary: one(fc.record({ type: fc.constant('Irq' as const), line: device })), weight: 5 },
    {
      arbitrary: one(
        fc.record({ type: fc.constant('IpcRegister' as const), p, ipcType: t, task: id, sender: p }),
      ),
      weight: 3,
    },
    {
      arbitrary: one(fc.record({ type: fc.constant('IpcSend' as const), p, ipcType: t, target: p })),
      weight: 3,
    },
    { arbitrary: one(fc.record({ type: fc.constant('ErrorRead' as const), p })), weight: 2 },
    { arbitrary: one(fc.record({ type: fc.constant('StatusRead' as const), p })), weight: 1 },
    {
      arbitrary: one(
        fc.record({ type: fc.constant('StatusWrite' as const), p, data: fc.bigInt({ min: 0n, max: 1n }) }),
      ),
      weight: 2,
    },
    // register_sender / cancel_sender as whole sequences (W recv_os, W (recv_proc<<32)|irq) [TD lq.rs:38-58]
    {
      arbitrary: fc
        .record({ p, q: p, t, off: fc.constantFrom(LQ_REG.registerSender, LQ_REG.cancelSender) })
        .map(({ p: pp, q, t: tt, off }): ControllerEvent[] => [
          { type: 'LocalWrite', p: pp, lq: 0, off, data: 1n },
          { type: 'LocalWrite', p: pp, lq: 0, off, data: (BigInt(q) << 32n) | BigInt(tt) },
        ]),
      weight: 2,
    },
    {
      arbitrary: one(
        fc.record({
          type: fc.constant('LocalWrite' as const),
          p,
          lq: fc.constant(0),
          off: fc.constant(LQ_REG.whart),
          data: fc.bigInt({ min: 0n, max: 3n }),
        }),
      ),
      weight: 1,
    },
    {
      arbitrary: one(
        device.map(
          (d): ControllerEvent => ({
            type: 'Write',
            addr: cfg.base + BigInt(CTL.simExtint + 8 * d),
            data: 1n,
          }),
        ),
      ),
      weight: 1,
    },
  );
}

/** TAIC-only words and raw accesses (the full storm only). */
function taicOnly(cfg: Config): fc.Arbitrary<ControllerEvent[]> {
  const p = biasedIndex(procs(cfg));
  const t = biasedIndex(cfg.ipcTypes);
  const word = fc.oneof(
    fc.constant(1n),
    fc.tuple(p, t).map(([q, tt]) => (BigInt(q) << 32n) | BigInt(tt)),
    anyId(cfg),
    fc.constant(0n),
  );
  const alq = cfg.base + BigInt(CTL.alq);
  const flq = cfg.base + BigInt(CTL.flq);
  const one = (a: fc.Arbitrary<ControllerEvent>): fc.Arbitrary<ControllerEvent[]> => a.map((e) => [e]);
  return fc.oneof(
    // DEQUEUE_r, r > 0, through the hart's own LQ (taic.md: not a priority request): p online, a
    // second alq(1, p) gives it LQ 1, then dequeues through it
    {
      arbitrary: fc
        .tuple(p, fc.integer({ min: 1, max: 3 }))
        .map(([pp, k]): ControllerEvent[] => [
          { type: 'StatusWrite', p: pp, data: 1n },
          { type: 'Write', addr: alq, data: 1n },
          { type: 'Write', addr: alq, data: BigInt(pp) },
          { type: 'Read', addr: alq },
          ...Array.from(
            { length: k },
            (): ControllerEvent => ({ type: 'LocalRead', p: pp, lq: 1, off: LQ_REG.taskDequeue }),
          ),
        ]),
      weight: 2,
    },
    // one word of a capability or send sequence: two harts' sequences interleave
    {
      arbitrary: one(
        fc.record({
          type: fc.constant('LocalWrite' as const),
          p,
          lq: fc.constant(0),
          off: fc.constantFrom(
            LQ_REG.registerSender,
            LQ_REG.cancelSender,
            LQ_REG.registerReceiver,
            LQ_REG.sendIntr,
          ),
          data: word,
        }),
      ),
      weight: 4,
    },
    // another LQ for p: alq(1, p) as raw words
    {
      arbitrary: p.map((pp): ControllerEvent[] => [
        { type: 'Write', addr: alq, data: 1n },
        { type: 'Write', addr: alq, data: BigInt(pp) },
        { type: 'Read', addr: alq },
      ]),
      weight: 2,
    },
    // a single alq/flq word with a raw value
    { arbitrary: one(fc.constant<ControllerEvent>({ type: 'Read', addr: alq })), weight: 1 },
    { arbitrary: one(word.map((data): ControllerEvent => ({ type: 'Write', addr: alq, data }))), weight: 1 },
    {
      arbitrary: one(
        fc
          .tuple(fc.integer({ min: 0, max: GQ_NUM }), fc.integer({ min: 0, max: LQ_NUM - 1 }))
          .map(
            ([g, l]): ControllerEvent => ({ type: 'Write', addr: flq, data: (BigInt(g) << 32n) | BigInt(l) }),
          ),
      ),
      weight: 1,
    },
    { arbitrary: one(fc.constant<ControllerEvent>({ type: 'Write', addr: flq, data: MASK64 })), weight: 1 },
    // send_intr to (0, 0) [S:44-45]
    {
      arbitrary: p.map((pp): ControllerEvent[] => [
        { type: 'LocalWrite', p: pp, lq: 0, off: LQ_REG.sendIntr, data: 0n },
        { type: 'LocalWrite', p: pp, lq: 0, off: LQ_REG.sendIntr, data: 0n },
      ]),
      weight: 1,
    },
    // a read of a write-only register, an unmapped offset
    {
      arbitrary: one(
        fc.record({
          type: fc.constant('LocalRead' as const),
          p,
          lq: fc.constant(0),
          off: fc.constantFrom(LQ_REG.taskEnqueue, LQ_REG.sendIntr, LQ_REG.registerExtint, 0xff8),
        }),
      ),
      weight: 2,
    },
  );
}

/** The storm: up to `maxLength` chunks, shrinking removes whole chunks first. */
function chunks(gen: fc.Arbitrary<ControllerEvent[]>, opts: StormOptions): fc.Arbitrary<ControllerEvent[]> {
  return fc.array(gen, { maxLength: opts.maxLength ?? 80, size: 'max' }).map((cs) => cs.flat());
}

/** TAIC's full storm: every reference operation it maps, ids with any bits, and every TAIC-only event. */
export function taicStorm(cfg: Config, opts: StormOptions): fc.Arbitrary<ControllerEvent[]> {
  const gen = fc.oneof(
    { arbitrary: operations(cfg, anyId(cfg)), weight: 8 },
    { arbitrary: taicOnly(cfg), weight: 3 },
  );
  return chunks(gen, opts);
}

/**
 * `events` without those the `well-formed` discipline would not make in the state reached so far
 * (wellFormed.ts): the storm is replayed on a TAIC device through the driver, so every kept event
 * sees the very state the run will give it.
 */
function allowed(
  cfg: Config,
  events: readonly ControllerEvent[],
  enabled: (cfg: Config, device: ControllerDevice, e: ControllerEvent) => boolean,
): ControllerEvent[] {
  const d = TaicDevice.booted(cfg);
  const kept: ControllerEvent[] = [];
  for (const e of events) {
    if (!enabled(cfg, d, e)) continue;
    kept.push(e);
    taicDrive(cfg, d, e);
  }
  return kept;
}

/** The `well-formed` profile's storm (see the header). */
export function wellFormedStorm(cfg: Config, opts: StormOptions): fc.Arbitrary<ControllerEvent[]> {
  return chunks(operations(cfg, plainId(cfg)), opts).map((events) => allowed(cfg, events, wellFormedEnabled));
}

/** The `fill` profile's storm: the well-formed one without its capacity rule (wellFormed.ts `fillEnabled`). */
export function fillStorm(cfg: Config, opts: StormOptions): fc.Arbitrary<ControllerEvent[]> {
  return chunks(operations(cfg, plainId(cfg)), opts).map((events) => allowed(cfg, events, fillEnabled));
}
