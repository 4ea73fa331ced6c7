/**
 * `intcheck replay FILE --dut CMD`: re-runs a saved trace against an external design. A
 * controller trace's events are sent as the register accesses they stand for; a wakeup trace's
 * storm is first run by the software runtime over the reference device, and the accesses it made
 * are sent (as `conform` does); a syscall trace's storm likewise, through the syscall runtime.
 * The report is the controller replay's: each step, and at the first difference the model's
 * prediction beside what the DUT returned. A DUT has no `abs()`, so the states shown are the
 * reference model's.
 */

import { lower } from '../../engine/dut/dutRun.ts';
import { startDut, stderrSuffix } from '../../engine/dut/process/startDut.ts';
import { runOnDut } from '../../engine/dut/runOnDut.ts';
import type { RecordedStep } from '../../protocols/controller/engine/runController.ts';
import { formatReplay } from '../../protocols/controller/replay/formatReplay.ts';
import { dutImplementation } from '../../protocols/controller/trace/dutTrace.ts';
import type { ParsedTrace } from '../../protocols/readTrace.ts';
import { syscallAccesses } from '../../protocols/syscall/engine/syscallAccesses.ts';
import { wakeupAccesses } from '../../protocols/wakeup/engine/wakeupAccesses.ts';
import type { ReplayResult } from '../../replay/replay.ts';
import { EXIT, UsageError } from '../errors.ts';
import type { DutOptions } from './conformDut.ts';

/** Replays `parsed` on the DUT `command`; returns the exit code. */
export async function replayOnDut(
  parsed: ParsedTrace,
  command: string,
  o: DutOptions,
  json: boolean,
): Promise<number> {
  if (parsed.protocol === 'uipi')
    throw new UsageError(
      `--dut: replaying a ${parsed.protocol} trace on an external design is not supported (controller, wakeup and syscall traces are)`,
    );
  const cfg = parsed.config;
  const accesses =
    parsed.protocol === 'wakeup'
      ? wakeupAccesses(cfg, parsed.events)
      : parsed.protocol === 'syscall'
        ? syscallAccesses(cfg, parsed.events)
        : parsed.events.map((e) => lower(cfg, e));
  const started = await startDut(command, o.window, o.startTimeoutMs);
  if (!started.ok) {
    console.error(`intcheck: ${started.line}`);
    return EXIT.badInput;
  }
  const { dut, name } = started;
  const implementation = dutImplementation(name);
  const run = await runOnDut(dut, cfg, accesses, o.timeoutMs, false);
  const line = run.kind === 'failure' ? `${run.failure.detail}${stderrSuffix(dut)}` : '';
  if (run.kind === 'failure') await dut.kill();
  else await dut.close(o.timeoutMs);
  const file = parsed.file;
  if (run.kind === 'refused' || run.kind === 'failure') {
    const why =
      run.kind === 'refused'
        ? `the DUT refused the trace's configuration: ${JSON.stringify(run.error)}`
        : `${run.step < 0 ? 'at the reset' : `step ${run.step}`}, request ${run.request}: ${line}`;
    if (json) console.log(JSON.stringify({ ok: false, file, implementation, message: why }));
    else console.log(`✗ replay of ${file} on "${implementation}": ${why}`);
    return run.kind === 'refused' ? EXIT.badInput : EXIT.failed;
  }
  const recorded: RecordedStep[] = run.board.steps.map((s) => ({
    event: s.event,
    obs: s.obs,
    state: s.state,
    expected: { state: s.state, obs: s.expected },
  }));
  const initial = run.board.initial;
  let result: ReplayResult;
  if (run.kind === 'pass') {
    result = { ok: true, steps: recorded.length, initial, recorded, protocol: 'controller', implementation };
  } else {
    const m = run.mismatch;
    const violation = { property: 'refinement', step: m.step, message: m.message };
    const failing = recorded[m.step] ?? recorded[recorded.length - 1];
    const before = recorded[m.step - 1]?.state ?? initial;
    if (failing === undefined) throw new Error('replay: a difference without a step');
    result = {
      ok: false,
      violation,
      violations: [violation],
      steps: m.step + 1,
      initial,
      recorded,
      before,
      failing,
      protocol: 'controller',
      implementation,
    };
  }
  if (json) {
    const body = result.ok ? { steps: result.steps } : { ...result.violation };
    console.log(JSON.stringify({ ok: result.ok, file, implementation, ...body }));
  } else console.log(formatReplay(result, parsed));
  return result.ok ? EXIT.ok : EXIT.failed;
}
