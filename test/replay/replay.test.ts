import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ControllerDevice, ControllerImpl } from '../../protocols/controller/designs/device.ts';
import { FULL_SUPPORT } from '../../protocols/controller/designs/device.ts';
import { findControllerImpl } from '../../protocols/controller/designs/registry.ts';
import { type RunResult, runController } from '../../protocols/controller/engine/runController.ts';
import type { Config } from '../../protocols/controller/model/config/config.ts';
import { SMALL } from '../../protocols/controller/model/config/config.ts';
import { controllerStorm } from '../../protocols/controller/model/controllerEvent.ts';
import type { ControllerEvent } from '../../protocols/controller/model/events.ts';
import { formatEvent } from '../../protocols/controller/model/formatEvent.ts';
import { ACK, type Observation } from '../../protocols/controller/model/result.ts';
import { type ControllerState, initialState } from '../../protocols/controller/model/state.ts';
import { step } from '../../protocols/controller/model/step.ts';
import { formatControllerReplay } from '../../protocols/controller/replay/formatControllerReplay.ts';
import { replayControllerTrace } from '../../protocols/controller/replay/replayControllerTrace.ts';
import { controllerTrace } from '../../protocols/controller/trace/controllerTrace.ts';
import { readControllerTrace } from '../../protocols/controller/trace/readControllerTrace.ts';
import { parseTrace } from '../../protocols/readTrace.ts';
import { parseItf, readItf } from '../../traces/itfTrace.ts';
import { traceToJson, writeTrace } from '../../traces/writeTrace.ts';
import { runs, SEED } from '../support/seed.ts';
import { tempDir } from '../support/tempDir.ts';

/** A device that is the model itself, except that it ignores every interrupt (a lost wakeup). */
const deafImpl: ControllerImpl = {
  name: 'deaf',
  description: 'the model, but interrupt edges are ignored',
  expectedViolations: ['noLostWakeup'],
  supports: FULL_SUPPORT,
  create(cfg: Config): ControllerDevice {
    let s: ControllerState = initialState(cfg);
    const apply = (e: ControllerEvent): Observation => {
      const r = step(cfg, s, e);
      s = r.state;
      return r.obs;
    };
    return {
      read: (addr) => apply({ type: 'Read', addr }),
      write: (addr, data) => apply({ type: 'Write', addr, data }),
      irq: () => ACK,
      abs: () => s,
    };
  },
};

const reference = (): ControllerImpl => {
  const impl = findControllerImpl('reference');
  if (impl === undefined) throw new Error('no reference implementation registered');
  return impl;
};

/** The trace a check would save for `run`. */
function traceOf(cfg: Config, implementation: string, run: RunResult) {
  return controllerTrace({
    cfg,
    implementation,
    ...(run.ok
      ? {}
      : {
          property: run.violation.property,
          message: run.violation.message,
          failingStep: run.violation.step,
        }),
    initial: run.initial,
    steps: run.recorded,
  });
}

/** A controller trace's text read for replay. */
const controllerTraceOf = (text: string, file: string) => readControllerTrace(parseItf(text, file));

const verdict = (r: { readonly ok: boolean; readonly violation?: unknown }) =>
  r.ok ? { ok: true } : { ok: false, ...(r.violation as object) };

/** Register a waiter on device 0, then raise device 0: the deaf design loses the wakeup. */
const LOST_WAKEUP: readonly ControllerEvent[] = [
  { type: 'Enqueue', p: 0, prio: 1, task: 3n },
  { type: 'IrqRegister', p: 0, device: 0, task: 2n },
  { type: 'Irq', line: 0 },
  { type: 'Dequeue', p: 0 },
];

