/**
 * TAIC's driver (taic.md *Storm restriction*; the software side, TD lib.rs / lq.rs): how each
 * event becomes TAIC's own accesses. Process p's page is LQ 0 of its GQ g(p) (the GQ keyed
 * (os = 1, proc = p)); a local access (`LocalRead`/`LocalWrite`) names the LQ itself.
 *
 * Decisions (not in taic.md, recorded here and in the report):
 * - An operation made through the page of a process with no GQ is preceded by that process's
 *   `alq(1, p)` (W, W, R): software allocates its LQ before its first access. When the allocation
 *   fails (all-ones: every GQ in use) the operation makes no access (a read returns 0). The
 *   must-find scenarios' `on(p)` is then implicit.
 * - `IPC_SEND(p→q, t)` first writes `register_sender(1, (q<<32)|t)` on p's page when g(p) holds no
 *   such send capability (TD lq.rs:38-47: the sender's own setup), so that the §4.2 runtimes can
 *   send at all; `no_send_perm` stays reachable through word-level `send_intr` writes.
 * - `IPC_REGISTER_t(q, h)` without a sender names the kernel (s = 0) for q ≠ 0 and process 1 for
 *   q = 0: the other side of the §4.2 runtime at N = 2 (replies come from the kernel, calls come
 *   from process 1).
 * - `ERROR` returns the GQ's bits mapped to §5 (taicAbs.ts `errorBits`), as abs() shows them.
 */

import type { Config } from '../../model/config/config.ts';
import type { ControllerEvent } from '../../model/events.ts';
import { ACK, type Observation, valueObs } from '../../model/result.ts';
import type { ControllerDevice } from '../device.ts';
import { errorBits } from './taicAbs.ts';
import { TaicDevice } from './taicDevice.ts';
import { CTL, LQ_NUM, LQ_REG, lqPage, MASK64 } from './taicMap.ts';

const ZERO: Observation = Object.freeze({ kind: 'value', value: 0n });

/** The device as TAIC (the driver drives nothing else). */
function taicOf(device: ControllerDevice): TaicDevice {
  if (device instanceof TaicDevice) return device;
  throw new Error('the TAIC driver drives a TaicDevice only');
}

/** The first access of `steps` that did not complete, else the last one's observation. */
function sequence(steps: readonly (() => Observation)[]): Observation {
  let obs: Observation = ACK;
  for (const s of steps) {
    obs = s();
    if (obs.kind !== 'value' && obs.kind !== 'ack') return obs;
  }
  return obs;
}

/** `alq(1, p)`: W os, W proc, R [TD lib.rs:23-36; C:58-157]. */
function allocate(d: TaicDevice, p: number): Observation {
  const alq = d.cfg.base + BigInt(CTL.alq);
  return sequence([() => d.write(alq, 1n), () => d.write(alq, BigInt(p)), () => d.read(alq)]);
}

/** The page of LQ `lq` of p's GQ, allocating p's first LQ if p has none; a stall, or null when no GQ could be had. */
function pageOf(d: TaicDevice, p: number, lq: number): bigint | Observation | null {
  if (d.gqOf(p) < 0) {
    const r = allocate(d, p);
    if (r.kind !== 'value') return r;
  }
  const g = d.gqOf(p);
  return g < 0 ? null : lqPage(d.cfg.base, g, lq);
}

/** A read at offset `off` of p's LQ `lq`. */
function readAt(d: TaicDevice, p: number, lq: number, off: number): Observation {
  const page = pageOf(d, p, lq);
  if (page === null) return ZERO;
  return typeof page === 'bigint' ? d.read(page + BigInt(off)) : page;
}

/** Writes of `words` in order at offset `off` of p's LQ `lq`. */
function writeAt(d: TaicDevice, p: number, lq: number, off: number, ...words: bigint[]): Observation {
  const page = pageOf(d, p, lq);
  if (page === null) return ACK;
  if (typeof page !== 'bigint') return page;
  return sequence(words.map((w) => () => d.write(page + BigInt(off), w & MASK64)));
}

