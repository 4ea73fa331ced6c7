/**
 * `intcheck replay FILE`: re-runs a saved trace's events against the model and an implementation
 * (for a wakeup trace, the system with its drain), prints each step and stops at the first
 * failing one, expected beside actual.
 */
import type { Command } from 'commander';
import { controllerImplNames } from '../../protocols/controller/designs/registry.ts';
import { formatReplay } from '../../protocols/controller/replay/formatReplay.ts';
import { type ReadOptions, readTrace } from '../../protocols/readTrace.ts';
import { SYSCALL_MUTANTS } from '../../protocols/syscall/mutants/syscallMutants.ts';
import { UIPI_MUTANTS } from '../../protocols/uipi/mutants/uipiMutants.ts';
import { WAKEUP_MUTANTS } from '../../protocols/wakeup/mutants/wakeupMutants.ts';
import { matchStates } from '../../replay/matchStates.ts';
import { findUipiImpl, implFor, type ReplayOptions, replayTrace } from '../../replay/replay.ts';
import { EXIT, UsageError } from '../errors.ts';
import { resolveConfigs } from '../options.ts';
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
  matchStates?: boolean;
  preset?: string;
  config?: string;
}

export function registerReplay(program: Command, setExit: (code: number) => void): void {
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
  const given = f.preset === undefined && f.config === undefined ? undefined : resolveConfigs(f)[0];
  const opts: ReadOptions = given === undefined ? {} : { config: given.cfg };
  const parsed = readTrace(file, opts);
  const name = f.impl ?? parsed.implementation;
  const uipiOpts = parsed.protocol === 'uipi' ? uipiReplayOptions(name, f.impl !== undefined) : undefined;
  // A wakeup trace may name a runtime mutant of the wakeup system as well as a controller.
  const impl = implFor(parsed.protocol, name);
  if (uipiOpts === undefined && impl === undefined) {
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
      ...(parsed.protocol === 'syscall' ? SYSCALL_MUTANTS.map((m) => m.name) : []),
      ...controllerImplNames(),
    ];
    throw new UsageError(`${where}, which is not built in (known: ${known.join(', ')})`);
  }
  const result = replayTrace(parsed, uipiOpts ?? (impl === undefined ? {} : { impl }));
  if (f.html !== undefined) writeReplayHtml(f.html, parsed, result, impl);
  const mismatch = f.matchStates ? matchStates(parsed, result) : null;
  if (f.json) {
    console.log(
      JSON.stringify({
        ...(result.ok
          ? { ok: mismatch === null, file, implementation: name, steps: result.steps }
          : { ok: false, file, implementation: name, ...result.violation }),
        ...(mismatch === null ? {} : { stateMismatch: mismatch }),
      }),
    );
  } else {
    console.log(formatReplay(result, parsed));
    if (f.html !== undefined) console.log(`timeline: ${f.html}`);
    if (mismatch !== null) console.log(`state ${mismatch.state} differs: ${mismatch.message}`);
    else if (f.matchStates) console.log('every recorded state matches the replay');
  }
  return result.ok && mismatch === null ? EXIT.ok : EXIT.failed;
}

/** A UIPI trace replays against its own implementations: the reference and the UIPI mutants. */
function uipiReplayOptions(name: string, given: boolean): ReplayOptions {
  const uipiImpl = findUipiImpl(name);
  if (uipiImpl !== undefined) return { uipiImpl };
  const where = given
    ? `--impl: unknown UIPI implementation "${name}"`
    : `the trace names UIPI implementation "${name}"`;
  throw new UsageError(
    `${where}, which is not built in (known: reference, ${UIPI_MUTANTS.map((m) => m.name).join(', ')})`,
  );
}
