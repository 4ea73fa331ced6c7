/**
 * Wakeup-system traces as the descriptor loads them: read with their configuration (or the one
 * asked for), replayed on a controller design or mutant or a runtime mutant, shown as text or a
 * timeline, compared state by state (`--match-states`), or sent to an external design as the
 * accesses the software runtime makes for the storm.
 */
import { runtimeAccesses } from '../../engine/dut/predictorAccesses.ts';
import { verdictOf } from '../../replay/replayVerdict.ts';
import type { ItfTrace } from '../../traces/itfTrace.ts';
import { findControllerImpl } from '../controller/designs/registry.ts';
import { type DutTrace, familyImplementations, familyTraceConfig } from '../family/familyTrace.ts';
import type { ConfigChoice, LoadedTrace } from '../protocol.ts';
import { wakeupAccesses } from './engine/wakeupAccesses.ts';
import { findWakeupMutant, WAKEUP_MUTANTS } from './mutants/wakeupMutants.ts';
import { wakeupTimeline } from './pictures/wakeupTimeline.ts';
import { formatWakeupReplay } from './replay/formatWakeupReplay.ts';
import { matchWakeupStates } from './replay/matchWakeupStates.ts';
import { replayWakeupTrace } from './replay/replayWakeupTrace.ts';
import { readWakeupTrace } from './trace/readWakeupTrace.ts';

export function loadWakeupTrace(itf: ItfTrace, c: ConfigChoice): LoadedTrace {
  const parsed = readWakeupTrace(itf, familyTraceConfig(c));
  return {
    header: parsed,
    implementations: familyImplementations(WAKEUP_MUTANTS),
    replay: (name) => {
      const impl = findWakeupMutant(name) ?? findControllerImpl(name);
      if (impl === undefined) return undefined;
      const r = replayWakeupTrace(parsed, impl);
      return {
        implementation: r.implementation,
        verdict: verdictOf(r),
        text: () => formatWakeupReplay(r, parsed),
        timeline: () => wakeupTimeline(parsed, r, impl),
        matchStates: () => matchWakeupStates(parsed, r),
      };
    },
  };
}

/** A wakeup trace on an external design: the accesses the runtime makes for its storm over the predictor's device. */
export function wakeupDutTrace(itf: ItfTrace): DutTrace {
  const parsed = readWakeupTrace(itf);
  return {
    header: parsed,
    config: parsed.config,
    accesses: (p) => {
      const impl = p.impl;
      return impl === undefined
        ? wakeupAccesses(p.cfg, parsed.events)
        : runtimeAccesses({ ...p, impl }, parsed.events, false);
    },
  };
}
