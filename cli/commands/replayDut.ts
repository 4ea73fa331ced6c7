/**
 * `intcheck replay FILE --dut CMD [--against NAME]`: re-runs a saved trace against an external
 * design, each reply scored against the predictor (the reference model, or the implementation
 * `--against` names, on the part of the trace's configuration it supports). A controller trace's
 * events are sent as the register accesses they stand for (through NAME's driver when it has its
 * own register map); a wakeup trace's storm is first run by the software runtime over the
 * predictor's device, and the accesses it made are sent (as `conform` does); a syscall trace's
 * storm likewise, through the syscall runtime over the reference device. The report is the
 * controller replay's: each step, and at the first difference the prediction beside what the
 * DUT returned. A DUT has no `abs()`, so the states shown are the predictor's. A run the
 * predictor ends early (a stall, an abort, an undefined effect) is judged up to that step.
 */

import { type DutPredictor, REFERENCE } from '../../engine/dut/predictor.ts';
import { startDut, stderrSuffix } from '../../engine/dut/process/startDut.ts';
import { runOnDut } from '../../engine/dut/runOnDut.ts';
import type { RecordedStep } from '../../protocols/controller/engine/runController.ts';
import { formatControllerReplay } from '../../protocols/controller/replay/formatControllerReplay.ts';
import type { ControllerReplay } from '../../protocols/controller/replay/replayControllerTrace.ts';
import { dutImplementation } from '../../protocols/controller/trace/dutTrace.ts';
import { dutReplayable } from '../../protocols/family/familyTrace.ts';
import { protocolOfTrace } from '../../protocols/readTrace.ts';
import { readItf } from '../../traces/itfTrace.ts';
import { EXIT, UsageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { againstPredictor, type DutOptions } from './conformDut.ts';

/** Replays the trace `path` on the DUT `command`, predicted by `against` (default the reference); returns the exit code. */
export async function replayOnDut(
  path: string,
  command: string,
  o: DutOptions,
  json: boolean,
  against: string | undefined,
  io: Io,
): Promise<number> {
  const itf = readItf(path);
  const protocol = protocolOfTrace(itf);
  if (!dutReplayable(protocol))
    throw new UsageError(
      `--dut: a ${protocol.name} trace does not replay on an external design (a DUT speaks the controller's registers)`,
    );
  const parsed = protocol.loadDutTrace(itf);
  const predictor: DutPredictor = againstPredictor(against, { name: parsed.header.file, cfg: parsed.config });
  const accesses = parsed.accesses(predictor);
  const started = await startDut(command, o.window, o.startTimeoutMs);
  if (!started.ok) {
    io.err(`intcheck: ${started.line}`);
    return EXIT.badInput;
  }
  const { dut, name } = started;
  const implementation = dutImplementation(name);
  const run = await runOnDut(dut, predictor, accesses, o.timeoutMs, false);
  const line = run.kind === 'failure' ? `${run.failure.detail}${stderrSuffix(run.stderr)}` : '';
  if (run.kind === 'failure' || run.kind === 'ended') await dut.kill();
  else await dut.close(o.timeoutMs);
  const file = parsed.header.file;
  if (run.kind === 'refused' || run.kind === 'failure') {
    const why =
      run.kind === 'refused'
        ? `the DUT refused the trace's configuration: ${JSON.stringify(run.error)}`
        : `${run.step < 0 ? 'at the reset' : `step ${run.step}`}, request ${run.request}: ${line}`;
    if (json) io.out(JSON.stringify({ ok: false, file, implementation, message: why }));
    else io.out(`✗ replay of ${file} on "${implementation}": ${why}`);
    return run.kind === 'refused' ? EXIT.badInput : EXIT.failed;
  }
  const recorded: RecordedStep[] = run.board.steps.map((s) => ({
    event: s.event,
    obs: s.obs,
    state: s.state,
    expected: { state: s.state, obs: s.expected },
  }));
  const initial = run.board.initial;
  const by = predictor.name === REFERENCE ? '' : ` (predicted by ${predictor.name})`;
  let result: ControllerReplay;
  if (run.kind === 'pass' || run.kind === 'ended') {
    result = { ok: true, steps: recorded.length, initial, recorded, protocol: 'controller', implementation };
  } else {
    const m = run.mismatch;
    const violation = { property: 'refinement', step: m.step, message: `${m.message}${by}` };
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
  const ended =
    run.kind === 'ended'
      ? `${predictor.name} ends the run at step ${run.step} (${run.obs.kind}): the steps after ${run.step - 1} were not judged`
      : undefined;
  if (json) {
    const body = result.ok ? { steps: result.steps } : { ...result.violation };
    const note =
      ended === undefined ? {} : { endedEarly: { step: run.kind === 'ended' ? run.step : 0, note: ended } };
    io.out(
      JSON.stringify({ ok: result.ok, file, implementation, against: predictor.name, ...body, ...note }),
    );
  } else {
    io.out(formatControllerReplay(result, { ...parsed.header, config: parsed.config }));
    if (ended !== undefined) io.out(`note: ${ended}`);
  }
  return result.ok ? EXIT.ok : EXIT.failed;
}
