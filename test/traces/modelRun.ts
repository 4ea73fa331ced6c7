/** Test helper: a run of the pure controller model, in the shape `controllerTrace` takes. */
import type { Config } from '../../protocols/controller/model/config/config.ts';
import type { ControllerEvent } from '../../protocols/controller/model/events.ts';
import { initialState } from '../../protocols/controller/model/state.ts';
import { step } from '../../protocols/controller/model/step.ts';
import type { ControllerTraceStep } from '../../protocols/controller/trace/controllerTrace.ts';

/** Runs `events` through the model from reset and records every step. */
export function modelRun(cfg: Config, events: readonly ControllerEvent[]) {
  const initial = initialState(cfg);
  let s = initial;
  const steps: ControllerTraceStep[] = events.map((event) => {
    const r = step(cfg, s, event);
    s = r.state;
    return { event, obs: r.obs, state: r.state };
  });
  return { initial, steps };
}

/** A short run touching every state variable on SMALL. */
export const SAMPLE_EVENTS: readonly ControllerEvent[] = [
  { type: 'Enqueue', p: 0, prio: 1, task: 3n },
  { type: 'IrqRegister', p: 1, device: 0, task: 2n },
  { type: 'IpcRegister', p: 0, ipcType: 1, task: 1n },
  { type: 'Irq', line: 1 },
  { type: 'IpcSend', p: 1, ipcType: 0, target: 1 },
  { type: 'StatusWrite', p: 1, data: 1n },
  { type: 'Write', addr: 0x1000_0004n, data: 7n },
  { type: 'Dequeue', p: 0 },
  { type: 'ErrorRead', p: 1 },
  { type: 'Read', addr: 0x1000_1f08n },
  { type: 'StatusRead', p: 0 },
];
