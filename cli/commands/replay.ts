/**
 * `intcheck replay FILE`: re-runs a saved trace's events against the model and an implementation
 * (for a wakeup trace, the system with its drain), prints each step and stops at the first
 * failing one, expected beside actual.
 */
import type { Command } from 'commander';
import { SYSCALL_MUTANTS } from '../../impl/mutants/syscallMutants.ts';
import { WAKEUP_MUTANTS } from '../../impl/mutants/wakeupMutants.ts';
import { controllerImplNames } from '../../impl/registry.ts';
import { formatReplay } from '../../traces/formatReplay.ts';
import { readTrace } from '../../traces/readTrace.ts';
import { implFor, replayTrace } from '../../traces/replay.ts';
import { EXIT, UsageError } from '../errors.ts';

interface ReplayFlags {
  impl?: string;
  json?: boolean;
}

export function registerReplay(program: Command, setExit: (code: number) => void): void {
  program
    .command('replay')
    .description('re-run a saved ITF trace against the model and an implementation')
    .argument('<file>', 'an .itf.json trace')
    .option('--impl <name>', 'implementation to replay against (default: the one the trace names)')
    .option('--json', 'print one JSON object instead of text')
    .action((file: string, flags: ReplayFlags) => setExit(runReplay(file, flags)));
}

function runReplay(file: string, f: ReplayFlags): number {
  const parsed = readTrace(file);
  const name = f.impl ?? parsed.implementation;
  // A wakeup trace may name a runtime mutant of the wakeup system as well as a controller.
  const impl = implFor(parsed.protocol, name);
  if (impl === undefined) {
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
  const result = replayTrace(parsed, { impl });
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
  }
  return result.ok ? EXIT.ok : EXIT.failed;
}
