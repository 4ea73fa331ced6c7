/**
 * Reading a trace file for replay: checks that it is JSON and ITF, finds the protocol,
 * configuration and implementation in `#meta`, and rebuilds the event list from Quint's
 * `mbt::actionTaken` / `mbt::nondetPicks`. Variable names are matched on their unqualified name
 * (`ctrl::ready` is `ready`). Every problem is a one-line {@link TraceError} naming the file.
 * A trace from another tool (`quint run --mbt --out-itf`) has no intcheck `#meta`: its protocol
 * is then read from its variables (a `harts` variable means the wakeup system) and its
 * configuration may be given by the caller (`ReadOptions.config`, the CLI's `--preset`); a trace
 * that names no protocol and holds none of a protocol's variables is refused, not taken for an
 * empty controller run. Every variable of every state is decoded when the file is read, used or
 * not, and every `#meta` field intcheck knows must have its type: a damaged trace never replays
 * as a pass.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '../model/configFile.ts';
import { TraceError, within } from '../model/TraceError.ts';
import type { Config } from '../protocols/controller/model/config/config.ts';
import { parseConfig } from '../protocols/controller/model/config/loadConfig.ts';
import type { ControllerEvent } from '../protocols/controller/model/events.ts';
import type { Observation } from '../protocols/controller/model/result.ts';
import type { ControllerState } from '../protocols/controller/model/state.ts';
import {
  CONTROLLER_VARS,
  decodeControllerState,
  decodeObservation,
} from '../protocols/controller/trace/controllerVars.ts';
import { decodeEvent } from '../protocols/controller/trace/eventCodec.ts';
import { initialSyscall } from '../protocols/syscall/model/boot.ts';
import type { SyscallEvent } from '../protocols/syscall/model/events.ts';
import { decodeSyscallEvent, encodeSyscallState } from '../protocols/syscall/trace/syscallCodec.ts';
import type { UipiConfig } from '../protocols/uipi/model/config.ts';
import type { UipiEvent } from '../protocols/uipi/model/events.ts';
import { parseUipiConfig } from '../protocols/uipi/model/loadUipiConfig.ts';
import { decodeUipiEvent } from '../protocols/uipi/trace/uipiCodec.ts';
import { initialSystem } from '../protocols/wakeup/model/boot.ts';
import type { SystemEvent } from '../protocols/wakeup/model/events.ts';
import { decodeSystemEvent, encodeSystemState } from '../protocols/wakeup/trace/wakeupCodec.ts';
import { checkShape } from './itfShape.ts';
import { type ItfValue, itfFromJson } from './itfValue.ts';
import { TOOL_VERSION } from './toolVersion.ts';
import { TRACE_FORMAT_VERSION } from './trace.ts';

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
  const listed = json.vars;
  if (listed !== undefined && !(Array.isArray(listed) && listed.every((v) => typeof v === 'string'))) {
    throw new TraceError('not ITF ("vars" is not a list of names)');
  }
  within('#meta', () => checkFormatVersion(rawMeta));
  const vars = states.map((s, i) => within(`state ${i}`, () => stateVars(s)));
  const protocol = parseProtocol(rawMeta.protocol, vars[0]);
  const implementation = within('#meta', () => optionalString(rawMeta, 'implementation') ?? 'reference');
  const meta = within('#meta', () => parseMeta(rawMeta));
  if (protocol === 'uipi') {
    const cfg = within('#meta', () => parseTraceUipiConfig(rawMeta.config));
    const events: UipiEvent[] = [];
    vars.forEach((get, i) => {
      if (i === 0 || isDrainStep(states[i])) return;
      events.push(within(`state ${i}`, () => uipiEvent(cfg, get)));
    });
    return { file, meta, protocol, config: cfg, implementation, events };
  }
  const config = opts.config ?? within('#meta', () => parseTraceConfig(rawMeta.config));
  if (protocol === 'syscall' || protocol === 'wakeup') checkSystemVars(protocol, config, vars);
  if (protocol === 'syscall') {
    const events: SyscallEvent[] = [];
    vars.forEach((get, i) => {
      if (i === 0 || isDrainStep(states[i])) return;
      events.push(within(`state ${i}`, () => syscallEventOf(config, get)));
    });
    return { file, meta, protocol, config, implementation, events };
  }
  if (protocol === 'wakeup') {
    const events: SystemEvent[] = [];
    const recordedVars: StateVars[] = [];
    vars.forEach((get, i) => {
      if (i > 0 && isDrainStep(states[i])) return;
      recordedVars.push(get);
      if (i > 0) events.push(within(`state ${i}`, () => systemEvent(config, get)));
    });
    return { file, meta, protocol, config, implementation, events, recordedVars };
  }
  const events = vars.slice(1).map((get, i) => within(`state ${i + 1}`, () => stepEvent(config, get)));
  return {
    file,
    meta,
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

/**
 * Refuses a trace of another format version than this reader's (`#meta.formatVersion`; none:
 * format 1, the format of every trace written before the field existed), naming both and the
 * intcheck that wrote it, before anything else of it is decoded.
 */
