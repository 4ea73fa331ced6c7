/**
 * The report of one configuration's storm check, whatever the protocol: the counts, and on a
 * failure the shrunk counterexample, written as the protocol's ITF trace before the report is
 * returned (a report never names a trace that is not on disk). Each protocol's check runs its
 * storms and says how its trace is built and its events read; the rest is here, once.
 */
import { join } from 'node:path';
import type { CheckOutcome } from '../engine/check/checkOutcome.ts';
import type { Violation } from '../engine/property.ts';
import type { Trace, TraceMeta } from '../traces/trace.ts';
import { traceName } from '../traces/traceName.ts';
import { writeTrace } from '../traces/writeTrace.ts';
import type { ConfigJson, ConfigReport, FailurePhase } from './checkReport.ts';

/** The trace meta fields of a failure that every protocol's trace builder takes. */
export type FailureProvenance = Required<
  Pick<TraceMeta, 'implementation' | 'property' | 'message' | 'failingStep' | 'seed' | 'path'>
> &
  Pick<TraceMeta, 'note'>;

/** One configuration's check as a protocol hands it to {@link configReport}. */
export interface CheckedConfig<E, F extends { readonly violation: Violation }> {
  /** The protocol (a name of protocols/index.ts) and the implementation's name, for the trace's file name. */
  readonly protocol: string;
  readonly implementation: string;
  /** "small", "published" or the configuration file's path. */
  readonly preset: string;
  /** The configuration checked, as the report prints it. */
  readonly config: ConfigJson;
  readonly result: CheckOutcome<E, F>;
  /** Where the trace goes, and what `#meta.note` says. */
  readonly out: string;
  /** `--shard index/count`: the trace's file name says which shard wrote it. */
  readonly shard?: { readonly index: number; readonly count: number } | undefined;
  readonly note?: string | undefined;
  readonly seconds: number;
  /** The protocol's trace of the failing run `f`, with the provenance every trace records. */
  readonly trace: (f: F, provenance: FailureProvenance) => Trace;
  /** One event of the counterexample, as a line. */
  readonly event: (e: E) => string;
  /** Where the run failed (system protocols: storm, drain or quiescence). */
  readonly phase?: (f: F) => FailurePhase;
  /** A few lines explaining the failure in domain words (wakeup). */
  readonly explain?: (f: F, counterexample: readonly E[]) => readonly string[];
}

/** The report of `c` (see above); on a failure its trace is written first. */
export function configReport<E, F extends { readonly violation: Violation }>(
  c: CheckedConfig<E, F>,
): ConfigReport {
  const r = c.result;
  const common = {
    preset: c.preset,
    config: c.config,
    runs: r.runs,
    events: r.events,
    endedEarly: r.endedEarly,
    seconds: c.seconds,
  };
  if (r.ok) return { ...common, ok: true };
  const run = r.failure;
  const v = run.violation;
  const file = join(c.out, traceName(c.protocol, c.implementation, v.property, c.preset, c.shard));
  writeTrace(
    file,
    c.trace(run, {
      implementation: c.implementation,
      property: v.property,
      message: v.message,
      failingStep: v.step,
      seed: r.seed,
      path: r.path,
      ...(c.note === undefined ? {} : { note: c.note }),
    }),
  );
  const failure = {
    run: r.index + 1,
    property: v.property,
    step: v.step,
    ...(c.phase === undefined ? {} : { phase: c.phase(run) }),
    message: v.message,
    ...(c.explain === undefined ? {} : { explanation: c.explain(run, r.counterexample) }),
    shrinks: r.shrinks,
    seed: r.seed,
    path: r.path,
    length: r.counterexample.length,
    counterexample: r.counterexample.map(c.event),
    trace: file,
  };
  return { ...common, ok: false, failure };
}
