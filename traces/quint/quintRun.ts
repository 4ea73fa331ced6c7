/**
 * An ITF trace (intcheck's own, e.g. a storm's) as a Quint `run`: `init`, then each recorded
 * event as the specification's action of the same name, each followed by `.expect(...)` that the
 * Quint state variables (and `obs`) equal the recorded ones. `quint test` then checks the trace
 * against the Quint specification: every action must be enabled and every state must agree.
 */

import { TraceError } from '../../model/TraceError.ts';
import { type ItfValue, itfFromJson } from '../itfValue.ts';
import { ACTION_VAR, PICKS_VAR } from '../trace.ts';
import { quintText } from './quintText.ts';

/** The parameters of every action of the Quint specifications, in order (controller and wakeup). */
const PARAMS: Readonly<Record<string, readonly string[]>> = {
  Read: ['addr'],
  Write: ['addr', 'data'],
  Irq: ['line'],
  Dequeue: ['p'],
  Enqueue: ['p', 'prio', 'task'],
  IpcSend: ['p', 'ipcType', 'target'],
  IpcRegister: ['p', 'ipcType', 'task'],
  IrqRegister: ['p', 'device', 'task'],
  ErrorRead: ['p'],
  StatusRead: ['p'],
  StatusWrite: ['p', 'data'],
  Spawn: ['p', 'prio'],
  HartSwitch: ['hart', 'p'],
  HartPark: ['hart'],
  HartFetch: ['hart'],
  HartPoll: ['hart', 'outcome'],
  HartReturn: ['hart'],
};

type Obj = Readonly<Record<string, unknown>>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The unqualified name of an ITF variable (`intcheck::obs` is `obs`). */
function unqualified(key: string): string {
  const at = key.lastIndexOf('::');
  return at < 0 ? key : key.slice(at + 2);
}

/** One event of a trace as a call of the Quint action: `Enqueue(0, 1, 3)`. */
function actionCall(action: string, picks: ItfValue | undefined, where: string, q: string): string {
  const params = PARAMS[action];
  if (params === undefined) throw new TraceError(`${where}: no Quint action for event "${action}"`);
  if (params.length === 0) return `${q}${action}`;
  if (picks?.kind !== 'record') throw new TraceError(`${where}: ${action} has no picks`);
  const args = params.map((name) => {
    let v = picks.fields.get(name);
    if (v?.kind === 'variant' && v.tag === 'Some') v = v.value;
    if (v === undefined) throw new TraceError(`${where}: ${action} has no pick "${name}"`);
    return quintText(v);
  });
  return `${q}${action}(${args.join(', ')})`;
}

/** Every recorded variable of one state as `[name, Quint text]`, in the order of `names`. */
function stateTexts(state: Obj, names: readonly string[], where: string): [string, string][] {
  return names.map((key) => {
    if (!(key in state)) throw new TraceError(`${where}: no variable "${key}"`);
    return [unqualified(key), quintText(itfFromJson(state[key], key))];
  });
}

/**
 * A Quint `run` named `name` that replays the ITF trace `text`: every event must be enabled; the
 * first and the last state are expected in full, and after each step the variables the recorded
 * step changed, and `obs`. (Expecting every variable after every step makes Quint's typechecker
 * take minutes on a few hundred steps; a variable Quint changes on its own shows up at the next
 * recorded change of it or in the last state, and direction Quint → intcheck compares every
 * variable after every step.) The specification's actions and variables are used through
 * `alias` (`C` for `C::init`, `C::ready`) when the module imports it under that name.
 */
export function quintRunOfTrace(text: string, name: string, alias = '', doc = 'a recorded trace'): string {
  const q = alias === '' ? '' : `${alias}::`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TraceError(`${name}: not JSON`);
  }
  if (!isObj(json) || !Array.isArray(json.states) || !Array.isArray(json.vars)) {
    throw new TraceError(`${name}: not ITF`);
  }
  const names = json.vars.filter(
    (v): v is string => typeof v === 'string' && v !== ACTION_VAR && v !== PICKS_VAR,
  );
  const lines = [`  /// ${doc}`, `  run ${name} =`, `    ${q}init`];
  const last = json.states.length - 1;
  let previous = new Map<string, string>();
  json.states.forEach((s: unknown, i: number) => {
    const where = `${name}: state ${i}`;
    if (!isObj(s)) throw new TraceError(`${where}: not an object`);
    if (i > 0) {
      const action = s[ACTION_VAR];
      if (typeof action !== 'string') throw new TraceError(`${where}: no ${ACTION_VAR}`);
      const picks = s[PICKS_VAR] === undefined ? undefined : itfFromJson(s[PICKS_VAR], PICKS_VAR);
      lines.push(`      .then(${actionCall(action, picks, where, q)})`);
    }
    const texts = stateTexts(s, names, where);
    const expected = texts.filter(([n, t]) => i === 0 || i === last || n === 'obs' || previous.get(n) !== t);
    lines.push(`      .expect(${expected.map(([n, t]) => `${q}${n} == ${t}`).join(' and ')})`);
    previous = new Map(texts);
  });
  return lines.join('\n');
}
