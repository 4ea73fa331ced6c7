/**
 * `intcheck merge A.json B.json …`: the `check --shard i/n --json` reports of all n shards of one
 * check become the report the whole check run in one process gives — per configuration, the
 * lowest failing run's failure, runs and events counted up to it — with the same exit code.
 * Shards that do not fit together (another seed, configuration, implementation, run count or
 * version; a shard missing or given twice) are refused with one line and exit 2.
 */
import type { Command } from 'commander';
import type { CommandContext } from './commandContext.ts';

/** The options as commander parses them. */
export interface MergeFlags {
  json?: boolean;
  /** Also write a JUnit XML report here. */
  junit?: string;
}

/** Adds the `merge` subcommand to `program`; its exit code goes to `setExit`. */
export function registerMerge(program: Command, ctx: CommandContext): void {
  program
    .command('merge')
    .description("merge the --json reports of a check's shards into the report of the whole check")
    .argument('<files...>', 'one report per shard (check --shard i/n --json)')
    .option('--json', 'print one JSON object instead of text')
    .option(
      '--junit <file>',
      'also write a JUnit XML report (of the merged check: one test case per property per configuration)',
    )
    .action(async (files: string[], flags: MergeFlags) =>
      ctx.setExit((await import('./runMerge.ts')).runMerge(files, flags, ctx.io)),
    );
}
