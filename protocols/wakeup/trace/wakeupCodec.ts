/**
 * The wakeup system in ITF: its state variables are the controller's (§3) plus `harts` (per
 * hart a record {phase, p, task}) and `tasks` (per task id 1..taskPool a record {life, p, prio,
 * handlerOf, waitsOn}); its events are {@link SystemEvent}s as `mbt::actionTaken` /
 * `mbt::nondetPicks`, a poll's outcome as a variant (`block(device)`, `yield`, `finish`, `handled`).
 */

import { type ItfValue, itf } from '../../../traces/itfValue.ts';
import { readPicks } from '../../../traces/picks.ts';
import { TraceError } from '../../../traces/TraceError.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { encodableError } from '../../controller/model/decode.ts';
import { CONTROLLER_VARS, encodeControllerState } from '../../controller/trace/controllerVars.ts';
import {
  type PollOutcome,
  SYSTEM_EVENT_TYPES,
  type SystemEvent,
  type SystemEventType,
} from '../model/events.ts';
import type { HartState, SystemState, TaskRecord } from '../model/state.ts';

/** The wakeup system's state variables, in the order `vars` lists them. */
export const WAKEUP_VARS = [...CONTROLLER_VARS, 'harts', 'tasks'] as const;

const hart = (h: HartState): ItfValue =>
  itf.record([
    ['phase', itf.str(h.phase)],
    ['p', itf.int(h.p)],
    ['task', itf.int(h.task)],
  ]);

const task = (t: TaskRecord): ItfValue =>
  itf.record([
    ['life', itf.str(t.life)],
    ['p', itf.int(t.p)],
    ['prio', itf.int(t.prio)],
    ['handlerOf', itf.int(t.handlerOf)],
    ['waitsOn', itf.int(t.waitsOn)],
  ]);

/** The system state as `[name, value]` pairs in {@link WAKEUP_VARS} order. */
export function encodeSystemState(cfg: Config, s: SystemState): [string, ItfValue][] {
  return [
    ...encodeControllerState(cfg, s.ctrl),
    ['harts', itf.list(s.harts.map(hart))],
    ['tasks', itf.list(s.tasks.map(task))],
  ];
}

function outcome(o: PollOutcome): ItfValue {
  return o.kind === 'block' ? itf.variant('block', itf.int(o.device)) : itf.variant(o.kind);
}

/** The event's fields as `mbt::nondetPicks`: a record of `Some(v)` values. */
export function encodeSystemPicks(e: SystemEvent): ItfValue {
  const some = (name: string, v: ItfValue) => [name, itf.some(v)] as const;
  const int = (name: string, v: number | bigint) => some(name, itf.int(v));
  switch (e.type) {
    case 'Irq':
      return itf.record([int('line', e.line)]);
    case 'StatusWrite':
      return itf.record([int('p', e.p), int('data', e.data)]);
    case 'Spawn':
      return itf.record([int('p', e.p), int('prio', e.prio)]);
    case 'HartSwitch':
      return itf.record([int('hart', e.hart), int('p', e.p)]);
    case 'HartPoll':
      return itf.record([int('hart', e.hart), some('outcome', outcome(e.outcome))]);
    case 'HartPark':
    case 'HartFetch':
    case 'HartReturn':
      return itf.record([int('hart', e.hart)]);
  }
}

const isSystemEventType = (s: string): s is SystemEventType =>
  (SYSTEM_EVENT_TYPES as readonly string[]).includes(s);

function index(action: string, name: string, v: number, room: number): number {
  if (!Number.isInteger(v) || v < 0 || v >= room)
    throw new TraceError(`${action}: ${name} ${v} is outside 0..${room - 1}`);
  return v;
}

function decodeOutcome(cfg: Config, action: string, v: ItfValue): PollOutcome {
  if (v.kind !== 'variant') throw new TraceError(`${action}: pick "outcome" is not a variant`);
  switch (v.tag) {
    case 'yield':
    case 'finish':
    case 'handled':
      return { kind: v.tag };
    case 'block': {
      if (v.value.kind !== 'int') throw new TraceError(`${action}: outcome block needs a device number`);
      return { kind: 'block', device: index(action, 'device', Number(v.value.value), cfg.devices) };
    }
    default:
      throw new TraceError(`${action}: unknown poll outcome "${v.tag}"`);
  }
}

/** Rebuilds one step's system event, refusing values outside the configuration. */
export function decodeSystemEvent(cfg: Config, action: string, picks: ItfValue | undefined): SystemEvent {
  if (!isSystemEventType(action)) throw new TraceError(`unknown event ${JSON.stringify(action)}`);
  const r = readPicks(action, picks);
  const hartNo = () => index(action, 'hart', r.num('hart'), cfg.harts);
  const proc = () => index(action, 'process', r.num('p'), cfg.processes);
  switch (action) {
    case 'Irq':
      return { type: action, line: index(action, 'interrupt line', r.num('line'), cfg.devices) };
    case 'StatusWrite': {
      const e: SystemEvent = { type: action, p: proc(), data: r.big('data') };
      const wrong = encodableError(cfg, e);
      if (wrong !== null) throw new TraceError(`${action}: ${wrong}`);
      return e;
    }
    case 'Spawn':
      return { type: action, p: proc(), prio: index(action, 'priority', r.num('prio'), cfg.priorities) };
    case 'HartSwitch':
      return { type: action, hart: hartNo(), p: proc() };
    case 'HartPoll':
      return { type: action, hart: hartNo(), outcome: decodeOutcome(cfg, action, r.value('outcome')) };
    case 'HartPark':
    case 'HartFetch':
    case 'HartReturn':
      return { type: action, hart: hartNo() };
  }
}
