/**
 * The accesses that follow a formal counterexample's witness in its trace, to make what the
 * design holds visible on the bus (a BMC failure is often in a register the bus does not read: a
 * pending counter, a waiter, the free list). Each phase is planned on the reference model's state
 * as the accesses before it leave it, so the reference's replies are known and a design that
 * holds something else answers differently somewhere:
 *
 * 1. the errors: an ERROR read through page 0;
 * 2. the ready queues: DEQUEUE on each page until the reference's are empty, and once more
 *    (an empty page returns 0);
 * 3. the waiters: each waiter woken in turn (an edge of its line, an IPC_SEND to its queue) and
 *    taken out by a DEQUEUE on its process's page, so their order and owners show;
 * 4. the pending counters: registrations on each blocked queue, each followed by a DEQUEUE,
 *    until one waits (that one is then woken and taken out): as many are ready at once as the
 *    counter held;
 * 5. the task memory: every page filled to its capacity and once more (QUEUE_FULL), an ERROR
 *    read, then every page emptied, so that a lost or duplicated entry shows.
 *
 * The tasks the closing writes are numbered from CLOSING_TASKS on.
 */
import type { Config } from '../model/config/config.ts';
import { registerAddress } from '../model/decode.ts';
import type { ControllerEvent } from '../model/events.ts';
import { type ControllerState, topPriority } from '../model/state.ts';
import { step } from '../model/step.ts';

/** The first task id the closing accesses write (recognisable in a trace). */
const CLOSING_TASKS = 0xc1_05e0_0000n;

/** The closing accesses after the state `s` (see above). */
export function closingReads(cfg: Config, s: ControllerState): ControllerEvent[] {
  const out: ControllerEvent[] = [];
  let state = s;
  let tasks = CLOSING_TASKS;
  const emit = (e: ControllerEvent) => {
    out.push(e);
    state = step(cfg, state, e).state;
  };
  const read = (p: number, reg: 'DEQUEUE' | 'ERROR') =>
    emit({ type: 'Read', addr: registerAddress(cfg, p, reg) });
  const write = (
    p: number,
    reg: 'ENQUEUE' | 'IPC_SEND' | 'IPC_REGISTER' | 'IRQ_REGISTER',
    index: number,
    data: bigint,
  ) => emit({ type: 'Write', addr: registerAddress(cfg, p, reg, index), data });
  const send = (p: number, t: number) => write(0, 'IPC_SEND', 0, (BigInt(t) << 32n) | BigInt(p));
  const drain = (p: number) => {
    while (topPriority(cfg, state, p) >= 0) read(p, 'DEQUEUE');
    read(p, 'DEQUEUE');
  };
  const pages = Array.from({ length: cfg.processes }, (_, p) => p);

  read(0, 'ERROR');
  for (const p of pages) drain(p);

  for (let d = 0; d < cfg.devices; d++) {
    for (let w = state.irqWait[d]?.[0]; w !== undefined; w = state.irqWait[d]?.[0]) {
      emit({ type: 'Irq', line: d });
      read(w.p, 'DEQUEUE');
    }
  }
  for (const p of pages) {
    for (let t = 0; t < cfg.ipcTypes; t++) {
      while ((state.ipcWait[p * cfg.ipcTypes + t]?.length ?? 0) > 0) {
        send(p, t);
        read(p, 'DEQUEUE');
      }
    }
  }

  for (let d = 0; d < cfg.devices; d++) {
    const p = d % cfg.processes;
    for (let pending = true; pending; ) {
      pending = (state.irqPending[d] ?? 0) > 0;
      write(p, 'IRQ_REGISTER', d, ++tasks);
      read(p, 'DEQUEUE');
    }
    emit({ type: 'Irq', line: d });
    read(p, 'DEQUEUE');
  }
  for (const p of pages) {
    for (let t = 0; t < cfg.ipcTypes; t++) {
      for (let pending = true; pending; ) {
        pending = (state.ipcPending[p * cfg.ipcTypes + t] ?? 0) > 0;
        write(p, 'IPC_REGISTER', t, ++tasks);
        read(p, 'DEQUEUE');
      }
      send(p, t);
      read(p, 'DEQUEUE');
    }
  }

  for (const p of pages) for (let i = 0; i <= cfg.capacity; i++) write(p, 'ENQUEUE', 0, ++tasks);
  read(0, 'ERROR');
  for (const p of pages) drain(p);
  return out;
}
