/**
 * The `intcheck` command line: one subcommand per job, shared exit codes (0 holds, 1 failed,
 * 2 bad input with a one-line reason, 3 explore stopped before a verdict, 70 an internal error).
 * `main(argv, io)` runs it in this process, writing through `io` (the tests and the programmatic
 * API pass buffers); each command's work is loaded only when that command runs.
 */

import { Command } from 'commander';
import { TOOL_VERSION } from '../traces/toolVersion.ts';
import { registerCheck } from './commands/check.ts';
import type { CommandContext } from './commands/commandContext.ts';
import { registerConform } from './commands/conform.ts';
import { registerDiagram } from './commands/diagram.ts';
import { registerExplore } from './commands/explore.ts';
import { registerFormal } from './commands/formal.ts';
import { helpProtocols } from './commands/helpProtocols.ts';
import { registerMerge } from './commands/merge.ts';
import { registerMutants } from './commands/mutants.ts';
import { registerReplay } from './commands/replay.ts';
import { describeError, EXIT } from './errors.ts';
import { type Io, processIo } from './io.ts';

/** Runs `intcheck` with `argv` (as process.argv: node, script, arguments); returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const ctx: CommandContext = {
    setExit: (c) => {
      code = c;
    },
    io,
    protocols: await helpProtocols(),
  };
  const program = new Command('intcheck')
    .description('property-based verification of task-aware interrupt controllers and their protocols')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.write(s), writeErr: () => {} })
    .showSuggestionAfterError(true);
  registerCheck(program, ctx);
  registerReplay(program, ctx);
  registerMerge(program, ctx);
  registerMutants(program, ctx);
  registerDiagram(program, ctx);
  registerConform(program, ctx);
  registerExplore(program, ctx);
  registerFormal(program, ctx);
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
    if (process.env.INTCHECK_DEBUG) io.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
    const { line, code: exit } = describeError(e);
    io.err(`intcheck: ${line}`);
    return exit;
  }
}
