/**
 * The work of `intcheck explore` (cli/commands/explore.ts registers the command and loads this
 * only when it runs): the protocol's descriptor resolves the implementation and the configuration
 * and explores it; the report is printed as text or JSON.
 */
import { findProtocol, implementationOf, propertyIdsOf, protocolNamed } from '../../protocols/index.ts';
import { type ExploreReport, exploreReport, formatExplore } from '../../report/exploreReport.ts';
import { exploreSuites } from '../../report/junit/exploreSuites.ts';
import { TOOL_VERSION } from '../../traces/toolVersion.ts';
import { EXIT, UsageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { intOption } from '../options.ts';
import { ciReports } from './ciReports.ts';
import { EXPLORE_ENGINES, type ExploreFlags } from './explore.ts';
import { exploreProgress } from './exploreProgress.ts';

/**
 * Compiles ahead, off this thread, what the search `f` asks for runs compiled (Protocol.prepareExplore:
 * the model alone's WebAssembly engine), so the search's clock starts with it ready, as pan's
 * starts after gcc. An unknown protocol is left to exploreRun's error.
 */
export async function prepareExplore(f: ExploreFlags): Promise<void> {
  const alone = (f.impl === undefined || f.impl === 'model') && f.mutant === undefined;
  if (alone && f.engine !== 'objects') await findProtocol(f.protocol)?.prepareExplore?.();
}

/** Explores, prints the report (text or JSON), writes the CI reports asked for; the exit code. */
export function runExplore(f: ExploreFlags, io: Io): number {
  const { report, lines } = exploreRun(f, io);
  if (f.json === true) io.out(JSON.stringify(report));
  else for (const line of lines) io.out(line);
  ciReports(f, io, () => exploreSuites(report, lines));
  return report.verdict === 'complete'
    ? EXIT.ok
    : report.verdict === 'violation'
      ? EXIT.failed
      : EXIT.incomplete;
}

/**
 * Explores as `f` asks and returns the report `--json` prints (the programmatic API's `explore`)
 * with the text report's lines.
 */
export function exploreRun(f: ExploreFlags, io: Io): { report: ExploreReport; lines: string[] } {
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
  const config = protocol.exploreConfig({ ...f, ...(impl === undefined ? {} : { impl }) });
  const maxStates = f.maxStates === undefined ? undefined : intOption('--max-states', f.maxStates, 0, 1);
  const workers = intOption('--workers', f.workers, 1, 1, 64);
  const maxPending = f.maxPending === undefined ? undefined : intOption('--max-pending', f.maxPending, 0, 0);
  const maxQueue = f.maxQueue === undefined ? undefined : intOption('--max-queue', f.maxQueue, 0, 0);
  const label = `${protocol.name} ${impl ?? 'model'} ${config.name}${engine === 'packed' ? ' (packed engine)' : ''}`;
  const progress = exploreProgress(label, f.json !== true, io);
  const r = config.explore({
    impl,
    liveness: f.liveness,
    ...(judged === undefined ? {} : { properties: judged }),
    ...(f.profile === undefined ? {} : { profile: f.profile }),
    ...(f.symmetry === true ? { symmetry: true } : {}),
    ...(f.covering === false ? { covering: false } : {}),
    ...(maxStates === undefined ? {} : { maxStates }),
    ...(workers === 1 ? {} : { workers }),
    ...(maxPending === undefined ? {} : { maxPending }),
    ...(maxQueue === undefined ? {} : { maxQueue }),
    engine,
    out: f.out,
    onProgress: progress.tick,
    progressEvery: 5000,
  });
  progress.done();
  const judgedIds = judged ?? protocol.defaultProperties(impl ?? 'model');
  return { report: exploreReport(r, TOOL_VERSION, judgedIds), lines: formatExplore(r, maxStates) };
}
