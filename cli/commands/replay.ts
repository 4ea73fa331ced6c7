/**
 * `intcheck replay FILE`: re-runs a saved trace's events against the model and an implementation
 * (for a wakeup trace, the system with its drain), prints each step and stops at the first
 * failing one, expected beside actual.
 */
import type { Command } from 'commander';
import type { CommandContext } from './commandContext.ts';

export interface ReplayFlags {
  impl?: string;
  json?: boolean;
  html?: string;
  dut?: string;
  against?: string;
  timeoutMs?: string;
  startTimeoutMs?: string;
  window?: string;
  matchStates?: boolean;
  preset?: string;
  config?: string;
}

export function registerReplay(program: Command, ctx: CommandContext): void {
  program
    .command('replay')
    .description('re-run a saved ITF trace against the model and an implementation')
    .argument('<file>', 'an .itf.json trace')
    .option('--impl <name>', 'implementation to replay against (default: the one the trace names)')
    .option('--json', 'print one JSON object instead of text')
    .option('--html <file>', 'also write the trace as a timeline: one self-contained HTML page')
    .option(
      '--match-states',
      'also require every recorded state to be the one the replay reaches (cross-checks)',
    )
    .option(
      '--preset <name>',
      'read the trace with this configuration (for traces without #meta.config, e.g. Quint)',
    )
    .option('--config <file>', 'read the trace with the configuration in this JSON file')
    .option('--dut <command>', 'replay against an external design (a DUT process) instead')
    .option('--against <name>', 'with --dut: implementation that predicts the replies (default: reference)')
    .option('--timeout-ms <n>', 'with --dut: per-request timeout', '2000')
    .option('--start-timeout-ms <n>', 'with --dut: timeout of the first hello', '30000')
    .option('--window <n>', 'with --dut: requests in flight', '32')
    .action(async (file: string, flags: ReplayFlags) =>
      ctx.setExit(await (await import('./runReplay.ts')).runReplay(file, flags, ctx.io)),
    );
}
