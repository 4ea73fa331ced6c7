/**
 * The `well-formed` profile's condition on the state (StormProfile.enabled), and the `fill`
 * profile's (the same without its capacity rule): the events software
 * of that discipline makes only in some states. taic.md's "should satisfy" names three conditions
 * (no preempt or keep bit, no id 0, no local queue holding C tasks); the first two are the storm's
 * ids (taicStorm.ts `plainId`), the third is the capacity rule below. The others keep the storm
 * out of TAIC behaviours that are findings of their own (taic.md *Must find*, findings.ts), each
 * of which makes a "should satisfy" property fail as well:
 *
 * - capacity: a task-adding event (ENQUEUE, IRQ_REGISTER, IPC_REGISTER) only while its process
 *   holds at most C − 2 (ready + waiting), so no process ever holds C: no local queue holds C
 *   tasks (its ⌈log2 C⌉-bit count would wrap [Q:507,536]) and occupancy stays below §5's bound,
 *   which TAIC does not enforce on slots and capabilities [Q:190-192];
 * - one waiter per line: IRQ_REGISTER_d only while no process waits for d. TAIC keeps one slot
 *   per (GQ, line) with no registration order, one edge wakes every GQ's slot [Q:317-343], and a
 *   second registration overwrites the slot [X:25]; §5 at TAIC's B = 1 refuses all of these;
 * - one handler per (process, type): IPC_REGISTER_t only while ipcWait[p][t] is empty. A second
 *   receive registration is written into the first empty and the first matching slot [S:58];
 * - sends to a registered receiver only: IPC_SEND(p→q, t) only while q's GQ holds a receive
 *   capability for sender p and type t. Otherwise the send is dropped (q offline, [C:223-226]) or
 *   re-enqueues the GQ's stale `enq_data` [Q:456-481] (the IPC side of noSpuriousWakeup);
 * - STATUS←0 only of a process that holds nothing: freeing its last local queue cleans the GQ and
 *   discards what it holds [Q:257-276; C:172-188].
 */
import type { Config } from '../../model/config/config.ts';
import type { ControllerEvent } from '../../model/events.ts';
import { occupancy } from '../../model/state.ts';
import type { ControllerDevice } from '../device.ts';
import { TaicDevice } from './taicDevice.ts';

/** Whether GQ(q) holds a receive capability naming sender p (os 1) and type t [Q:456; S:47]. */
function canReceive(d: TaicDevice, q: number, p: number, t: number): boolean {
  const gq = d.gqs[d.gqOf(q)];
  const word = (BigInt(p) << 32n) | BigInt(t);
  return gq?.caps.recv.some((c) => c.os === 1n && c.word === word && c.task !== 0n) ?? false;
}

/** The discipline above; `capacity` false leaves out its capacity rule (the `fill` profile). */
function disciplined(cfg: Config, device: ControllerDevice, e: ControllerEvent, capacity: boolean): boolean {
  if (!(device instanceof TaicDevice)) return true;
  switch (e.type) {
    case 'Enqueue':
    case 'IrqRegister':
    case 'IpcRegister': {
      const s = device.abs();
      if (capacity && occupancy(cfg, s, e.p) > cfg.capacity - 2) return false;
      if (e.type === 'IrqRegister') return (s.irqWait[e.device]?.length ?? 0) === 0;
      if (e.type === 'IpcRegister') return (s.ipcWait[e.p * cfg.ipcTypes + e.ipcType]?.length ?? 0) === 0;
      return true;
    }
    case 'IpcSend':
      return canReceive(device, e.target, e.p, e.ipcType);
    case 'StatusWrite':
      return (e.data & 1n) === 1n || occupancy(cfg, device.abs(), e.p) === 0;
    default:
      return true;
  }
}

export function wellFormedEnabled(cfg: Config, device: ControllerDevice, e: ControllerEvent): boolean {
  return disciplined(cfg, device, e, true);
}

/**
 * The `fill` profile's condition: the discipline without its capacity rule, so a process may
 * fill its global queue. It reaches what taic.md's must-find scenarios at C show (the count of a
 * local queue holding C wraps [Q:507,536]; a wake into a full GQ [Q:129-131; D:40-41]) without
 * the shorter findings the rest of the discipline keeps out.
 */
export function fillEnabled(cfg: Config, device: ControllerDevice, e: ControllerEvent): boolean {
  return disciplined(cfg, device, e, false);
}
