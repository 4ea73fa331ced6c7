/**
 * `intcheck explore --engine packed`: the wakeup model alone explored over byte-packed states
 * (properties/explore/packed/), judging the wakeup state invariants (taskInOnePlace,
 * onlyOnlineRun, noStuckSystem) on every distinct state, much faster than the default engine. A
 * violation is reported exactly as the default engine reports one (the path re-run through
 * `runWakeup`, the same trace, message and exit code 1), through the caller's `report`. It refuses
 * anything it cannot do (another protocol, an implementation, a state constraint, a configuration
 * whose counts do not fit in a byte) with a usage error rather than a weaker answer.
 */
import { performance } from 'node:perf_hooks';
import type { Config } from '../../protocols/controller/model/config/config.ts';
import { configToJson } from '../../protocols/controller/model/config/loadConfig.ts';
import type { ExploreReport } from '../../protocols/exploreProtocol.ts';
import { exploredConfig } from '../../protocols/exploreProtocol.ts';
import { explorePackedProtocol } from '../../protocols/wakeup/engine/packed/explorePackedProtocol.ts';
import { PACKED_PROPERTY_IDS } from '../../protocols/wakeup/engine/packed/packedInvariants.ts';
import { unpackable } from '../../protocols/wakeup/engine/packed/packedLayout.ts';
import { TOOL_VERSION } from '../../traces/toolVersion.ts';
import { EXIT, UsageError } from '../errors.ts';
import { exploreProgress } from './exploreProgress.ts';

/** The explorer engines `--engine` names. */
export const EXPLORE_ENGINES = ['objects', 'packed'] as const;
export type ExploreEngine = (typeof EXPLORE_ENGINES)[number];

/** The engine `--engine` names, or a usage error. */
export function exploreEngine(name: string | undefined): ExploreEngine {
  const e = EXPLORE_ENGINES.find((x) => x === (name ?? 'objects'));
  if (e === undefined)
    throw new UsageError(`--engine: unknown engine "${name}" (known: ${EXPLORE_ENGINES.join(', ')})`);
  return e;
}

export interface PackedRequest {
  readonly protocol: string;
  /** The model alone (no --impl, --mutant). */
  readonly alone: boolean;
  readonly constrained: boolean;
  readonly name: string;
  readonly cfg: Config;
  readonly maxStates: number | undefined;
  readonly json: boolean;
}

/** Prints a violation the way the default engine does and returns its exit code (cli/commands/explore.ts). */
export type ReportViolation = (r: ExploreReport & { readonly cfg: Config }, seconds: number) => number;

/** Runs the packed engine for `explore` (exit 0 exhausted, 1 a violation via `report`, 3 stopped by --max-states). */
export function runPackedExplore(r: PackedRequest, report: ReportViolation): number {
  if (r.protocol !== 'wakeup') throw new UsageError('--engine packed: explores --protocol wakeup only');
  if (!r.alone) throw new UsageError('--engine packed: explores the model alone (no --impl or --mutant)');
  if (r.constrained)
    throw new UsageError('--engine packed: no state constraint (--max-pending, --max-queue)');
  const cfg = exploredConfig('wakeup', r.cfg, undefined);
  const why = unpackable(cfg);
  if (why !== null) throw new UsageError(why);
  const progress = exploreProgress(`wakeup model ${r.name} (packed engine)`, !r.json);
  const t0 = performance.now();
  const out = explorePackedProtocol(cfg, {
    ...(r.maxStates === undefined ? {} : { maxStates: r.maxStates }),
    onProgress: progress.tick,
  });
  const seconds = (performance.now() - t0) / 1000;
  progress.done();
  if (out.kind === 'violation') return report({ ...out, cfg }, seconds);
  const statesPerSecond = Math.round(out.distinct / Math.max(seconds, 1e-6));
  if (r.json) {
    console.log(
      JSON.stringify({
        ok: out.kind === 'complete',
        verdict: out.kind,
        protocol: 'wakeup',
        implementation: 'model',
        engine: 'packed',
        properties: PACKED_PROPERTY_IDS,
        preset: r.name,
        version: TOOL_VERSION,
        config: configToJson(cfg),
        distinct: out.distinct,
        transitions: out.transitions,
        diameter: out.diameter,
        constrained: 0,
        seconds: Math.round(seconds * 1000) / 1000,
        statesPerSecond,
      }),
    );
  } else {
    const fmt = (n: number): string => n.toLocaleString('en-US');
    const stats = `${fmt(out.distinct)} distinct states, ${fmt(out.transitions)} transitions, diameter ${out.diameter}, ${seconds.toFixed(2)} s (${fmt(statesPerSecond)} distinct states/s)`;
    const label = `explore wakeup model ${r.name} (packed engine: ${PACKED_PROPERTY_IDS.join(', ')})`;
    console.log(
      out.kind === 'complete'
        ? `${label}: bound exhausted, no violation: ${stats}`
        : `${label}: STOPPED by --max-states ${fmt(r.maxStates ?? out.distinct)} before the bound was exhausted: NO VERDICT (${stats})`,
    );
  }
  return out.kind === 'complete' ? EXIT.ok : EXIT.incomplete;
}
