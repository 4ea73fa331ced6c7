/**
 * The syscall system in ITF: its state variables are the controller's (§3) plus `rings` (per
 * process a record {head, tail, slots: list of {state, req, requester, target, arg, result}})
 * and `agents` (per agent a record {phase, slot, req}); its events are {@link SyscallEvent}s as
 * `mbt::actionTaken` / `mbt::nondetPicks`.
 */

import { type ItfValue, itf } from '../../../traces/itfValue.ts';
import { readPicks } from '../../../traces/picks.ts';
import { TraceError } from '../../../traces/TraceError.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { encodableError } from '../../controller/model/decode.ts';
import { CONTROLLER_VARS, encodeControllerState } from '../../controller/trace/controllerVars.ts';
import { SYSCALL_EVENT_TYPES, type SyscallEvent, type SyscallEventType } from '../model/events.ts';
import { layoutOf } from '../model/layout.ts';
import type { AgentState, Ring, Slot, SyscallState } from '../model/state.ts';

export const SYSCALL_VARS = [...CONTROLLER_VARS, 'rings', 'agents'] as const;

const slot = (s: Slot): ItfValue =>
  itf.record([
    ['state', itf.str(s.state)],
    ['req', itf.int(s.req)],
    ['requester', itf.int(s.requester)],
    ['target', itf.int(s.target)],
    ['arg', itf.int(s.arg)],
    ['result', itf.int(s.result)],
  ]);

const ring = (r: Ring): ItfValue =>
  itf.record([
    ['head', itf.int(r.head)],
    ['tail', itf.int(r.tail)],
    ['slots', itf.list(r.slots.map(slot))],
  ]);

const agent = (a: AgentState): ItfValue =>
  itf.record([
    ['phase', itf.str(a.phase)],
    ['slot', itf.int(a.slot)],
    ['req', itf.int(a.req)],
  ]);

/** The state as `[name, value]` pairs in {@link SYSCALL_VARS} order. */
export function encodeSyscallState(cfg: Config, s: SyscallState): [string, ItfValue][] {
  return [
    ...encodeControllerState(cfg, s.ctrl),
    ['rings', itf.list(s.rings.map(ring))],
    ['agents', itf.list(s.agents.map(agent))],
  ];
}

/** The event's fields as `mbt::nondetPicks`. */
export function encodeSyscallPicks(e: SyscallEvent): ItfValue {
  const int = (name: string, v: number | bigint) => [name, itf.some(itf.int(v))] as const;
  switch (e.type) {
    case 'StatusWrite':
      return itf.record([int('p', e.p), int('data', e.data)]);
    case 'Fetch':
      return itf.record([int('p', e.p)]);
    case 'Call':
      return itf.record([int('a', e.a), int('target', e.target)]);
    default:
      return itf.record([int('a', e.a)]);
  }
}

const isSyscallEventType = (s: string): s is SyscallEventType =>
  (SYSCALL_EVENT_TYPES as readonly string[]).includes(s);

function index(action: string, name: string, v: number, room: number): number {
  if (!Number.isInteger(v) || v < 0 || v >= room)
    throw new TraceError(`${action}: ${name} ${v} is outside 0..${room - 1}`);
  return v;
}

/** Rebuilds one step's syscall event, refusing values outside the configuration. */
export function decodeSyscallEvent(cfg: Config, action: string, picks: ItfValue | undefined): SyscallEvent {
  if (!isSyscallEventType(action)) throw new TraceError(`unknown event ${JSON.stringify(action)}`);
  const r = readPicks(action, picks);
  const agents = layoutOf(cfg).agents.length;
  switch (action) {
    case 'StatusWrite': {
      const e: SyscallEvent = {
        type: action,
        p: index(action, 'process', r.num('p'), cfg.processes),
        data: r.big('data'),
      };
      const wrong = encodableError(cfg, e);
      if (wrong !== null) throw new TraceError(`${action}: ${wrong}`);
      return e;
    }
    case 'Fetch':
      return { type: action, p: index(action, 'process', r.num('p'), cfg.processes) };
    case 'Call':
      return {
        type: action,
        a: index(action, 'agent', r.num('a'), agents),
        target: index(action, 'target', r.num('target'), cfg.processes),
      };
    default:
      return { type: action, a: index(action, 'agent', r.num('a'), agents) };
  }
}