function checkFormatVersion(m: Obj): void {
  const v = m.formatVersion ?? 1;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
    throw new TraceError('"formatVersion" is not a whole number ≥ 1');
  }
  if (v === TRACE_FORMAT_VERSION) return;
  const writer = typeof m.version === 'string' ? `intcheck ${m.version}` : 'another intcheck';
  throw new TraceError(
    `trace format version ${v} (written by ${writer}), but intcheck ${TOOL_VERSION} reads trace format version ${TRACE_FORMAT_VERSION}`,
  );
}

/** The protocols whose traces this reader decodes (each one's codec is in protocols/<name>/trace/). */
const TRACE_PROTOCOLS = ['controller', 'wakeup', 'syscall', 'uipi'] as const;

/**
 * The protocol `#meta` names; without one, the wakeup system when state 0 has `harts`, the
 * controller when it has one of the controller's variables, and otherwise none: refused.
 */
function parseProtocol(
  p: unknown,
  initial: StateVars | undefined,
): 'controller' | 'wakeup' | 'syscall' | 'uipi' {
  if (p === undefined) {
    if (initial?.('harts') !== undefined) return 'wakeup';
    if (CONTROLLER_VARS.some((v) => initial?.(v) !== undefined)) return 'controller';
    throw new TraceError(
      `names no protocol ("#meta.protocol") and its initial state holds none of a protocol's variables (the controller's ${CONTROLLER_VARS.join(', ')}; the wakeup system's harts)`,
    );
  }
  const known = TRACE_PROTOCOLS.find((x) => x === p);
  if (known === undefined) throw new TraceError(`unknown protocol ${JSON.stringify(p)}`);
  if (known !== 'controller' && known !== 'wakeup' && known !== 'syscall' && known !== 'uipi') {
    throw new TraceError(`protocol "${known}": its traces cannot be replayed yet`);
  }
  return known;
}

/**
 * The recorded variables of a wakeup or syscall trace, which its replay does not step through:
 * the controller's are decoded, the system's own must be shaped as the protocol writes them, and
 * the observation must be one.
 */
function checkSystemVars(protocol: 'wakeup' | 'syscall', cfg: Config, vars: readonly StateVars[]): void {
  const template =
    protocol === 'wakeup'
      ? encodeSystemState(cfg, initialSystem(cfg))
      : encodeSyscallState(cfg, initialSyscall(cfg));
  vars.forEach((get, i) => {
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

/** A lookup of one state's variables by unqualified name; every variable is decoded here, used or not. */
function stateVars(s: unknown): StateVars {
  if (!isObj(s)) throw new TraceError('not an object');
  const decoded = new Map<string, ItfValue>();
  for (const [key, json] of Object.entries(s)) {
    if (key.startsWith('#') || key.startsWith('__')) continue;
    const at = key.lastIndexOf('::');
    const name = at < 0 ? key : key.slice(at + 2);
    const v = itfFromJson(json, key);
    if (!decoded.has(name)) decoded.set(name, v);
  }
  return (name) => decoded.get(name);
}

/** `m[k]` when it is a string, undefined when absent; a {@link TraceError} when it is anything else. */
function optionalString(m: Obj, k: string): string | undefined {
  const v = m[k];
  if (v === undefined || typeof v === 'string') return v;
  throw new TraceError(`"${k}" is not a string`);
}

function stepEvent(cfg: Config, get: (name: string) => ItfValue | undefined): ControllerEvent {
  const action = get('actionTaken');
  if (action === undefined) throw new TraceError('no "mbt::actionTaken"');
  if (action.kind !== 'str') throw new TraceError('"mbt::actionTaken" is not a string');
  return decodeEvent(cfg, action.value, get('nondetPicks'));
}

/** The `#meta` fields intcheck knows; one present with the wrong type is a {@link TraceError}. */
function parseMeta(m: Obj): ParsedMeta {
  const str = (k: string): string | undefined => optionalString(m, k);
  const int = (k: string): number | undefined => {
    const v = m[k];
    if (v === undefined || (typeof v === 'number' && Number.isSafeInteger(v))) return v;
    throw new TraceError(`"${k}" is not a whole number`);
  };
  if (m.explorer !== undefined && typeof m.explorer !== 'boolean') {
    throw new TraceError('"explorer" is not true or false');
  }
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
