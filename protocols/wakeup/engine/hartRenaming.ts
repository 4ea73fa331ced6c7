/**
 * Renaming the wakeup system's harts (symmetry reduction, `--symmetry`, the model alone). The
 * harts are interchangeable in the model's step: every hart runs the same executor loop, an event
 * names at most one hart (`hart` of a HartSwitch, HartPark, HartFetch, HartPoll, HartReturn), and
 * neither the controller's state, the task table, the controller ghost nor the wakeup ghost names
 * a hart (the wakeup ghost forgets a woken task when any hart starts running it). So renaming the
 * harts of a state and of an event commutes with `step`, and every step property judges the
 * renamed step alike (they quantify over all harts or read the event's hart;
 * test/protocols/wakeup/engine/hartSymmetry.test.ts checks it on every reachable state). The §6
 * drain is not symmetric (a round-robin from hart 0 that puts an idle hart h on process h mod N),
 * so the leads-to check drains every member of an orbit (engine/explore/orbitDrain.ts).
 *
 * A renaming `g` moves hart h to hart g[h].
 */

import { permutations } from '../../../engine/explore/permutations.ts';
import type { Config } from '../../controller/model/config/config.ts';
import type { SystemEvent } from '../model/events.ts';
import type { HartState, SystemState } from '../model/state.ts';
import type { WakeupNode } from './wakeupJudge.ts';

/** A renaming of the harts: hart h becomes hart g[h]. */
export type HartRenaming = readonly number[];

/** The most renamings `--symmetry` tries per state (6 harts): the leads-to check drains every member. */
export const MAX_HART_RENAMINGS = 720;

/** Every renaming of the harts of `cfg` other than the identity. */
export function hartRenamings(cfg: Config): HartRenaming[] {
  return permutations(cfg.harts).filter((g) => g.some((to, h) => to !== h));
}

/** The number of renamings of the harts of `cfg`, the identity included (H!). */
export function hartRenamingCount(cfg: Config): number {
  let n = 1;
  for (let k = 2; k <= cfg.harts; k++) n *= k;
  return n;
}

/** `s` with hart h's executor moved to hart g[h]. */
export function renameSystemState(s: SystemState, g: HartRenaming): SystemState {
  const harts: HartState[] = s.harts.slice();
  s.harts.forEach((h, i) => {
    harts[g[i] ?? i] = h;
  });
  return { ctrl: s.ctrl, harts, tasks: s.tasks };
}

/** `e` with its hart (if it names one) renamed by g. */
export function renameSystemEvent(e: SystemEvent, g: HartRenaming): SystemEvent {
  switch (e.type) {
    case 'Irq':
    case 'StatusWrite':
    case 'Spawn':
      return e;
    case 'HartSwitch':
    case 'HartPark':
    case 'HartFetch':
    case 'HartPoll':
    case 'HartReturn':
      return { ...e, hart: g[e.hart] ?? e.hart };
  }
}

/** The node `n` of the model alone with its harts renamed by g (the ghosts name no hart). */
export function renameWakeupNode(n: WakeupNode, g: HartRenaming): WakeupNode {
  if (n.rt !== undefined)
    throw new Error('renameWakeupNode: a runtime has no renaming (the model alone only)');
  return {
    ...n,
    sys: renameSystemState(n.sys, g),
    shadow: n.shadow === undefined ? undefined : renameSystemState(n.shadow, g),
  };
}

/** The canonical key of a node's orbit: the least `key` over every renaming of its harts. */
export function canonicalWakeup(cfg: Config, key: (n: WakeupNode) => string): (n: WakeupNode) => string {
  const others = hartRenamings(cfg);
  return (n) => {
    let least = key(n);
    for (const g of others) {
      const k = key(renameWakeupNode(n, g));
      if (k < least) least = k;
    }
    return least;
  };
}
