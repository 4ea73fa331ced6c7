/** Syscall configurations the symmetry, graph-engine and parallel tests share. */
import type { Config } from '../../protocols/controller/model/config/config.ts';
import { presetOf } from './presetOf.ts';

const preset = (name: string): Config => presetOf('syscall', name);

/** Two system-call dispatchers (interchangeable) and one caller: 15,812 states, 8,512 orbits of the dispatchers, 4,256 with ring rotations. */
export const TWO_DISPATCHERS: Config = preset('dispatchers');

/** Two callers on a two-slot ring (not interchangeable: `Wake` tells them apart), one dispatcher. */
export const TWO_CALLERS: Config = {
  ...preset('spec-small'),
  capacity: 3,
  dispatchers: 1,
  priorities: 1,
  devices: 1,
  pendingMax: 1,
};

/**
 * Two system-call dispatchers (interchangeable) and one caller on a two-slot ring: both the
 * dispatcher renamings and the ring's four rotations (40,600 states, 5,378 orbits).
 */
export const ROTATING_DISPATCHERS: Config = {
  ...preset('spec-small'),
  capacity: 2,
  dispatchers: 2,
  priorities: 1,
  devices: 1,
  pendingMax: 1,
};
