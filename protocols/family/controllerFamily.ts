/**
 * What the three protocols built on the controller (controller, wakeup, syscall) share in their
 * descriptors: the controller's configurations (small, published, or a file), the designs of
 * `protocols/controller/designs/` with the protocol's own mutants, the default property selection
 * (refinement only for a design that refines the reference), and exploration through the
 * protocol's state space with the counterexample re-run by its runner and written as a trace.
 */
import { performance } from 'node:perf_hooks';
import { EXPLORE_PRESETS, explorePreset } from '../../engine/explore/explorePresets.ts';
import { UsageError } from '../../model/badInput.ts';
import { thousands } from '../../model/thousands.ts';
import type { ConfigReport } from '../../report/checkReport.ts';
import type { ExploreResult, ExploreRunArgs } from '../../report/exploreReport.ts';
import { exploreResultOf } from '../../report/exploreResultOf.ts';
import type { ControllerImpl } from '../controller/designs/device.ts';
import { supportedConfig } from '../controller/designs/supportedConfig.ts';
import { controllerUnpackable } from '../controller/engine/packed/controllerPackedLayout.ts';
import { type Config, PRESETS } from '../controller/model/config/config.ts';
import { configToJson, loadConfig } from '../controller/model/config/loadConfig.ts';
import { resolveConfigs } from '../controller/model/config/resolveConfigs.ts';
import type { CheckArgs, ConfigChoice, ProtocolConfig } from '../protocol.ts';
import { syscallUnpackable } from '../syscall/engine/packed/syscallPackedLayout.ts';
import { hartRenamingCount, MAX_HART_RENAMINGS } from '../wakeup/engine/hartRenaming.ts';
import { PACKED_PROPERTY_IDS } from '../wakeup/engine/packed/packedInvariants.ts';
import { unpackable } from '../wakeup/engine/packed/packedLayout.ts';
import type { ConfigCheckArgs } from './configCheck.ts';
import { counterexampleOf } from './exploreCounterexample.ts';
import {
  exploreControllerJudgedProtocol,
  exploreJudgedProtocol,
  judgedPropertyIds,
} from './exploreJudgedProtocol.ts';
import { explorePackedProtocol } from './explorePackedProtocol.ts';
import {
  defaultSyscallEngine,
  type ExploreReport,
  exploreProtocol,
  type SyscallEngine,
} from './exploreProtocol.ts';
import { writeExploreTrace } from './exploreTrace.ts';

export type FamilyProtocol = 'controller' | 'wakeup' | 'syscall';

/** How one protocol of the family checks a configuration and finds its implementations. */
export interface FamilyMember {
  readonly protocol: FamilyProtocol;
  /** The implementation called `name` (a design or one of the protocol's mutants). */
  readonly find: (name: string) => ControllerImpl | undefined;
  readonly check: (a: ConfigCheckArgs) => Promise<ConfigReport>;
}

/** `name` as an implementation of `m` (the descriptor validated it before). */
function implOf(m: FamilyMember, name: string): ControllerImpl {
  const impl = m.find(name);
  if (impl === undefined) throw new UsageError(`unknown ${m.protocol} implementation "${name}"`);
  return impl;
}

/** The properties a storm profile of `impl` claims, or a usage error naming the profiles it has. */
export function profileProperties(impl: ControllerImpl | undefined, profile: string): readonly string[] {
  const p = impl?.profiles?.[profile];
  if (p !== undefined) return p.holds;
  const names = Object.keys(impl?.profiles ?? {});
  const known = names.length === 0 ? 'it declares none' : `known: ${names.join(', ')}`;
  throw new UsageError(`--profile: ${impl?.name ?? 'the model'} has no profile "${profile}" (${known})`);
}

/** One configuration of a family member, its operations bound to it. */
function bound(m: FamilyMember, name: string, cfg: Config): ProtocolConfig {
  return {
    name,
    json: configToJson(cfg),
    check: (a: CheckArgs) => {
      const { impl, ...rest } = a;
      return m.check({ ...rest, impl: implOf(m, impl), preset: name, cfg });
    },
    explore: (a: ExploreRunArgs) => exploreFamily(m, name, cfg, a),
  };
}

/** The family has one drain (§6), not named ones: `--drain` is refused. */
function noNamedDrains(m: FamilyMember, c: ConfigChoice): void {
  if (c.drain !== undefined)
    throw new UsageError(
      `--drain: --protocol ${m.protocol} has one drain (controller.md §6), not named ones`,
    );
}

