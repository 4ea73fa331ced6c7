/**
 * The finite set of events the system enables in a state: exactly the events `step` accepts,
 * except that STATUS writes are listed with data 0 and 1 only (the kernel writes no other
 * value) and device interrupts are always enabled. Exploration and the drain walk this list.
 * Events are shared immutable objects, built once per configuration size.
 */
import type { Config } from '../../controller/model/config/config.ts';
import type { Irq, StatusWrite } from '../../controller/model/events.ts';
import {
  FINISH,
  HANDLED,
  type HartFetch,
  type HartPark,
  type HartPoll,
  type HartReturn,
  type HartSwitch,
  type PollOutcome,
  type Spawn,
  type SystemEvent,
  YIELD,
} from './events.ts';
import * as G from './guards.ts';
import type { SystemState } from './state.ts';

/** Every event of one configuration that is not about a particular hart's state, built once. */
interface EventTable {
  readonly irqs: readonly Irq[];
  /** `status[p * 2 + bit]`. */
  readonly status: readonly StatusWrite[];
  /** `spawns[p * P + prio]`. */
  readonly spawns: readonly Spawn[];
  /** Per hart: its fetch, park and return events, its switches (per process) and its polls. */
  readonly harts: readonly HartEvents[];
}
interface HartEvents {
  readonly fetch: HartFetch;
  readonly park: HartPark;
  readonly ret: HartReturn;
  readonly switches: readonly HartSwitch[];
  /** yield, finish, handled, then a block per device: every poll outcome in a fixed order. */
  readonly polls: readonly HartPoll[];
}

/** One table per configuration object (configurations are immutable). */
const TABLES = new WeakMap<Config, EventTable>();

function table(cfg: Config): EventTable {
  let t = TABLES.get(cfg);
  if (t !== undefined) return t;
  const n = cfg.processes;
  const range = (k: number) => Array.from({ length: k }, (_, i) => i);
  t = Object.freeze({
    irqs: range(cfg.devices).map((line): Irq => Object.freeze({ type: 'Irq', line })),
    status: range(n * 2).map(
      (i): StatusWrite => Object.freeze({ type: 'StatusWrite', p: i >> 1, data: BigInt(i & 1) }),
    ),
    spawns: range(n * cfg.priorities).map(
      (i): Spawn =>
        Object.freeze({ type: 'Spawn', p: Math.floor(i / cfg.priorities), prio: i % cfg.priorities }),
    ),
    harts: range(cfg.harts).map((hart) => ({
      fetch: Object.freeze({ type: 'HartFetch', hart }),
      park: Object.freeze({ type: 'HartPark', hart }),
      ret: Object.freeze({ type: 'HartReturn', hart }),
      switches: range(n).map((p): HartSwitch => Object.freeze({ type: 'HartSwitch', hart, p })),
      polls: [
        YIELD,
        FINISH,
        HANDLED,
        ...range(cfg.devices).map((device): PollOutcome => Object.freeze({ kind: 'block', device })),
      ].map((outcome): HartPoll => Object.freeze({ type: 'HartPoll', hart, outcome })),
    })),
  });
  TABLES.set(cfg, t);
  return t;
}

/** The events `step` accepts in `s`, in a fixed order: interrupts, status writes, spawns, then hart by hart. */
export function enabled(cfg: Config, s: SystemState): SystemEvent[] {
  const t = table(cfg);
  const out: SystemEvent[] = [...t.irqs];
  for (const e of t.status) if (G.statusChanges(cfg, s, e) && G.noHartLeftOn(cfg, s, e)) out.push(e);
  if (G.poolHasFreeId(cfg, s)) {
    for (let p = 0; p < cfg.processes; p++) {
      const first = t.spawns[p * cfg.priorities];
      if (first === undefined || !G.spawnFits(cfg, s, first)) continue;
      for (let k = 0; k < cfg.priorities; k++) {
        const e = t.spawns[p * cfg.priorities + k];
        if (e !== undefined) out.push(e);
      }
    }
  }
  for (let h = 0; h < t.harts.length; h++) {
    const he = t.harts[h];
    if (he === undefined) continue;
    switch (s.harts[h]?.phase) {
      case 'fetch':
        out.push(he.fetch, he.park);
        for (const e of he.switches) if (G.switchTargetRunnable(cfg, s, e)) out.push(e);
        break;
      case 'idle':
        for (const e of he.switches) if (G.switchTargetRunnable(cfg, s, e)) out.push(e);
        break;
      case 'running':
        for (const e of he.polls) if (G.outcomeAllowed(cfg, s, e)) out.push(e);
        break;
      case 'returning':
        out.push(he.ret);
        break;
      case 'wedged':
      case undefined:
        break;
    }
  }
  return out;
}
