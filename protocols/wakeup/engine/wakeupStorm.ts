/**
 * fast-check arbitraries of wakeup storms: lists of system events (data: they shrink, print and
 * replay). A storm is built from chunks (wakeupChunks.ts); shrinking removes whole chunks first,
 * then shortens them. Storm kinds:
 * - `uniform`: single events of every type, uniformly mixed;
 * - `burst`: many interrupts on one or two lines in short windows, between executor cycles;
 * - `allLines`: every line at once, between executor cycles;
 * - `window`: aimed at the window between a handler's poll and its re-registration;
 * - `mixed` (the default): all of the above in one storm.
 *
 * A decision (the brief left it open): events are generated independently of the state, so
 * that a storm is plain data any implementation replays; an event the state does not enable is
 * rejected by model and runtime alike. Density comes from chunk shapes that are usually enabled
 * in sequence (a hart's fetch–poll–return cycle, an interrupt then its handler's cycle), not from
 * choice indices into `enabled()`, which would make a storm meaningless without its state.
 */
import fc from 'fast-check';
import type { Config } from '../../controller/model/config/config.ts';
import type { SystemEvent } from '../model/events.ts';
import { allLines, burst, type ChunkOptions, handlerWindow, hartCycle, singleEvent } from './wakeupChunks.ts';

export const WAKEUP_STORM_KINDS = ['uniform', 'burst', 'allLines', 'window', 'mixed'] as const;
export type WakeupStormKind = (typeof WAKEUP_STORM_KINDS)[number];

export interface WakeupStormOptions {
  /** Which storm (default `mixed`). */
  readonly kind?: WakeupStormKind;
  /** Longest storm, in events (default 80); 10,000 and more are fine. */
  readonly maxEvents?: number;
  /** Shortest storm, in events (default 0). */
  readonly minEvents?: number;
  /** STATUS writes in the storm (default true; off for designs without a STATUS register). */
  readonly status?: boolean;
}

/** Relative weights of the chunk shapes in one storm kind. */
interface Weights {
  readonly single: number;
  readonly cycle: number;
  readonly burst: number;
  readonly allLines: number;
  readonly window: number;
}

const WEIGHTS: Readonly<Record<WakeupStormKind, Weights>> = {
  uniform: { single: 1, cycle: 0, burst: 0, allLines: 0, window: 0 },
  burst: { single: 4, cycle: 3, burst: 3, allLines: 0, window: 0 },
  allLines: { single: 4, cycle: 3, burst: 0, allLines: 2, window: 0 },
  window: { single: 3, cycle: 2, burst: 0, allLines: 0, window: 4 },
  mixed: { single: 6, cycle: 4, burst: 1, allLines: 1, window: 2 },
};

/** One chunk of a storm of `kind`. */
export function wakeupChunk(
  cfg: Config,
  kind: WakeupStormKind,
  o: ChunkOptions,
): fc.Arbitrary<SystemEvent[]> {
  const w = WEIGHTS[kind];
  const parts: fc.WeightedArbitrary<SystemEvent[]>[] = [];
  const add = (weight: number, arbitrary: () => fc.Arbitrary<SystemEvent[]>) => {
    if (weight > 0) parts.push({ weight, arbitrary: arbitrary() });
  };
  add(w.single, () => singleEvent(cfg, o).map((e) => [e]));
  add(w.cycle, () => hartCycle(cfg));
  add(w.burst, () => burst(cfg, o));
  add(w.allLines, () => allLines(cfg));
  add(w.window, () => handlerWindow(cfg));
  return fc.oneof(...parts);
}

/** A wakeup storm of between `minEvents` and `maxEvents` events. */
export function wakeupStorm(cfg: Config, opts: WakeupStormOptions = {}): fc.Arbitrary<SystemEvent[]> {
  const maxEvents = Math.max(0, opts.maxEvents ?? 80);
  const minEvents = Math.min(maxEvents, Math.max(0, opts.minEvents ?? 0));
  const o: ChunkOptions = {
    status: opts.status ?? true,
    // Long enough to pass the pending bound Q, short enough to leave room for the rest.
    burstMax: Math.min(cfg.pendingMax + 2, Math.max(8, Math.floor(maxEvents / 2))),
  };
  // Every chunk holds at least one event, so maxEvents chunks can always fill the storm.
  return fc
    .array(wakeupChunk(cfg, opts.kind ?? 'mixed', o), {
      minLength: minEvents,
      maxLength: maxEvents,
      size: 'max',
    })
    .map((chunks) => chunks.flat().slice(0, maxEvents));
}
