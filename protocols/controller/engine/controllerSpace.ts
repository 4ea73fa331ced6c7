/**
 * The controller protocol's state space: the controller model alone, or the product of the
 * model and a controller implementation (the reference, a published design, a mutant). A node is
 * the step judge's (controllerJudge.ts), with a copy of the device per node (its own `copy`, else
 * a generic snapshot), and each transition is judged by that judge, as a storm step is. An access
 * that ends the run ends it here too: its successor is terminal (no event is enabled there). A
 * storm profile with a condition on the state (StormProfile.enabled) enables only the events it
 * allows in each state.
 *
 * Key: the abstract state (the device's abs() and declared hidden state for a product), then the
 * ghost's verdict-relevant part (ghostKey.ts); the model beside a device is left out, since while
 * refinement holds it equals abs().
 */

import { EventAlphabet } from '../../../engine/explore/eventAlphabet.ts';
import { controllerGhostKey } from '../../../engine/explore/ghostKey.ts';
import { hiddenKey } from '../../../engine/explore/hiddenKey.ts';
import { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import { type StateBounds, withinStateBounds } from '../../../engine/explore/stateBounds.ts';
import type { StateSpace } from '../../../engine/explore/stateSpace.ts';
import type { ControllerImpl } from '../designs/device.ts';
import type { Config } from '../model/config/config.ts';
import type { ControllerEvent } from '../model/events.ts';
import { formatEvent } from '../model/formatEvent.ts';
import type { ControllerStepProperty } from '../properties/context.ts';
import { type ControllerNode, controllerJudge } from './controllerJudge.ts';
import { controllerKey } from './controllerKey.ts';
import { canonicalControllerKey } from './controllerSymmetry.ts';
import { copyDevice } from './copyDevice.ts';
import { alphabetFor, enabledFor } from './stormFor.ts';

const NONE: readonly ControllerEvent[] = Object.freeze([]);
/** The abstraction caches a device snapshot shares rather than copies (never modified once made). */
const CACHE_FIELDS: ReadonlySet<string> = new Set(['shown', 'shownWaiters']);

/** The controller state space of `impl` (undefined: the model alone), judged by `properties`. */
export function controllerSpace(
  cfg: Config,
  impl: ControllerImpl | undefined,
  properties: readonly ControllerStepProperty[],
  bounds: StateBounds = {},
  profile?: string,
): StateSpace<ControllerNode, ControllerEvent> {
  const events = alphabetFor(impl, profile, cfg);
  const guard = enabledFor(impl, profile);
  const alphabet = new EventAlphabet<ControllerEvent>(formatEvent);
  for (const e of events) alphabet.indexOf(e);
  const kb = new KeyBuilder();
  const sharing = { objects: new Set<object>([cfg]), fields: CACHE_FIELDS };
  const judge = controllerJudge(cfg, impl, properties, (d) => copyDevice(d, sharing));
  const space: StateSpace<ControllerNode, ControllerEvent> = {
    alphabet: alphabet.events,
    indexOf: (e) => alphabet.indexOf(e),
    initial: () => judge.initial(),
    enabled(n) {
      if (n.ended) return NONE;
      const dev = n.dev;
      return guard === undefined || dev === undefined ? events : events.filter((e) => guard(cfg, dev, e));
    },
    step(n, e, index, last) {
      const r = judge.step(n, e, index, last ? 'lastUse' : 'copy'); // the last successor takes the node's own device
      return r.violations === undefined
        ? { kind: 'next', node: r.node }
        : { kind: 'violation', violations: r.violations };
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
  // the model alone is symmetric in its processes (controllerSymmetry.ts: processes, interrupt lines, IPC types); a device's hidden state is not
  if (impl === undefined) space.canonical = canonicalControllerKey(cfg, new KeyBuilder());
  if (bounds.maxPending !== undefined || bounds.maxQueue !== undefined)
    space.withinBounds = (n) => withinStateBounds(bounds, n.abs);
  return space;
}
