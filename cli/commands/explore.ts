/**
 * `intcheck explore`: exhaustive breadth-first exploration of a protocol's model (or of the
 * product of the model and an implementation) on a small configuration, every property judged
 * on every transition and liveness from every state. Exit 0: the bound was exhausted with no
 * violation; 1: a violation (the BFS-shortest counterexample saved as an ITF trace); 2: bad
 * input; 3: --max-states stopped the search first (no verdict).
 */
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { EXPLORE_PRESETS, explorePreset } from '../../engine/explore/explorePresets.ts';
import type { ControllerImpl } from '../../protocols/controller/designs/device.ts';
import { type Config, PRESETS } from '../../protocols/controller/model/config/config.ts';
import { configToJson, loadConfig } from '../../protocols/controller/model/config/loadConfig.ts';
import {
  type ExploreProtocol,
  type ExploreReport,
  exploreProtocol,
} from '../../protocols/exploreProtocol.ts';
import type { UipiExploreReport } from '../../protocols/uipi/engine/exploreUipi.ts';
import { PACKED_PROPERTY_IDS } from '../../protocols/wakeup/engine/packed/packedInvariants.ts';
import { TOOL_VERSION } from '../../traces/toolVersion.ts';
import { EXIT, UsageError } from '../errors.ts';
import { intOption, profileOption, protocolOption, resolveImpl } from '../options.ts';
import { counterexampleOf } from './exploreCounterexample.ts';
import { exploreEngine, runPackedExplore } from './explorePackedEngine.ts';
import { exploreProgress } from './exploreProgress.ts';
import { collectIds, explorePropertiesOption } from './exploreProperties.ts';
import { writeExploreTrace } from './exploreTrace.ts';
import { runExploreUipi } from './exploreUipiCommand.ts';

export interface ExploreFlags {
  protocol: string;
  impl?: string;
  mutant?: string;
  preset?: string;
  config?: string;
  maxStates?: string;
  maxPending?: string;
  maxQueue?: string;
  liveness: boolean;
  out: string;
  json?: boolean;
  engine?: string;
  property?: string[];
  profile?: string;
  drain?: string[];
}

export function registerExplore(program: Command, setExit: (code: number) => void): void {
  program
    .command('explore')
    .description(
      'explore every reachable state of a protocol (breadth-first) and check every property on every transition',
    )
    .requiredOption('--protocol <name>', 'protocol to explore: controller | wakeup | syscall | uipi')
    .option(
      '--impl <name>',
      'explore the product of the model and this implementation (default: the model alone)',
    )
    .option('--mutant <name>', 'explore the product of the model and this seeded-bug implementation')
    .option('--preset <name>', 'exploration preset (default: small)')
    .option('--config <file>', 'configuration JSON file (missing fields take the published values)')
    .option(
      '--profile <name>',
      'explore the alphabet of a storm profile the implementation declares (taic: well-formed), judging the properties it claims under it unless --property is given',
    )
    .option('--max-states <n>', 'stop after this many distinct states (exit 3: no verdict)')
    .option('--max-pending <n>', 'state constraint: do not expand states with a pending counter above n')
    .option('--max-queue <n>', 'state constraint: do not expand states with a FIFO longer than n')
    .option('--no-liveness', 'skip the leads-to check (the fair drain from every state)')
    .option(
      '--drain <name>',
      'UIPI: the drain of the leads-to check: fair (default) | no-kernel-entry',
      collectIds,
    )
    .option('--out <dir>', 'where the counterexample trace is written', 'out')
    .option('--json', 'print one JSON object instead of text')
    .option(
      '--engine <name>',
      'objects (default) | packed: the wakeup model alone over byte-packed states, judging only the state invariants taskInOnePlace, onlyOnlineRun and noStuckSystem (no other step property, no leads-to)',
    )
    .option(
      '--property <ids>',
      'judge only these properties (comma list or repeated; default: what check judges)',
      collectIds,
    )
    .action((flags: ExploreFlags) => setExit(runExplore(flags)));
}

