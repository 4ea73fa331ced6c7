/**
 * `intcheck replay FILE`: re-runs a saved trace's events against the model and an implementation
 * (for a wakeup trace, the system with its drain), prints each step and stops at the first
 * failing one, expected beside actual.
 */
import type { Command } from 'commander';
import { WAKEUP_MUTANTS } from '../../impl/mutants/wakeupMutants.ts';
import { controllerImplNames } from '../../impl/registry.ts';
import { formatReplay } from '../../traces/formatReplay.ts';
import { readTrace } from '../../traces/readTrace.ts';
import { implFor, replayTrace } from '../../traces/replay.ts';
import { EXIT, UsageError } from '../errors.ts';
import { dutOptions } from './conformDut.ts';
import { replayOnDut } from './replayDut.ts';
import { writeReplayHtml } from './replayHtml.ts';

interface ReplayFlags {
  impl?: string;
  json?: boolean;
  html?: string;
  dut?: string;
  timeoutMs?: string;
  startTimeoutMs?: string;
  window?: string;
}

export function registerReplay(program: Command, setExit: (code: number) => void): void {
  program
    .command('replay')
    .description('re-run a saved ITF trace against the model and an implementation')
    .argument('<file>', 'an .itf.json trace')
    .option('--impl <name>', 'implementation to replay against (default: the one the trace names)')
    .option('--json', 'print one JSON object instead of text')
    .option('--html <file>', 'also write the trace as a timeline: one self-contained HTML page')
    .option('--dut <command>', 'replay against an external design (a DUT process) instead')
    .option('--timeout-ms <n>', 'with --dut: per-request timeout', '2000')
    .option('--start-timeout-ms <n>', 'with --dut: timeout of the first hello', '30000')
    .option('--window <n>', 'with --dut: requests in flight', '32')
    .action(async (file: string, flags: ReplayFlags) =>
      setExit(flags.dut === undefined ? runReplay(file, flags) : await runReplayDut(file, flags, flags.dut)),
    );
}

async function runReplayDut(file: string, f: ReplayFlags, command: string): Promise<number> {
  if (f.impl !== undefined) throw new UsageError('--impl and --dut cannot be used together');
  if (f.html !== undefined)
    throw new UsageError('--html and --dut cannot be used together (replay, then draw the trace it saves)');
  const o = dutOptions(f);
  return replayOnDut(readTrace(file), command, o, f.json === true);
}

function runReplay(file: string, f: ReplayFlags): number {
  const parsed = readTrace(file);
  const name = f.impl ?? parsed.implementation;
  // A wakeup trace may name a runtime mutant of the wakeup system as well as a controller.
  const impl = implFor(parsed.protocol, name);
  if (impl === undefined) {
    if (f.impl === undefined && name.startsWith('dut:')) {
      throw new UsageError(
        `the trace was found on the external design "${name.slice(4)}": replay it with --dut "<command line>" (or --impl reference)`,
      );
    }
    const where =
      f.impl === undefined
        ? `the trace names implementation "${name}"`
        : `--impl: unknown implementation "${name}"`;
    const known = [
      ...(parsed.protocol === 'wakeup' ? WAKEUP_MUTANTS.map((m) => m.name) : []),
      ...controllerImplNames(),
    ];
    throw new UsageError(`${where}, which is not built in (known: ${known.join(', ')})`);
  }
  const result = replayTrace(parsed, { impl });
  if (f.html !== undefined) writeReplayHtml(f.html, parsed, result, impl);
  if (f.json) {
    console.log(
      JSON.stringify(
        result.ok
          ? { ok: true, file, implementation: name, steps: result.steps }
          : { ok: false, file, implementation: name, ...result.violation },
      ),
    );
  } else {
    console.log(formatReplay(result, parsed));
    if (f.html !== undefined) console.log(`timeline: ${f.html}`);
  }
  return result.ok ? EXIT.ok : EXIT.failed;
}
