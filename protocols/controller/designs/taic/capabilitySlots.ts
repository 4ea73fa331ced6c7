/**
 * One GQ's `SoftIntrSlots` (S = SoftIntrSlots.scala): six send capabilities (recv_os, word2),
 * six receive capabilities (handler, send_os, word2), and the unit's own small state machine that
 * latches the words of a `register_sender`, `cancel_sender` or `register_receiver` sequence. The
 * unit's state is its own: the GQ tracks the same sequences in `softintr_state` (globalQueue.ts),
 * and the two can part after a clean (which resets only this one) (inferred).
 */

/** The unit's states that survive a step; `*1`/`*2` last one cycle [S:31,69-71,81-83,97-99]. */
export type SlotsState = 'idle' | 'regSend0' | 'regRecv0' | 'regRecv1' | 'cancelSend0';

/** A send capability: the receiver's (os, (proc<<32)|irq); both 0 = empty [S:27]. */
export interface SendCap {
  readonly os: bigint;
  readonly word: bigint;
}
/** A receive capability: the handler and the sender's (os, (proc<<32)|irq); all 0 = empty [S:29]. */
export interface RecvCap {
  readonly task: bigint;
  readonly os: bigint;
  readonly word: bigint;
}

const NO_SEND: SendCap = Object.freeze({ os: 0n, word: 0n });
const NO_RECV: RecvCap = Object.freeze({ task: 0n, os: 0n, word: 0n });

/** Which sequence a word belongs to (the three MMIO ports that feed this unit [Q:357-374]). */
export type CapPort = 'registerSender' | 'cancelSender' | 'registerReceiver';

/** The states in which the unit takes a word of `port` (its `ready` [S:34-36]). */
const READY: Readonly<Record<CapPort, readonly SlotsState[]>> = {
  registerSender: ['idle', 'regSend0'],
  cancelSender: ['idle', 'cancelSend0'],
  registerReceiver: ['idle', 'regRecv0', 'regRecv1'],
};

/** The lowest index whose entry satisfies `f`, or `n` (PriorityEncoder over Cat(0, bits) [S:43-50]). */
function first<T>(xs: readonly T[], f: (x: T) => boolean): number {
  const i = xs.findIndex(f);
  return i < 0 ? xs.length : i;
}

export class CapabilitySlots {
  readonly send: SendCap[];
  readonly recv: RecvCap[];
  state: SlotsState = 'idle';
  /** The unit's latched words, shared by all three sequences [S:38-40]. */
  os = 0n;
  proc = 0n;
  task = 0n;

  constructor(n: number, from?: CapabilitySlots) {
    this.send = from === undefined ? new Array<SendCap>(n).fill(NO_SEND) : from.send.slice();
    this.recv = from === undefined ? new Array<RecvCap>(n).fill(NO_RECV) : from.recv.slice();
    if (from !== undefined) {
      this.state = from.state;
      this.os = from.os;
      this.proc = from.proc;
      this.task = from.task;
    }
  }

  /** Whether the unit takes a word of `port` now (the GQ's arbiter fires only then [Q:379-410]). */
  ready(port: CapPort): boolean {
    return READY[port].includes(this.state);
  }

  /** One word of `port`, which the caller checked `ready`: latch it, and commit a finished sequence. */
  word(port: CapPort, data: bigint): void {
    switch (port) {
      case 'registerSender':
        if (this.state === 'idle') {
          this.os = data; // S:61-64
          this.state = 'regSend0';
          return;
        }
        this.proc = data; // S:65-71
        this.state = 'idle';
        this.registerSend();
        return;
      case 'cancelSender':
        if (this.state === 'idle') {
          this.os = data; // S:73-76
          this.state = 'cancelSend0';
          return;
        }
        this.proc = data; // S:77-83
        this.state = 'idle';
        this.cancelSend();
        return;
      case 'registerReceiver':
        if (this.state === 'idle') {
          this.os = data; // S:85-88
          this.state = 'regRecv0';
          return;
        }
        if (this.state === 'regRecv0') {
          this.proc = data; // S:89-92
          this.state = 'regRecv1';
          return;
        }
        this.task = data; // S:93-99
        this.state = 'idle';
        this.registerRecv();
        return;
    }
  }

  /** S:57: (os, proc) goes into the first empty slot **and** the first matching slot; with neither, nowhere. */
  private registerSend(): void {
    const cap = { os: this.os, word: this.proc };
    const match = first(this.send, (c) => c.os === cap.os && c.word === cap.word);
    const empty = first(this.send, (c) => c.os === 0n && c.word === 0n);
    for (const i of [empty, match]) if (i < this.send.length) this.send[i] = cap;
  }

  /** S:57: the first matching send capability is cleared. */
  private cancelSend(): void {
    const match = first(this.send, (c) => c.os === this.os && c.word === this.proc);
    if (match < this.send.length) this.send[match] = NO_SEND;
  }

  /** S:58: (task, os, proc) into the first empty slot and the first slot matching (os, proc). */
  private registerRecv(): void {
    const cap = { task: this.task, os: this.os, word: this.proc };
    const match = first(this.recv, (c) => c.os === cap.os && c.word === cap.word);
    const empty = first(this.recv, (c) => c.task === 0n && c.os === 0n && c.word === 0n);
    for (const i of [empty, match]) if (i < this.recv.length) this.recv[i] = cap;
  }

  /** Whether some send capability is (os, word) [Q:434]. */
  canSend(os: bigint, word: bigint): boolean {
    return this.send.some((c) => c.os === os && c.word === word);
  }

  /**
   * A forwarded send from (os, word) asks for a handler [Q:456-460; S:58]: the first receive
   * capability matching, its handler, and the capability cleared unless it has the keep bit (bit 1)
   * or this unit is in the middle of a sequence (the clear needs the unit idle, S:58) (inferred).
   * Undefined when none matches (`handler_idx` = 6).
   */
  wake(os: bigint, word: bigint): bigint | undefined {
    const i = first(this.recv, (c) => c.os === os && c.word === word);
    const cap = this.recv[i];
    if (cap === undefined) return undefined;
    if (this.state === 'idle' && (cap.task & 2n) === 0n) this.recv[i] = NO_RECV;
    return cap.task;
  }

  /** A clean: every capability cleared and the unit back to idle (s_clean, one cycle) [S:100-106; Q:355]. */
  clean(): void {
    this.send.fill(NO_SEND);
    this.recv.fill(NO_RECV);
    this.state = 'idle';
  }

  /** The unit as key material (state, latched words, every slot). */
  key(): string {
    const s = this.send.map((c) => `${c.os.toString(16)}.${c.word.toString(16)}`).join(',');
    const r = this.recv
      .map((c) => `${c.task.toString(16)}.${c.os.toString(16)}.${c.word.toString(16)}`)
      .join(',');
    return `${this.state}:${this.os.toString(16)}:${this.proc.toString(16)}:${this.task.toString(16)}[${s}][${r}]`;
  }
}
