/**
 * The receiving CPU (research §1.6): acknowledging a pending APIC vector (notification
 * identification and processing step a, or the kernel-vector wake handler, or a spurious ack),
 * and processing steps b and c (the locked PIR exchange ORed into UIRR). M5–M8 live here.
 */
import { KERNEL_VECTOR } from '../../model/state.ts';
import { upidAddr } from './memory.ts';
import type { UipiMachine } from './uipiMachine.ts';
import { miscUinv, ON_BIT, SN_BIT, upidOn } from './upidLayout.ts';

const bitOf = (v: number): bigint => 1n << BigInt(v);

/**
 * The CPU acknowledges pending `vector` (research §1.6). The running thread's UINV: EOI and
 * processing step a (locked AND clearing ON of the UPID at PD). The kernel vector: the wake
 * handler over the wait list. Anything else: a spurious interrupt, acked.
 */
export function accept(m: UipiMachine, c: number, vector: number): void {
  const cpu = m.cpus[c];
  if (cpu === undefined) return;
  cpu.irr &= ~bitOf(vector);
  const uinv = miscUinv(cpu.misc);
  if (cpu.current >= 0 && uinv !== 0 && vector === uinv) {
    cpu.processing = true;
    const pir = cpu.pd + 8n;
    if (m.is('drain-before-clear-on')) {
      cpu.uirr |= m.mem.xchg(pir, 0n);
      return;
    }
    if (!m.is('processing-keeps-on')) m.mem.write(cpu.pd, m.mem.read(cpu.pd) & ~ON_BIT);
    if (m.is('pir-read-then-clear')) cpu.temp = m.mem.read(pir);
    return;
  }
  if (vector !== KERNEL_VECTOR) return;
  m.threads.forEach((t, r) => {
    if (t.kstate !== 'waiting' || !upidOn(m.mem.read(upidAddr(r)))) return;
    m.upid0(r, (w) => w | SN_BIT);
    t.kstate = 'woken';
  });
}

/** Processing steps b and c: locked xchg of PIR with 0, ORed into UIRR. */
export function notifyDrain(m: UipiMachine, c: number): void {
  const cpu = m.cpus[c];
  if (cpu === undefined) return;
  const pir = cpu.pd + 8n;
  cpu.processing = false;
  if (m.is('drain-before-clear-on')) {
    m.mem.write(cpu.pd, m.mem.read(cpu.pd) & ~ON_BIT);
    return;
  }
  if (m.is('pir-read-then-clear')) {
    m.mem.write(pir, 0n);
    cpu.uirr |= cpu.temp;
    return;
  }
  const temp = m.mem.xchg(pir, 0n);
  cpu.uirr = m.is('uirr-assigned') ? temp : cpu.uirr | temp;
}
