/**
 * One TAIC global queue (Q = Queue.scala `GlobalQueue`), at step granularity: after each step its
 * state machine is back in `s_idle` (taic.md *Step granularity*), so only its registers are kept:
 * (os, proc), the LQ allocator, the LQ bookkeeping (head, count) of ⌈log2 C⌉ bits, the
 * DataArray, `enq_data`, `ssip`/`usip`, `hartid`, the error bits, the external-interrupt slots, the
 * capability unit, the soft-interrupt sequence state, and a send waiting to be forwarded.
 */

import { CapabilitySlots, type CapPort } from './capabilitySlots.ts';
import { DataArray } from './dataArray.ts';
import { GQ_ERR, LQ_NUM, log2Ceil, MASK64, SOFTINTR_NUM } from './taicMap.ts';

/** The GQ's soft-interrupt sequence states that survive a step [Q:346-352,385-387,395-397,408-410,440-445]. */
export type SintState = 'idle' | 'regSend0' | 'regRecv0' | 'regRecv1' | 'cancelSend0' | 'sendIntr0';

/** The sequence states in which each port's write completes (its `ready`) [Q:368-370,417]. */
const PORT_READY: Readonly<Record<CapPort | 'sendIntr', readonly SintState[]>> = {
  registerSender: ['idle', 'regSend0'],
  cancelSender: ['idle', 'cancelSend0'],
  registerReceiver: ['idle', 'regRecv0', 'regRecv1'],
  sendIntr: ['idle', 'sendIntr0'],
};

/** The next sequence state after a word the capability unit took [Q:379-410]. */
function nextSint(s: SintState, port: CapPort): SintState {
  switch (port) {
    case 'registerSender':
      return s === 'idle' ? 'regSend0' : s === 'regSend0' ? 'idle' : s; // Q:379-387
    case 'cancelSender':
      return s === 'idle' ? 'cancelSend0' : s === 'cancelSend0' ? 'idle' : s; // Q:389-397
    case 'registerReceiver':
      return s === 'idle' ? 'regRecv0' : s === 'regRecv0' ? 'regRecv1' : s === 'regRecv1' ? 'idle' : s; // Q:399-410
  }
}

/** What a write to a sequence register did: completed, or held the bus for ever (`stall`). */
export type PortResult = 'ack' | 'stall';

export class GlobalQueue {
  /** C and the LQ bookkeeping width w = ⌈log2 C⌉ [Q:498,506-507]. */
  readonly cap: number;
  readonly width: number;
  os = 0n;
  proc = 0n;
  /** The LQ allocator's bitmap: `lqFree[l]` (reset: all free) [B:10]. */
  readonly lqFree: boolean[];
  /** LqMeta `head` and `count`, w bits each [Q:506-507]. */
  readonly head: number[];
  readonly count: number[];
  readonly data: DataArray;
  /** `enq_data` [Q:97]: the id last enqueued, or the handler last read by a wake. */
  enqData = 0n;
  ssip = false;
  usip = false;
  /** `hartid`, reset all-ones = no hart [Q:56]. */
  hartid = MASK64;
  /** `error_code` [Q:103]. */
  error = 0;
  /** ExtIntrSlots `handlers[d]` [X:18]. */
  readonly extSlots: bigint[];
  readonly caps: CapabilitySlots;
  sint: SintState = 'idle';
  /** The waiting send: `recv_os`, `recv_proc` [Q:423-424] and `send_ok` [Q:436]. */
  recvOs = 0n;
  recvProc = 0n;
  sendOk = false;

  constructor(cap: number, devices: number, from?: GlobalQueue) {
    this.cap = cap;
    this.width = log2Ceil(cap);
    if (from === undefined) {
      this.lqFree = new Array<boolean>(LQ_NUM).fill(true);
      this.head = new Array<number>(LQ_NUM).fill(0);
      this.count = new Array<number>(LQ_NUM).fill(0);
      this.data = new DataArray(cap);
      this.extSlots = new Array<bigint>(devices).fill(0n);
      this.caps = new CapabilitySlots(SOFTINTR_NUM);
      return;
    }
    this.lqFree = from.lqFree.slice();
    this.head = from.head.slice();
    this.count = from.count.slice();
    this.data = new DataArray(cap, from.data);
    this.extSlots = from.extSlots.slice();
    this.caps = new CapabilitySlots(SOFTINTR_NUM, from.caps);
    this.os = from.os;
    this.proc = from.proc;
    this.enqData = from.enqData;
    this.ssip = from.ssip;
    this.usip = from.usip;
    this.hartid = from.hartid;
    this.error = from.error;
    this.sint = from.sint;
    this.recvOs = from.recvOs;
    this.recvProc = from.recvProc;
    this.sendOk = from.sendOk;
  }

