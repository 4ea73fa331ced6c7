/** Syscall configurations the symmetry, graph-engine and parallel tests share. */
import { explorePreset } from '../../engine/explore/explorePresets.ts';
import type { Config } from '../../protocols/controller/model/config/config.ts';

function preset(name: string): Config {
  const cfg = explorePreset('syscall', name);
  if (cfg === undefined) throw new Error(`no syscall exploration preset ${name}`);
  return cfg;
}

/** Two system-call dispatchers (interchangeable) and one caller: 15,812 states, 8,512 orbits. */
export const TWO_DISPATCHERS: Config = preset('dispatchers');
