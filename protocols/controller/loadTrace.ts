/**
 * Controller traces as the descriptor loads them: read with their configuration (or the one
 * asked for), replayed on a design or a mutant, shown as text or a timeline, compared state by
 * state (`--match-states`), or sent to an external design as register accesses.
 */
import { lower } from '../../engine/dut/dutRun.ts';
import { eventAccesses } from '../../engine/dut/predictorAccesses.ts';
import { verdictOf } from '../../replay/replayVerdict.ts';
import type { ItfTrace } from '../../traces/itfTrace.ts';
import { type DutTrace, familyImplementations, familyTraceConfig } from '../family/familyTrace.ts';
import type { ConfigChoice, LoadedTrace, TraceReplay } from '../protocol.ts';
import type { ControllerImpl } from './designs/device.ts';
import { findControllerImpl } from './designs/registry.ts';
import { controllerTimeline } from './pictures/controllerTimeline.ts';
import { formatControllerReplay } from './replay/formatControllerReplay.ts';
import { matchControllerStates } from './replay/matchControllerStates.ts';
import { replayControllerTrace } from './replay/replayControllerTrace.ts';
import { type ParsedControllerTrace, readControllerTrace } from './trace/readControllerTrace.ts';

export function loadControllerTrace(itf: ItfTrace, c: ConfigChoice): LoadedTrace {
  const parsed = readControllerTrace(itf, familyTraceConfig(c));
  return {
    header: parsed,
    implementations: familyImplementations([]),
    replay: (name) => {
      const impl = findControllerImpl(name);
      return impl === undefined ? undefined : controllerReplay(parsed, impl);
    },
  };
}

/** `parsed` replayed on `impl`, with the ways to show it. */
function controllerReplay(parsed: ParsedControllerTrace, impl: ControllerImpl): TraceReplay {
  const r = replayControllerTrace(parsed, impl);
  return {
    implementation: r.implementation,
    verdict: verdictOf(r),
    text: () => formatControllerReplay(r, parsed),
    timeline: (describe) => controllerTimeline(parsed, r, describe),
    matchStates: () => matchControllerStates(parsed, r),
  };
}

/** A controller trace on an external design: each event the access it is (through a design's own driver when predicted by one). */
export function controllerDutTrace(itf: ItfTrace): DutTrace {
  const parsed = readControllerTrace(itf);
  return {
    header: parsed,
    config: parsed.config,
    accesses: (p) => {
      const impl = p.impl;
      return impl === undefined || impl.drive === undefined
        ? parsed.events.map((e) => lower(p.cfg, e))
        : eventAccesses({ ...p, impl }, parsed.events, false);
    },
  };
}
