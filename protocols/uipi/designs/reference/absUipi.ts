/**
 * The refinement map: the implementation's bits as the model's state. A UPID is decoded from its
 * two memory words; a thread's UIRR, UIF and UINV come from its CPU's registers while its state
 * is loaded there and from its XSAVE image otherwise (UINV 0 once saved); a sender's UITT
 * validity from the V bits of its entries; APIC IRR bits become pending vectors; the wires
 * become the multiset of in-flight IPIs. A split SENDUIPI's unfinished half holds no notification.
 * Its kernel keeps no wait flags of its own: they are the ones its thread's phase implies, and no
 * receiver outside the configuration ever runs.
 */
import {
  type Cpu,
  modelWaitFlags,
  type Receiver,
  type Sender,
  type UipiState,
  type Upid,
} from '../../model/state.ts';
import { uittEntryAddr, upidAddr } from './memory.ts';
import type { UipiMachine } from './uipiMachine.ts';
import { uittValid } from './uittLayout.ts';
import { MISC_UIF, miscUinv, upidNdst, upidNv, upidOn, upidSn } from './upidLayout.ts';

/** The model state `m` stands for. */
export function absUipi(m: UipiMachine): UipiState {
  const upids: Upid[] = [];
  const receivers: Receiver[] = [];
  m.threads.forEach((t, r) => {
    const w0 = m.mem.read(upidAddr(r));
    upids.push({
      on: upidOn(w0),
      sn: upidSn(w0),
      nv: upidNv(w0),
      ndst: upidNdst(w0),
      pir: m.mem.read(upidAddr(r) + 8n),
    });
    const cpu = t.cpu >= 0 ? m.cpus[t.cpu] : undefined;
    const live = cpu !== undefined && cpu.current === r;
    receivers.push({
      phase: t.kstate,
      cpu: t.cpu,
      uirr: live ? cpu.uirr : t.saved.uirr,
      uif: live ? cpu.uif : (t.saved.misc & MISC_UIF) !== 0n,
      uinv: live ? miscUinv(cpu.misc) : 0,
      hvec: t.frame,
      body: t.body,
      ...modelWaitFlags(t.kstate),
    });
  });
  const senders: Sender[] = m.senders.map((sd, s) => {
    let valid = 0;
    for (let i = 0; i < m.cfg.uittSize; i++) if (uittValid(m.mem.read(uittEntryAddr(s, i)))) valid |= 1 << i;
    return { valid, held: sd.held === null ? -1 : sd.held.dest * 256 + sd.held.vector };
  });
  const cpus: Cpu[] = m.cpus.map((c) => {
    const pending: number[] = [];
    for (let v = 0; v < 256; v++) if (((c.irr >> BigInt(v)) & 1n) === 1n) pending.push(v);
    return { cur: c.current, pending, processing: c.processing, other: false };
  });
  const inflight = m.wires.map((w) => w.dest * 256 + w.vector).sort((a, b) => a - b);
  return { upids, receivers, senders, cpus, inflight };
}
