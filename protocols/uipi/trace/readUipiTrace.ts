import { TraceError, within } from '../../../model/TraceError.ts';
import { checkShape } from '../../../traces/itfShape.ts';
import { type ItfTrace, metaConfig, type ParsedMeta, stormEvents } from '../../../traces/itfTrace.ts';
import type { ItfValue } from '../../../traces/itfValue.ts';
import type { UipiConfig } from '../model/config.ts';
import type { UipiEvent } from '../model/events.ts';
import { parseUipiConfig } from '../model/loadUipiConfig.ts';
import { initialUipi } from '../model/state.ts';
import { decodeUipiEvent, encodeUipiState } from './uipiCodec.ts';

/** A UIPI trace ready for replay. */
export interface ParsedUipiTrace {
  readonly file: string;
  readonly meta: ParsedMeta;
  readonly protocol: 'uipi';
  readonly config: UipiConfig;
  readonly implementation: string;
  readonly events: readonly UipiEvent[];
}

/**
 * The recorded variables replay does not step through must still be shaped as a UIPI trace
 * writes them (`template`: the encoding of a state), and the observation must be ack or rejected: a
 * damaged trace is refused, never replayed as a verdict.
 */
function checkUipiVars(itf: ItfTrace, template: readonly (readonly [string, ItfValue])[]): void {
  itf.vars.forEach((get, i) => {
    within(`state ${i}`, () => {
      for (const [name, t] of template) {
        const v = get(name);
        if (v !== undefined) checkShape(t, v, name);
      }
      const obs = get('obs');
      if (obs !== undefined && !(obs.kind === 'variant' && (obs.tag === 'ack' || obs.tag === 'rejected')))
        throw new TraceError('"intcheck::obs" is neither ack nor rejected');
    });
  });
}

/** The UIPI trace `itf` (read with `config` in place of `#meta.config` when given). */
export function readUipiTrace(itf: ItfTrace, config?: UipiConfig): ParsedUipiTrace {
  return within(itf.file, () => {
    const cfg = config ?? metaConfig(itf, (json) => parseUipiConfig(json));
    checkUipiVars(itf, encodeUipiState(initialUipi(cfg)));
    const events = stormEvents(itf, (action, picks) => decodeUipiEvent(cfg, action, picks));
    return {
      file: itf.file,
      meta: itf.meta,
      protocol: 'uipi',
      config: cfg,
      implementation: itf.implementation,
      events,
    };
  });
}
