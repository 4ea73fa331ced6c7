/**
 * `intcheck conform`: checks a design that runs outside the suite against the reference model,
 * or with `--against NAME` against any implementation of the registry (spec/dut-protocol.md).
 * `--dut CMD` drives a live process with the controller and wakeup storms; `--trace FILE.jsonl`
 * checks a recorded request/reply log offline.
 */
import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import type { CommandContext } from './commandContext.ts';

/** The options as commander parses them (strings, checked in the runners). */
export interface ConformFlags {
  dut?: string;
  trace?: string;
  against?: string;
  maxRestarts?: string;
  preset?: string;
  config?: string;
  runs?: string;
  seed?: string;
  maxEvents?: string;
  timeoutMs?: string;
  startTimeoutMs?: string;
  window?: string;
  out: string;
  json?: boolean;
  /** Also write a JUnit XML report here. */
  junit?: string;
}

/** Adds the `conform` subcommand to `program`; its exit code goes to `setExit`. */
export function registerConform(program: Command, ctx: CommandContext): void {
  program
    .command('conform')
    .description('check an external design (a DUT process, or a recorded log) against the reference model')
    .option('--dut <command>', 'command line that starts the design under test (JSON lines on stdin/stdout)')
    .option('--trace <file>', 'a recorded request/reply log (.jsonl) to check offline instead')
    .option(
      '--against <name>',
      'implementation of the registry that predicts the replies (default: reference); storms restricted to what it supports',
    )
    .option('--preset <name>', 'configuration preset: small | published (default: small, then published)')
    .option('--config <file>', 'configuration JSON file (missing fields take the published values)')
    .option('--runs <n>', 'random runs per configuration', '1000')
    .option('--seed <n>', 'fast-check seed (default: INTCHECK_SEED or 42)')
    .option('--max-events <n>', 'longest storm', '80')
    .option('--timeout-ms <n>', 'per-request timeout', '2000')
    .option('--start-timeout-ms <n>', 'timeout of the first hello (simulators start slowly)', '30000')
    .option('--window <n>', 'requests in flight (1: lockstep)', '32')
    .option(
      '--max-restarts <n>',
      'most restarts of the DUT after it failed (while shrinking through crashes, hangs and garbage)',
      '200',
    )
    .option('--out <dir>', 'where counterexample traces are written', 'out')
    .option('--json', 'print one JSON object instead of text')
    .option(
      '--junit <file>',
      'also write a JUnit XML report (one test case per property (refinement, neverStalls) per configuration)',
    )
    .action(async (flags: ConformFlags) => {
      if ((flags.dut === undefined) === (flags.trace === undefined)) {
        throw new UsageError('conform: give exactly one of --dut <command> and --trace <file>');
      }
      if (flags.trace !== undefined && flags.against !== undefined) {
        throw new UsageError(
          'conform: --against needs --dut (a recorded log is checked against the reference)',
        );
      }
      if (flags.trace !== undefined && flags.junit !== undefined) {
        throw new UsageError(
          'conform: --junit needs --dut (a recorded log has one verdict: its exit code and --json say it)',
        );
      }
      if (flags.trace !== undefined) {
        const { conformTrace } = await import('./conformTrace.ts');
        ctx.setExit(conformTrace(flags.trace, flags, ctx.io));
      } else {
        const { conformDut } = await import('./conformDut.ts');
        ctx.setExit(await conformDut(flags, ctx.io));
      }
    });
}
