/**
 * The TAIC RTL (`taic-repo/taic-rocket-chip@8ede103`, taic.md) as a register-level device: the
 * controller (C = Controller.scala) and four global queues (globalQueue.ts) behind one register
 * node of concurrency 1 [T:53-57]. One completed access, or one rising edge, is one step; after it
 * the controller is idle again unless an allocation is half done (`s_wos`), a result waits to be
 * read (`s_ridx`/`s_error`), or a free of a GQ ≥ 4 left it in `s_free_lq` for ever. An access
 * whose handshake is never ready stalls the node for good (taic.md *Stalls*), and every later
 * access fails.
 */

import type { Config } from '../../model/config/config.ts';
import { ACK, type Observation, valueObs } from '../../model/result.ts';
import type { ControllerState } from '../../model/state.ts';
import type { ControllerDevice, DesignValue } from '../device.ts';
import { GlobalQueue } from './globalQueue.ts';
import { taicAbs } from './taicAbs.ts';
import { taicDesignState } from './taicDesignState.ts';
import { CTL, GQ_NUM, LQ_BASE, LQ_NUM, LQ_REG, MASK32, MASK64, PAGE } from './taicMap.ts';

/** The controller states that survive a step [C:49-54]. */
export type CtlState = 'idle' | 'wos' | 'ridx' | 'error' | 'freeStuck';

const STALL: Observation = Object.freeze({ kind: 'stall' });
const ZERO: Observation = Object.freeze({ kind: 'value', value: 0n });

export class TaicDevice implements ControllerDevice {
  readonly cfg: Config;
  readonly gqs: GlobalQueue[];
  ctl: CtlState = 'idle';
  /** The controller's `os`/`proc` [C:41-42] (also overwritten by a forward [C:206-207]) and `lq_idx` [C:140]. */
  os = 0n;
  proc = 0n;
  lqIdx = 0n;
  /** The GQ allocator's bitmap: `gqFree[g]` [B:10]. */
  readonly gqFree: boolean[];
  /** An access never completed: the node is held for good. */
  stalled = false;

  constructor(cfg: Config, from?: TaicDevice) {
    this.cfg = cfg;
    if (from !== undefined) {
      this.gqs = from.gqs.map((g) => g.copy());
      this.gqFree = from.gqFree.slice();
      this.ctl = from.ctl;
      this.os = from.os;
      this.proc = from.proc;
      this.lqIdx = from.lqIdx;
      this.stalled = from.stalled;
      return;
    }
    this.gqs = Array.from({ length: GQ_NUM }, () => new GlobalQueue(cfg.capacity, cfg.devices));
    this.gqFree = new Array<boolean>(GQ_NUM).fill(true);
  }

  /** TAIC at reset, after `alq(1, 0)` (taic.md *Mapping*: the kernel's GQ 0 / LQ 0 is allocated). */
  static booted(cfg: Config): TaicDevice {
    const d = new TaicDevice(cfg);
    d.write(cfg.base + BigInt(CTL.alq), 1n);
    d.write(cfg.base + BigInt(CTL.alq), 0n);
    d.read(cfg.base + BigInt(CTL.alq));
    return d;
  }

  copy(): TaicDevice {
    return new TaicDevice(this.cfg, this);
  }

  // ---- the register node -------------------------------------------------------------------

  read(addr: bigint): Observation {
    if (this.stalled) return STALL;
    const r = this.route(addr);
    let obs: Observation = ZERO; // a read of a write-only register or an unmapped offset returns 0 [RF:42; RM:207-209]
    if (r.page === 'ctl') {
      if (r.off === CTL.alq) obs = this.readAlloc();
    } else if (r.page === 'lq') {
      const gq = this.gqs[r.g];
      if (gq !== undefined && r.off === LQ_REG.taskDequeue) obs = valueObs(gq.dequeue(r.l));
      else if (gq !== undefined && r.off === LQ_REG.error) obs = valueObs(gq.readError()); // T:122-124
    }
    return this.settle(obs);
  }

  write(addr: bigint, data: bigint): Observation {
    if (this.stalled) return STALL;
    const r = this.route(addr);
    let obs: Observation = ACK; // a write to a read-only register or an unmapped offset is ignored [RF:76; RM:183-190]
    if (r.page === 'ctl') obs = this.writeCtl(r.off, data);
    else if (r.page === 'lq') obs = this.writeLq(r.g, r.l, r.off, data);
    return this.settle(obs);
  }

