/**
 * `intcheck check`: random storms against an implementation, every property after every step;
 * on failure the shrunk counterexample is saved as an ITF trace and the replay command printed.
 * Any protocol of protocols/index.ts: its descriptor resolves the implementation and the
 * configurations and checks each. `--workers N` spreads the runs over worker threads and
 * `--shard i/n` runs only the i-th of n contiguous slices of them; neither changes the verdict
 * (engine/check/seededRuns.ts).
 */
import type { Command } from 'commander';
import { collectIds } from '../collectIds.ts';
import type { CommandContext } from './commandContext.ts';

/** The options as commander parses them (strings, checked in runCheck). */
export interface CheckFlags {
  protocol: string;
  impl?: string;
  mutant?: string;
  preset?: string;
  config?: string;
  runs?: string;
  seed?: string;
  out: string;
  json?: boolean;
  property?: string[];
  maxEvents?: string;
  workers?: string;
  shard?: string;
  note?: string;
  report?: string;
  profile?: string;
  drain?: string[];
}

/** Adds the `check` subcommand to `program`; its exit code goes to `setExit`. */
export function registerCheck(program: Command, ctx: CommandContext): void {
  const designs = ctx.protocols.map((p) => `${p.name}: ${p.designs.join(', ')}`).join('; ');
  program
    .command('check')
    .description('run random storms against an implementation and check every property after every step')
    .requiredOption('--protocol <name>', `protocol to check: ${ctx.protocols.map((p) => p.name).join(' | ')}`)
    .option('--impl <name>', `implementation (default: reference); ${designs}`)
    .option(
      '--mutant <name>',
      "a seeded-bug implementation instead: any of the protocol's mutants (intcheck mutants lists them)",
    )
    .option('--preset <name>', "configuration preset (default: each of the protocol's, cheapest first)")
    .option('--config <file>', 'configuration JSON file (missing fields take the published values)')
    .option('--runs <n>', 'random storms per configuration', '1000')
    .option('--seed <n>', 'fast-check seed (default: INTCHECK_SEED or 42)')
    .option('--max-events <n>', 'longest storm', '80')
    .option('--property <id...>', 'check only these properties')
    .option('--workers <n>', 'worker threads to run storms on (1: this process)', '1')
    .option('--shard <i/n>', 'run only the i-th of n contiguous slices of the storms (0-based)')
    .option('--out <dir>', 'where counterexample traces are written', 'out')
    .option(
      '--profile <name>',
      'a storm profile the implementation declares (taic: well-formed); checks the properties it claims under it unless --property is given',
    )
    .option(
      '--drain <names>',
      'judge the liveness properties after these named drains, one verdict each (uipi: fair, no-kernel-entry, all; default: the design’s, else the configuration’s)',
      collectIds,
    )
    .option('--note <text>', "one line saying what a counterexample shows, written to its trace's #meta.note")
    .option('--json', 'print one JSON object instead of text')
    .option(
      '--report <file>',
      'also write a summary page: properties, storms, coverage, failures as timelines',
    )
    .action(async (flags: CheckFlags) =>
      ctx.setExit(await (await import('./runCheck.ts')).runCheck(flags, ctx.io)),
    );
}
