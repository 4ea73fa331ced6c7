/**
 * For the mutant kill matrix and the shrinking bench: the length of the BFS-shortest
 * counterexample of `impl` on `protocol` (events up to and including the failing one; for a
 * liveness failure, the path to the state the drain fails from), or undefined when none exists
 * within `maxStates` distinct states (none at all, or the bound stopped the search first).
 */
import type { ControllerImpl } from '../controller/designs/device.ts';
import type { Config } from '../controller/model/config/config.ts';
import { type ExploreProtocol, exploreProtocol } from './exploreProtocol.ts';

export function shortestCounterexample(
  protocol: ExploreProtocol,
  impl: ControllerImpl | undefined,
  cfg: Config,
  maxStates: number,
  properties?: readonly string[],
): number | undefined {
  const r = exploreProtocol({ protocol, impl, cfg, maxStates, ...(properties ? { properties } : {}) });
  return r.kind === 'violation' ? r.reproduction.events.length : undefined;
}
