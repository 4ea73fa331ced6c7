/**
 * One run of a DUT (the testbench's test): `reset` with the configuration, then the run's
 * accesses pipelined through the process, each reply scored against the reference model as it
 * arrives ({@link runBatchOnDut} with a batch of one). Until the DUT has accepted the
 * configuration, the reset goes alone first, so that a DUT refusing it never sees an access.
 */

import type { Config } from '../../protocols/controller/model/config/config.ts';
import type { DutRunOutcome } from './dutRunOutcome.ts';
import type { DutProcess } from './process/dutProcess.ts';
import type { DutAccess } from './process/requestLine.ts';
import { runBatchOnDut } from './runBatchOnDut.ts';

/** Runs `accesses` from a reset of `dut` to `cfg`; `known: false` sends a lone reset first. */
export async function runOnDut(
  dut: DutProcess,
  cfg: Config,
  accesses: readonly DutAccess[],
  timeoutMs: number,
  known = true,
): Promise<DutRunOutcome> {
  if (!known) {
    const alone = await runBatchOnDut(dut, cfg, [[]], timeoutMs);
    if (alone.kind === 'stopped') return alone.outcome;
  }
  const out = await runBatchOnDut(dut, cfg, [accesses], timeoutMs);
  return out.kind === 'pass' ? { kind: 'pass', board: out.last } : out.outcome;
}