describe('replaying traces', () => {
  test('write, read and replay give the verdict of the original run', () => {
    const dir = tempDir('replay');
    fc.assert(
      fc.property(controllerStorm(SMALL, { maxLength: 25 }), fc.boolean(), (events, deaf) => {
        const impl = deaf ? deafImpl : reference();
        const run = runController(SMALL, impl, events, { record: true });
        const file = join(dir, 't.itf.json');
        writeTrace(file, traceOf(SMALL, impl.name, run));
        const replayed = replayControllerTrace(readControllerTrace(readItf(file)), impl);
        expect(verdict(replayed)).toEqual(verdict(run));
        expect(replayed.implementation).toBe(impl.name);
        expect(replayed.recorded.map((r) => r.event)).toEqual(run.recorded.map((r) => r.event));
      }),
      { seed: SEED, numRuns: runs(100) },
    );
  });

  test('a counterexample still fails on its design and passes on the reference', () => {
    const run = runController(SMALL, deafImpl, LOST_WAKEUP, { record: true });
    expect(run.ok).toBe(false);
    const parsed = controllerTraceOf(traceToJson(traceOf(SMALL, 'deaf', run)), 'deaf.itf.json');
    expect(replayControllerTrace(parsed, deafImpl).ok).toBe(false);
    const fixed = replayControllerTrace(parsed, reference());
    expect(fixed.ok).toBe(true);
    expect(fixed.implementation).toBe('reference');
  });

  test('a trace naming an implementation that is not built in cannot be replayed without --impl', () => {
    const run = runController(SMALL, deafImpl, LOST_WAKEUP, { record: true });
    const trace = parseTrace(traceToJson(traceOf(SMALL, 'deaf', run)), 'deaf.itf.json');
    expect(trace.header.implementation).toBe('deaf');
    expect(trace.replay('deaf')).toBeUndefined();
    expect(trace.implementations).toContain('reference');
    expect(trace.implementations).not.toContain('deaf');
  });

  test('the report shows each step, what changed, and expected beside actual at the failure', () => {
    const run = runController(SMALL, deafImpl, LOST_WAKEUP, { record: true });
    const parsed = controllerTraceOf(traceToJson(traceOf(SMALL, 'deaf', run)), 'deaf.itf.json');
    const result = replayControllerTrace(parsed, deafImpl);
    const text = formatControllerReplay(result, parsed);
    expect(text).toContain('replay of deaf.itf.json: controller on "deaf", 3 events');
    expect(text).toContain('Enqueue(p=0, prio=1, task=0x3)');
    expect(text).toContain('ready[0][1]: [] → [0x3]');
    expect(text).toContain('irqWait[0]: [] → [(p=0, task=0x2)]');
    if (result.ok) throw new Error('expected the deaf design to fail');
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe(
      `✗ still fails on "deaf": ${result.violation.property} at step ${result.violation.step}: ${result.violation.message}`,
    );
    expect(text).toContain(`property ${result.violation.property} fails: ${result.violation.message}`);
    expect(text).toMatch(/expected \(model\) +actual \(deaf\)\n +ready\[0\]\[0\] +\[0x2\] +\[\]\n/);
    const passing = formatControllerReplay(replayControllerTrace(parsed, reference()), parsed);
    expect(passing.split('\n').at(-1)).toBe('✓ passes on "reference": 3 steps, no property fails');
  });

  test('events print as constructor calls', () => {
    expect(formatEvent({ type: 'Enqueue', p: 0, prio: 1, task: 3n })).toBe('Enqueue(p=0, prio=1, task=0x3)');
    expect(formatEvent({ type: 'Write', addr: 0x1000_0008n, data: 255n })).toBe(
      'Write(addr=0x10000008, data=0xff)',
    );
    expect(formatEvent({ type: 'Irq', line: 1 })).toBe('Irq(line=1)');
    expect(formatEvent({ type: 'IpcSend', p: 1, ipcType: 0, target: 2 })).toBe(
      'IpcSend(p=1, ipcType=0, target=2)',
    );
    expect(formatEvent({ type: 'StatusRead', p: 3 })).toBe('StatusRead(p=3)');
  });
});
