/**
 * A compact canonical key of a UIPI state (for an explorer's visited set): equal states give
 * equal keys and different states different keys. Fields are written in a fixed order with
 * separators, masks in hex; far shorter and faster than JSON.stringify.
 */
import { RECEIVER_PHASES, type UipiState } from './state.ts';

const PHASE_CODE = new Map(RECEIVER_PHASES.map((p, i) => [p, String.fromCharCode(97 + i)]));

/** The key of `s`: `receivers|senders|cpus|inflight`. */
export function stateKey(s: UipiState): string {
  let k = '';
  for (let r = 0; r < s.receivers.length; r++) {
    const rc = s.receivers[r];
    const u = s.upids[r];
    if (rc === undefined || u === undefined) continue;
    k += `${PHASE_CODE.get(rc.phase) ?? '?'}${rc.cpu},${rc.uirr.toString(16)},${rc.uif ? 1 : 0}${rc.body ? 1 : 0}${rc.waiting ? 1 : 0}${rc.listed ? 1 : 0},${rc.uinv},${rc.hvec};`;
    k += `${u.on ? 1 : 0}${u.sn ? 1 : 0},${u.nv},${u.ndst},${u.pir.toString(16)}/`;
  }
  k += '|';
  for (const sd of s.senders) k += `${sd.valid.toString(16)},${sd.held};`;
  k += '|';
  for (const c of s.cpus) k += `${c.cur},${c.processing ? 1 : 0}${c.other ? 1 : 0},${c.pending.join('.')};`;
  return `${k}|${s.inflight.join('.')}`;
}
