/**
 * `intcheck explore --engine packed`: the wakeup model alone explored over byte-packed states
 * (properties/explore/packed/). It judges no property: it counts the model's distinct states,
 * transitions and diameter, the figures the explorer gives with no properties, much faster. It
 * refuses anything it cannot do (another protocol, an implementation, a state constraint, a
 * configuration whose counts do not fit in a byte) with a usage error rather than a weaker answer.
 */
import { performance } from 'node:perf_hooks';
import type { Config } from '../../model/config/config.ts';
import { configToJson } from '../../model/config/loadConfig.ts';
import { exploredConfig } from '../../properties/explore/exploreProtocol.ts';
import { explorePacked } from '../../properties/explore/packed/packedExplore.ts';
import { unpackable } from '../../properties/explore/packed/packedLayout.ts';
import { TOOL_VERSION } from '../../traces/toolVersion.ts';
import { EXIT, UsageError } from '../errors.ts';

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

/** Runs the packed engine for `explore` (exit 0 exhausted, 3 stopped by --max-states). */
export function runPackedExplore(r: PackedRequest): number {
  if (r.protocol !== 'wakeup') throw new UsageError('--engine packed: explores --protocol wakeup only');
  if (!r.alone) throw new UsageError('--engine packed: explores the model alone (no --impl or --mutant)');
  if (r.constrained)
    throw new UsageError('--engine packed: no state constraint (--max-pending, --max-queue)');
  const cfg = exploredConfig('wakeup', r.cfg, undefined);
  const why = unpackable(cfg);
  if (why !== null) throw new UsageError(why);
  const t0 = performance.now();
  const out = explorePacked(cfg, r.maxStates === undefined ? {} : { maxStates: r.maxStates });
  const seconds = (performance.now() - t0) / 1000;
  const statesPerSecond = Math.round(out.distinct / Math.max(seconds, 1e-6));
  if (r.json) {
    console.log(
      JSON.stringify({
        ok: out.kind === 'complete',
        verdict: out.kind,
        protocol: 'wakeup',
        implementation: 'model',
        engine: 'packed',
        properties: [],
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
    const label = `explore wakeup model ${r.name} (packed engine, no property judged)`;
    console.log(
      out.kind === 'complete'
        ? `${label}: bound exhausted: ${stats}`
        : `${label}: STOPPED by --max-states ${fmt(r.maxStates ?? out.distinct)} before the bound was exhausted: NO VERDICT (${stats})`,
    );
  }
  return out.kind === 'complete' ? EXIT.ok : EXIT.incomplete;
}
