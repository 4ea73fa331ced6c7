/**
 * Reading a trace file for replay: checks that it is JSON and ITF, finds the protocol,
 * configuration and implementation in `#meta`, and rebuilds the event list from Quint's
 * `mbt::actionTaken` / `mbt::nondetPicks`. Variable names are matched on their unqualified name
 * (`ctrl::ready` is `ready`). Every problem is a one-line {@link TraceError} naming the file.
 * A trace from another tool (`quint run --mbt --out-itf`) has no intcheck `#meta`: its protocol
 * is then read from its variables (a `harts` variable means the wakeup system) and its
 * configuration may be given by the caller (`ReadOptions.config`, the CLI's `--preset`).
 */
import { readFileSync } from 'node:fs';
import { PROTOCOLS } from '../engine/property.ts';
import { type ItfValue, itfFromJson } from '../traces/itfValue.ts';
import { TraceError, within } from '../traces/TraceError.ts';
import type { Config } from './controller/model/config/config.ts';
import { ConfigError, parseConfig } from './controller/model/config/loadConfig.ts';
import type { ControllerEvent } from './controller/model/events.ts';
import type { Observation } from './controller/model/result.ts';
import type { ControllerState } from './controller/model/state.ts';
import { decodeControllerState, decodeObservation } from './controller/trace/controllerVars.ts';
import { decodeEvent } from './controller/trace/eventCodec.ts';
import type { SyscallEvent } from './syscall/model/events.ts';
import { decodeSyscallEvent } from './syscall/trace/syscallCodec.ts';
import type { UipiConfig } from './uipi/model/config.ts';
import type { UipiEvent } from './uipi/model/events.ts';
import { parseUipiConfig } from './uipi/model/loadUipiConfig.ts';
import { decodeUipiEvent } from './uipi/trace/uipiCodec.ts';
import type { SystemEvent } from './wakeup/model/events.ts';
import { decodeSystemEvent } from './wakeup/trace/wakeupCodec.ts';

/** The provenance fields of `#meta` that intcheck understands (each absent when missing or mistyped). */
export interface ParsedMeta {
  readonly source?: string;
  readonly version?: string;
  readonly property?: string;
  readonly message?: string;
  readonly failingStep?: number;
  readonly seed?: number;
  readonly path?: string;
  readonly explorer?: boolean;
  readonly depth?: number;
  readonly note?: string;
}

/** One recorded state's variables, looked up by unqualified name (undefined when absent). */
export type StateVars = (name: string) => ItfValue | undefined;

/** What the caller knows about a trace beyond its file. */
export interface ReadOptions {
  /** The configuration to read the trace with, in place of `#meta.config` (or the default when it has none). */
  readonly config?: Config;
}

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

/**
 * A wakeup-system trace ready for replay: the storm's events (states marked `drain` in their
 * `#meta` are the drain's steps, which replay runs itself, so they are not events).
 */
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

/** A UIPI trace ready for replay: the storm's events (drain steps are re-run by replay, not read). */
export interface ParsedUipiTrace {
  readonly file: string;
  readonly meta: ParsedMeta;
  readonly protocol: 'uipi';
  readonly config: UipiConfig;
  readonly implementation: string;
  readonly events: readonly UipiEvent[];
}

/** A syscall-system trace ready for replay: the storm's events (drain steps are replayed by the runner). */
export interface ParsedSyscallTrace {
  readonly file: string;
  readonly meta: ParsedMeta;
  readonly protocol: 'syscall';
  readonly config: Config;
  readonly implementation: string;
  readonly events: readonly SyscallEvent[];
}

/** A trace of any protocol intcheck replays. */
export type ParsedTrace = ParsedControllerTrace | ParsedWakeupTrace | ParsedSyscallTrace | ParsedUipiTrace;

/** Reads and validates the trace file at `path`. */
export function readTrace(path: string, opts: ReadOptions = {}): ParsedTrace {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new TraceError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseTrace(text, path, opts);
}

