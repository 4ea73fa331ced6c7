/**
 * Writing traces: `traceToJson` is the pure, deterministic ITF text of a trace (fixed key order,
 * two-space indentation, final newline, no timestamps), and `writeTrace` puts it on disk
 * atomically so a crash or a parallel reader never sees half a file.
 */
import { itfToJson, type Json } from './itfValue.ts';
import { jsonText } from './jsonText.ts';
import { TOOL_VERSION } from './toolVersion.ts';
import {
  ACTION_VAR,
  ITF_FORMAT_DESCRIPTION,
  OBS_VAR,
  PICKS_VAR,
  type Trace,
  type TraceMeta,
} from './trace.ts';
import { writeTextAtomic } from './writeTextAtomic.ts';

/** `#meta` in its fixed key order; optional fields only when set. */
function metaJson(m: TraceMeta): Json {
  const out: Record<string, Json> = {
    format: 'ITF',
    'format-description': ITF_FORMAT_DESCRIPTION,
    source: 'intcheck',
    version: TOOL_VERSION,
    protocol: m.protocol,
    implementation: m.implementation,
    config: m.config,
  };
  if (m.property !== undefined) out.property = m.property;
  if (m.message !== undefined) out.message = m.message;
  if (m.failingStep !== undefined) out.failingStep = m.failingStep;
  if (m.seed !== undefined) out.seed = m.seed;
  if (m.path !== undefined) out.path = m.path;
  if (m.explorer === true) out.explorer = true;
  if (m.depth !== undefined) out.depth = m.depth;
  if (m.note !== undefined) out.note = m.note;
  return out;
}

/** The ITF text of `trace`: the same trace always gives the same bytes. */
export function traceToJson(trace: Trace): string {
  const states = trace.states.map((s, index) => {
    const out: Record<string, Json> = {
      '#meta': s.phase === undefined ? { index } : { index, phase: s.phase },
    };
    for (const [name, v] of s.vars) out[name] = itfToJson(v);
    out[OBS_VAR] = itfToJson(s.obs);
    out[ACTION_VAR] = s.action;
    out[PICKS_VAR] = itfToJson(s.picks);
    return out;
  });
  return jsonText({
    '#meta': metaJson(trace.meta),
    vars: [...trace.vars, OBS_VAR, ACTION_VAR, PICKS_VAR],
    states,
  });
}

/**
 * Writes `trace` to `path` atomically (writeTextAtomic.ts): a crash or a parallel reader never
 * sees half a file. Missing parent directories are created.
 */
export function writeTrace(path: string, trace: Trace): void {
  writeTextAtomic(path, traceToJson(trace));
}
