/**
 * The finite set of events the UIPI model enables in a state (for an exhaustive explorer, the
 * drain and storms): exactly the events `step` accepts. Candidates come from a per-configuration
 * table of shared immutable events plus one event per in-flight IPI and pending vector; each is
 * kept when `step`'s guards (`rejection`) accept it, so the list can never disagree with `step`.
 */
import type { UipiConfig } from './config.ts';
import { RECEIVER_STEP_TYPES, type UipiEvent } from './events.ts';
import type { UipiState } from './state.ts';
import { rejection } from './step.ts';

/** The events of one configuration that do not depend on the state, built once. */
const TABLES = new WeakMap<UipiConfig, readonly UipiEvent[]>();
/** IpiArrive / Accept events by cpu·256 + vector, shared. */
const ARRIVALS = new Map<number, UipiEvent>();
const ACCEPTS = new Map<number, UipiEvent>();

/** Every event of `cfg` that does not name an IPI (shared, immutable), in a fixed order. */
export function uipiEventTable(cfg: UipiConfig): readonly UipiEvent[] {
  let t = TABLES.get(cfg);
  if (t !== undefined) return t;
  const out: UipiEvent[] = [];
  for (let sender = 0; sender < cfg.senders; sender++) {
    for (let index = 0; index < cfg.uittSize; index++) out.push({ type: 'Send', sender, index });
    out.push({ type: 'SendIpi', sender });
  }
  for (let cpu = 0; cpu < cfg.cpus; cpu++) out.push({ type: 'NotifyDrain', cpu });
  for (let receiver = 0; receiver < cfg.receivers; receiver++) {
    for (const type of RECEIVER_STEP_TYPES) out.push({ type, receiver });
    for (let cpu = 0; cpu < cfg.cpus; cpu++) out.push({ type: 'SwitchInRestore', receiver, cpu });
  }
  for (let sender = 0; sender < cfg.senders; sender++) {
    for (let index = 0; index < cfg.uittSize; index++) {
      out.push({ type: 'Register', sender, index }, { type: 'Revoke', sender, index });
    }
  }
  if (cfg.timer >= 0) for (let cpu = 0; cpu < cfg.cpus; cpu++) out.push({ type: 'TimerTick', cpu });
  for (let cpu = 0; cpu < cfg.cpus; cpu++) out.push({ type: 'RunOther', cpu });
  t = Object.freeze(out.map((e) => Object.freeze(e)));
  TABLES.set(cfg, t);
  return t;
}

/** The shared IpiArrive or Accept event for cpu·256 + vector. */
export function ipiEvent(type: 'IpiArrive' | 'Accept', key: number): UipiEvent {
  return shared(type === 'IpiArrive' ? ARRIVALS : ACCEPTS, type, key);
}

function shared(cache: Map<number, UipiEvent>, type: 'IpiArrive' | 'Accept', key: number): UipiEvent {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const e: UipiEvent = Object.freeze({ type, cpu: key >> 8, vector: key & 0xff });
  cache.set(key, e);
  return e;
}

/** The events `step` accepts in `s`: IPI arrivals and acceptances first, then the table's order. */
export function enabled(cfg: UipiConfig, s: UipiState): UipiEvent[] {
  const out: UipiEvent[] = [];
  let last = -1;
  for (const x of s.inflight) {
    if (x === last) continue;
    last = x;
    out.push(shared(ARRIVALS, 'IpiArrive', x));
  }
  s.cpus.forEach((c, cpu) => {
    for (const v of c.pending) {
      const e = shared(ACCEPTS, 'Accept', cpu * 256 + v);
      if (rejection(cfg, s, e) === null) out.push(e);
    }
  });
  for (const e of uipiEventTable(cfg)) if (rejection(cfg, s, e) === null) out.push(e);
  return out;
}
