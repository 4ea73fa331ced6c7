/**
 * `intcheck check --protocol syscall` on one configuration: random syscall storms through the
 * syscall runtime over the implementation and the §6 drain, and on failure the minimized
 * counterexample written as an ITF trace, its drain steps included. On worker threads with
 * `--workers` (the same verdict and trace as one thread); `--shard` selects the runs.
 */
import { UsageError } from '../../model/badInput.ts';
import type { ConfigReport } from '../../report/checkReport.ts';
import { configReport } from '../../report/configReport.ts';
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
  return configReport({
    protocol: 'syscall',
    implementation: a.impl.name,
    preset: a.preset,
    config: configToJson(cfg),
    result,
    out: a.out,
    shard: a.shard,
    note: a.note,
    seconds: a.seconds(),
    trace: (run, provenance) =>
      syscallTrace({ cfg, ...provenance, initial: run.initial, steps: run.recorded }),
    event: formatSyscallEvent,
    phase: (run) => run.phase,
  });
}