/**
 * STATUS←1: `alq(1, p)` for an offline p [TD lib.rs:23-36]; STATUS←0: `flq` of every LQ of p's GQ
 * [TD lq.rs:108-120]. STATUS is a write: once its accesses completed it is acknowledged (the
 * `alq` read's value is the driver's, not the write's result); a stalled access is passed on.
 */
function writeStatus(d: TaicDevice, p: number, on: boolean): Observation {
  const g = d.gqOf(p);
  if (on) {
    if (g >= 0) return ACK;
    const r = allocate(d, p);
    return r.kind === 'value' ? ACK : r;
  }
  const gq = d.gqs[g];
  if (gq === undefined) return ACK;
  const flq = d.cfg.base + BigInt(CTL.flq);
  const lqs = Array.from({ length: LQ_NUM }, (_, l) => l).filter((l) => gq.lqFree[l] === false);
  return sequence(lqs.map((l) => () => d.write(flq, (BigInt(g) << 32n) | BigInt(l))));
}

/** `IPC_SEND(p→q, t)`: the send capability if p has none, then `send_intr(1, (q<<32)|t)` [TD lq.rs:38-84]. */
function send(d: TaicDevice, p: number, q: number, t: number): Observation {
  const word = (BigInt(q) << 32n) | BigInt(t);
  const page = pageOf(d, p, 0);
  if (page === null) return ACK;
  if (typeof page !== 'bigint') return page;
  const gq = d.gqs[d.gqOf(p)];
  const steps: (() => Observation)[] = [];
  if (gq !== undefined && !gq.caps.canSend(1n, word)) {
    const at = page + BigInt(LQ_REG.registerSender);
    steps.push(
      () => d.write(at, 1n),
      () => d.write(at, word),
    );
  }
  const at = page + BigInt(LQ_REG.sendIntr);
  steps.push(
    () => d.write(at, 1n),
    () => d.write(at, word),
  );
  return sequence(steps);
}

/** The sender an `IPC_REGISTER` names (see the decisions above). */
function senderOf(q: number, sender: number | undefined): number {
  return sender ?? (q === 0 ? 1 : 0);
}

export function taicDrive(_cfg: Config, device: ControllerDevice, e: ControllerEvent): Observation {
  const d = taicOf(device);
  switch (e.type) {
    case 'Read':
      return d.read(e.addr);
    case 'Write':
      return d.write(e.addr, e.data);
    case 'Irq':
      return d.irq(e.line);
    case 'LocalRead':
      return readAt(d, e.p, e.lq, e.off);
    case 'LocalWrite':
      return writeAt(d, e.p, e.lq, e.off, e.data);
    case 'Dequeue':
      return readAt(d, e.p, 0, LQ_REG.taskDequeue);
    case 'Enqueue':
      return writeAt(d, e.p, e.prio, LQ_REG.taskEnqueue, e.task);
    case 'IrqRegister':
      return writeAt(d, e.p, 0, LQ_REG.registerExtint + 8 * e.device, e.task);
    case 'IpcRegister': {
      const word = (BigInt(senderOf(e.p, e.sender)) << 32n) | BigInt(e.ipcType);
      return writeAt(d, e.p, 0, LQ_REG.registerReceiver, 1n, word, e.task);
    }
    case 'IpcSend':
      return send(d, e.p, e.target, e.ipcType);
    case 'ErrorRead': {
      const r = readAt(d, e.p, 0, LQ_REG.error);
      return r.kind === 'value' ? valueObs(BigInt(errorBits(Number(r.value & 0xffn)))) : r;
    }
    case 'StatusRead':
      return valueObs(d.gqOf(e.p) >= 0 ? 1n : 0n);
    case 'StatusWrite':
      return writeStatus(d, e.p, (e.data & 1n) === 1n);
  }
}
