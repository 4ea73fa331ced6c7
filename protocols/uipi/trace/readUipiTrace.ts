import { within } from '../../../model/TraceError.ts';
import { type ItfTrace, metaConfig, type ParsedMeta, stormEvents } from '../../../traces/itfTrace.ts';
import type { UipiConfig } from '../model/config.ts';
import type { UipiEvent } from '../model/events.ts';
import { parseUipiConfig } from '../model/loadUipiConfig.ts';
import { decodeUipiEvent } from './uipiCodec.ts';

/** A UIPI trace ready for replay. */
export interface ParsedUipiTrace {
  readonly file: string;
  readonly meta: ParsedMeta;
  readonly protocol: 'uipi';
  readonly config: UipiConfig;
  readonly implementation: string;
  readonly events: readonly UipiEvent[];
}

/** The UIPI trace `itf` (read with `config` in place of `#meta.config` when given). */
export function readUipiTrace(itf: ItfTrace, config?: UipiConfig): ParsedUipiTrace {
  return within(itf.file, () => {
    const cfg = config ?? metaConfig(itf, (json) => parseUipiConfig(json));
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
