/** An exploration preset the tests name, which must exist (engine/explore/explorePresets.ts). */
import { explorePreset } from '../../engine/explore/explorePresets.ts';
import type { Config } from '../../protocols/controller/model/config/config.ts';

/** The exploration preset `name` of `protocol`; a test naming one that does not exist fails at once. */
export function presetOf(protocol: string, name: string): Config {
  const cfg = explorePreset(protocol, name);
  if (cfg === undefined) throw new Error(`no ${protocol} exploration preset ${name}`);
  return cfg;
}
