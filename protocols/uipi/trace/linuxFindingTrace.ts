/**
 * The saved trace of a linux-rfc-v1 finding, computed: the explorer's BFS-shortest run of the
 * finding (its property alone, narrowed by its scenario) on the narrowed small preset under the
 * finding's drain, recorded step by step (drain steps included), named after the property its
 * replay with every property reports first. scripts/uipiSavedTraces.ts writes it to traces/saved;
 * the test suite checks that the file still holds this run.
 */

import type { Trace } from '../../../traces/trace.ts';
import type { UipiFinding } from '../designs/linux-rfc-v1/findings.ts';
import { LINUX_RFC_V1 } from '../designs/linux-rfc-v1/linuxRfcV1.ts';
import { exploreUipi, UIPI_EXPLORE_PRESETS } from '../engine/exploreUipi.ts';
import { linuxFindingScenario } from '../engine/linuxFindingScenarios.ts';
import { runUipi } from '../engine/runUipi.ts';
import type { UipiEvent } from '../model/events.ts';
import { uipiTrace } from './uipiTrace.ts';

export interface FindingTrace {
  /** The file name under traces/saved. */
  readonly file: string;
  readonly events: readonly UipiEvent[];
  readonly trace: Trace;
}

/** The BFS-shortest trace of finding `f`. */
export function findingTrace(f: UipiFinding): FindingTrace {
  const sc = linuxFindingScenario(f.id);
  const small = UIPI_EXPLORE_PRESETS.small;
  if (small === undefined) throw new Error('no small UIPI exploration preset');
  const cfg = { ...small, drain: sc.drain };
  const r = exploreUipi({ cfg, impl: LINUX_RFC_V1, properties: [sc.property], scenario: sc.scenario });
  if (r.kind !== 'violation') throw new Error(`finding ${f.id}: the explorer found no violation (${r.kind})`);
  const events = r.reproduction.events;
  const full = runUipi(cfg, LINUX_RFC_V1, events);
  if (full.ok) throw new Error(`finding ${f.id}: its run passes with every property`);
  const first = full.violation;
  if (first.property !== (f.replayFailsFirst ?? f.property))
    throw new Error(`finding ${f.id}: its replay fails with ${first.property} first`);
  const trace = uipiTrace({
    cfg,
    implementation: LINUX_RFC_V1.name,
    property: first.property,
    message: first.message,
    failingStep: first.step,
    explorer: true,
    depth: events.length,
    note: f.bug,
    initial: r.reproduction.run.initial,
    steps: r.reproduction.run.recorded,
  });
  return { file: `uipi--${LINUX_RFC_V1.name}--${first.property}--${f.id}.itf.json`, events, trace };
}
