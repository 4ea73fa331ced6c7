/**
 * The canonical key of a controller state (spec/controller.md §3), appended to a
 * {@link KeyBuilder}: every FIFO as its length then its entries, the counters, the online bits
 * and the error bits, in the state's own field order. Two states get the same key exactly when
 * they are equal.
 */

import type { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import type { ControllerState } from '../model/state.ts';

/** Appends the key of `s` to `k`. */
export function controllerKey(k: KeyBuilder, s: ControllerState): void {
  for (const q of s.ready) {
    k.int(q.length);
    for (const t of q) k.big(t);
  }
  for (const q of s.irqWait) {
    k.int(q.length);
    for (const w of q) k.int(w.p).big(w.task);
  }
  for (const n of s.irqPending) k.int(n);
  for (const q of s.ipcWait) {
    k.int(q.length);
    for (const t of q) k.big(t);
  }
  for (const n of s.ipcPending) k.int(n);
  let bits = 0;
  for (let p = 0; p < s.online.length; p++) {
    bits |= (s.online[p] === true ? 1 : 0) << (p & 15);
    if ((p & 15) === 15 || p === s.online.length - 1) {
      k.int(bits);
      bits = 0;
    }
  }
  k.int(s.error);
}
