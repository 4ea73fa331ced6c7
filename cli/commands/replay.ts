/**
 * `intcheck replay FILE`: re-runs a saved trace's events against the model and an implementation
 * (for a wakeup trace, the system with its drain), prints each step and stops at the first
 * failing one, expected beside actual.
 */
import type { Command } from 'commander';
import { WAKEUP_MUTANTS } from '../../impl/mutants/wakeupMutants.ts';
import { controllerImplNames } from '../../impl/registry.ts';
import { formatReplay } from '../../traces/formatReplay.ts';
import { matchStates } from '../../traces/matchStates.ts';
import { type ReadOptions, readTrace } from '../../traces/readTrace.ts';
import { implFor, replayTrace } from '../../traces/replay.ts';
import { EXIT, UsageError } from '../errors.ts';
import { resolveConfigs } from '../options.ts';

interface ReplayFlags {
  impl?: string;
  json?: boolean;
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
    .option(
      '--match-states',
      'also require every recorded state to be the one the replay reaches (cross-checks)',
    )
    .option(
      '--preset <name>',
      'read the trace with this configuration (for traces without #meta.config, e.g. Quint)',
    )
    .option('--config <file>', 'read the trace with the configuration in this JSON file')
    .action((file: string, flags: ReplayFlags) => setExit(runReplay(file, flags)));
}

function runReplay(file: string, f: ReplayFlags): number {
  const given = f.preset === undefined && f.config === undefined ? undefined : resolveConfigs(f)[0];
  const opts: ReadOptions = given === undefined ? {} : { config: given.cfg };
  const parsed = readTrace(file, opts);
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
      ...controllerImplNames(),
    ];
    throw new UsageError(`${where}, which is not built in (known: ${known.join(', ')})`);
  }
  const result = replayTrace(parsed, { impl });
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
    if (mismatch !== null) console.log(`state ${mismatch.state} differs: ${mismatch.message}`);
    else if (f.matchStates) console.log('every recorded state matches the replay');
  }
  return result.ok && mismatch === null ? EXIT.ok : EXIT.failed;
}