  copy(): GlobalQueue {
    return new GlobalQueue(this.cap, this.extSlots.length, this);
  }

  /** Chisel's w-bit wrap of a head or count. */
  private wrap(v: number): number {
    const m = 1 << this.width;
    return ((v % m) + m) % m;
  }

  /** `tail = (head + count) % C`, the sum in w bits (`+` does not widen) [Q:511]. */
  tail(l: number): number {
    return this.wrap((this.head[l] ?? 0) + (this.count[l] ?? 0)) % this.cap;
  }

  /** Allocated LQs (the allocator's `alloc_count`) [B:16]. */
  lqCount(): number {
    return this.lqFree.filter((f) => !f).length;
  }

  /** Whether the GQ is unallocated by its registers: os = proc = 0 [Q:153,193]. */
  uninitialised(): boolean {
    return this.os === 0n && this.proc === 0n;
  }

  /**
   * LQ `l` takes one more element [Q:129,131; Q:535-538]: its count goes up by one in w bits
   * unless it already equals C (`count === gq_cap.U`; with C a power of two a w-bit count never
   * does, so it wraps to 0) (inferred), and every later LQ's head moves up one (w bits) [Q:120].
   */
  private bookEnqueue(l: number): void {
    const c = this.count[l] ?? 0;
    this.count[l] = c === this.cap ? c : this.wrap(c + 1);
    for (let i = l + 1; i < LQ_NUM; i++) this.head[i] = this.wrap((this.head[i] ?? 0) + 1);
  }

  /** LQ `l` gives one element up [Q:130-131; Q:542-545]: its count down (not below 0), later heads down one (w bits). */
  private bookDequeue(l: number): void {
    const c = this.count[l] ?? 0;
    this.count[l] = c === 0 ? 0 : c - 1;
    for (let i = l + 1; i < LQ_NUM; i++) this.head[i] = this.wrap((this.head[i] ?? 0) - 1);
  }

  /**
   * A software enqueue of `id` through LQ `l` [Q:186-199,211-232]: refused with `queue_full`
   * when the DataArray holds C [Q:190-192] (acknowledged and dropped), with `not_init` when
   * (os, proc) = (0, 0) [Q:193-195]; otherwise to the tail of LQ l, allocated or not, the
   * preempt bit ignored, `ssip := usip := 0` [Q:214-220].
   */
  enqueue(l: number, id: bigint): void {
    if (this.data.count === this.cap) {
      this.error |= GQ_ERR.queueFull;
      return;
    }
    if (this.uninitialised()) {
      this.error |= GQ_ERR.notInit;
      return;
    }
    this.enqData = id; // Q:214
    const idx = this.tail(l); // Q:216: is_waked is false, so the tail
    this.ssip = false; // Q:218-220
    this.usip = false;
    this.bookEnqueue(l);
    this.data.enqueue(idx, id); // Q:226-228
  }

  /**
   * A wake of `enq_data` (non-zero) into LQ 0 [Q:211-224,317-343,461-476]: at the head with the
   * preempt bit (bit 0), else at the tail; `ssip` (proc = 0) or `usip` (proc ≠ 0) := preempt. No
   * capacity check: into a full GQ the bookkeeping still counts it while the DataArray drops it.
   */
  private wakeEnqData(): void {
    const task = this.enqData;
    const preempt = (task & 1n) === 1n;
    const idx = preempt ? (this.head[0] ?? 0) : this.tail(0); // Q:216
    this.ssip = this.proc === 0n && preempt; // Q:218
    this.usip = this.proc !== 0n && preempt; // Q:220
    this.bookEnqueue(0);
    this.data.enqueue(idx, task);
  }

  /**
   * A dequeue through LQ `r` [Q:146-184]: from LQ 0 while `ssip|usip`, else LQ r if non-empty,
   * else the lowest non-empty LQ (7 when none: PriorityEncoder of 0); `ssip := usip := 0` either
   * way [Q:151-152]; `not_init` or `no_lq` (r not allocated) return 0 [Q:153-158]. The element
   * at the chosen LQ's head leaves the DataArray [Q:164-171; D].
   */
  dequeue(r: number): bigint {
    const nonEmpty = (l: number): boolean => (this.count[l] ?? 0) !== 0;
    let from = r;
    if (this.ssip || this.usip) from = 0;
    else if (!nonEmpty(r)) {
      from = LQ_NUM - 1;
      for (let l = 0; l < LQ_NUM; l++) {
        if (nonEmpty(l)) {
          from = l;
          break;
        }
      }
    }
    this.ssip = false;
    this.usip = false;
    if (this.uninitialised()) {
      this.error |= GQ_ERR.notInit;
      return 0n;
    }
    if (this.lqFree[r] !== false) {
      this.error |= GQ_ERR.noLq;
      return 0n;
    }
    const idx = this.head[from] ?? 0; // Q:167
    this.bookDequeue(from);
    return this.data.dequeue(idx);
  }

