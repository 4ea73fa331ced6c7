/**
 * A wakeup-system trace read for replay: the storm's events (states marked `drain` are the
 * drain's steps, which replay runs itself, so they are not events), with every recorded variable
 * checked: the controller's decoded, the system's shaped as the protocol writes them.
 */
import { within } from '../../../model/TraceError.ts';
import { checkShape } from '../../../traces/itfShape.ts';
import { type ItfTrace, type ParsedMeta, type StateVars, stormEvents } from '../../../traces/itfTrace.ts';
import type { ItfValue } from '../../../traces/itfValue.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { decodeControllerState, decodeObservation } from '../../controller/trace/controllerVars.ts';
import { traceConfig } from '../../controller/trace/readControllerTrace.ts';
import { initialSystem } from '../model/boot.ts';
import type { SystemEvent } from '../model/events.ts';
import { decodeSystemEvent, encodeSystemState } from './wakeupCodec.ts';

/** A wakeup-system trace ready for replay. */
export interface ParsedWakeupTrace {
  readonly file: string;
  readonly meta: ParsedMeta;
  readonly protocol: 'wakeup';
  readonly config: Config;
  readonly implementation: string;
  readonly events: readonly SystemEvent[];
  /** The recorded variables of state 0 and of the state after each storm event (drain states left out). */
  readonly recordedVars: readonly StateVars[];
}

/**
 * Checks the recorded variables a system's replay does not step through: the controller's
 * decoded, the system's own (`template`: the protocol's encoding of a state) shaped as the
 * protocol writes them, the observation one.
 */
export function checkSystemVars(
  itf: ItfTrace,
  cfg: Config,
  template: readonly (readonly [string, ItfValue])[],
): void {
  itf.vars.forEach((get, i) => {
    within(`state ${i}`, () => {
      decodeControllerState(cfg, get);
      for (const [name, t] of template) {
        const v = get(name);
        if (v !== undefined) checkShape(t, v, name);
      }
      const obs = get('obs');
      if (obs !== undefined) decodeObservation(obs, 'intcheck::obs');
    });
  });
}

/** The wakeup trace `itf` (read with `config` in place of `#meta.config` when given). */
export function readWakeupTrace(itf: ItfTrace, config?: Config): ParsedWakeupTrace {
  const cfg = config ?? traceConfig(itf);
  return within(itf.file, () => {
    checkSystemVars(itf, cfg, encodeSystemState(cfg, initialSystem(cfg)));
    const events = stormEvents(itf, (action, picks) => decodeSystemEvent(cfg, action, picks));
    const recordedVars = itf.vars.filter((_, i) => i === 0 || itf.drain[i] !== true);
    return {
      file: itf.file,
      meta: itf.meta,
      protocol: 'wakeup',
      config: cfg,
      implementation: itf.implementation,
      events,
      recordedVars,
    };
  });
}
