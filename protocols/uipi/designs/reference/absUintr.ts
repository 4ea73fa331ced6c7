/**
 * The hardware part of a design's refinement map: a UPID is decoded from its two memory words; a
 * thread's UIRR, UIF and UINV come from its CPU's registers while its state is loaded there and
 * from its XSAVE image otherwise (UINV 0 once saved); a sender's UITT validity from the V bits of
 * its entries; APIC IRR bits become pending vectors; the wires become the in-flight IPIs. A split
 * SENDUIPI's unfinished half holds no notification. Where each thread is, and the kernel's wait
 * flags, are the design's own ({@link ThreadView}).
 */
import {
  type Cpu,
  type Receiver,
  type ReceiverPhase,
  type Sender,
  setBits,
  type UipiState,
  type Upid,
} from '../../model/state.ts';
import { uittEntryAddr, upidAddr } from './memory.ts';
import type { UintrMachine } from './uintrMachine.ts';
import type { CpuRegs } from './uipiCpu.ts';
import { uittValid } from './uittLayout.ts';
import { MISC_UIF, miscUinv, upidNdst, upidNv, upidOn, upidSn } from './upidLayout.ts';

/** What a design's kernel says of receiver r's thread. */
export interface ThreadView {
  readonly phase: ReceiverPhase;
  /** The CPU it is on, -1 off-CPU. */
  readonly cpu: number;
  /** Its user state is in its CPU's registers (else in its XSAVE image). */
  readonly loaded: boolean;
  readonly saved: { readonly uirr: bigint; readonly misc: bigint };
  readonly frame: number;
  readonly body: boolean;
  readonly waiting: boolean;
  readonly listed: boolean;
}

/** The model state machine `m` stands for, its threads as `threads` says and `other(c)` for a CPU running a receiver outside the configuration. */
export function absUintr(
  m: UintrMachine,
  threads: readonly ThreadView[],
  other: (c: CpuRegs) => boolean,
): UipiState {
  const upids: Upid[] = [];
  const receivers: Receiver[] = [];
  threads.forEach((t, r) => {
    const w0 = m.mem.read(upidAddr(r));
    upids.push({
      on: upidOn(w0),
      sn: upidSn(w0),
      nv: upidNv(w0),
      ndst: upidNdst(w0),
      pir: m.mem.read(upidAddr(r) + 8n),
    });
    const cpu = t.cpu >= 0 ? m.cpus[t.cpu] : undefined;
    const live = cpu !== undefined && cpu.current === r && t.loaded;
    receivers.push({
      phase: t.phase,
      cpu: t.cpu,
      uirr: live ? cpu.uirr : t.saved.uirr,
      uif: live ? cpu.uif : (t.saved.misc & MISC_UIF) !== 0n,
      uinv: live ? miscUinv(cpu.misc) : 0,
      hvec: t.frame,
      body: t.body,
      waiting: t.waiting,
      listed: t.listed,
    });
  });
  const senders: Sender[] = m.senders.map((sd, s) => {
    let valid = 0;
    for (let i = 0; i < m.cfg.uittSize; i++) if (uittValid(m.mem.read(uittEntryAddr(s, i)))) valid |= 1 << i;
    return { valid, held: sd.held === null ? -1 : sd.held.dest * 256 + sd.held.vector };
  });
  const cpus: Cpu[] = m.cpus.map((c) => {
    return { cur: c.current, pending: setBits(c.irr), processing: c.processing, other: other(c) };
  });
  const inflight = m.wires.map((w) => w.dest * 256 + w.vector).sort((a, b) => a - b);
  return { upids, receivers, senders, cpus, inflight };
}
