/**
 * SENDUIPI at instruction granularity (SDM pseudo-code, research §1.5): read the UITT entry, one
 * locked read-modify-write of the target UPID (PIR bit; ON test-and-set when SN = 0), and the
 * notification IPI sent after the lock. The M1–M4 mutations change one micro-operation each.
 */
import { uittEntryAddr } from './memory.ts';
import type { UintrMachine } from './uintrMachine.ts';
import { uittUv } from './uittLayout.ts';
import { ON_BIT, upidNdst, upidNv, upidOn, upidSn } from './upidLayout.ts';

const bitOf = (v: number): bigint => 1n << BigInt(v);

/** SENDUIPI (SDM pseudo-code, research §1.5): read the UITTE, then one locked RMW of the UPID. */
export function senduipi(m: UintrMachine, s: number, i: number): void {
  const sd = m.senders[s];
  if (sd === undefined) return;
  const entry = uittEntryAddr(s, i);
  const uv = uittUv(m.mem.read(entry));
  const upid = m.mem.read(entry + 8n);
  if (!m.is('senduipi-forgets-pir')) m.mem.write(upid + 8n, m.mem.read(upid + 8n) | bitOf(uv));
  if (m.is('senduipi-split')) {
    sd.midSend = upid; // the ON test-and-set is left for a later, separate step
    return;
  }
  const w0 = m.mem.read(upid);
  const notify = (m.is('senduipi-ignores-sn') || !upidSn(w0)) && !upidOn(w0);
  if (notify && !m.is('senduipi-never-sets-on')) m.mem.write(upid, w0 | ON_BIT);
  if (notify) sd.held = { dest: upidNdst(w0), vector: upidNv(w0) };
}

/** The notification leaves the sender (after the lock); the split mutation tests ON only now. */
export function sendIpi(m: UintrMachine, s: number): void {
  const sd = m.senders[s];
  if (sd === undefined) return;
  const upid = sd.midSend;
  if (upid !== null) {
    sd.midSend = null;
    const w0 = m.mem.read(upid);
    if (upidSn(w0) || upidOn(w0)) return;
    m.mem.write(upid, w0 | ON_BIT);
    m.send({ dest: upidNdst(w0), vector: upidNv(w0) });
    return;
  }
  if (sd.held !== null) m.send(sd.held);
  sd.held = null;
}
