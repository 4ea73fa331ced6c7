import { TraceError, within } from '../../../model/TraceError.ts';
import { checkShape } from '../../../traces/itfShape.ts';
import {
  actionOf,
  type ItfTrace,
  metaConfig,
  type ParsedMeta,
  type StateVars,
} from '../../../traces/itfTrace.ts';
import type { ItfValue } from '../../../traces/itfValue.ts';
import { findControllerImpl } from '../designs/registry.ts';
import type { Config } from '../model/config/config.ts';
import { parseConfig } from '../model/config/loadConfig.ts';
import type { ControllerEvent } from '../model/events.ts';
import type { Observation } from '../model/result.ts';
import type { ControllerState } from '../model/state.ts';
import { decodeControllerState, decodeObservation, encodeDesignValue } from './controllerVars.ts';
import { decodeEvent } from './eventCodec.ts';

/** A controller trace ready for replay. `states`/`observations` are the recorded ones, for display only. */
export interface ParsedControllerTrace {
  /** The file name as given, used in messages. */
  readonly file: string;
  readonly meta: ParsedMeta;
  readonly protocol: 'controller';
  readonly config: Config;
  /** The implementation `#meta` names; "reference" when it names none. */
  readonly implementation: string;
  /** The events of states 1…n (state 0 is the initial state). */
  readonly events: readonly ControllerEvent[];
  /** Decoded state variables of each state, null where the trace does not carry them. */
  readonly states: readonly (ControllerState | null)[];
  /** What each state's step observed, null where not recorded (and for state 0). */
  readonly observations: readonly (Observation | null)[];
  /** The recorded variables of state 0 and of the state after each event. */
  readonly recordedVars: readonly StateVars[];
}

/** The configuration `#meta.config` records (missing fields take the published values). */
export function traceConfig(itf: ItfTrace): Config {
  return within(itf.file, () => metaConfig(itf, (json) => parseConfig(json)));
}

/**
 * A controller trace's `intcheck::design` (the design's own state beside abs(), for a design
 * that shows it): every state that has it must be shaped as the named implementation writes it at
 * reset; a trace of an implementation that shows none may not have it.
 */
function checkDesignVars(cfg: Config, implementation: string, vars: readonly StateVars[]): void {
  if (!vars.some((get) => get('design') !== undefined)) return;
  const template = designTemplate(cfg, implementation);
  vars.forEach((get, i) => {
    const v = get('design');
    if (v === undefined) return;
    within(`state ${i}`, () => {
      if (template === undefined)
        throw new TraceError(`intcheck::design: implementation "${implementation}" shows no design state`);
      checkShape(template, v, 'intcheck::design');
    });
  });
}

/** `implementation`'s design state at reset as ITF, or undefined when it shows none (or is unknown). */
function designTemplate(cfg: Config, implementation: string): ItfValue | undefined {
  const impl = findControllerImpl(implementation);
  if (impl === undefined || (impl.configError?.(cfg) ?? null) !== null) return undefined;
  const d = impl.create(cfg).designState?.();
  return d === undefined ? undefined : encodeDesignValue(d);
}

/** The controller trace `itf` (read with `config` in place of `#meta.config` when given). */
export function readControllerTrace(itf: ItfTrace, config?: Config): ParsedControllerTrace {
  const cfg = config ?? traceConfig(itf);
  within(itf.file, () => checkDesignVars(cfg, itf.implementation, itf.vars));
  return within(itf.file, () => ({
    file: itf.file,
    meta: itf.meta,
    protocol: 'controller',
    config: cfg,
    implementation: itf.implementation,
    events: itf.vars.slice(1).map((get, i) =>
      within(`state ${i + 1}`, () => {
        const { action, picks } = actionOf(get);
        return decodeEvent(cfg, action, picks);
      }),
    ),
    states: itf.vars.map((get, i) => within(`state ${i}`, () => decodeControllerState(cfg, get))),
    observations: itf.vars.map((get, i) =>
      within(`state ${i}`, () => {
        const obs = get('obs');
        return obs === undefined ? null : decodeObservation(obs, 'intcheck::obs');
      }),
    ),
    recordedVars: itf.vars,
  }));
}
