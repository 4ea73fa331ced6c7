/**
 * `intcheck explore --protocol uipi` on one configuration: the UIPI model alone, or its product
 * with the instruction-level reference or a UIPI mutant, every property judged on every
 * transition and the leads-to drain from every state; the BFS-shortest counterexample re-run by
 * `runUipi` and written as the same ITF trace a check writes.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { UsageError } from '../../model/badInput.ts';
import { type ExploreResult, type ExploreRunArgs, exploreTraceName } from '../../report/exploreReport.ts';
import { exploreResultOf } from '../../report/exploreResultOf.ts';
import { writeTrace } from '../../traces/writeTrace.ts';
import type { UipiImpl } from './designs/reference/uipiImpl.ts';
import { exploreUipi } from './engine/exploreUipi.ts';
import { exploreUipiPackedReport } from './engine/packed/exploreUipiPackedReport.ts';
import { uipiUnpackable } from './engine/packed/uipiPackedLayout.ts';
import { MAX_UIPI_RENAMINGS, uipiRenamingCount } from './engine/uipiRenaming.ts';
import type { UipiConfig } from './model/config.ts';
import { formatUipiEvent } from './model/events.ts';
import { uipiConfigToJson } from './model/loadUipiConfig.ts';
import { uipiTrace } from './trace/uipiTrace.ts';

/**
 * Why the packed UIPI engine (engine/packed/uipiPackedExplore.ts: the model alone over packed
 * words, every selected property and the leads-to check, the object engine's answer) cannot
 * explore `cfg` as `a` asks, or null when it can: then it is the default engine (`--engine auto`).
 * Otherwise the object engine explores (a design, `--symmetry`, a configuration the words cannot hold).
 */
function uipiJudgedRefusal(cfg: UipiConfig, impl: UipiImpl | undefined, a: ExploreRunArgs): string | null {
  if (impl !== undefined) return 'it explores the UIPI model alone (no --impl or --mutant)';
  if (a.symmetry === true) return 'it has no --symmetry (the object engine explores UIPI by orbits)';
  const why = uipiUnpackable(cfg);
  return why === null ? null : `the packed UIPI engine cannot hold the configuration: ${why}`;
}

/** Explores `cfg` (named `name`) as `a` asks, `impl` undefined for the model alone. */
export function exploreUipiConfig(
  name: string,
  cfg: UipiConfig,
  impl: UipiImpl | undefined,
  a: ExploreRunArgs,
): ExploreResult {
  if (a.engine === 'packed')
    throw new UsageError(
      '--engine packed: explores --protocol wakeup only (UIPI runs its judged engine or the object engine)',
    );
  const notJudged = uipiJudgedRefusal(cfg, impl, a);
  if (a.engine === 'judged' && notJudged !== null) throw new UsageError(`--engine judged: ${notJudged}`);
  if (a.symmetry === true && impl !== undefined)
    throw new UsageError(
      `--symmetry: the UIPI model alone is explored by orbits, not its product with ${impl.name} (a machine's state has no renaming)`,
    );
  if (a.symmetry === true) {
    const n = uipiRenamingCount(cfg);
    if (n > MAX_UIPI_RENAMINGS)
      throw new UsageError(
        `--symmetry: ${n} renamings of the CPUs and senders, more than ${MAX_UIPI_RENAMINGS} (the leads-to check drains every member of an orbit)`,
      );
  }
  if (a.covering === false && impl !== undefined)
    throw new UsageError(
      `--no-covering: the owed masks are keyed for the UIPI model alone, not its product with ${impl.name} (whose credits, in its measure, grow without bound)`,
    );
  const workers = a.workers ?? 1;
  if (workers > 1) {
    // the first that applies, in this order
    const refusals: readonly (readonly [boolean, string])[] = [
      [impl !== undefined, 'the UIPI model alone (no --impl or --mutant)'],
      [
        a.covering !== false,
        'UIPI with --no-covering only (the covering measure admits states in an order the parallel search does not keep; keyed, admission is membership)',
      ],
      [
        a.symmetry === true,
        'UIPI without --symmetry (a renamed member failing its drain sends the sequential search back to the full space)',
      ],
      [
        a.maxStates !== undefined,
        'no --max-states (which states fill the bound depends on the order within a level)',
      ],
      [a.engine === 'judged', 'the object engine (not --engine judged)'],
    ];
    const refused = refusals.find(([applies]) => applies)?.[1];
    if (refused !== undefined) throw new UsageError(`--workers: the parallel search explores ${refused}`);
  }
  if (a.maxPending !== undefined || a.maxQueue !== undefined)
    throw new UsageError(
      '--max-pending/--max-queue: state constraints apply to the controller protocols only',
    );
  const implementation = impl?.name ?? 'model';
  /** false: the owed masks keyed (`--no-covering`), which the JSON report says (`"covering":false`). */
  const covering = a.covering !== false;
  const judged = a.engine !== 'objects' && notJudged === null && workers === 1;
  const t0 = performance.now();
  const common = {
    liveness: a.liveness,
    ...(a.maxStates === undefined ? {} : { maxStates: a.maxStates }),
    ...(a.onProgress === undefined ? {} : { onProgress: a.onProgress }),
    progressEvery: a.progressEvery ?? 5000,
    ...(a.covering === false ? { covering: false } : {}),
  };
  const r = judged
    ? exploreUipiPackedReport(cfg, a.properties, common)
    : exploreUipi({
        cfg,
        impl,
        ...common,
        ...(a.properties === undefined ? {} : { properties: a.properties }),
        ...(a.symmetry === true ? { symmetry: true } : {}),
        ...(workers > 1 ? { workers } : {}),
      });
  const names = {
    protocol: 'uipi',
    implementation,
    preset: name,
    config: uipiConfigToJson(cfg),
    seconds: (performance.now() - t0) / 1000,
    label: `uipi ${implementation} ${name}${covering ? '' : ' (no covering)'}`,
    ...(judged || !covering
      ? { extra: { ...(judged ? { engine: 'judged' } : {}), ...(covering ? {} : { covering }) } }
      : {}),
  };
  return exploreResultOf(r, names, (v) => {
    if (r.kind !== 'violation') throw new Error('exploreUipiConfig: a violation without a reproduction');
    // A model-only counterexample is written naming the reference (replay runs an implementation).
    const traceImpl = impl?.name ?? 'reference';
    const trace = join(a.out, exploreTraceName('uipi', traceImpl, v.property, name));
    writeTrace(
      trace,
      uipiTrace({
        cfg,
        implementation: traceImpl,
        property: v.property,
        message: v.message,
        failingStep: v.step,
        explorer: true,
        depth: r.reproduction.events.length,
        initial: r.reproduction.run.initial,
        steps: r.reproduction.run.recorded,
      }),
    );
    return { counterexample: r.reproduction.events.map(formatUipiEvent), trace };
  });
}