/** The configurations `check` runs (the preset, the file, or small then published). */
export function familyCheckConfigs(m: FamilyMember, c: ConfigChoice): ProtocolConfig[] {
  noNamedDrains(m, c);
  return resolveConfigs(c).map(({ name, cfg }) => bound(m, name, cfg));
}

/** The configuration `explore` runs: an exploration preset (default small), published, or the file. */
export function familyExploreConfig(m: FamilyMember, c: ConfigChoice): ProtocolConfig {
  noNamedDrains(m, c);
  if (c.preset !== undefined && c.config !== undefined)
    throw new UsageError('--preset and --config cannot be used together');
  if (c.config !== undefined) return bound(m, c.config, loadConfig(c.config));
  const name = c.preset ?? 'small';
  const cfg = explorePreset(m.protocol, name) ?? (name === 'published' ? PRESETS.published : undefined);
  if (cfg === undefined) {
    const known = [...Object.keys(EXPLORE_PRESETS[m.protocol] ?? {}), 'published'];
    throw new UsageError(`--preset: unknown preset "${name}" (known: ${known.join(', ')})`);
  }
  return bound(m, name, cfg);
}

/** The exploration presets of a family member, by name. */
export function familyExplorePresets(protocol: FamilyProtocol): string[] {
  return [...Object.keys(EXPLORE_PRESETS[protocol] ?? {}), 'published'];
}

/** Explores `cfg` (named `name`) as `a` asks, writing the counterexample's trace under `a.out`. */
function exploreFamily(m: FamilyMember, name: string, requested: Config, a: ExploreRunArgs): ExploreResult {
  const impl = a.impl === undefined ? undefined : implOf(m, a.impl);
  const implementation = impl?.name ?? 'model';
  // A model-only counterexample is written naming the reference (replay runs an implementation).
  const traceImpl = impl?.name ?? 'reference';
  if (a.symmetry === true && impl !== undefined)
    throw new UsageError(
      "--symmetry: only the controller, syscall, wakeup and UIPI models alone are explored by orbits (an implementation's hidden state cannot be renamed)",
    );
  if (a.covering === false)
    throw new UsageError(
      `--no-covering: --protocol ${m.protocol} keeps every state whole in its key (no covering reduction to turn off; UIPI has one)`,
    );
  const workers = a.workers ?? 1;
  if (a.symmetry === true && m.protocol === 'wakeup') wakeupSymmetryRefusal(requested, a, workers);
  if (workers > 1) {
    const refused =
      impl !== undefined
        ? 'the model alone (no --impl or --mutant)'
        : a.maxStates !== undefined
          ? 'no --max-states (which states fill the bound depends on the order within a level)'
          : a.profile !== undefined
            ? 'no --profile'
            : a.engine === 'judged' || a.engine === 'packed'
              ? 'the object engine (not --engine judged or packed)'
              : null;
    if (refused !== null) throw new UsageError(`--workers: the parallel search explores ${refused}`);
  }
  const cfg = supportedConfig(requested, impl);
  // the syscall model alone (not --workers): its packed engine, or by orbits its graph engine
  const syscallEngine =
    m.protocol === 'syscall' && impl === undefined && workers === 1 ? syscallEngineOf(cfg, a) : undefined;
  if (a.symmetry === true && m.protocol === 'syscall' && syscallEngine !== 'graph')
    throw new UsageError(
      `--symmetry: the syscall model is explored by orbits by its graph engine only (not --engine ${a.engine ?? 'objects'})`,
    );
  if (a.engine === 'packed') return explorePackedFamily(m, name, requested, a);
  const notJudged = judgedRefusal(m, impl, cfg, a);
  // the syscall model alone chose its engine above (syscallEngineOf)
  const judgedAsked = a.engine === 'judged' && syscallEngine === undefined;
  if (judgedAsked && notJudged !== null) throw new UsageError(`--engine judged: ${notJudged}`);
  if (a.engine !== 'objects' && notJudged === null && workers === 1)
    return exploreJudgedFamily(m, name, cfg, a);
  const t0 = performance.now();
  const r = exploreProtocol({
    protocol: m.protocol,
    impl,
    cfg,
    liveness: a.liveness,
    ...(a.properties === undefined ? {} : { properties: a.properties }),
    ...(a.profile === undefined ? {} : { profile: a.profile }),
    ...(a.symmetry === true ? { symmetry: true } : {}),
    ...(a.maxStates === undefined ? {} : { maxStates: a.maxStates }),
    ...(syscallEngine === undefined ? {} : { syscallEngine }),
    workers,
    bounds: {
      ...(a.maxPending === undefined ? {} : { maxPending: a.maxPending }),
      ...(a.maxQueue === undefined ? {} : { maxQueue: a.maxQueue }),
    },
    ...(a.onProgress === undefined ? {} : { onProgress: a.onProgress }),
    progressEvery: a.progressEvery ?? 5000,
  });
  const names = {
    protocol: m.protocol,
    implementation,
    preset: name,
    config: configToJson(r.cfg),
    seconds: (performance.now() - t0) / 1000,
    label: `${m.protocol} ${implementation} ${name}${a.symmetry === true ? ` (symmetry: one state per orbit${r.kind !== 'violation' && r.full !== undefined ? ` of ${thousands(r.full.distinct)} states` : ''})` : ''}`,
    ...(a.symmetry === true || (syscallEngine !== undefined && syscallEngine !== 'objects')
      ? {
          extra: {
            ...(a.symmetry === true ? { symmetry: true } : {}),
            ...(syscallEngine === undefined || syscallEngine === 'objects' ? {} : { engine: syscallEngine }),
            ...(r.kind !== 'violation' && r.full !== undefined
              ? {
                  fullStates: r.full.distinct,
                  fullTransitions: r.full.transitions,
                  fullDiameter: r.full.diameter,
                }
              : {}),
          },
        }
      : {}),
  };
  return exploreResultOf(r, names, (v) => {
    if (r.kind !== 'violation') throw new Error('exploreFamily: a violation without a reproduction');
    return {
      counterexample: counterexampleOf(r.reproduction),
      trace: writeExploreTrace(a.out, name, r.cfg, traceImpl, v, r.reproduction),
    };
  });
}

