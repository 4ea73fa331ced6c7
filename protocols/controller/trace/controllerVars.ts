/**
 * The controller's state variables (spec/controller.md §3) and a step's observation as ITF
 * values, both ways. Per-index tables are nested lists indexed from 0 (`ready[p][k]`,
 * `ipcPending[p][t]`), FIFOs are lists head first, waiters are records `{p, task}`, every integer
 * is a `#bigint`, and `online` is a list of booleans. A design that shows its own state
 * (ControllerDevice.designState) has it beside them as `intcheck::design`.
 */

import { TraceError } from '../../../model/TraceError.ts';
import { type ItfValue, itf } from '../../../traces/itfValue.ts';
import type { DesignValue } from '../designs/device.ts';
import type { Config } from '../model/config/config.ts';
import { U64_MAX } from '../model/events.ts';
import type { Observation } from '../model/result.ts';
import type { ControllerState, Waiter } from '../model/state.ts';

/** The controller's state variables, in the order `vars` lists them. */
export const CONTROLLER_VARS = [
  'ready',
  'irqWait',
  'irqPending',
  'ipcWait',
  'ipcPending',
  'online',
  'error',
] as const;

/** The variable holding a design's own state beside abs(), in traces of a design that shows it (ControllerDevice.designState). */
export const DESIGN_VAR = 'intcheck::design';

/** A design's own state as an ITF value: integers, flags, strings, lists, records in field order. */
export function encodeDesignValue(v: DesignValue): ItfValue {
  if (typeof v === 'bigint') return itf.int(v);
  if (typeof v === 'boolean') return itf.bool(v);
  if (typeof v === 'string') return itf.str(v);
  if (isDesignList(v)) return itf.list(v.map(encodeDesignValue));
  return itf.record(Object.entries(v).map(([k, x]) => [k, encodeDesignValue(x)] as const));
}

function isDesignList(v: DesignValue): v is readonly DesignValue[] {
  return Array.isArray(v);
}

/** Splits a flat `p * width + i` table into one list per process. */
function perProcess<T>(flat: readonly T[], n: number, width: number, f: (x: T) => ItfValue): ItfValue {
  return itf.list(
    Array.from({ length: n }, (_, p) => itf.list(flat.slice(p * width, (p + 1) * width).map(f))),
  );
}

const ids = (q: readonly bigint[]): ItfValue => itf.list(q.map(itf.int));
const waiter = (w: Waiter): ItfValue =>
  itf.record([
    ['p', itf.int(w.p)],
    ['task', itf.int(w.task)],
  ]);

/** The state as `[name, value]` pairs in {@link CONTROLLER_VARS} order. */
export function encodeControllerState(cfg: Config, s: ControllerState): [string, ItfValue][] {
  const n = cfg.processes;
  return [
    ['ready', perProcess(s.ready, n, cfg.priorities, ids)],
    ['irqWait', itf.list(s.irqWait.map((q) => itf.list(q.map(waiter))))],
    ['irqPending', itf.list(s.irqPending.map(itf.int))],
    ['ipcWait', perProcess(s.ipcWait, n, cfg.ipcTypes, ids)],
    ['ipcPending', perProcess(s.ipcPending, n, cfg.ipcTypes, itf.int)],
    ['online', itf.list(s.online.map(itf.bool))],
    ['error', itf.int(s.error)],
  ];
}

/** An observation as a variant: `value(5)`, `ack`, `stall`, `abort`; `none` for the initial state. */
export function encodeObservation(obs: Observation | null): ItfValue {
  if (obs === null) return itf.variant('none');
  return obs.kind === 'value' ? itf.variant('value', itf.int(obs.value)) : itf.variant(obs.kind);
}

/** The observation a variant encodes; null for `none`. */
export function decodeObservation(v: ItfValue, path: string): Observation | null {
  if (v.kind !== 'variant') throw new TraceError(`${path}: expected a variant like {"tag": "ack", …}`);
  switch (v.tag) {
    case 'none':
      return null;
    case 'ack':
    case 'stall':
    case 'abort':
    case 'undefined':
      return { kind: v.tag };
    case 'value':
      return { kind: 'value', value: u64(v.value, `${path}(value)`) };
    default:
      throw new TraceError(`${path}: unknown observation "${v.tag}"`);
  }
}

