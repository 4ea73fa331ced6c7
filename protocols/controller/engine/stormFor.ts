/**
 * The storms and the explorer alphabet of a design: a named profile's (ControllerImpl.profiles,
 * `--profile NAME`), else the design's own, else the reference's (controllerStorm,
 * controllerAlphabet); and a profile's condition on the state in which it makes an event.
 */
import type fc from 'fast-check';
import type { ControllerDevice, ControllerImpl, StormOptions, StormProfile } from '../designs/device.ts';
import type { Config } from '../model/config/config.ts';
import { controllerStorm } from '../model/controllerEvent.ts';
import type { ControllerEvent } from '../model/events.ts';
import { controllerAlphabet } from './controllerAlphabet.ts';

/** The profile `name` of `impl`; throws when it has none by that name (the command line checks first). */
function profileOf(impl: ControllerImpl | undefined, name: string): StormProfile {
  const p = impl?.profiles?.[name];
  if (p === undefined) throw new Error(`${impl?.name ?? 'the model'} has no storm profile "${name}"`);
  return p;
}

export function stormFor(
  impl: ControllerImpl | undefined,
  profile: string | undefined,
  cfg: Config,
  opts: StormOptions,
): fc.Arbitrary<ControllerEvent[]> {
  if (profile !== undefined) return profileOf(impl, profile).storm(cfg, opts);
  return impl?.storm?.(cfg, opts) ?? controllerStorm(cfg, opts);
}

export function alphabetFor(
  impl: ControllerImpl | undefined,
  profile: string | undefined,
  cfg: Config,
): readonly ControllerEvent[] {
  if (profile !== undefined) return profileOf(impl, profile).alphabet(cfg);
  return impl?.alphabet?.(cfg) ?? controllerAlphabet(cfg);
}

/** The state condition of profile `name` on the events it makes (StormProfile.enabled), if it has one. */
export function enabledFor(
  impl: ControllerImpl | undefined,
  profile: string | undefined,
): ((cfg: Config, device: ControllerDevice, e: ControllerEvent) => boolean) | undefined {
  return profile === undefined ? undefined : profileOf(impl, profile).enabled;
}
