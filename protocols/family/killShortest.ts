/**
 * The kill matrix's explorer column (issue 8): the BFS-shortest counterexample of an
 * implementation of `protocol` on its small exploration preset, judged by the kill adapter's
 * properties (refinement left out, as in the storms), within {@link KILL_EXPLORE_MAX_STATES}
 * distinct states so `intcheck mutants` and its test stay quick: a mutant whose shortest
 * counterexample lies beyond that bound shows no shortest length (and, when the storms missed
 * it too, survives).
 */

import { explorePreset } from '../../engine/explore/explorePresets.ts';
import type { Shortest } from '../../engine/kill/killAdapter.ts';
import { KILL_EXPLORE_MAX_STATES } from '../../engine/kill/killAdapter.ts';
import type { ControllerImpl } from '../controller/designs/device.ts';
import { findControllerImpl } from '../controller/designs/registry.ts';
import { findSyscallMutant } from '../syscall/mutants/syscallMutants.ts';
import { findWakeupMutant } from '../wakeup/mutants/wakeupMutants.ts';
import { type ExploreProtocol, exploreProtocol } from './exploreProtocol.ts';

function implOf(protocol: ExploreProtocol, name: string): ControllerImpl | undefined {
  if (protocol === 'wakeup') return findWakeupMutant(name) ?? findControllerImpl(name);
  if (protocol === 'syscall') return findSyscallMutant(name) ?? findControllerImpl(name);
  return findControllerImpl(name);
}

/** The shortest-counterexample function `withShortest` wants, for `protocol` judged by `properties`. */
export function killShortest(
  protocol: ExploreProtocol,
  properties: readonly string[],
): (name: string) => Shortest {
  return (name) => {
    const impl = implOf(protocol, name);
    const cfg = explorePreset(protocol, 'small');
    if (impl === undefined || cfg === undefined) return { found: false };
    const r = exploreProtocol({ protocol, impl, cfg, properties, maxStates: KILL_EXPLORE_MAX_STATES });
    if (r.kind !== 'violation') return { found: false };
    return {
      found: true,
      length: r.reproduction.events.length,
      violated: r.violations.map((v) => v.property),
    };
  };
}
