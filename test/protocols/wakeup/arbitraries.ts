/**
 * Random runs of the wakeup system for tests: a run is a list of moves, each either a pick among
 * the events the current state enables (of a chosen type, so that spawns do not crowd out the
 * harts' steps) or a raw event that may well be disabled (and must then be rejected alike by
 * every implementation). Moves are data, so runs shrink and print.
 */
import fc from 'fast-check';
import type { Config } from '../../../protocols/controller/model/config/config.ts';
import {
  enabled,
  type PollOutcome,
  SYSTEM_EVENT_TYPES,
  type SystemEvent,
  type SystemEventType,
  type SystemState,
} from '../../../protocols/wakeup/model/index.ts';

export type Move =
  | { readonly kind: 'pick'; readonly type: SystemEventType; readonly index: number }
  | { readonly kind: 'raw'; readonly event: SystemEvent };

/** The event `m` stands for in state `s` (a pick of a type not enabled picks among all enabled events). */
export function resolve(cfg: Config, s: SystemState, m: Move, list = enabled(cfg, s)): SystemEvent {
  if (m.kind === 'raw') return m.event;
  const same = list.filter((e) => e.type === m.type);
  const from = same.length > 0 ? same : list;
  const e = from[m.index % from.length];
  if (e === undefined) throw new Error('wakeup: no event is enabled (interrupts always are)');
  return e;
}

/** An index a little past the configuration's range now and then. */
const idx = (n: number) =>
  fc.oneof({ weight: 9, arbitrary: fc.nat(n - 1) }, { weight: 1, arbitrary: fc.nat(n + 1) });

/** `e` as ordinary objects (fast-check's records have a null prototype, which strict deep equality sees). */
function plain(e: SystemEvent): SystemEvent {
  return e.type === 'HartPoll' ? { ...e, outcome: { ...e.outcome } } : { ...e };
}

/** Any system event, enabled or not, with indices sometimes out of range. */
export function rawEvent(cfg: Config): fc.Arbitrary<SystemEvent> {
  const hart = idx(cfg.harts);
  const outcome: fc.Arbitrary<PollOutcome> = fc.oneof(
    fc.constantFrom<PollOutcome>({ kind: 'yield' }, { kind: 'finish' }, { kind: 'handled' }),
    idx(cfg.devices).map((device): PollOutcome => ({ kind: 'block', device })),
  );
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.record({ type: fc.constant('HartPoll' as const), hart, outcome }) },
      fc.record({ type: fc.constant('Irq' as const), line: idx(cfg.devices) }),
      fc.record({
        type: fc.constant('StatusWrite' as const),
        p: idx(cfg.processes),
        data: fc.bigInt(0n, 3n),
      }),
      fc.record({ type: fc.constant('Spawn' as const), p: idx(cfg.processes), prio: idx(cfg.priorities) }),
      fc.record({ type: fc.constant('HartSwitch' as const), hart, p: idx(cfg.processes) }),
      fc.record({ type: fc.constant('HartPark' as const), hart }),
      fc.record({ type: fc.constant('HartFetch' as const), hart }),
      fc.record({ type: fc.constant('HartReturn' as const), hart }),
    )
    .map(plain);
}

/** Weights of the picked event types: mostly executor steps and interrupts. */
const WEIGHTS: Record<SystemEventType, number> = {
  Irq: 4,
  StatusWrite: 1,
  Spawn: 3,
  HartSwitch: 1,
  HartPark: 1,
  HartFetch: 5,
  HartPoll: 5,
  HartReturn: 5,
};

/** One move: mostly picks among enabled events, sometimes a raw event. */
export function move(cfg: Config): fc.Arbitrary<Move> {
  const pick = fc.record({
    kind: fc.constant('pick' as const),
    type: fc.oneof(...SYSTEM_EVENT_TYPES.map((t) => ({ weight: WEIGHTS[t], arbitrary: fc.constant(t) }))),
    // Mostly one of the first few (lists are ordered by process, so these keep spawns, status
    // writes and harts on the same few processes), sometimes any.
    index: fc.oneof({ weight: 3, arbitrary: fc.nat(3) }, { weight: 1, arbitrary: fc.nat(1_000) }),
  });
  return fc.oneof(
    { weight: 9, arbitrary: pick },
    { weight: 1, arbitrary: rawEvent(cfg).map((event): Move => ({ kind: 'raw', event })) },
  );
}

/** A run of up to `max` moves. */
export function moves(cfg: Config, max: number): fc.Arbitrary<Move[]> {
  return fc.array(move(cfg), { maxLength: max, size: 'max' });
}

/** `x` as JSON with bigints readable, for assertion messages. */
export function show(x: unknown): string {
  return JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
}
