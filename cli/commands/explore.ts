/**
 * `intcheck explore`: exhaustive breadth-first exploration of a protocol's model (or of the
 * product of the model and an implementation) on a small configuration, every property judged
 * on every transition and liveness from every state. Exit 0: the bound was exhausted with no
 * violation; 1: a violation (the BFS-shortest counterexample saved as an ITF trace); 2: bad
 * input; 3: --max-states stopped the search first (no verdict). Any protocol of
 * protocols/index.ts: its descriptor resolves the implementation and the configuration.
 */
import type { Command } from 'commander';
import { collectIds } from '../collectIds.ts';
import type { CommandContext } from './commandContext.ts';

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
  /** Also write a JUnit XML report here. */
  junit?: string;
  engine?: string;
  property?: string[];
  profile?: string;
  drain?: string[];
  symmetry?: boolean;
  /** false: `--no-covering` (UIPI: the owed masks keyed, no covering reduction). */
  covering?: boolean;
  workers?: string;
}

/** The explorer engines `--engine` names. */
export const EXPLORE_ENGINES = ['auto', 'objects', 'judged', 'packed'] as const;

export function registerExplore(program: Command, ctx: CommandContext): void {
  program
    .command('explore')
    .description(
      'explore every reachable state of a protocol (breadth-first) and check every property on every transition',
    )
    .requiredOption(
      '--protocol <name>',
      `protocol to explore: ${ctx.protocols.map((p) => p.name).join(' | ')}`,
    )
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
    .option(
      '--drain <name>',
      'the drain of the leads-to check, where a protocol names its drains (uipi: fair, no-kernel-entry)',
      collectIds,
    )
    .option(
      '--symmetry',
      'explore one state per orbit of interchangeable processes, interrupt lines, IPC types, agents, harts, CPUs or senders (the controller, syscall, wakeup and UIPI models alone; counts are of orbits)',
    )
    .option(
      '--no-covering',
      'explore every distinct (state, owed masks) pair, as Spin or TLC would count them: no covering reduction; more states, the same verdicts (the UIPI model alone)',
    )
    .option(
      '--workers <n>',
      'worker threads of a level-synchronous parallel search of the model alone (1: this thread; UIPI with --no-covering only; the same counts, and on a violation the same counterexample)',
      '1',
    )
    .option('--out <dir>', 'where the counterexample trace is written', 'out')
    .option('--json', 'print one JSON object instead of text')
    .option('--junit <file>', 'also write a JUnit XML report (one test case per property judged)')
    .option(
      '--engine <name>',
      'auto (default: judged for the wakeup, controller, syscall or UIPI model alone — the syscall model by orbits (--symmetry) or too large for bytes: its graph engine, leads-to walked over the explored graph, the same answer; UIPI with --symmetry: objects —, else objects) | objects: any protocol, every selected property | judged: the wakeup, controller, syscall or UIPI model alone over byte-packed states with ghosts, every default property (syscall, UIPI: every selected one) and (wakeup, syscall, UIPI) leads-to (the same answer as objects, faster; syscall and UIPI without --symmetry) | packed: the wakeup model alone over byte-packed states, judging only the state invariants taskInOnePlace, onlyOnlineRun and noStuckSystem (no other step property, no leads-to)',
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
    .action(async (flags: ExploreFlags) => {
      const { prepareExplore, runExplore } = await import('./runExplore.ts');
      await prepareExplore(flags);
      ctx.setExit(runExplore(flags, ctx.io));
    });
}
