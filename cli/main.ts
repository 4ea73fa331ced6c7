/**
 * The `intcheck` command line: one subcommand per job, shared exit codes (0 holds, 1 failed,
 * 2 bad input with a one-line reason).
 */

import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerCheck } from './commands/check.ts';
import { registerConform } from './commands/conform.ts';
import { registerDiagram } from './commands/diagram.ts';
import { registerExplore } from './commands/explore.ts';
import { registerMerge } from './commands/merge.ts';
import { registerMutants } from './commands/mutants.ts';
import { registerReplay } from './commands/replay.ts';
import { describeError, EXIT } from './errors.ts';

const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const setExit = (c: number) => {
    code = c;
  };
  const program = new Command('intcheck')
    .description('property-based verification of task-aware interrupt controllers and their protocols')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: () => {} })
    .showSuggestionAfterError(true);
  registerCheck(program, setExit);
  registerReplay(program, setExit);
  registerMerge(program, setExit);
  registerMutants(program, setExit);
  registerDiagram(program, setExit);
  registerConform(program, setExit);
  registerExplore(program, setExit);
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (e) {
    const err = e as { code?: string; exitCode?: number };
    if (
      err.code === 'commander.helpDisplayed' ||
      err.code === 'commander.version' ||
      err.code === 'commander.help'
    )
      return EXIT.ok;
    if (process.env.INTCHECK_DEBUG) console.error(e);
    const { line, code: exit } = describeError(e);
    console.error(`intcheck: ${line}`);
    return exit;
  }
}
