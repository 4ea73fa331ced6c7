/**
 * The UIPI system in ITF: its state variables are `upids` (per receiver {on, sn, nv, ndst, pir}),
 * `receivers` (per receiver {phase, cpu, uirr, uif, uinv, hvec, body, waiting, listed}), `senders`
 * ({valid, held}), `cpus` ({cur, pending, processing, other}) and `inflight` (a list of {cpu,
 * vector}); its events are
 * {@link UipiEvent}s as `mbt::actionTaken` / `mbt::nondetPicks`. Decoding refuses any index
 * outside the trace's configuration with a one-line TraceError.
 */

import { TraceError } from '../../../model/TraceError.ts';
import { type ItfValue, itf } from '../../../traces/itfValue.ts';
import { readPicks } from '../../../traces/picks.ts';
import type { UipiConfig } from '../model/config.ts';
import { isReceiverStepType, UIPI_EVENT_TYPES, type UipiEvent, type UipiEventType } from '../model/events.ts';
import type { UipiState } from '../model/state.ts';

/** The state variables, in the order `vars` lists them. */
export const UIPI_VARS = ['upids', 'receivers', 'senders', 'cpus', 'inflight'] as const;

const ipi = (n: number): ItfValue =>
  itf.record([
    ['cpu', itf.int(n >> 8)],
    ['vector', itf.int(n & 0xff)],
  ]);

/** The state as `[name, value]` pairs in {@link UIPI_VARS} order. */
export function encodeUipiState(s: UipiState): [string, ItfValue][] {
  return [
    [
      'upids',
      itf.list(
        s.upids.map((u) =>
          itf.record([
            ['on', itf.bool(u.on)],
            ['sn', itf.bool(u.sn)],
            ['nv', itf.int(u.nv)],
            ['ndst', itf.int(u.ndst)],
            ['pir', itf.int(u.pir)],
          ]),
        ),
      ),
    ],
    [
      'receivers',
      itf.list(
        s.receivers.map((r) =>
          itf.record([
            ['phase', itf.str(r.phase)],
            ['cpu', itf.int(r.cpu)],
            ['uirr', itf.int(r.uirr)],
            ['uif', itf.bool(r.uif)],
            ['uinv', itf.int(r.uinv)],
            ['hvec', itf.int(r.hvec)],
            ['body', itf.bool(r.body)],
            ['waiting', itf.bool(r.waiting)],
            ['listed', itf.bool(r.listed)],
          ]),
        ),
      ),
    ],
    [
      'senders',
      itf.list(
        s.senders.map((sd) =>
          itf.record([
            ['valid', itf.int(sd.valid)],
            ['held', sd.held < 0 ? itf.variant('None') : itf.some(ipi(sd.held))],
          ]),
        ),
      ),
    ],
    [
      'cpus',
      itf.list(
        s.cpus.map((c) =>
          itf.record([
            ['cur', itf.int(c.cur)],
            ['pending', itf.set(c.pending.map((v) => itf.int(v)))],
            ['processing', itf.bool(c.processing)],
            ['other', itf.bool(c.other)],
          ]),
        ),
      ),
    ],
    ['inflight', itf.list(s.inflight.map(ipi))],
  ];
}

/** The event's fields as `mbt::nondetPicks`: a record of `Some(v)` values. */
export function encodeUipiPicks(e: UipiEvent): ItfValue {
  const fields = Object.entries(e)
    .filter(([k]) => k !== 'type')
    .map(([k, v]) => [k, itf.some(itf.int(v as number))] as const);
  return itf.record(fields);
}

const isUipiEventType = (s: string): s is UipiEventType =>
  (UIPI_EVENT_TYPES as readonly string[]).includes(s);

function index(action: string, name: string, v: number, room: number): number {
  if (!Number.isInteger(v) || v < 0 || v >= room)
    throw new TraceError(`${action}: ${name} ${v} is outside 0..${room - 1}`);
  return v;
}

/** Rebuilds one step's UIPI event, refusing values outside the configuration. */
export function decodeUipiEvent(cfg: UipiConfig, action: string, picks: ItfValue | undefined): UipiEvent {
  if (!isUipiEventType(action)) throw new TraceError(`unknown event ${JSON.stringify(action)}`);
  const r = readPicks(action, picks);
  const sender = () => index(action, 'sender', r.num('sender'), cfg.senders);
  const slot = () => index(action, 'UITT index', r.num('index'), cfg.uittSize);
  const cpu = () => index(action, 'cpu', r.num('cpu'), cfg.cpus);
  const receiver = () => index(action, 'receiver', r.num('receiver'), cfg.receivers);
  switch (action) {
    case 'Send':
    case 'Register':
    case 'Revoke':
      return { type: action, sender: sender(), index: slot() };
    case 'SendIpi':
      return { type: action, sender: sender() };
    case 'IpiArrive':
    case 'Accept':
      return { type: action, cpu: cpu(), vector: index(action, 'vector', r.num('vector'), 256) };
    case 'NotifyDrain':
    case 'TimerTick':
    case 'RunOther':
      return { type: action, cpu: cpu() };
    case 'SwitchInRestore':
      return { type: action, receiver: receiver(), cpu: cpu() };
    default:
      if (!isReceiverStepType(action)) throw new TraceError(`unknown event ${JSON.stringify(action)}`);
      return { type: action, receiver: receiver() };
  }
}
