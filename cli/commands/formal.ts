/**
 * `intcheck formal [--bug NAME] [--preset NAME] [--depth K] [--out DIR] [--json]`: the formal
 * proof of the RTL (hw/formal): Yosys elaborates the harness, yosys-smtbmc with z3 checks each
 * property by bounded model checking (and tries the induction step where it holds), and one row
 * per property says proved, holds to depth k, or fails at depth k, with the time.
 */
import type { Command } from 'commander';
import type { CommandContext } from './commandContext.ts';

export interface FormalFlags {
  bug?: string;
  preset: string;
  depth: string;
  out: string;
  json?: boolean;
  property?: string[];
  jobs: string;
  timeout: string;
  inductionDepth: string;
}

/** Adds the `formal` subcommand to `program`. */
export function registerFormal(program: Command, ctx: CommandContext): void {
  program
    .command('formal')
    .description('prove the named properties on the RTL (yosys-smtbmc with z3) and replay failures as traces')
    .option('--bug <name>', 'check the RTL with this seeded bug (default: the correct RTL)')
    .option('--preset <name>', 'configuration: small | published', 'small')
    .option('--depth <k>', 'bounded model checking depth in clock cycles', '20')
    .option('--out <dir>', 'where counterexample traces go (OUT/<property>.itf.json)', 'out/formal')
    .option('--json', 'print one JSON object instead of text')
    .option('--property <id...>', 'check only these properties (default: all)')
    .option('--jobs <n>', 'properties checked at a time (one solver each)', '2')
    .option('--timeout <seconds>', 'time limit of each solver call', '1800')
    .option('--induction-depth <k>', 'length of the induction step tried where BMC holds (0: none)', '2')
    .action(async (flags: FormalFlags) =>
      ctx.setExit(await (await import('./runFormal.ts')).runFormal(flags, ctx.io)),
    );
}
