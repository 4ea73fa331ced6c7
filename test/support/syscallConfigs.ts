/** Syscall configurations the symmetry and graph-engine tests share. */
import { type Config, SMALL } from '../../protocols/controller/model/config/config.ts';

/** Two system-call dispatchers (interchangeable) and one caller: 15,812 states, 8,512 orbits. */
export const TWO_DISPATCHERS: Config = {
  ...SMALL,
  ringSlots: 1,
  capacity: 2,
  dispatchers: 2,
  priorities: 1,
  devices: 1,
  pendingMax: 1,
};