/**
 * Decodes the §3 state from the state variables found in one ITF state (looked up by
 * unqualified name); null when any of them is absent (a trace from a tool that does not write
 * them). Lengths must match the configuration and every integer must fit its range.
 */
export function decodeControllerState(
  cfg: Config,
  get: (name: string) => ItfValue | undefined,
): ControllerState | null {
  const vals = CONTROLLER_VARS.map(get);
  const [ready, irqWait, irqPending, ipcWait, ipcPending, online, error] = vals;
  if (
    ready === undefined ||
    irqWait === undefined ||
    irqPending === undefined ||
    ipcWait === undefined ||
    ipcPending === undefined ||
    online === undefined ||
    error === undefined
  ) {
    return null;
  }
  const n = cfg.processes;
  const idList = (v: ItfValue, path: string) => list(v, path).map((x, i) => u64(x, `${path}[${i}]`));
  const counter = (v: ItfValue, path: string) => small(v, path, cfg.pendingMax);
  return {
    ready: flat(ready, 'ready', n, cfg.priorities, idList),
    irqWait: sized(irqWait, 'irqWait', cfg.devices).map((q, d) =>
      list(q, `irqWait[${d}]`).map((w, i) => decodeWaiter(cfg, w, `irqWait[${d}][${i}]`)),
    ),
    irqPending: sized(irqPending, 'irqPending', cfg.devices).map((x, d) => counter(x, `irqPending[${d}]`)),
    ipcWait: flat(ipcWait, 'ipcWait', n, cfg.ipcTypes, idList),
    ipcPending: flat(ipcPending, 'ipcPending', n, cfg.ipcTypes, counter),
    online: sized(online, 'online', n).map((x, p) => {
      if (x.kind !== 'bool') throw new TraceError(`online[${p}]: expected a boolean`);
      return x.value;
    }),
    error: small(error, 'error', 15),
  };
}

function decodeWaiter(cfg: Config, v: ItfValue, path: string): Waiter {
  if (v.kind !== 'record') throw new TraceError(`${path}: expected a record {p, task}`);
  const p = v.fields.get('p');
  const task = v.fields.get('task');
  if (p === undefined || task === undefined) throw new TraceError(`${path}: expected a record {p, task}`);
  return { p: small(p, `${path}.p`, cfg.processes - 1), task: u64(task, `${path}.task`) };
}

/** A per-process table `[p][i]` flattened to `p * width + i`. */
function flat<T>(
  v: ItfValue,
  path: string,
  n: number,
  width: number,
  f: (x: ItfValue, path: string) => T,
): T[] {
  return sized(v, path, n).flatMap((row, p) =>
    sized(row, `${path}[${p}]`, width).map((x, i) => f(x, `${path}[${p}][${i}]`)),
  );
}

function list(v: ItfValue, path: string): readonly ItfValue[] {
  if (v.kind !== 'list') throw new TraceError(`${path}: expected a list`);
  return v.items;
}

function sized(v: ItfValue, path: string, length: number): readonly ItfValue[] {
  const xs = list(v, path);
  if (xs.length !== length) throw new TraceError(`${path}: expected ${length} entries, found ${xs.length}`);
  return xs;
}

function integer(v: ItfValue, path: string): bigint {
  if (v.kind !== 'int') throw new TraceError(`${path}: expected an integer`);
  return v.value;
}

function u64(v: ItfValue, path: string): bigint {
  const x = integer(v, path);
  if (x < 0n || x > U64_MAX) throw new TraceError(`${path}: ${x} is not a 64-bit value`);
  return x;
}

function small(v: ItfValue, path: string, max: number): number {
  const x = integer(v, path);
  if (x < 0n || x > BigInt(max)) throw new TraceError(`${path}: ${x} is outside 0..${max}`);
  return Number(x);
}
