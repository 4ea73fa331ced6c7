/**
 * Whether a UPID's notification is on its way (U3 and U11 of research §4.1): NV to NDST decided by
 * a SENDUIPI under the UPID lock and still held by its sender, in flight, or pending at NDST's
 * APIC for processing.
 */
import { ipi, type UipiState, type Upid } from '../model/state.ts';

/** Whether `u`'s notification (NV to NDST) is held by a sender, in flight or pending at NDST in `s`. */
export function notificationOnItsWay(s: UipiState, u: Upid): boolean {
  const n = ipi(u.ndst, u.nv);
  return (
    s.inflight.includes(n) ||
    s.cpus[u.ndst]?.pending.includes(u.nv) === true ||
    s.senders.some((sd) => sd.held === n)
  );
}
