/**
 * A controller event as Quint's model-based-testing fields: `mbt::actionTaken` is the event's
 * `type`, `mbt::nondetPicks` a record of its other fields, each wrapped as `Some(v)`, every
 * integer a `#bigint`. The reader accepts picks wrapped or bare, and integers as `#bigint` or
 * plain numbers; it refuses anything no access of the configuration can stand for.
 */

import { TraceError } from '../../../model/TraceError.ts';
import { type ItfValue, itf } from '../../../traces/itfValue.ts';
import { readPicks } from '../../../traces/picks.ts';
import type { Config } from '../model/config/config.ts';
import { encodableError } from '../model/decode.ts';
import { CONTROLLER_EVENT_TYPES, type ControllerEvent, type ControllerEventType } from '../model/events.ts';

/**
 * What kind of integer a field holds: a 64-bit register value / task id, or a small index
 * (`optIndex`: an index the event may leave out, written only when present).
 */
type FieldKind = 'u64' | 'index' | 'optIndex';

/** Every event's fields besides `type`, in the order they are written. */
const EVENT_FIELDS: {
  readonly [T in ControllerEventType]: readonly (readonly [string, FieldKind])[];
} = {
  Read: [['addr', 'u64']],
  Write: [
    ['addr', 'u64'],
    ['data', 'u64'],
  ],
  Irq: [['line', 'index']],
  Dequeue: [['p', 'index']],
  Enqueue: [
    ['p', 'index'],
    ['prio', 'index'],
    ['task', 'u64'],
  ],
  IpcSend: [
    ['p', 'index'],
    ['ipcType', 'index'],
    ['target', 'index'],
  ],
  IpcRegister: [
    ['p', 'index'],
    ['ipcType', 'index'],
    ['task', 'u64'],
    ['sender', 'optIndex'],
  ],
  IrqRegister: [
    ['p', 'index'],
    ['device', 'index'],
    ['task', 'u64'],
  ],
  ErrorRead: [['p', 'index']],
  StatusRead: [['p', 'index']],
  StatusWrite: [
    ['p', 'index'],
    ['data', 'u64'],
  ],
  LocalRead: [
    ['p', 'index'],
    ['lq', 'index'],
    ['off', 'index'],
  ],
  LocalWrite: [
    ['p', 'index'],
    ['lq', 'index'],
    ['off', 'index'],
    ['data', 'u64'],
  ],
};

/** The event's fields as `mbt::nondetPicks`: a record of `Some(#bigint)` values. */
export function encodePicks(e: ControllerEvent): ItfValue {
  const fields = new Map<string, unknown>(Object.entries(e));
  return itf.record(
    EVENT_FIELDS[e.type].flatMap(([name, kind]) => {
      const v = fields.get(name);
      if (v === undefined && kind === 'optIndex') return [];
      if (typeof v !== 'bigint' && typeof v !== 'number')
        throw new TraceError(`${e.type}: no field "${name}"`);
      return [[name, itf.some(itf.int(v))] as const];
    }),
  );
}

const isEventType = (s: string): s is ControllerEventType =>
  (CONTROLLER_EVENT_TYPES as readonly string[]).includes(s);

/**
 * Rebuilds the event of one trace step from its action name and picks (absent picks: an empty
 * record). A `None` pick counts as missing; picks the event does not have are ignored (Quint
 * writes every nondet name of the spec). Errors name the action and the pick.
 */
export function decodeEvent(cfg: Config, action: string, picks: ItfValue | undefined): ControllerEvent {
  if (!isEventType(action)) throw new TraceError(`unknown event ${JSON.stringify(action)}`);
  const { big, num, has } = readPicks(action, picks);
  const e = build(action, big, num, has);
  const wrong = encodableError(cfg, e);
  if (wrong !== null) throw new TraceError(wrong);
  return e;
}

function build(
  type: ControllerEventType,
  big: (name: string) => bigint,
  num: (name: string) => number,
  has: (name: string) => boolean,
): ControllerEvent {
  switch (type) {
    case 'Read':
      return { type, addr: big('addr') };
    case 'Write':
      return { type, addr: big('addr'), data: big('data') };
    case 'Irq':
      return { type, line: num('line') };
    case 'Dequeue':
    case 'ErrorRead':
    case 'StatusRead':
      return { type, p: num('p') };
    case 'StatusWrite':
      return { type, p: num('p'), data: big('data') };
    case 'Enqueue':
      return { type, p: num('p'), prio: num('prio'), task: big('task') };
    case 'IpcSend':
      return { type, p: num('p'), ipcType: num('ipcType'), target: num('target') };
    case 'IpcRegister': {
      const e = { type, p: num('p'), ipcType: num('ipcType'), task: big('task') };
      return has('sender') ? { ...e, sender: num('sender') } : e;
    }
    case 'IrqRegister':
      return { type, p: num('p'), device: num('device'), task: big('task') };
    case 'LocalRead':
      return { type, p: num('p'), lq: num('lq'), off: num('off') };
    case 'LocalWrite':
      return { type, p: num('p'), lq: num('lq'), off: num('off'), data: big('data') };
  }
}