  /** A rising edge on line d: every GQ latches and handles it in the step [Q:307-343; hd:142-149]. */
  irq(line: number): Observation {
    if (this.stalled) return STALL;
    if (line < 0 || line >= this.cfg.devices) return ACK;
    for (const gq of this.gqs) gq.edge(line);
    return this.settle(ACK);
  }

  /** Where an address lands: the control page, an LQ page (g, l), or nothing [T:112-152]. */
  private route(
    addr: bigint,
  ): { page: 'ctl'; off: number } | { page: 'lq'; g: number; l: number; off: number } | { page: 'none' } {
    const rel = (addr - this.cfg.base) & ~7n; // the register node indexes 64-bit words (inferred)
    if (rel < 0n) return { page: 'none' };
    if (rel < LQ_BASE) return { page: 'ctl', off: Number(rel) };
    const i = (rel - LQ_BASE) / PAGE;
    if (i >= BigInt(GQ_NUM * LQ_NUM)) return { page: 'none' };
    const n = Number(i);
    return { page: 'lq', g: Math.floor(n / LQ_NUM), l: n % LQ_NUM, off: Number((rel - LQ_BASE) % PAGE) };
  }

  /** A completed access, or the stall that holds the node for good. */
  private settle(obs: Observation): Observation {
    if (obs.kind === 'stall') {
      this.stalled = true;
      return STALL;
    }
    this.forward();
    return obs;
  }

  private writeCtl(off: number, data: bigint): Observation {
    if (off === CTL.alq) return this.writeAlloc(data);
    if (off === CTL.flq) return this.writeFree(data);
    const d = (off - CTL.simExtint) / 8;
    // sim_extint_d: a one-cycle pulse ORed into line d, one rising edge while the line is low [T:108-111,145-150]
    if (off >= CTL.simExtint && Number.isInteger(d) && d < this.cfg.devices)
      for (const gq of this.gqs) gq.edge(d);
    return ACK;
  }

  private writeLq(g: number, l: number, off: number, data: bigint): Observation {
    const gq = this.gqs[g];
    if (gq === undefined) return ACK;
    switch (off) {
      case LQ_REG.taskEnqueue:
        gq.enqueue(l, data);
        return ACK;
      case LQ_REG.registerSender:
        return gq.capWord('registerSender', data) === 'ack' ? ACK : STALL;
      case LQ_REG.cancelSender:
        return gq.capWord('cancelSender', data) === 'ack' ? ACK : STALL;
      case LQ_REG.registerReceiver:
        return gq.capWord('registerReceiver', data) === 'ack' ? ACK : STALL;
      case LQ_REG.sendIntr:
        return gq.sendWord(data) === 'ack' ? ACK : STALL;
      case LQ_REG.whart:
        gq.writeHart(data);
        return ACK;
      default: {
        const d = (off - LQ_REG.registerExtint) / 8;
        if (off >= LQ_REG.registerExtint && Number.isInteger(d) && d < this.cfg.devices)
          gq.registerExtint(d, data);
        return ACK;
      }
    }
  }

  // ---- the controller: allocation, free, forwarding ------------------------------------------

  /**
   * `alq` W [C:58-69]: taken in `s_idle` (latches os, `s_wos`) and `s_wos` (latches proc and
   * allocates); in any other state `alloc.ready` is low and the write stalls (inferred).
   */
  private writeAlloc(data: bigint): Observation {
    if (this.ctl === 'idle') {
      this.os = data;
      this.ctl = 'wos';
      return ACK;
    }
    if (this.ctl !== 'wos') return STALL;
    this.proc = data;
    this.allocate();
    return ACK;
  }

  /** The lowest GQ keyed (os, proc), or GQ_NUM (`os_proc_idx` [C:72-73]). */
  private match(os: bigint, proc: bigint): number {
    const i = this.gqs.findIndex((g) => g.os === os && g.proc === proc);
    return i < 0 ? GQ_NUM : i;
  }

