/**
 * The controller protocol's state space: the controller model alone, or the product of the
 * model and a controller implementation (the reference, a published design, a mutant). A node
 * holds what `runController` (protocols/controller/engine/runController.ts) holds between steps: the model's
 * state, the device (a copy per node: its own `copy`, else a generic snapshot), and the ghost
 * data; each transition is judged by every controller-step property exactly as a storm step is
 * (refinement against the model's prediction when a device runs). An access that stalls or
 * aborts ends the run, as in `runController`: its successor is terminal (no event is enabled there).
 *
 * Key: the abstract state (the device's abs() and declared hidden state for a product), then the
 * ghost's verdict-relevant part (ghostKey.ts); the model beside a device is left out, since while
 * refinement holds it equals abs().
 */

import { copyDevice } from '../../../engine/explore/copyImpl.ts';
import { EventAlphabet } from '../../../engine/explore/eventAlphabet.ts';
import { copyControllerGhost } from '../../../engine/explore/ghostCopy.ts';
import { controllerGhostKey } from '../../../engine/explore/ghostKey.ts';
import { hiddenKey } from '../../../engine/explore/hiddenKey.ts';
import { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import { type StateBounds, withinStateBounds } from '../../../engine/explore/stateBounds.ts';
import type { StateSpace } from '../../../engine/explore/stateSpace.ts';
import type { Violation } from '../../../engine/property.ts';
import type { ControllerDevice, ControllerImpl } from '../designs/device.ts';
import { drive } from '../designs/drive.ts';
import type { Config } from '../model/config/config.ts';
import { toOperation } from '../model/decode.ts';
import type { ControllerEvent } from '../model/events.ts';
import { formatEvent } from '../model/formatEvent.ts';
import { endsRun } from '../model/result.ts';
import { type ControllerState, initialState } from '../model/state.ts';
import { step } from '../model/step.ts';
import type { ControllerStepContext, ControllerStepProperty } from '../properties/context.ts';
import { advanceGhost, initialGhost, type MutableControllerGhost } from '../properties/ghost.ts';
import { changesControllerGhost } from './changesControllerGhost.ts';
import { controllerAlphabet } from './controllerAlphabet.ts';
import { controllerKey } from './controllerKey.ts';

/** One explored controller state. */
export interface ControllerNode {
  /** The model's state (the prediction, when a device runs). */
  readonly model: ControllerState;
  /** The device, owned by this node; undefined for the model alone. */
  readonly dev: ControllerDevice | undefined;
  /** abs() of the device, or the model's state. */
  readonly abs: ControllerState;
  readonly ghost: MutableControllerGhost;
  /** The last access stalled or aborted: the run is over here. */
  readonly ended: boolean;
}

const NONE: readonly ControllerEvent[] = Object.freeze([]);
/** The abstraction caches a device snapshot shares rather than copies (never modified once made). */
const CACHE_FIELDS: ReadonlySet<string> = new Set(['shown', 'shownWaiters']);

/** The controller state space of `impl` (undefined: the model alone), judged by `properties`. */
export function controllerSpace(
  cfg: Config,
  impl: ControllerImpl | undefined,
  properties: readonly ControllerStepProperty[],
  bounds: StateBounds = {},
): StateSpace<ControllerNode, ControllerEvent> {
  const events = controllerAlphabet(cfg);
  const alphabet = new EventAlphabet<ControllerEvent>(formatEvent);
  for (const e of events) alphabet.indexOf(e);
  const kb = new KeyBuilder();
  const sharing = { objects: new Set<object>([cfg]), fields: CACHE_FIELDS };
  const space: StateSpace<ControllerNode, ControllerEvent> = {
    alphabet: alphabet.events,
    indexOf: (e) => alphabet.indexOf(e),
    initial() {
      const model = initialState(cfg);
      const dev = impl?.create(cfg);
      return { model, dev, abs: dev?.abs() ?? model, ghost: initialGhost(cfg), ended: false };
    },
    enabled: (n) => (n.ended ? NONE : events),
    step(n, e, index, last) {
      const predicted = step(cfg, n.model, e);
      let obs = predicted.obs;
      let after = predicted.state;
      let dev: ControllerDevice | undefined;
      if (n.dev !== undefined) {
        dev = last ? n.dev : copyDevice(n.dev, sharing); // the last successor takes the node's own device
        obs = drive(cfg, dev, e);
        after = dev.abs();
      }
      const ctx: ControllerStepContext = {
        cfg,
        index,
        event: e,
        op: toOperation(cfg, e),
        before: n.abs,
        after,
        obs,
        expected: dev === undefined ? undefined : { state: predicted.state, obs: predicted.obs },
        ghost: n.ghost,
      };
      const ended = endsRun(obs);
      let found: Violation[] | undefined;
      for (const p of properties) {
        if (ended && !p.judgesIncomplete) continue;
        const message = p.check(ctx);
        if (message === null) continue;
        found ??= [];
        found.push({ property: p.id, step: index, message });
      }
      if (found !== undefined) return { kind: 'violation', violations: found };
      let ghost = n.ghost;
      if (!ended && changesControllerGhost(ctx)) {
        ghost = copyControllerGhost(ghost);
        advanceGhost(ghost, ctx);
      }
      return { kind: 'next', node: { model: predicted.state, dev, abs: after, ghost, ended } };
    },
    key(n) {
      kb.reset();
      controllerKey(kb, n.abs);
      if (n.dev !== undefined) hiddenKey(kb, n.dev);
      controllerGhostKey(kb, n.ghost);
      kb.int(n.ended ? 1 : 0);
      return kb.done();
    },
  };
  if (bounds.maxPending !== undefined || bounds.maxQueue !== undefined)
    space.withinBounds = (n) => withinStateBounds(bounds, n.abs);
  return space;
}
