/**
 * `intcheck explore`: exhaustive breadth-first exploration of a protocol's model (or of the
 * product of the model and an implementation) on a small configuration, every property judged
 * on every transition and liveness from every state. Exit 0: the bound was exhausted with no
 * violation; 1: a violation (the BFS-shortest counterexample saved as an ITF trace); 2: bad
 * input; 3: --max-states stopped the search first (no verdict). Any protocol of
 * protocols/index.ts: its descriptor resolves the implementation and the configuration.
 */
import type { Command } from 'commander';
import { implementationOf, propertyIdsOf, protocolNamed, protocolNames } from '../../protocols/index.ts';
import { exploreJson, formatExplore } from '../../report/exploreReport.ts';
import { TOOL_VERSION } from '../../traces/toolVersion.ts';
import { EXIT, UsageError } from '../errors.ts';
import { intOption } from '../options.ts';
import { exploreProgress } from './exploreProgress.ts';

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
}

/** The explorer engines `--engine` names. */
const EXPLORE_ENGINES = ['auto', 'objects', 'judged', 'packed'] as const;

/** Commander's collector for a repeatable, comma-separated option. */
function collectIds(value: string, prev: readonly string[] | undefined): string[] {
  return [...(prev ?? []), ...value.split(',').map((id) => id.trim())];
}

export function registerExplore(program: Command, setExit: (code: number) => void): void {
  program
    .command('explore')
    .description(
      'explore every reachable state of a protocol (breadth-first) and check every property on every transition',
    )
    .requiredOption('--protocol <name>', `protocol to explore: ${protocolNames().join(' | ')}`)
    .option(
      '--impl <name>',
      'explore the product of the model and this implementation (default: the model alone)',
    )
    .option('--mutant <name>', 'explore the product of the model and this seeded-bug implementation')
    .option('--preset <name>', 'exploration preset (default: small)')
    .option('--config <file>', 'configuration JSON file (missing fields take the published values)')
    .option('--max-states <n>', 'stop after this many distinct states (exit 3: no verdict)')
    .option('--max-pending <n>', 'state constraint: do not expand states with a pending counter above n')
    .option('--max-queue <n>', 'state constraint: do not expand states with a FIFO longer than n')
    .option('--no-liveness', 'skip the leads-to check (the fair drain from every state)')
    .option('--out <dir>', 'where the counterexample trace is written', 'out')
    .option('--json', 'print one JSON object instead of text')
    .option(
      '--engine <name>',
      'auto (default: judged where it applies, else objects) | objects: any protocol, every selected property | judged: the wakeup model alone over byte-packed states with ghosts, every default property and leads-to (the same answer as objects, faster) | packed: the wakeup model alone over byte-packed states, judging only the state invariants taskInOnePlace, onlyOnlineRun and noStuckSystem (no other step property, no leads-to)',
    )
    .option(
      '--property <ids>',
      'judge only these properties (comma list or repeated; default: what check judges)',
      collectIds,
    )
    .option(
      '--profile <name>',
      'explore the alphabet of a storm profile the implementation declares (taic: well-formed), judging the properties it claims under it unless --property is given',
    )
    .action((flags: ExploreFlags) => setExit(runExplore(flags)));
}

function runExplore(f: ExploreFlags): number {
  const protocol = protocolNamed(f.protocol);
  const engine = EXPLORE_ENGINES.find((x) => x === (f.engine ?? 'auto'));
  if (engine === undefined)
    throw new UsageError(`--engine: unknown engine "${f.engine}" (known: ${EXPLORE_ENGINES.join(', ')})`);
  const properties = propertyIdsOf(protocol, f.property);
  // Neither --impl nor --mutant (or --impl model): the model alone.
  const alone = (f.impl === undefined || f.impl === 'model') && f.mutant === undefined;
  const impl = alone ? undefined : implementationOf(protocol, f);
  if (f.profile !== undefined && impl === undefined)
    throw new UsageError(`--profile: the model has no profile "${f.profile}" (name a design with --impl)`);
  const profiled =
    f.profile === undefined || impl === undefined ? undefined : protocol.profileProperties(impl, f.profile);
  const judged = properties ?? profiled;
  const config = protocol.exploreConfig(f);
  const maxStates = f.maxStates === undefined ? undefined : intOption('--max-states', f.maxStates, 0, 1);
  const maxPending = f.maxPending === undefined ? undefined : intOption('--max-pending', f.maxPending, 0, 0);
  const maxQueue = f.maxQueue === undefined ? undefined : intOption('--max-queue', f.maxQueue, 0, 0);
  const label = `${protocol.name} ${impl ?? 'model'} ${config.name}${engine === 'packed' ? ' (packed engine)' : ''}`;
  const progress = exploreProgress(label, f.json !== true);
  const r = config.explore({
    impl,
    liveness: f.liveness,
    ...(judged === undefined ? {} : { properties: judged }),
    ...(f.profile === undefined ? {} : { profile: f.profile }),
    ...(maxStates === undefined ? {} : { maxStates }),
    ...(maxPending === undefined ? {} : { maxPending }),
    ...(maxQueue === undefined ? {} : { maxQueue }),
    engine,
    out: f.out,
    onProgress: progress.tick,
    progressEvery: 5000,
  });
  progress.done();
  if (f.json === true) console.log(exploreJson(r, TOOL_VERSION));
  else for (const line of formatExplore(r, maxStates)) console.log(line);
  return r.kind === 'complete' ? EXIT.ok : r.kind === 'violation' ? EXIT.failed : EXIT.incomplete;
}