/**
 * The engine `a` asks for the syscall model alone on `cfg`: `--engine objects`; `--engine judged`
 * (the packed syscall engine, refused with what it cannot do); else the default
 * (exploreProtocol.ts defaultSyscallEngine: packed, by orbits the graph engine).
 */
function syscallEngineOf(cfg: Config, a: ExploreRunArgs): SyscallEngine {
  if (a.engine === 'objects') return 'objects';
  if (a.engine !== 'judged') return defaultSyscallEngine(cfg, a);
  const refused =
    a.symmetry === true
      ? null // refused by the --symmetry check, which names the graph engine
      : a.profile !== undefined
        ? 'it has no --profile'
        : a.maxPending !== undefined || a.maxQueue !== undefined
          ? 'it has no state constraint (--max-pending, --max-queue)'
          : syscallUnpackable(cfg);
  if (refused !== null) throw new UsageError(`--engine judged: ${refused}`);
  return 'judged';
}

/**
 * `--symmetry` on the wakeup model alone: the object engine explores it by orbits of the harts
 * (hartRenaming.ts); the judged and packed engines and the parallel search do not, and the
 * leads-to check drains every member of an orbit, so the renamings are bounded.
 */
function wakeupSymmetryRefusal(cfg: Config, a: ExploreRunArgs, workers: number): void {
  if (a.engine === 'judged' || a.engine === 'packed')
    throw new UsageError(
      `--symmetry: the wakeup model is explored by orbits by the object engine only (not --engine ${a.engine})`,
    );
  if (workers > 1)
    throw new UsageError(
      '--symmetry: the wakeup model is explored by orbits by the sequential search (no --workers)',
    );
  const n = hartRenamingCount(cfg);
  if (n > MAX_HART_RENAMINGS)
    throw new UsageError(
      `--symmetry: ${n} renamings of the harts, more than ${MAX_HART_RENAMINGS} (the leads-to check drains every member of an orbit)`,
    );
}

/**
 * Why a judged engine (the wakeup or the controller model alone over packed states with the
 * checker's ghosts, every default property judged) cannot answer `a`, or null when one can: then
 * it is the default engine, since it answers exactly what the object engine does
 * (test/protocols/wakeup/engine/judged.test.ts, test/protocols/controller/engine/controllerJudged.test.ts).
 */