  /** s_find … s_ridx / s_error [C:107-148; B:20-32; Q:234-250]. */
  private allocate(): void {
    let g = this.match(this.os, this.proc);
    if (g === GQ_NUM) {
      const free = this.gqFree.indexOf(true);
      if (free < 0) {
        this.ctl = 'error'; // C:112-113: every GQ in use
        return;
      }
      this.gqFree[free] = false; // C:131-134
      const gq = this.gqs[free];
      if (gq === undefined) return;
      gq.os = this.os; // Q:234-238: initialised, not cleaned
      gq.proc = this.proc;
      g = free;
    } else if (this.gqs[g]?.lqCount() === LQ_NUM) {
      this.ctl = 'error'; // C:118-129: all 8 LQs of the matching GQ in use
      return;
    }
    const gq = this.gqs[g];
    if (gq === undefined) return;
    // The lowest free LQ (7 when none: PriorityEncoder of 0 [B:12]); its head is the previous LQ's tail, its count kept [Q:118-120,242-250]
    let l = gq.lqFree.indexOf(true);
    if (l < 0) l = LQ_NUM - 1;
    gq.head[l] = l === 0 ? 0 : gq.tail(l - 1);
    gq.lqFree[l] = false;
    this.lqIdx = BigInt(l); // C:141-148
    this.ctl = 'ridx';
  }

  /** `alq` R [C:150-157]: `(g<<32)|l` in `s_ridx`, all-ones in `s_error`; no result waiting: the read stalls (inferred). */
  private readAlloc(): Observation {
    if (this.ctl === 'ridx') {
      this.ctl = 'idle';
      return valueObs(((BigInt(this.match(this.os, this.proc)) << 32n) | (this.lqIdx & MASK32)) & MASK64);
    }
    if (this.ctl === 'error') {
      this.ctl = 'idle';
      return valueObs(MASK64);
    }
    return STALL;
  }

  /**
   * `flq` W [C:159-188]: taken only in `s_idle`. GQ g = data[63:32] frees LQ data[31:0] (the
   * allocator keeps 3 bits of it (inferred)); if that took the GQ's LQ count to 0, the GQ is freed
   * and cleaned. g ≥ 4 matches no GQ: the controller stays in `s_free_lq` for ever [C:167-171,182-184].
   */
  private writeFree(data: bigint): Observation {
    if (this.ctl !== 'idle') return STALL;
    const g = data >> 32n;
    const gq = g < BigInt(GQ_NUM) ? this.gqs[Number(g)] : undefined;
    if (gq === undefined) {
      this.ctl = 'freeStuck';
      return ACK;
    }
    const had = gq.lqCount();
    gq.lqFree[Number(data & 7n)] = true;
    if (had !== 0 && gq.lqCount() === 0) {
      this.gqFree[Number(g)] = true; // C:174-175
      gq.clean(); // C:176-180
    }
    return ACK;
  }

  /**
   * While the controller is idle it forwards waiting sends, lowest GQ first [C:190-226]: the
   * receiver is the lowest GQ keyed (recv_os, recv_proc>>32); with none the send is dropped with no
   * error bit [C:223-226]; else that GQ receives (send_os, (send_proc<<32)|irq) [C:215-222].
   */
  private forward(): void {
    while (this.ctl === 'idle') {
      const s = this.gqs.findIndex((g) => g.sendOk);
      const sender = this.gqs[s];
      if (sender === undefined) return;
      sender.sendOk = false; // Q:439: fired
      this.os = sender.recvOs; // C:206-208
      this.proc = sender.recvProc >> 32n;
      const irq = sender.recvProc & MASK32;
      const word = ((sender.proc & MASK32) << 32n) | irq; // C:217
      const target = this.gqs[this.match(this.os, this.proc)];
      if (target !== undefined) target.receive(sender.os, word);
    }
  }

  // ---- what the driver and abs() read ---------------------------------------------------------

  /** The GQ keyed (os = 1, proc = p): process p's, or -1 when p is offline (taic.md *Mapping*). */
  gqOf(p: number): number {
    const i = this.match(1n, BigInt(p));
    return i === GQ_NUM ? -1 : i;
  }

  abs(): ControllerState {
    return taicAbs(this.cfg, this);
  }

  designState(): DesignValue {
    return taicDesignState(this);
  }

  hiddenState(): string {
    const head = `${this.stalled ? 'S' : 's'}${this.ctl}:${this.os.toString(16)}:${this.proc.toString(16)}:${this.lqIdx}:${this.gqFree.map((f) => (f ? 1 : 0)).join('')}`;
    return [head, ...this.gqs.map((g) => g.key())].join('/');
  }
}
