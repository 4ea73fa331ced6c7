/**
 * UIPI traces as the descriptor loads them: read with their configuration (or the one asked
 * for), replayed on the reference, a published design or a mutant, shown as text or a timeline.
 * They are not compared state by state (`--match-states` is the controller's and the wakeup
 * system's cross-check with other specifications).
 */
import { verdictOf } from '../../replay/replayVerdict.ts';
import type { ItfTrace } from '../../traces/itfTrace.ts';
import type { ConfigChoice, LoadedTrace, TraceReplay } from '../protocol.ts';
import { findUipiImpl, UIPI_DESIGNS } from './designs/registry.ts';
import { resolveUipiConfigs } from './model/resolveUipiConfigs.ts';
import { UIPI_MUTANTS } from './mutants/uipiMutants.ts';
import { uipiTimeline } from './pictures/uipiTimeline.ts';
import { formatUipiReplay } from './replay/formatUipiReplay.ts';
import { replayUipiTrace } from './replay/replayUipiTrace.ts';
import { type ParsedUipiTrace, readUipiTrace } from './trace/readUipiTrace.ts';

export function loadUipiTrace(itf: ItfTrace, c: ConfigChoice): LoadedTrace {
  const given = c.preset === undefined && c.config === undefined ? undefined : resolveUipiConfigs(c)[0];
  const parsed = readUipiTrace(itf, given?.cfg);
  return {
    header: parsed,
    implementations: [...UIPI_DESIGNS, ...UIPI_MUTANTS].map((i) => i.name),
    replay: (name) => {
      const impl = findUipiImpl(name);
      return impl === undefined ? undefined : replayed(parsed, replayUipiTrace(parsed, impl));
    },
  };
}

function replayed(parsed: ParsedUipiTrace, r: ReturnType<typeof replayUipiTrace>): TraceReplay {
  return {
    implementation: r.implementation,
    verdict: verdictOf(r),
    text: () => formatUipiReplay(r, parsed),
    timeline: (describe) => uipiTimeline(parsed, r, describe),
  };
}