function judgedRefusal(
  m: FamilyMember,
  impl: ControllerImpl | undefined,
  cfg: Config,
  a: ExploreRunArgs,
): string | null {
  if (impl !== undefined) return 'it explores the model alone (no --impl or --mutant)';
  // the syscall model alone is explored by exploreProtocol with the engine syscallEngineOf chose
  if (m.protocol === 'syscall') return 'the syscall judged engine runs through exploreProtocol';
  if (a.maxPending !== undefined || a.maxQueue !== undefined)
    return 'it has no state constraint (--max-pending, --max-queue)';
  if (a.profile !== undefined) return 'it has no --profile';
  if (a.symmetry === true) return 'it has no --symmetry (the object engine explores by orbits)';
  const ids = judgedPropertyIds(m.protocol);
  if (
    a.properties !== undefined &&
    (a.properties.length !== ids.length || ids.some((id) => !a.properties?.includes(id)))
  )
    return `it judges the default properties only (${ids.join(', ')}); use --engine objects to select properties`;
  return m.protocol === 'wakeup' ? unpackable(cfg) : controllerUnpackable(cfg);
}

/** The model of `m` explored by its judged engine (see {@link judgedRefusal}). */
function exploreJudgedFamily(m: FamilyMember, name: string, cfg: Config, a: ExploreRunArgs): ExploreResult {
  const t0 = performance.now();
  const opts = {
    ...(a.maxStates === undefined ? {} : { maxStates: a.maxStates }),
    ...(a.onProgress === undefined ? {} : { onProgress: a.onProgress }),
    progressEvery: a.progressEvery ?? 5000,
  };
  const r =
    m.protocol === 'controller'
      ? exploreControllerJudgedProtocol(cfg, opts)
      : exploreJudgedProtocol(cfg, { liveness: a.liveness, ...opts });
  return modelResult(m.protocol, r, name, cfg, a.out, t0, '', { engine: 'judged' });
}

/**
 * `--engine packed`: the wakeup model alone over byte-packed states, judging the wakeup state
 * invariants only; it refuses anything it cannot do with a usage error rather than a weaker answer.
 */
function explorePackedFamily(m: FamilyMember, name: string, cfg: Config, a: ExploreRunArgs): ExploreResult {
  if (m.protocol !== 'wakeup') throw new UsageError('--engine packed: explores --protocol wakeup only');
  if (a.impl !== undefined)
    throw new UsageError('--engine packed: explores the model alone (no --impl or --mutant)');
  if (a.maxPending !== undefined || a.maxQueue !== undefined)
    throw new UsageError('--engine packed: no state constraint (--max-pending, --max-queue)');
  if (a.properties !== undefined)
    throw new UsageError(
      `--property: the packed engine judges a fixed set (${PACKED_PROPERTY_IDS.join(', ')}); use the default engine to select properties`,
    );
  const why = unpackable(cfg);
  if (why !== null) throw new UsageError(why);
  const t0 = performance.now();
  const r = explorePackedProtocol(cfg, {
    ...(a.maxStates === undefined ? {} : { maxStates: a.maxStates }),
    ...(a.onProgress === undefined ? {} : { onProgress: a.onProgress }),
  });
  const extra = { engine: 'packed', properties: PACKED_PROPERTY_IDS };
  return modelResult(
    'wakeup',
    r,
    name,
    cfg,
    a.out,
    t0,
    ` (packed engine: ${PACKED_PROPERTY_IDS.join(', ')})`,
    extra,
  );
}

/** The report of an exploration of a model alone by a packed engine, started at `t0`; its trace under `out`. */
function modelResult(
  protocol: FamilyProtocol,
  r: ExploreReport,
  name: string,
  cfg: Config,
  out: string,
  t0: number,
  labelSuffix: string,
  extra: Readonly<Record<string, unknown>>,
): ExploreResult {
  const names = {
    protocol,
    implementation: 'model',
    preset: name,
    config: configToJson(cfg),
    seconds: (performance.now() - t0) / 1000,
    label: `${protocol} model ${name}${labelSuffix}`,
    extra,
  };
  return exploreResultOf(r, names, (v) => {
    if (r.kind !== 'violation') throw new Error('modelResult: a violation without a reproduction');
    return {
      counterexample: counterexampleOf(r.reproduction),
      trace: writeExploreTrace(out, name, cfg, 'reference', v, r.reproduction),
    };
  });
}