/** The configuration to explore and its name. */
function resolveExploreConfig(protocol: ExploreProtocol, f: ExploreFlags): { name: string; cfg: Config } {
  if (f.preset !== undefined && f.config !== undefined)
    throw new UsageError('--preset and --config cannot be used together');
  if (f.config !== undefined) return { name: f.config, cfg: loadConfig(f.config) };
  const name = f.preset ?? 'small';
  const cfg = explorePreset(protocol, name) ?? (name === 'published' ? PRESETS.published : undefined);
  if (cfg === undefined) {
    const known = [...Object.keys(EXPLORE_PRESETS[protocol] ?? {}), 'published'];
    throw new UsageError(`--preset: unknown preset "${name}" (known: ${known.join(', ')})`);
  }
  return { name, cfg };
}

function runExplore(f: ExploreFlags): number {
  const asked = protocolOption(f.protocol);
  const properties = explorePropertiesOption(asked, f.property);
  if (properties !== undefined && exploreEngine(f.engine) === 'packed')
    throw new UsageError(
      `--property: the packed engine judges a fixed set (${PACKED_PROPERTY_IDS.join(', ')}); use the default engine to select properties`,
    );
  if (asked === 'uipi') {
    if (exploreEngine(f.engine) === 'packed')
      throw new UsageError('--engine packed: only the wakeup model has a packed engine');
    return runExploreUipi(f);
  }
  if (f.drain !== undefined) throw new UsageError('--drain: the named drains are those of --protocol uipi');
  const protocol = asked;
  // Neither --impl nor --mutant (or --impl model): the model alone.
  const alone = (f.impl === undefined || f.impl === 'model') && f.mutant === undefined;
  const impl: ControllerImpl | undefined = alone ? undefined : resolveImpl(f, protocol);
  const profile = profileOption(f.profile, impl, protocol);
  const profiled = profile === undefined ? undefined : impl?.profiles?.[profile]?.holds;
  const judged = properties ?? profiled;
  const { name, cfg: requested } = resolveExploreConfig(protocol, f);
  const maxStates = f.maxStates === undefined ? undefined : intOption('--max-states', f.maxStates, 0, 1);
  const maxPending = f.maxPending === undefined ? undefined : intOption('--max-pending', f.maxPending, 0, 0);
  const maxQueue = f.maxQueue === undefined ? undefined : intOption('--max-queue', f.maxQueue, 0, 0);
  if (exploreEngine(f.engine) === 'packed')
    return runPackedExplore(
      {
        protocol,
        alone,
        constrained: maxPending !== undefined || maxQueue !== undefined,
        name,
        cfg: requested,
        maxStates,
        json: f.json === true,
      },
      (r, seconds) =>
        reportExplore(
          f,
          {
            protocol,
            implementation: 'model',
            traceImpl: 'reference',
            name,
            label: `wakeup model ${name} (packed engine)`,
            maxStates,
            json: { engine: 'packed', properties: PACKED_PROPERTY_IDS },
          },
          r,
          seconds,
        ),
    );
  const implementation = impl?.name ?? 'model';
  const progress = exploreProgress(`${protocol} ${implementation} ${name}`, f.json !== true);
  const t0 = performance.now();
  const r = exploreProtocol({
    protocol,
    impl,
    cfg: requested,
    liveness: f.liveness,
    ...(judged === undefined ? {} : { properties: judged }),
    ...(profile === undefined ? {} : { profile }),
    ...(maxStates === undefined ? {} : { maxStates }),
    bounds: {
      ...(maxPending === undefined ? {} : { maxPending }),
      ...(maxQueue === undefined ? {} : { maxQueue }),
    },
    onProgress: progress.tick,
    progressEvery: 5000,
  });
  progress.done();
  const seconds = (performance.now() - t0) / 1000;
  const label = `${protocol} ${implementation} ${name}`;
  // A model-only counterexample is written naming the reference (replay runs an implementation).
  const traceImpl = impl?.name ?? 'reference';
  return reportExplore(f, { protocol, implementation, traceImpl, name, label, maxStates }, r, seconds);
}

