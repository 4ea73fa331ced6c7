/**
 * `intcheck mutants`: every mutant of the catalogue (or of one protocol) hunted with random
 * storms on the small preset, refinement excluded, then explored where the protocol has the
 * explorer wired in, and the kill matrix printed: who caught each mutant, whether the catalogue
 * expected it, after how many storms and milliseconds, how short the shrunk counterexample is and
 * how short the shortest one is. Exit 0 when every mutant is caught, 1 when one survives.
 */
import type { Command } from 'commander';
import type { CommandContext } from './commandContext.ts';

/** The options as commander parses them (strings, checked in runMutants). */
export interface MutantsFlags {
  protocol?: string;
  runs?: string;
  seed?: string;
  json?: boolean;
  /** Also write a JUnit XML report here. */
  junit?: string;
  /** False under --no-explore. */
  explore: boolean;
  mutant?: string[];
}

/** Storms per mutant unless --runs says otherwise. */
export const DEFAULT_RUNS = 1000;

/** Adds the `mutants` subcommand to `program`; its exit code goes to `setExit`. */
export function registerMutants(program: Command, ctx: CommandContext): void {
  program
    .command('mutants')
    .description('check every mutant on the small preset (refinement excluded) and print the kill matrix')
    .option(
      '--protocol <name>',
      `only this protocol's mutants: ${ctx.protocols.map((p) => p.name).join(' | ')} (default: all)`,
    )
    .option('--runs <n>', 'random storms per mutant (the budget)', String(DEFAULT_RUNS))
    .option('--seed <n>', 'fast-check seed (default: INTCHECK_SEED or 42)')
    .option('--json', 'print one JSON object instead of text')
    .option(
      '--junit <file>',
      'also write a JUnit XML report (one test case per mutant, failing when it survives)',
    )
    .option('--no-explore', 'random storms only: do not run the explorer on the mutants the storms miss')
    .option(
      '--mutant <names>',
      'only these mutants (comma list or repeated; default: every mutant of the protocols)',
      (value: string, prev: string[] | undefined) => [...(prev ?? []), ...value.split(',')],
    )
    .action(async (flags: MutantsFlags) =>
      ctx.setExit((await import('./runMutants.ts')).runMutants(flags, ctx.io)),
    );
}
