/**
 * The events of one configuration as the packed UIPI engine numbers them: the model's table of
 * state-independent events (uipiEventTable, protocols/uipi/model/enabled.ts) in its order, then an
 * IpiArrive per in-flight bit (uipiPackedLayout.ts) and an Accept per (CPU, pending bit) — the
 * model's own shared event objects, so a path is made of the events the object engine steps. Each
 * event also as numbers the byte rules switch on: its type code and two operands.
 */
import type { UipiConfig } from '../../model/config.ts';
import { ipiEvent, uipiEventTable } from '../../model/enabled.ts';
import { RECEIVER_STEP_TYPES, type UipiEvent } from '../../model/events.ts';
import { KERNEL_VECTOR, NOTIFICATION_VECTOR, uittBinding } from '../../model/state.ts';
import { PENDING_VECTORS } from './uipiPackedLayout.ts';

/** Type codes (receiver steps: RECEIVER_BASE + their index in RECEIVER_STEP_TYPES). */
export const T_SEND = 0;
export const T_SEND_IPI = 1;
export const T_ARRIVE = 2;
export const T_ACCEPT = 3;
export const T_NOTIFY_DRAIN = 4;
const RECEIVER_BASE = 5;
export const T_SWITCH_IN_RESTORE = RECEIVER_BASE + RECEIVER_STEP_TYPES.length;
export const T_REGISTER = T_SWITCH_IN_RESTORE + 1;
export const T_REVOKE = T_REGISTER + 1;
export const T_TIMER_TICK = T_REVOKE + 1;
export const T_RUN_OTHER = T_TIMER_TICK + 1;

/** The code of receiver step `t`. */
export const receiverCode = (t: (typeof RECEIVER_STEP_TYPES)[number]): number =>
  RECEIVER_BASE + RECEIVER_STEP_TYPES.indexOf(t);

/** One configuration's numbered events. */
export interface UipiPackedEvents {
  readonly events: readonly UipiEvent[];
  /** Per event: its type code; `a` (sender, CPU or receiver), `b` (slot, CPU or vector); a Send's target and vector. */
  readonly type: Int32Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly target: Int32Array;
  readonly uv: Int32Array;
  /** How many events come from the table (they are first). */
  readonly tableSize: number;
  /** The IpiArrive of in-flight bit i (uipiPackedLayout.ts), the Accept of CPU c's pending bit j at 3c + j. */
  readonly arrive: Int32Array;
  readonly accept: Int32Array;
}

/** The numbered events of `cfg` (see above). */
export function uipiPackedEvents(cfg: UipiConfig): UipiPackedEvents {
  const table = uipiEventTable(cfg);
  const events: UipiEvent[] = [...table];
  const arrive = new Int32Array(2 * cfg.cpus);
  const accept = new Int32Array(3 * cfg.cpus);
  for (let c = 0; c < cfg.cpus; c++) {
    arrive[2 * c] = events.push(ipiEvent('IpiArrive', c * 256 + KERNEL_VECTOR)) - 1;
    arrive[2 * c + 1] = events.push(ipiEvent('IpiArrive', c * 256 + NOTIFICATION_VECTOR)) - 1;
    PENDING_VECTORS.forEach((v, j) => {
      accept[3 * c + j] = events.push(ipiEvent('Accept', c * 256 + v)) - 1;
    });
  }
  const n = events.length;
  const out = {
    events,
    type: new Int32Array(n),
    a: new Int32Array(n),
    b: new Int32Array(n),
    target: new Int32Array(n),
    uv: new Int32Array(n),
    tableSize: table.length,
    arrive,
    accept,
  };
  events.forEach((e, k) => {
    const [t, x, y] = codeOf(e);
    out.type[k] = t;
    out.a[k] = x;
    out.b[k] = y;
    if (e.type === 'Send') {
      const { target, uv } = uittBinding(cfg, e.sender, e.index);
      out.target[k] = target;
      out.uv[k] = uv;
    }
  });
  return out;
}

/** An event's type code and operands. */
function codeOf(e: UipiEvent): readonly [number, number, number] {
  switch (e.type) {
    case 'Send':
      return [T_SEND, e.sender, e.index];
    case 'SendIpi':
      return [T_SEND_IPI, e.sender, 0];
    case 'IpiArrive':
      return [T_ARRIVE, e.cpu, e.vector];
    case 'Accept':
      return [T_ACCEPT, e.cpu, e.vector];
    case 'NotifyDrain':
      return [T_NOTIFY_DRAIN, e.cpu, 0];
    case 'SwitchInRestore':
      return [T_SWITCH_IN_RESTORE, e.receiver, e.cpu];
    case 'Register':
      return [T_REGISTER, e.sender, e.index];
    case 'Revoke':
      return [T_REVOKE, e.sender, e.index];
    case 'TimerTick':
      return [T_TIMER_TICK, e.cpu, 0];
    case 'RunOther':
      return [T_RUN_OTHER, e.cpu, 0];
    default:
      return [receiverCode(e.type), e.receiver, 0];
  }
}
