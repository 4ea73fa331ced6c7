/**
 * fast-check arbitraries of syscall storms: lists of syscall events built from chunks (shrinking
 * removes whole chunks first, then shortens them). Events are generated independently of the
 * state (an event the state does not enable is rejected by model and runtime alike); density
 * comes from chunk shapes that are usually enabled in sequence: a caller's whole call (Call,
 * Publish, Signal), a dispatcher's service cycle (Fetch, Take, Complete, Reply), its return
 * (Park, Return), a reply delivered (Fetch, Wake, Fetch, Read), and processes taken offline and
 * online in the middle of calls. Any prefix of a chunk may appear, so that steps of different
 * coroutines interleave.
 */
import fc from 'fast-check';
import type { Config } from '../../controller/model/config/config.ts';
import { candidateEvents } from '../model/enabled.ts';
import type { SyscallEvent } from '../model/events.ts';
import { layoutOf } from '../model/layout.ts';

export interface SyscallStormOptions {
  /** Longest storm, in events (default 80). */
  readonly maxEvents?: number;
}

/** A non-empty prefix (of a random length up to n) of the chunk `make` builds from a pick of `from`. */
function prefixOf<T>(
  from: fc.Arbitrary<T>,
  n: number,
  make: (x: T) => readonly SyscallEvent[],
): fc.Arbitrary<SyscallEvent[]> {
  return fc.tuple(from, fc.integer({ min: 1, max: n })).map(([x, k]) => make(x).slice(0, k));
}

/** One chunk of a syscall storm of `cfg`. */
export function syscallChunk(cfg: Config): fc.Arbitrary<SyscallEvent[]> {
  const l = layoutOf(cfg);
  const callers = l.agents.flatMap((x, a) => (x.kind === 'caller' ? [a] : []));
  const services = l.agents.flatMap((x, a) => (x.kind === 'service' ? [a] : []));
  const replies = l.agents.flatMap((x, a) => (x.kind === 'reply' ? [a] : []));
  const parts: fc.WeightedArbitrary<SyscallEvent[]>[] = [
    { weight: 3, arbitrary: fc.constantFrom(...candidateEvents(cfg)).map((e) => [e]) },
  ];
  if (callers.length > 0 && l.targets.length > 0) {
    const call = prefixOf(
      fc.tuple(fc.constantFrom(...callers), fc.constantFrom(...l.targets)),
      3,
      ([a, target]) => [
        { type: 'Call', a, target },
        { type: 'Publish', a },
        { type: 'Signal', a },
      ],
    );
    parts.push({ weight: 5, arbitrary: call });
  }
  if (services.length > 0) {
    const serve = prefixOf(fc.constantFrom(...services), 4, (a) => [
      { type: 'Fetch', p: l.agents[a]?.p ?? 0 },
      { type: 'Take', a },
      { type: 'Complete', a },
      { type: 'Reply', a },
    ]);
    parts.push({ weight: 5, arbitrary: serve });
  }
  const dispatchers = [...services, ...replies];
  if (dispatchers.length > 0) {
    const park = prefixOf(fc.constantFrom(...dispatchers), 2, (a) => [
      { type: 'Park', a },
      { type: 'Return', a },
    ]);
    parts.push({ weight: 3, arbitrary: park });
  }
  if (replies.length > 0 && callers.length > 0) {
    const deliver = prefixOf(
      fc.tuple(fc.constantFrom(...replies), fc.constantFrom(...callers)),
      4,
      ([r, c]) => {
        const p = l.agents[r]?.p ?? 0;
        return [
          { type: 'Fetch', p },
          { type: 'Wake', a: r },
          { type: 'Fetch', p },
          { type: 'Read', a: c },
        ];
      },
    );
    parts.push({ weight: 4, arbitrary: deliver });
  }
  const status = fc
    .tuple(fc.integer({ min: 0, max: cfg.processes - 1 }), fc.boolean())
    .map(([p, on]): SyscallEvent[] => [{ type: 'StatusWrite', p, data: on ? 1n : 0n }]);
  parts.push({ weight: 1, arbitrary: status });
  return fc.oneof(...parts);
}

/** A syscall storm of at most `maxEvents` events. */
export function syscallStorm(cfg: Config, opts: SyscallStormOptions = {}): fc.Arbitrary<SyscallEvent[]> {
  const maxEvents = Math.max(0, opts.maxEvents ?? 80);
  return fc
    .array(syscallChunk(cfg), { minLength: 0, maxLength: maxEvents, size: 'max' })
    .map((chunks) => chunks.flat().slice(0, maxEvents));
}