/** Validates trace text; `file` names it in messages. */
export function parseTrace(text: string, file: string, opts: ReadOptions = {}): ParsedTrace {
  return within(file, () => {
    try {
      return parse(text, file, opts);
    } catch (e) {
      if (e instanceof RangeError) throw new TraceError('values nested too deeply');
      throw e;
    }
  });
}

type Obj = Readonly<Record<string, unknown>>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

function parse(text: string, file: string, opts: ReadOptions): ParsedTrace {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new TraceError(`not JSON (${e instanceof Error ? e.message.split('\n')[0] : 'parse error'})`);
  }
  if (!isObj(json)) throw new TraceError('not ITF (not a JSON object)');
  const states = json.states;
  if (!Array.isArray(states)) throw new TraceError('not ITF (no "states" array)');
  if (states.length === 0) throw new TraceError('not ITF ("states" is empty: no initial state)');
  const rawMeta = json['#meta'] ?? {};
  if (!isObj(rawMeta)) throw new TraceError('not ITF ("#meta" is not an object)');
  const vars = states.map((s, i) => within(`state ${i}`, () => stateVars(s)));
  const protocol = parseProtocol(rawMeta.protocol, vars[0]);
  const implementation = typeof rawMeta.implementation === 'string' ? rawMeta.implementation : 'reference';
  if (protocol === 'uipi') {
    const cfg = within('#meta', () => parseTraceUipiConfig(rawMeta.config));
    const events: UipiEvent[] = [];
    vars.forEach((get, i) => {
      if (i === 0 || isDrainStep(states[i])) return;
      events.push(within(`state ${i}`, () => uipiEvent(cfg, get)));
    });
    return { file, meta: parseMeta(rawMeta), protocol, config: cfg, implementation, events };
  }
  const config = opts.config ?? within('#meta', () => parseTraceConfig(rawMeta.config));
  if (protocol === 'syscall') {
    const events: SyscallEvent[] = [];
    vars.forEach((get, i) => {
      if (i === 0 || isDrainStep(states[i])) return;
      events.push(within(`state ${i}`, () => syscallEventOf(config, get)));
    });
    return { file, meta: parseMeta(rawMeta), protocol, config, implementation, events };
  }
  if (protocol === 'wakeup') {
    const events: SystemEvent[] = [];
    const recordedVars: StateVars[] = [];
    vars.forEach((get, i) => {
      if (i > 0 && isDrainStep(states[i])) return;
      recordedVars.push(get);
      if (i > 0) events.push(within(`state ${i}`, () => systemEvent(config, get)));
    });
    return { file, meta: parseMeta(rawMeta), protocol, config, implementation, events, recordedVars };
  }
  const events = vars.slice(1).map((get, i) => within(`state ${i + 1}`, () => stepEvent(config, get)));
  return {
    file,
    meta: parseMeta(rawMeta),
    protocol,
    config,
    implementation,
    events,
    states: vars.map((get, i) => within(`state ${i}`, () => decodeControllerState(config, get))),
    observations: vars.map((get, i) =>
      within(`state ${i}`, () => {
        const obs = get('obs');
        return obs === undefined ? null : decodeObservation(obs, 'intcheck::obs');
      }),
    ),
    recordedVars: vars,
  };
}

/** The protocol `#meta` names; without one, the wakeup system when state 0 has `harts`, else the controller. */
function parseProtocol(
  p: unknown,
  initial: StateVars | undefined,
): 'controller' | 'wakeup' | 'syscall' | 'uipi' {
  if (p === undefined) return initial?.('harts') === undefined ? 'controller' : 'wakeup';
  const known = PROTOCOLS.find((x) => x === p);
  if (known === undefined) throw new TraceError(`unknown protocol ${JSON.stringify(p)}`);
  if (known !== 'controller' && known !== 'wakeup' && known !== 'syscall' && known !== 'uipi') {
    throw new TraceError(`protocol "${known}": its traces cannot be replayed yet`);
  }
  return known;
}

/** Whether a raw ITF state is marked as a step of the drain (`#meta.phase`). */
function isDrainStep(s: unknown): boolean {
  return isObj(s) && isObj(s['#meta']) && s['#meta'].phase === 'drain';
}

