/**
 * `intcheck check --protocol syscall` on one configuration: random syscall storms through the
 * syscall runtime over the implementation and the §6 drain, and on failure the minimized
 * counterexample written as an ITF trace, its drain steps included. On worker threads with
 * `--workers` (the same verdict and trace as one thread); `--shard` selects the runs.
 */
import { join } from 'node:path';
import { UsageError } from '../../model/badInput.ts';
import type { ConfigReport } from '../../report/checkReport.ts';
import { traceName } from '../../traces/traceName.ts';
import { writeTrace } from '../../traces/writeTrace.ts';
import { assertExpressible } from '../controller/designs/supportedConfig.ts';
import { configToJson } from '../controller/model/config/loadConfig.ts';
import { type ConfigCheckArgs, checkOptionsOf } from '../family/configCheck.ts';
import { checkSyscallParallel } from './engine/checkSyscallParallel.ts';
import { formatSyscallEvent } from './model/events.ts';
import { syscallConfigError } from './model/layout.ts';
import { syscallTrace } from './trace/syscallTrace.ts';

/** Checks `a.cfg` and reports it; the trace is written first. */
export async function checkSyscallConfig(a: ConfigCheckArgs): Promise<ConfigReport> {
  const wrong = syscallConfigError(a.cfg);
  if (wrong !== null) throw new UsageError(`${a.preset}: ${wrong}`);
  assertExpressible(a.cfg, a.impl);
  const result = await checkSyscallParallel(checkOptionsOf(a), a.workers);
  const { cfg } = result;
  const common = {
    preset: a.preset,
    config: configToJson(cfg),
    runs: result.runs,
    events: result.events,
    endedEarly: result.endedEarly,
    seconds: a.seconds(),
  };
  if (result.ok) return { ...common, ok: true };
  const { failure: run, counterexample } = result;
  const v = run.violation;
  const file = join(a.out, traceName('syscall', a.impl.name, v.property, a.preset, a.shard));
  writeTrace(
    file,
    syscallTrace({
      cfg,
      implementation: a.impl.name,
      property: v.property,
      message: v.message,
      failingStep: v.step,
      seed: result.seed,
      path: result.path,
      ...(a.note === undefined ? {} : { note: a.note }),
      initial: run.initial,
      steps: run.recorded,
    }),
  );
  const failure = {
    run: result.index + 1,
    property: v.property,
    step: v.step,
    phase: run.phase,
    message: v.message,
    shrinks: result.shrinks,
    seed: result.seed,
    path: result.path,
    length: counterexample.length,
    counterexample: counterexample.map(formatSyscallEvent),
    trace: file,
  };
  return { ...common, ok: false, failure };
}
