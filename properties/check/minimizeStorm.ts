/**
 * A last shrinking pass over a failing storm, after fast-check's: remove one event at a time
 * (last first) while the run still fails with the same property, until no single removal keeps
 * it failing. fast-check shrinks storms chunk by chunk and cannot split a chunk (an all-lines
 * burst, a handler window), so this pass takes a counterexample from a local minimum to one in
 * which every event is needed. Bounded in runs, so that a long counterexample costs little.
 */
import type { ControllerImpl } from '../../impl/device.ts';
import type { Config } from '../../model/config/config.ts';
import type { SystemEvent } from '../../model/wakeup/events.ts';
import { runWakeup, type WakeupRunOptions } from '../runWakeup.ts';

/** At most this many runs are spent on the pass. */
const MAX_RUNS = 2_000;

/** The storm truncated at a storm step that failed with `property`, or undefined when it does not fail so. */
function failingPrefix(
  cfg: Config,
  impl: ControllerImpl | undefined,
  storm: readonly SystemEvent[],
  opts: WakeupRunOptions,
  property: string,
): readonly SystemEvent[] | undefined {
  const r = runWakeup(cfg, impl, storm, { ...opts, record: false });
  if (r.ok || r.violation.property !== property) return undefined;
  return r.phase === 'storm' ? storm.slice(0, r.violation.step + 1) : storm;
}

/** `storm` (which fails with `property`) with every event removed that it can fail without. */
export function minimizeStorm(
  cfg: Config,
  impl: ControllerImpl | undefined,
  storm: readonly SystemEvent[],
  opts: WakeupRunOptions,
  property: string,
): readonly SystemEvent[] {
  let current = storm;
  let budget = MAX_RUNS;
  let changed = true;
  while (changed && budget > 0) {
    changed = false;
    for (let i = current.length - 1; i >= 0 && budget > 0; i--) {
      budget--;
      const candidate = [...current.slice(0, i), ...current.slice(i + 1)];
      const kept = failingPrefix(cfg, impl, candidate, opts, property);
      if (kept === undefined) continue;
      current = kept;
      changed = true;
      i = Math.min(i, current.length);
    }
  }
  return current;
}
