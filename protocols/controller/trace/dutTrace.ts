/**
 * The trace of a DUT run. A DUT has no `abs()`: each state is the reference model's prediction
 * (what a conforming design holds after the step) and `intcheck::obs` is what the DUT returned.
 * A request the DUT never answered properly ends the trace with `stall` (no reply in time) or
 * `abort` (garbage, an exit, a crash).
 */
import type { DutFailure } from '../../../engine/dut/process/dutFailure.ts';
import type { DutAccess } from '../../../engine/dut/process/requestLine.ts';
import type { Trace, TraceProvenance } from '../../../traces/trace.ts';
import type { Config } from '../model/config/config.ts';
import type { ControllerState } from '../model/state.ts';
import { step } from '../model/step.ts';
import { type ControllerTraceStep, controllerTrace } from './controllerTrace.ts';

/** The implementation name a DUT's trace carries: `dut:` and the name its `hello` gave. */
export function dutImplementation(name: string): string {
  return `dut:${name}`;
}

export interface DutTraceArgs extends TraceProvenance<Config> {
  readonly initial: ControllerState;
  readonly steps: readonly ControllerTraceStep[];
  /** A protocol failure on the request after `steps`: it is appended as the trace's last step. */
  readonly failed?: {
    readonly access: DutAccess;
    readonly failure: DutFailure;
    readonly before: ControllerState;
  };
}

/** The trace of a DUT run, ready for `writeTrace`. */
export function dutTrace(args: DutTraceArgs): Trace {
  const { failed, steps, ...rest } = args;
  if (failed === undefined) return controllerTrace({ ...rest, steps });
  const after = step(args.cfg, failed.before, failed.access).state;
  const obs = failed.failure.kind === 'timeout' ? ({ kind: 'stall' } as const) : ({ kind: 'abort' } as const);
  return controllerTrace({ ...rest, steps: [...steps, { event: failed.access, obs, state: after }] });
}
