/**
 * The controller protocol's step judge (engine/judge.ts): the model, or a device with the model
 * stepped beside it for the prediction, judged after every access by the selected controller-step
 * properties on (abs(before), event, abs(after), observation) plus the ghost. An access that
 * stalls, aborts or has an undefined effect ends the run: its node is `ended` (no event is
 * enabled there) and only the properties about the observation itself judged it. Storm runs
 * (runController), the explorer (controllerSpace), replay and the DUT scoreboard step through it.
 */
import type { Ownership, StepJudge } from '../../../engine/judge.ts';
import type { ControllerDevice, ControllerImpl } from '../designs/device.ts';
import { decodeFor, driveDesign } from '../designs/drive.ts';
import type { Config } from '../model/config/config.ts';
import type { ControllerEvent } from '../model/events.ts';
import { endsRun } from '../model/result.ts';
import { type ControllerState, initialState } from '../model/state.ts';
import { step } from '../model/step.ts';
import type { ControllerStepContext, ControllerStepProperty } from '../properties/context.ts';
import { initialGhost, type MutableControllerGhost } from '../properties/ghost.ts';
import { accessFailures, ghostAfter } from './judgeAccess.ts';

/** The state of a controller run between two steps. */
export interface ControllerNode {
  /** The model's state (the prediction, when a device runs). */
  readonly model: ControllerState;
  /** The device, owned by this node; undefined for the model alone. */
  readonly dev: ControllerDevice | undefined;
  /** abs() of the device, or the model's state. */
  readonly abs: ControllerState;
  readonly ghost: MutableControllerGhost;
  /** The last access stalled, aborted or had an undefined effect: the run is over here. */
  readonly ended: boolean;
}

/** How a node's device is copied when the judge must leave the node unchanged (`copy`). */
export type CopyDevice = (d: ControllerDevice) => ControllerDevice;

/** The judge of `impl` (undefined: the model alone) by `properties` on `cfg`. */
export function controllerJudge(
  cfg: Config,
  impl: ControllerImpl | undefined,
  properties: readonly ControllerStepProperty[],
  copyDevice: CopyDevice = (d) => {
    if (d.copy === undefined) throw new Error('controllerJudge: this device cannot be copied');
    return d.copy();
  },
): StepJudge<ControllerNode, ControllerEvent, ControllerStepContext> {
  return {
    initial() {
      const model = initialState(cfg);
      const dev = impl?.create(cfg);
      return { model, dev, abs: dev?.abs() ?? model, ghost: initialGhost(cfg), ended: false };
    },
    step(n: ControllerNode, e: ControllerEvent, index: number, own: Ownership) {
      const predicted = step(cfg, n.model, e);
      let obs = predicted.obs;
      let after = predicted.state;
      let dev: ControllerDevice | undefined;
      if (n.dev !== undefined) {
        dev = own === 'copy' ? copyDevice(n.dev) : n.dev;
        obs = driveDesign(impl, cfg, dev, e);
        after = dev.abs();
      }
      const detail: ControllerStepContext = {
        cfg,
        index,
        event: e,
        op: decodeFor(impl, cfg, e),
        before: n.abs,
        after,
        obs,
        expected: dev === undefined ? undefined : { state: predicted.state, obs: predicted.obs },
        ghost: n.ghost,
      };
      const violations = accessFailures(properties, detail);
      const ghost = violations === undefined ? ghostAfter(n.ghost, detail, own) : n.ghost;
      const node = { model: predicted.state, dev, abs: after, ghost, ended: endsRun(obs) };
      return { node, detail, violations };
    },
  };
}
