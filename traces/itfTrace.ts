/**
 * Reading an ITF trace file, whatever its protocol: it must be JSON and ITF (`states`, a
 * non-empty array of objects; `#meta` an object; `vars` a list of names), every variable value
 * well formed (decoded here, used or not), and the `#meta` fields intcheck knows well typed.
 * Variable names are matched on their unqualified name (`ctrl::ready` is `ready`). Every problem
 * is a one-line {@link TraceError} naming the file and the place. The protocol's own reader
 * (protocols/<name>/trace/) turns the result into its events and states.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '../model/configFile.ts';
import { TraceError, within } from '../model/TraceError.ts';
import { type ItfValue, itfFromJson } from './itfValue.ts';
import type { TraceMeta } from './trace.ts';

/**
 * The provenance fields of `#meta` that intcheck understands (each absent when missing): those a
 * trace is written with (traces/trace.ts), plus the writer's `source` and `version`.
 */
export type ParsedMeta = Partial<
  Pick<TraceMeta, 'property' | 'message' | 'failingStep' | 'seed' | 'path' | 'explorer' | 'depth' | 'note'>
> & {
  readonly source?: string;
  readonly version?: string;
};

/** One recorded state's variables, looked up by unqualified name (undefined when absent). */
export type StateVars = (name: string) => ItfValue | undefined;

/** An ITF trace, checked to be well formed, before its protocol reads it. */
export interface ItfTrace {
  /** The file name as given, used in messages. */
  readonly file: string;
  readonly meta: ParsedMeta;
  /** `#meta` as written (a protocol reads its own fields: `config`). */
  readonly rawMeta: Readonly<Record<string, unknown>>;
  /** `#meta.protocol`, when the trace names one. */
  readonly protocol: string | undefined;
  /** The implementation `#meta` names; "reference" when it names none. */
  readonly implementation: string;
  /** Each state's variables, state 0 first. */
  readonly vars: readonly StateVars[];
  /** Whether state `i` is a step of the drain after a storm (`#meta.phase`), which replay runs itself. */
  readonly drain: readonly boolean[];
}

/** The header every protocol's parsed trace has (what replay reports print first). */
export interface TraceHeader {
  readonly file: string;
  readonly meta: ParsedMeta;
  readonly protocol: string;
  readonly implementation: string;
  readonly events: readonly unknown[];
}

/** Reads the trace file at `path` (see above). */
export function readItf(path: string): ItfTrace {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new TraceError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseItf(text, path);
}

/** Checks trace text (see above); `file` names it in messages. */
export function parseItf(text: string, file: string): ItfTrace {
  return within(file, () => {
    try {
      return parse(text, file);
    } catch (e) {
      if (e instanceof RangeError) throw new TraceError('values nested too deeply');
      throw e;
    }
  });
}

type Obj = Readonly<Record<string, unknown>>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

function parse(text: string, file: string): ItfTrace {
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
  const vars = states.map((s, i) => within(`state ${i}`, () => stateVars(s)));
  return within('#meta', () => ({
    file,
    meta: parseMeta(rawMeta),
    rawMeta,
    protocol: optionalString(rawMeta, 'protocol'),
    implementation: optionalString(rawMeta, 'implementation') ?? 'reference',
    vars,
    drain: states.map((s) => isObj(s) && isObj(s['#meta']) && s['#meta'].phase === 'drain'),
  }));
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

/**
 * The events of a storm trace: states 1…n decoded by the protocol's `decode` (from
 * `mbt::actionTaken` and `mbt::nondetPicks`), the drain's steps left out (replay runs the drain
 * itself); a state that cannot be decoded is a {@link TraceError} naming it.
 */
export function stormEvents<E>(
  itf: ItfTrace,
  decode: (action: string, picks: ItfValue | undefined) => E,
): E[] {
  const events: E[] = [];
  itf.vars.forEach((get, i) => {
    if (i === 0 || itf.drain[i] === true) return;
    events.push(
      within(`state ${i}`, () => {
        const { action, picks } = actionOf(get);
        return decode(action, picks);
      }),
    );
  });
  return events;
}

/**
 * The configuration `#meta.config` records, read by the protocol's `parse` (absent: `{}`, the
 * protocol's defaults); a configuration the protocol refuses is a {@link TraceError}.
 */
export function metaConfig<C>(itf: ItfTrace, parse: (json: unknown) => C): C {
  return within('#meta', () => {
    try {
      return parse(itf.rawMeta.config ?? {});
    } catch (e) {
      if (e instanceof ConfigError) throw new TraceError(e.message);
      throw e;
    }
  });
}

/** The action and picks of state `get` (`mbt::actionTaken`, `mbt::nondetPicks`), for a protocol's event decoder. */
export function actionOf(get: StateVars): { readonly action: string; readonly picks: ItfValue | undefined } {
  const action = get('actionTaken');
  if (action === undefined) throw new TraceError('no "mbt::actionTaken"');
  if (action.kind !== 'str') throw new TraceError('"mbt::actionTaken" is not a string');
  return { action: action.value, picks: get('nondetPicks') };
}
