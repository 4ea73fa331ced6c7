/**
 * Notification processing on the receiving CPU (research §1.6), after identification found the
 * live UINV: step a (a locked AND clearing ON of the UPID at PD) and steps b and c (the locked
 * PIR exchange ORed into UIRR). M5–M8 live here. What a kernel interrupt does is the design's.
 */
import type { UintrMachine } from './uintrMachine.ts';
import type { CpuRegs } from './uipiCpu.ts';
import { ON_BIT } from './upidLayout.ts';

/** Processing step a on `cpu`: EOI, then ON of the UPID at PD cleared (locked AND); the CPU is processing. */
export function beginProcessing(m: UintrMachine, cpu: CpuRegs): void {
  cpu.processing = true;
  const pir = cpu.pd + 8n;
  if (m.is('drain-before-clear-on')) {
    cpu.uirr |= m.mem.xchg(pir, 0n);
    return;
  }
  if (!m.is('processing-keeps-on')) m.mem.write(cpu.pd, m.mem.read(cpu.pd) & ~ON_BIT);
  if (m.is('pir-read-then-clear')) cpu.temp = m.mem.read(pir);
}

/** Processing steps b and c: locked xchg of PIR with 0, ORed into UIRR. */
export function notifyDrain(m: UintrMachine, c: number): void {
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
