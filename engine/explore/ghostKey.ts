/**
 * The part of the checker's ghost data that can change a later verdict, as key material. The
 * properties read the controller ghost's custody counts, outstanding instances and error bits
 * owed, and the wakeup ghost's owed interrupts per line and woken-not-run tasks; so those are
 * part of an explored state's key (two runs reaching the same system state with different ghost
 * data may fail differently later). Step numbers kept in the ghost only for messages (when an
 * owed interrupt happened, when an error bit was first owed) are left out: they name a step of
 * the path, and the explorer's path to a state is its BFS-shortest one.
 *
 * For the model and every implementation that refines it, the ghost is a function of the state
 * (custody = what the queues hold; owed interrupts = the pending counters), so including it adds
 * no state: the manifest's counts are the same with and without it (test/explore).
 */
import type { ControllerGhost } from '../../protocols/controller/properties/ghost.ts';
import type { WakeupGhost } from '../../protocols/wakeup/properties/ghost.ts';
import type { KeyBuilder } from './keyBuilder.ts';

/**
 * Appends the controller ghost's verdict-relevant part to `k` (custody sorted by task id); with
 * `task`, that of the ghost whose task ids are renamed by it (a symmetry's key, built without the
 * renamed ghost).
 */
export function controllerGhostKey(k: KeyBuilder, g: ControllerGhost, task?: (t: bigint) => bigint): void {
  k.int(g.outstanding).int(g.errorSinceRead);
  for (const bits of g.errorSinceReadOf) k.int(bits);
  for (const m of g.custody) {
    if (m === undefined || m.size === 0) {
      k.int(0);
      continue;
    }
    k.int(m.size);
    if (m.size === 1) {
      for (const [t, n] of m) k.big(task === undefined ? t : task(t)).int(n);
      continue;
    }
    const ids = [...m].map(([t, n]) => [task === undefined ? t : task(t), n] as const);
    ids.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [t, n] of ids) k.big(t).int(n);
  }
}

/** Appends the wakeup ghost's verdict-relevant part to `k` (woken-not-run tasks sorted). */
export function wakeupGhostKey(k: KeyBuilder, g: WakeupGhost): void {
  for (const q of g.undelivered) k.int(q.length);
  const m = g.wokenNotRun;
  k.int(m.size);
  if (m.size === 0) return;
  const ids = [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const t of ids) k.big(t);
}