/** What the report of one exploration names: the protocol, implementation, preset, and its label in text. */
export interface ExploreLabel {
  readonly protocol: ExploreProtocol;
  readonly implementation: string;
  /** The implementation a counterexample trace names (replay runs an implementation). */
  readonly traceImpl: string;
  readonly name: string;
  readonly label: string;
  readonly maxStates: number | undefined;
  /** Extra fields for --json (the packed engine names itself and its properties). */
  readonly json?: Readonly<Record<string, unknown>>;
}

/**
 * Prints an exploration's outcome (text or --json), writing the counterexample trace on a
 * violation, and returns the exit code; shared by both engines so their violations read the same.
 */
export function reportExplore(
  f: ExploreFlags,
  l: ExploreLabel,
  r: ExploreReport & { readonly cfg: Config },
  seconds: number,
): number {
  const { protocol, implementation, name, traceImpl, maxStates } = l;
  const trace =
    r.kind === 'violation'
      ? writeExploreTrace(f.out, name, r.cfg, traceImpl, r.violation, r.reproduction)
      : undefined;
  const summary = summaryOf(r, seconds);
  if (f.json === true) {
    const counterexample = r.kind !== 'violation' ? undefined : counterexampleOf(r.reproduction);
    console.log(
      JSON.stringify({
        ok: r.kind === 'complete',
        verdict: r.kind,
        protocol,
        implementation,
        ...l.json,
        preset: name,
        version: TOOL_VERSION,
        config: configToJson(r.cfg),
        ...summary,
        ...(r.kind === 'violation'
          ? {
              violation: { ...r.violation, where: r.where },
              length: r.reproduction.events.length,
              counterexample,
              trace,
            }
          : {}),
      }),
    );
  } else {
    for (const line of formatExplore(r, summary, l.label, maxStates, trace)) console.log(line);
  }
  return r.kind === 'complete' ? EXIT.ok : r.kind === 'violation' ? EXIT.failed : EXIT.incomplete;
}

export interface Summary {
  readonly distinct: number;
  readonly transitions: number;
  readonly diameter: number;
  readonly constrained: number;
  readonly seconds: number;
  readonly statesPerSecond: number;
}

export function summaryOf(r: ExploreReport | UipiExploreReport, seconds: number): Summary {
  const s = Math.max(seconds, 1e-6);
  return {
    distinct: r.distinct,
    transitions: r.transitions,
    diameter: r.diameter,
    constrained: r.constrained,
    seconds: Math.round(seconds * 1000) / 1000,
    statesPerSecond: Math.round(r.distinct / s),
  };
}

const fmt = (n: number): string => n.toLocaleString('en-US');

export function formatExplore(
  r: ExploreReport | UipiExploreReport,
  s: Summary,
  label: string,
  maxStates: number | undefined,
  trace: string | undefined,
): string[] {
  const stats = `${fmt(s.distinct)} distinct states, ${fmt(s.transitions)} transitions, diameter ${s.diameter}, ${s.seconds.toFixed(1)} s (${fmt(s.statesPerSecond)} distinct states/s)`;
  const cut =
    s.constrained > 0 ? `; ${fmt(s.constrained)} states outside the state constraint not expanded` : '';
  switch (r.kind) {
    case 'complete':
      return [`explore ${label}: bound exhausted, no violation: ${stats}${cut}`];
    case 'maxStates':
      return [
        `explore ${label}: STOPPED by --max-states ${fmt(maxStates ?? s.distinct)} before the bound was exhausted: NO VERDICT (${stats})`,
      ];
    case 'violation': {
      const events = counterexampleOf(r.reproduction);
      return [
        `explore ${label}: VIOLATION of ${r.violation.property} (${r.where}) after ${stats}`,
        `  ${r.violation.message}`,
        `  shortest counterexample (BFS), ${events.length} events${r.where === 'liveness' ? ', then the §6 drain' : ''}:`,
        ...events.map((e, i) => `    ${i}. ${e}`),
        `  trace: ${trace ?? '(not written)'}`,
        `  replay: npx intcheck replay ${trace ?? ''}`,
      ];
    }
  }
}
