/**
 * The pieces wakeup storms are made of: each a fast-check arbitrary of a short list of system
 * events (a chunk). Events are generated independently of the state: one the state does not
 * enable is rejected by model and runtime alike. To keep storms dense anyway, most chunks are
 * shapes that are usually enabled in sequence: a hart's whole executor cycle (fetch, poll,
 * return), an interrupt followed by its handler's cycle, bursts of interrupts between hart steps.
 */
import fc from 'fast-check';
import { biasedIndex } from '../../controller/engine/controllerEvent.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { FINISH, HANDLED, type PollOutcome, type SystemEvent, YIELD } from '../model/events.ts';

/** What a storm may contain besides the configuration's indices. */
export interface ChunkOptions {
  /** STATUS writes (taking processes offline and online); off for designs without STATUS. */
  readonly status: boolean;
  /** Longest burst of interrupts. */
  readonly burstMax: number;
}

const irq = (line: number): SystemEvent => ({ type: 'Irq', line });
const fetchOn = (hart: number): SystemEvent => ({ type: 'HartFetch', hart });
const poll = (hart: number, outcome: PollOutcome): SystemEvent => ({ type: 'HartPoll', hart, outcome });
const ret = (hart: number): SystemEvent => ({ type: 'HartReturn', hart });

/** A poll outcome: handlers only `handle`, ordinary tasks yield, finish or block, so all are common. */
export function pollOutcome(cfg: Config): fc.Arbitrary<PollOutcome> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(HANDLED) },
    { weight: 2, arbitrary: fc.constant(YIELD) },
    { weight: 2, arbitrary: fc.constant(FINISH) },
    {
      weight: 2,
      arbitrary: biasedIndex(cfg.devices, 2).map((device): PollOutcome => ({ kind: 'block', device })),
    },
  );
}

/** One system event of any type, indices in range and biased towards the first few. */
export function singleEvent(cfg: Config, o: ChunkOptions): fc.Arbitrary<SystemEvent> {
  const hart = biasedIndex(cfg.harts, 2);
  const p = biasedIndex(cfg.processes, 2);
  const prio = biasedIndex(cfg.priorities, 3);
  const line = biasedIndex(cfg.devices, 3);
  const pick: fc.WeightedArbitrary<SystemEvent>[] = [
    { weight: 4, arbitrary: line.map(irq) },
    {
      weight: 2,
      arbitrary: fc.tuple(p, prio).map(([pp, k]): SystemEvent => ({ type: 'Spawn', p: pp, prio: k })),
    },
    { weight: 4, arbitrary: hart.map(fetchOn) },
    { weight: 4, arbitrary: fc.tuple(hart, pollOutcome(cfg)).map(([h, oc]) => poll(h, oc)) },
    { weight: 4, arbitrary: hart.map(ret) },
    {
      weight: 1,
      arbitrary: fc.tuple(hart, p).map(([h, pp]): SystemEvent => ({ type: 'HartSwitch', hart: h, p: pp })),
    },
    { weight: 1, arbitrary: hart.map((h): SystemEvent => ({ type: 'HartPark', hart: h })) },
  ];
  if (o.status) {
    const status = fc
      .tuple(p, fc.boolean())
      .map(([pp, on]): SystemEvent => ({ type: 'StatusWrite', p: pp, data: on ? 1n : 0n }));
    pick.push({ weight: 1, arbitrary: status });
  }
  return fc.oneof(...pick);
}

/** A hart's whole executor cycle: fetch a task, poll it, perform its return action. */
export function hartCycle(cfg: Config): fc.Arbitrary<SystemEvent[]> {
  return fc
    .tuple(biasedIndex(cfg.harts, 2), pollOutcome(cfg))
    .map(([h, oc]) => [fetchOn(h), poll(h, oc), ret(h)]);
}

/** Many interrupts on one or two lines in a short window, with the odd hart step between them. */
export function burst(cfg: Config, o: ChunkOptions): fc.Arbitrary<SystemEvent[]> {
  const hartStep = fc.oneof(
    biasedIndex(cfg.harts, 2).map(fetchOn),
    biasedIndex(cfg.harts, 2).map((h) => poll(h, HANDLED)),
    biasedIndex(cfg.harts, 2).map(ret),
  );
  return fc
    .tuple(biasedIndex(cfg.devices, 2), biasedIndex(cfg.devices, 2))
    .chain(([a, b]) =>
      fc.array(
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(irq(a), irq(b)) },
          { weight: 1, arbitrary: hartStep },
        ),
        { minLength: 2, maxLength: Math.max(2, o.burstMax) },
      ),
    );
}

/** Every line at once, one to three times over. */
export function allLines(cfg: Config): fc.Arbitrary<SystemEvent[]> {
  const once = Array.from({ length: cfg.devices }, (_, d) => irq(d));
  return fc.integer({ min: 1, max: 3 }).map((n) => Array.from({ length: n }, () => once).flat());
}

/**
 * Aimed at the window between a handler finishing and re-registering (research/ats-intc.md §6.1):
 * an interrupt wakes line d's handler, a hart fetches and polls it, and more interrupts on d come
 * while it is polled or after it handled and before its HartReturn writes IRQ_REGISTER again.
 */
export function handlerWindow(cfg: Config): fc.Arbitrary<SystemEvent[]> {
  return fc
    .tuple(
      biasedIndex(cfg.devices, 3),
      biasedIndex(cfg.harts, 2),
      fc.integer({ min: 1, max: 3 }),
      fc.boolean(),
    )
    .map(([d, h, k, duringPoll]) => {
      const more = Array.from({ length: k }, () => irq(d));
      return duringPoll
        ? [irq(d), fetchOn(h), ...more, poll(h, HANDLED), ret(h)]
        : [irq(d), fetchOn(h), poll(h, HANDLED), ...more, ret(h)];
    });
}