  /** A read of `error`: the bits, then cleared [Q:201-205]. */
  readError(): bigint {
    const bits = this.error;
    this.error = 0;
    return BigInt(bits);
  }

  /** `register_extint_d` [Q:287-305; X:25]: the slot is overwritten (0 clears it). */
  registerExtint(d: number, handler: bigint): void {
    if (d < this.extSlots.length) this.extSlots[d] = handler;
  }

  /**
   * A rising edge of line d [Q:307-343; X:25]: `enq_data := slot[d]`, the slot cleared unless
   * its keep bit (1) is set, and a non-zero handler woken into LQ 0. Every GQ does this, free
   * or not; an empty slot consumes the edge and leaves `enq_data` = 0 [Q:337-343].
   */
  edge(d: number): void {
    const handler = this.extSlots[d] ?? 0n;
    if ((handler & 2n) === 0n) this.extSlots[d] = 0n;
    this.enqData = handler; // Q:330
    if (handler !== 0n) this.wakeEnqData();
  }

  /** `whart` [Q:53-67]: the last write wins. */
  writeHart(hart: bigint): void {
    this.hartid = hart;
  }

  /**
   * One word of a capability sequence [Q:357-410]. The write completes only in a state of its
   * own kind (a word of another kind stalls the bus for ever [Q:366-371], taic.md *Stalls*). The
   * GQ's sequence state and the unit move only when the unit takes the word [Q:379,382,…].
   */
  capWord(port: CapPort, data: bigint): PortResult {
    if (!PORT_READY[port].includes(this.sint)) return 'stall';
    if (!this.caps.ready(port)) return 'ack'; // the arbiter's output does not fire: the word is lost
    this.sint = nextSint(this.sint, port);
    this.caps.word(port, data);
    return 'ack';
  }

  /**
   * One word of `send_intr` [Q:412-445]: the first latches `recv_os`, the second `recv_proc` and
   * checks the send capabilities: with one, `send_ok` is raised (forwarded by the controller);
   * without, `no_send_perm` and `send_ok` keeps its old value [Q:439-443] (inferred).
   */
  sendWord(data: bigint): PortResult {
    if (!PORT_READY.sendIntr.includes(this.sint)) return 'stall';
    if (this.sint === 'idle') {
      this.recvOs = data; // Q:426-429
      this.sint = 'sendIntr0';
      return 'ack';
    }
    this.recvProc = data; // Q:430-433
    this.sint = 'idle';
    if (this.caps.canSend(this.recvOs, this.recvProc)) this.sendOk = true;
    else this.error |= GQ_ERR.noSendPerm; // Q:441-443
    return 'ack';
  }

  /**
   * A forwarded send from sender (os, (proc<<32)|irq) arrives [Q:447-481]: the first matching
   * receive capability's handler becomes `enq_data`; with none, `enq_data` keeps its previous
   * value (`handler_idx` = 6 matches no branch) (inferred). A non-zero `enq_data` is woken into
   * LQ 0, a zero one sets `no_recv_perm`.
   */
  receive(os: bigint, word: bigint): void {
    const handler = this.caps.wake(os, word);
    if (handler !== undefined) this.enqData = handler;
    if (this.enqData !== 0n) this.wakeEnqData();
    else this.error |= GQ_ERR.noRecvPerm;
  }

  /**
   * A clean, when the last LQ is freed [Q:257-276; C:172-188]: (os, proc), the error bits, every
   * LQ's count and head, the DataArray's count, the external-interrupt slots and the capabilities
   * are cleared. Not `ssip`/`usip`, `hartid`, `enq_data`, the DataArray's slots, the sequence
   * state or a waiting send [Q:53-56,97,258-273] (inferred).
   */
  clean(): void {
    this.os = 0n;
    this.proc = 0n;
    this.error = 0;
    this.head.fill(0);
    this.count.fill(0);
    this.data.clean();
    this.extSlots.fill(0n);
    this.caps.clean();
  }

  /** Every register as key material. */
  key(): string {
    const b = (x: bigint): string => x.toString(16);
    return [
      b(this.os),
      b(this.proc),
      this.lqFree.map((f) => (f ? '1' : '0')).join(''),
      this.head.join(','),
      this.count.join(','),
      this.data.mem.map(b).join(','),
      this.data.count,
      b(this.data.data),
      b(this.enqData),
      `${this.ssip ? 1 : 0}${this.usip ? 1 : 0}`,
      b(this.hartid),
      this.error,
      this.extSlots.map(b).join(','),
      this.caps.key(),
      this.sint,
      b(this.recvOs),
      b(this.recvProc),
      this.sendOk ? 1 : 0,
    ].join('|');
  }
}