function systemEvent(cfg: Config, get: (name: string) => ItfValue | undefined): SystemEvent {
  const action = get('actionTaken');
  if (action === undefined) throw new TraceError('no "mbt::actionTaken"');
  if (action.kind !== 'str') throw new TraceError('"mbt::actionTaken" is not a string');
  return decodeSystemEvent(cfg, action.value, get('nondetPicks'));
}

function uipiEvent(cfg: UipiConfig, get: (name: string) => ItfValue | undefined): UipiEvent {
  const action = get('actionTaken');
  if (action === undefined) throw new TraceError('no "mbt::actionTaken"');
  if (action.kind !== 'str') throw new TraceError('"mbt::actionTaken" is not a string');
  return decodeUipiEvent(cfg, action.value, get('nondetPicks'));
}

function parseTraceUipiConfig(c: unknown): UipiConfig {
  try {
    return parseUipiConfig(c ?? {});
  } catch (e) {
    if (e instanceof ConfigError) throw new TraceError(e.message);
    throw e;
  }
}

function syscallEventOf(cfg: Config, get: (name: string) => ItfValue | undefined): SyscallEvent {
  const action = get('actionTaken');
  if (action === undefined) throw new TraceError('no "mbt::actionTaken"');
  if (action.kind !== 'str') throw new TraceError('"mbt::actionTaken" is not a string');
  return decodeSyscallEvent(cfg, action.value, get('nondetPicks'));
}

function parseTraceConfig(c: unknown): Config {
  try {
    return parseConfig(c ?? {});
  } catch (e) {
    if (e instanceof ConfigError) throw new TraceError(e.message);
    throw e;
  }
}

/** A lookup of one state's variables by unqualified name, each decoded on first use. */
function stateVars(s: unknown): StateVars {
  if (!isObj(s)) throw new TraceError('not an object');
  const raw = new Map<string, { key: string; json: unknown }>();
  for (const [key, json] of Object.entries(s)) {
    if (key.startsWith('#') || key.startsWith('__')) continue;
    const at = key.lastIndexOf('::');
    const name = at < 0 ? key : key.slice(at + 2);
    if (!raw.has(name)) raw.set(name, { key, json });
  }
  const decoded = new Map<string, ItfValue>();
  return (name) => {
    const hit = decoded.get(name);
    if (hit !== undefined) return hit;
    const r = raw.get(name);
    if (r === undefined) return undefined;
    const v = itfFromJson(r.json, r.key);
    decoded.set(name, v);
    return v;
  };
}

function stepEvent(cfg: Config, get: (name: string) => ItfValue | undefined): ControllerEvent {
  const action = get('actionTaken');
  if (action === undefined) throw new TraceError('no "mbt::actionTaken"');
  if (action.kind !== 'str') throw new TraceError('"mbt::actionTaken" is not a string');
  return decodeEvent(cfg, action.value, get('nondetPicks'));
}

function parseMeta(m: Obj): ParsedMeta {
  const str = (k: string): string | undefined => {
    const v = m[k];
    return typeof v === 'string' ? v : undefined;
  };
  const int = (k: string): number | undefined => {
    const v = m[k];
    return typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined;
  };
  const fields: [keyof ParsedMeta, string | number | boolean | undefined][] = [
    ['source', str('source')],
    ['version', str('version')],
    ['property', str('property')],
    ['message', str('message')],
    ['failingStep', int('failingStep')],
    ['seed', int('seed')],
    ['path', str('path')],
    ['explorer', m.explorer === true ? true : undefined],
    ['depth', int('depth')],
    ['note', str('note')],
  ];
  return Object.fromEntries(fields.filter(([, v]) => v !== undefined)) as ParsedMeta;
}

/** `parsed` as a controller trace, or a {@link TraceError} saying which protocol it is instead. */
export function asControllerTrace(parsed: ParsedTrace): ParsedControllerTrace {
  if (parsed.protocol !== 'controller') {
    throw new TraceError(`${parsed.file}: a ${parsed.protocol} trace, not a controller trace`);
  }
  return parsed;
}
